import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { gql, rest, signUp } from '../helpers/clients.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let app: TestApp;
let db: pg.Client;
let ada: Awaited<ReturnType<typeof signUp>>;
let bob: Awaited<ReturnType<typeof signUp>>;

beforeAll(async () => {
  app = await startTestApp();
  db = new pg.Client({ connectionString: inject('databaseUrl') });
  await db.connect();
  [ada, bob] = await Promise.all([signUp(app.restUrl, 'nva'), signUp(app.restUrl, 'nvb')]);
});
afterAll(async () => {
  await db?.end();
  await app?.close();
});

type User = typeof ada;
let seq = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++seq}`;
const withoutDashes = (id: string) => id.replace(/-/g, '');

const api = (user: User, method: string, path: string, body?: unknown) =>
  rest(app.restUrl, method, `/api/v1${path}`, { headers: user.bearer, body });

async function createRoute(user: User, extra: Record<string, unknown> = {}) {
  const res = await api(user, 'POST', '/navigation-routes', { name: 'Route', route: unique('r'), ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** The user's routes as stored: id → parent, order, flags. */
async function snapshot(user: User) {
  const { rows } = await db.query(
    `select id, parent_id, display_order, is_expanded, is_visible, name, route from workspace.navigation_routes
      where creator_id = $1 order by id`,
    [user.id],
  );
  return rows;
}

/** A fresh user with a small tree: a → (b → d), c. */
async function tree() {
  const user = await signUp(app.restUrl, 'nvt');
  const a = await createRoute(user, { name: 'A' });
  const c = await createRoute(user, { name: 'C' });
  const b = await createRoute(user, { name: 'B', parent_id: a.id });
  const d = await createRoute(user, { name: 'D', parent_id: withoutDashes(b.id) });
  return { user, a, b, c, d };
}

describe('REST: navigation routes', () => {
  it('should create a route (201) in BrainDrive\'s shape, `order` read as its position', async () => {
    const route = unique('your-braindrive');
    const res = await api(ada, 'POST', '/navigation-routes', {
      name: 'Route Name',
      route,
      icon: 'icon-name',
      description: 'Route description',
      order: 7,
      is_expanded: false,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Route Name',
      route,
      icon: 'icon-name',
      description: 'Route description',
      order: 7,
      display_order: 7,
      is_expanded: false,
      is_visible: true,
      is_system_route: false,
      parent_id: null,
      creator_id: ada.id,
    });
  });

  it('should list the caller\'s routes only, as a bare array in sidebar order', async () => {
    const { user, a, b, c, d } = await tree();
    const res = await api(user, 'GET', '/navigation-routes');
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body)).toBe(true);
    expect(res.body.map((r: { id: string }) => r.id).sort()).toEqual([a.id, b.id, c.id, d.id].sort());
    expect(res.body.every((r: { creator_id: string }) => r.creator_id === user.id)).toBe(true);
    await api(user, 'PUT', `/navigation-routes/${c.id}`, { is_visible: false });
    const visible = await api(user, 'GET', '/navigation-routes?visible_only=true');
    expect(visible.body.map((r: { id: string }) => r.id)).not.toContain(c.id);
    const tooMany = await api(user, 'GET', '/navigation-routes?limit=1001');
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.detail[0]).toMatchObject({ loc: ['query', 'limit'], type: 'less_than_equal' });
  });

  it('should answer the tree with nested children and depth levels', async () => {
    const { user, a, b, c, d } = await tree();
    const res = await api(user, 'GET', '/navigation-routes/tree');
    expect(res.status).toBe(200);
    const shape = (nodes: { id: string; depth_level: number; children: unknown[] }[]): unknown =>
      nodes.map((n) => [n.id, n.depth_level, shape(n.children as never)]);
    expect(shape(res.body)).toEqual([
      [a.id, 0, [[b.id, 1, [[d.id, 2, []]]]]],
      [c.id, 0, []],
    ]);
    expect(res.body[0]).toMatchObject({ name: 'A', parent_id: null, display_order: 0 });
    expect(res.body[0].children[0]).toMatchObject({ name: 'B', parent_id: a.id });
    await api(user, 'PUT', `/navigation-routes/${b.id}`, { is_visible: false });
    const visible = await api(user, 'GET', '/navigation-routes/tree?visible_only=true');
    expect(shape(visible.body)).toEqual([
      [a.id, 0, []],
      [c.id, 0, []],
    ]);
  });

  it('should not route /tree or /batch-update to /{route_id}', async () => {
    const tree = await api(ada, 'GET', '/navigation-routes/tree');
    expect(tree.status).toBe(200);
    const batch = await api(ada, 'POST', '/navigation-routes/batch-update', []);
    expect(batch.status).toBe(200);
    expect(batch.body).toEqual([]);
  });

  it('should get a route by id with or without dashes, with its creator; someone else\'s is 404', async () => {
    const r = await createRoute(ada);
    const res = await api(ada, 'GET', `/navigation-routes/${withoutDashes(r.id)}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: r.id, creator: { id: ada.id, username: ada.username, email: ada.email } });
    const theirs = await api(bob, 'GET', `/navigation-routes/${r.id}`);
    expect(theirs.status).toBe(404);
    expect(theirs.body).toEqual({ detail: 'Navigation route not found' });
    const bad = await api(ada, 'GET', '/navigation-routes/123');
    expect(bad.status).toBe(422);
  });

  it('should refuse a taken route path (400) and bad input (422), writing nothing', async () => {
    const r = await createRoute(ada);
    const before = (await snapshot(ada)).length;
    const taken = await api(ada, 'POST', '/navigation-routes', { name: 'x', route: `/${r.route}` });
    expect(taken.status).toBe(400);
    expect(taken.body.detail).toBe(`Route with path '/${r.route}' already exists`);
    for (const [body, loc, type] of [
      [{ route: 'x' }, ['body', 'name'], 'missing'],
      [{ name: 'x', route: 'y', order: 'first' }, ['body', 'order'], 'int_parsing'],
      [{ name: 'x', route: 'y', parent_id: 'root' }, ['body', 'parent_id'], 'uuid_parsing'],
      [{ name: 'x'.repeat(101), route: 'y' }, ['body', 'name'], 'string_too_long'],
    ] as const) {
      const res = await api(ada, 'POST', '/navigation-routes', body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.detail[0]).toMatchObject({ loc, type });
    }
    const theirParent = await api(bob, 'POST', '/navigation-routes', { name: 'x', route: unique('y'), parent_id: r.id });
    expect(theirParent.status).toBe(404);
    expect(theirParent.body).toEqual({ detail: 'Parent route not found' });
    expect((await snapshot(ada)).length).toBe(before);
  });

  it('should update a route; someone else\'s is 404 and unchanged', async () => {
    const r = await createRoute(ada, { icon: 'old' });
    const res = await api(ada, 'PUT', `/navigation-routes/${r.id}`, { name: 'New name', icon: 'new', display_order: 4 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'New name', icon: 'new', display_order: 4, order: 4, route: r.route });
    const theirs = await api(bob, 'PUT', `/navigation-routes/${r.id}`, { name: 'Bob was here' });
    expect(theirs.status).toBe(404);
    const bad = await api(ada, 'PUT', `/navigation-routes/${r.id}`, { is_visible: 'sometimes' });
    expect(bad.status).toBe(422);
    expect((await db.query('select name, is_visible from workspace.navigation_routes where id = $1', [r.id])).rows[0]).toEqual({
      name: 'New name',
      is_visible: true,
    });
  });

  it('should move a route under another, last among its new siblings, and back to the top', async () => {
    const { user, a, c, d } = await tree();
    const moved = await api(user, 'PUT', `/navigation-routes/${c.id}/move`, { parent_id: a.id });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id: c.id, parent_id: a.id, display_order: 1 });
    const top = await api(user, 'PUT', `/navigation-routes/${d.id}/move`, { parent_id: null, display_order: 9 });
    expect(top.body).toMatchObject({ parent_id: null, display_order: 9 });
  });

  it('should refuse a move under the route itself or its descendants (400), writing nothing', async () => {
    const { user, a, d } = await tree();
    const before = await snapshot(user);
    const cycle = await api(user, 'PUT', `/navigation-routes/${a.id}/move`, { parent_id: d.id });
    expect(cycle.status).toBe(400);
    expect(cycle.body.detail).toMatch(/cannot be moved under itself or its descendants/);
    const self = await api(user, 'PUT', `/navigation-routes/${a.id}/move`, { parent_id: a.id });
    expect(self.status).toBe(400);
    const theirs = await api(bob, 'PUT', `/navigation-routes/${a.id}/move`, { parent_id: null });
    expect(theirs.status).toBe(404);
    const bad = await api(user, 'PUT', `/navigation-routes/${a.id}/move`, { display_order: 1.5 });
    expect(bad.status).toBe(422);
    expect(await snapshot(user)).toEqual(before);
  });

  it('should apply a batch update entirely', async () => {
    const { user, a, b, c, d } = await tree();
    const res = await api(user, 'POST', '/navigation-routes/batch-update', [
      { id: withoutDashes(c.id), parent_id: a.id, display_order: 0, is_expanded: false },
      { id: b.id, display_order: 1 },
      { id: d.id, parent_id: null, display_order: 5 },
    ]);
    expect(res.status).toBe(200);
    expect(res.body.map((r: { id: string }) => r.id)).toEqual([c.id, b.id, d.id]);
    const rows = new Map((await snapshot(user)).map((r) => [r.id, r]));
    expect(rows.get(c.id)).toMatchObject({ parent_id: a.id, display_order: 0, is_expanded: false });
    expect(rows.get(b.id)).toMatchObject({ parent_id: a.id, display_order: 1 });
    expect(rows.get(d.id)).toMatchObject({ parent_id: null, display_order: 5 });
  });

  it('should apply nothing of a batch with one unknown or foreign id (404)', async () => {
    const { user, a, b, c } = await tree();
    const foreign = await createRoute(bob);
    const before = await snapshot(user);
    const foreignBefore = await snapshot(bob);
    for (const bad of [foreign.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await api(user, 'POST', '/navigation-routes/batch-update', [
        { id: c.id, parent_id: a.id, display_order: 3 },
        { id: b.id, display_order: 8, is_expanded: false },
        { id: bad, display_order: 1 },
      ]);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ detail: 'Navigation route not found' });
    }
    expect(await snapshot(user)).toEqual(before);
    expect(await snapshot(bob)).toEqual(foreignBefore);
  });

  it('should apply nothing of a batch that would make a cycle (400) or has bad input (422)', async () => {
    const { user, a, b, c } = await tree();
    const before = await snapshot(user);
    const cycle = await api(user, 'POST', '/navigation-routes/batch-update', [
      { id: c.id, display_order: 7 },
      { id: a.id, parent_id: b.id },
    ]);
    expect(cycle.status).toBe(400);
    const bad = await api(user, 'POST', '/navigation-routes/batch-update', [{ id: c.id, display_order: 2 }, { display_order: 1 }]);
    expect(bad.status).toBe(422);
    expect(bad.body.detail[0]).toMatchObject({ loc: ['body', 1, 'id'], type: 'missing' });
    const notList = await api(user, 'POST', '/navigation-routes/batch-update', { id: c.id });
    expect(notList.status).toBe(422);
    expect(await snapshot(user)).toEqual(before);
  });

  it('should delete a route (204), moving its children up to its parent', async () => {
    const { user, a, b, d } = await tree();
    const theirs = await api(bob, 'DELETE', `/navigation-routes/${b.id}`);
    expect(theirs.status).toBe(404);
    const res = await api(user, 'DELETE', `/navigation-routes/${withoutDashes(b.id)}`);
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
    const rows = new Map((await snapshot(user)).map((r) => [r.id, r]));
    expect(rows.has(b.id)).toBe(false);
    expect(rows.get(d.id)?.parent_id).toBe(a.id);
  });

  it('should not delete a route pages are on (400)', async () => {
    const r = await createRoute(ada);
    const page = await api(ada, 'POST', '/pages', { name: 'On it', route: unique('on-it'), navigation_route_id: r.id });
    expect(page.status).toBe(201);
    const res = await api(ada, 'DELETE', `/navigation-routes/${r.id}`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ detail: 'Cannot delete route: 1 page(s) are using this route' });
  });

  // Decision: a system route is undeletable with 400 "Cannot delete system routes", as BrainDrive answers it.
  it('should let only an admin create a system route, and nobody delete one (400)', async () => {
    const user = await signUp(app.restUrl, 'nvs');
    await db.query('update identity.users set is_admin = false where id = $1', [user.id]);
    const plain = await login(user);
    const refused = await api(plain, 'POST', '/navigation-routes', { name: 'Sys', route: unique('sys'), is_system_route: true });
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({ detail: 'Admin required' });
    await db.query('update identity.users set is_admin = true where id = $1', [user.id]);
    const admin = await login(user);
    const sys = await api(admin, 'POST', '/navigation-routes', { name: 'Sys', route: unique('sys'), is_system_route: true });
    expect(sys.status).toBe(201);
    expect(sys.body.is_system_route).toBe(true);
    const del = await api(admin, 'DELETE', `/navigation-routes/${sys.body.id}`);
    expect(del.status).toBe(400);
    expect(del.body).toEqual({ detail: 'Cannot delete system routes' });
    const rename = await api(admin, 'PUT', `/navigation-routes/${sys.body.id}`, { name: 'Other' });
    expect(rename.status).toBe(400);
    expect(rename.body).toEqual({ detail: 'Cannot change name for system routes' });
    const icon = await api(admin, 'PUT', `/navigation-routes/${sys.body.id}`, { icon: 'star' });
    expect(icon.status).toBe(200);
    expect((await db.query('select count(*) from workspace.navigation_routes where id = $1', [sys.body.id])).rows[0].count).toBe('1');
  });

  it('should keep a default page once set unless the route allows changing it', async () => {
    const p1 = await api(ada, 'POST', '/pages', { name: 'Home', route: unique('home') });
    const p2 = await api(ada, 'POST', '/pages', { name: 'Other', route: unique('other') });
    const r = await createRoute(ada, { default_page_id: p1.body.id });
    expect(r.default_page_id).toBe(p1.body.id);
    const locked = await api(ada, 'PUT', `/navigation-routes/${r.id}`, { default_page_id: p2.body.id });
    expect(locked.status).toBe(400);
    expect(locked.body).toEqual({ detail: 'Cannot change default page for this route' });
    const bobPage = await api(bob, 'POST', '/pages', { name: 'Bob', route: unique('bob') });
    const foreign = await api(ada, 'POST', '/navigation-routes', { name: 'x', route: unique('x'), default_page_id: bobPage.body.id });
    expect(foreign.status).toBe(404);
  });
});

async function login(user: User): Promise<User> {
  const res = await rest(app.restUrl, 'POST', '/api/v1/auth/login', { body: { email: user.email, password: user.password } });
  expect(res.status).toBe(200);
  return { ...user, bearer: { authorization: `Bearer ${res.body.access_token}` } };
}

describe('GraphQL: navigation routes', () => {
  const q = (user: User, query: string, variables: Record<string, unknown> = {}) => gql(app.graphqlUrl, query, variables, user.bearer);

  it('should answer the tree depth-first and the nested fields through loaders', async () => {
    const { user, a, b, c, d } = await tree();
    const res = await q(user, `{ navigationTree { depthLevel route { id } } navigationRoutes { total items { id parent { id } children { id } creator { username } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.navigationTree.map((e: { depthLevel: number; route: { id: string } }) => [e.route.id, e.depthLevel])).toEqual([
      [a.id, 0],
      [b.id, 1],
      [d.id, 2],
      [c.id, 0],
    ]);
    const byId = new Map(res.data.navigationRoutes.items.map((r: { id: string }) => [r.id, r]));
    expect(byId.get(a.id)).toMatchObject({ parent: null, children: [{ id: b.id }], creator: { username: user.username } });
    expect(byId.get(d.id)).toMatchObject({ parent: { id: b.id }, children: [] });
  });

  it('should batch-update atomically: one foreign id changes nothing', async () => {
    const { user, a, c } = await tree();
    const foreign = await createRoute(bob);
    const before = await snapshot(user);
    const res = await q(user, `mutation($u: [NavigationRouteBatchUpdateInput!]!) { batchUpdateNavigationRoutes(updates: $u) { id } }`, {
      u: [{ id: c.id, parentId: a.id }, { id: foreign.id, displayOrder: 3 }],
    });
    expect(res.errors?.[0]).toMatchObject({ message: 'Navigation route not found', extensions: { code: 'NOT_FOUND' } });
    expect(await snapshot(user)).toEqual(before);
    const ok = await q(user, `mutation($u: [NavigationRouteBatchUpdateInput!]!) { batchUpdateNavigationRoutes(updates: $u) { id parentId } }`, {
      u: [{ id: c.id, parentId: a.id }],
    });
    expect(ok.data.batchUpdateNavigationRoutes).toEqual([{ id: c.id, parentId: a.id }]);
  });

  it('should answer NOT_FOUND for someone else\'s route, CONFLICT for a taken path, BAD_USER_INPUT for a cycle', async () => {
    const { user, a, d } = await tree();
    const theirs = await q(bob, `query($id: ID!) { navigationRoute(id: $id) { id } }`, { id: a.id });
    expect(theirs.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const del = await q(bob, `mutation($id: ID!) { deleteNavigationRoute(id: $id) }`, { id: a.id });
    expect(del.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const taken = await q(user, `mutation($r: String!) { createNavigationRoute(input: { name: "x", route: $r }) { id } }`, { r: a.route });
    expect(taken.errors?.[0].extensions?.code).toBe('CONFLICT');
    const cycle = await q(user, `mutation($id: ID!, $p: ID) { moveNavigationRoute(id: $id, parentId: $p) { id } }`, { id: a.id, p: d.id });
    expect(cycle.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const big = await q(user, `{ navigationRoutes(limit: 1001) { total } }`);
    expect(big.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await snapshot(user)).find((r) => r.id === a.id)?.parent_id).toBeNull();
  });

  it('should create, update and delete through mutations', async () => {
    const created = await q(ada, `mutation($r: String!) { createNavigationRoute(input: { name: "G", route: $r, displayOrder: 2 }) { id displayOrder } }`, {
      r: unique('g'),
    });
    expect(created.data.createNavigationRoute.displayOrder).toBe(2);
    const id = created.data.createNavigationRoute.id;
    const updated = await q(ada, `mutation($id: ID!) { updateNavigationRoute(id: $id, input: { isExpanded: false }) { isExpanded } }`, { id });
    expect(updated.data.updateNavigationRoute.isExpanded).toBe(false);
    const deleted = await q(ada, `mutation($id: ID!) { deleteNavigationRoute(id: $id) }`, { id: withoutDashes(id) });
    expect(deleted.data.deleteNavigationRoute).toBe(id);
    expect((await db.query('select count(*) from workspace.navigation_routes where id = $1', [id])).rows[0].count).toBe('0');
  });
});
