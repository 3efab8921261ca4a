import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import pg from 'pg';
import { SqlCounter } from '../../subgraphs/common/orm.js';
import { gql, rest, signUp } from '../helpers/clients.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

// The list, each page's creator (identity, through the gateway) and each page's navigation route (a DataLoader hop).
const QUERY = `{ pages(limit: 100) { total items { id creator { username } navigationRoute { name } } } }`;

let app: TestApp;
let db: pg.Client;
let counter: SqlCounter;

beforeAll(async () => {
  app = await startTestApp();
  db = new pg.Client({ connectionString: inject('databaseUrl') });
  await db.connect();
  counter = new SqlCounter([...app.runtimes.values()].map((r) => r.orm));
});
afterAll(async () => {
  counter?.dispose();
  await db?.end();
  await app?.close();
});

/** A user with `n` pages, each on one of two navigation routes of theirs. */
async function userWithPages(n: number) {
  const user = await signUp(app.restUrl, `sql${n}`);
  const navIds: string[] = [];
  for (const name of ['first', 'second']) {
    const nav = await rest(app.restUrl, 'POST', '/api/v1/navigation-routes', { headers: user.bearer, body: { name, route: `${name}-${n}` } });
    expect(nav.status).toBe(201);
    navIds.push(nav.body.id);
  }
  await db.query(
    `insert into workspace.pages (id, creator_id, name, route, content, navigation_route_id)
     select gen_random_uuid(), $1, 'Page ' || i, '/page-' || i, '{}'::jsonb, ($2::uuid[])[1 + i % 2]
       from generate_series(1, $3) as i`,
    [user.id, navIds, n],
  );
  return user;
}

async function statementsFor(user: Awaited<ReturnType<typeof signUp>>, expected: number) {
  counter.reset();
  const res = await gql(app.graphqlUrl, QUERY, {}, user.bearer);
  const count = counter.count;
  expect(res.errors).toBeUndefined();
  expect(res.data.pages.total).toBe(expected);
  expect(res.data.pages.items).toHaveLength(expected);
  expect(res.data.pages.items.every((p: { creator: { username: string } }) => p.creator.username === user.username)).toBe(true);
  expect(new Set(res.data.pages.items.map((p: { navigationRoute: { name: string } }) => p.navigationRoute.name))).toEqual(new Set(['first', 'second']));
  return count;
}

it('should send as many SQL statements for 100 pages as for 10 (creator and navigation route batched)', async () => {
  const [ten, hundred] = [await userWithPages(10), await userWithPages(100)];
  // Warm up: the first request of a query plans it; only steady-state requests are counted.
  await gql(app.graphqlUrl, QUERY, {}, ten.bearer);
  const at10 = await statementsFor(ten, 10);
  const at100 = await statementsFor(hundred, 100);
  console.log(`SQL statements for pages(limit: 100) with creator and navigationRoute: ${at10} at 10 pages, ${at100} at 100 pages`);
  expect(at100).toBe(at10);
  // The page list and its count, the navigation routes in one batch, the creators in one batch.
  expect(at10).toBeLessThanOrEqual(4);
});
