import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { gql, rest, signUp } from '../helpers/clients.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let app: TestApp;
let db: pg.Client;
type User = Awaited<ReturnType<typeof signUp>>;
let admin: User;
let member: User;

/** Sets the platform admin flag and logs in again: the access token carries the flag. */
async function withAdmin(user: User, isAdmin: boolean): Promise<User> {
  await db.query('update identity.users set is_admin = $2 where id = $1', [user.id, isAdmin]);
  const res = await rest(app.restUrl, 'POST', '/api/v1/auth/login', { body: { email: user.email, password: user.password } });
  expect(res.status).toBe(200);
  expect(res.body.user.is_admin).toBe(isAdmin);
  return { ...user, bearer: { authorization: `Bearer ${res.body.access_token}` } };
}

beforeAll(async () => {
  app = await startTestApp();
  db = new pg.Client({ connectionString: inject('databaseUrl') });
  await db.connect();
  const [a, m] = await Promise.all([signUp(app.restUrl, 'cpa'), signUp(app.restUrl, 'cpm')]);
  // The first user of the run's database may be either of them; make the roles explicit.
  admin = await withAdmin(a, true);
  member = await withAdmin(m, false);
});
afterAll(async () => {
  await db?.end();
  await app?.close();
});

let seq = 0;
const unique = (prefix: string) => `${prefix}_${Date.now().toString(36)}_${++seq}`;

const api = (user: User, method: string, path: string, body?: unknown) =>
  rest(app.restUrl, method, `/api/v1${path}`, { headers: user.bearer, body });

const row = async (componentId: string) =>
  (await db.query('select * from workspace.components where component_id = $1', [componentId])).rows[0];
const count = async () => Number((await db.query('select count(*) from workspace.components')).rows[0].count);

async function createComponent(extra: Record<string, unknown> = {}) {
  const res = await api(admin, 'POST', '/components', { name: 'My Component', component_id: unique('comp'), ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe('REST: components', () => {
  it('should let an admin create a component (201) in BrainDrive\'s shape', async () => {
    const componentId = unique('unique-id');
    const res = await api(admin, 'POST', '/components', {
      name: 'My Component',
      component_id: componentId,
      description: 'What it does',
      icon: 'icon-name',
      is_system: false,
      user_id: admin.id.replace(/-/g, ''),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'My Component',
      component_id: componentId,
      description: 'What it does',
      icon: 'icon-name',
      is_system: false,
      user_id: admin.id,
    });
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await row(componentId)).toMatchObject({ name: 'My Component', user_id: admin.id });
  });

  it('should refuse creation to a non-admin (403 Admin required), writing nothing', async () => {
    const componentId = unique('nope');
    const res = await api(member, 'POST', '/components', { name: 'x', component_id: componentId });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ detail: 'Admin required' });
    expect(await row(componentId)).toBeUndefined();
  });

  it('should refuse a component_id that exists (400) and creating for another user (403)', async () => {
    const c = await createComponent();
    const before = await count();
    const dup = await api(admin, 'POST', '/components', { name: 'Again', component_id: c.component_id });
    expect(dup.status).toBe(400);
    expect(dup.body).toEqual({ detail: `Component with ID '${c.component_id}' already exists` });
    const other = await api(admin, 'POST', '/components', { name: 'x', component_id: unique('other'), user_id: member.id });
    expect(other.status).toBe(403);
    expect(await count()).toBe(before);
  });

  it.each([
    ['no name', { component_id: 'abc' }, ['body', 'name'], 'missing'],
    ['no component_id', { name: 'x' }, ['body', 'component_id'], 'missing'],
    ['a component_id with spaces', { name: 'x', component_id: 'two words' }, ['body', 'component_id'], 'string_pattern_mismatch'],
    ['a user_id that is not a UUID', { name: 'x', component_id: 'abc', user_id: 'me' }, ['body', 'user_id'], 'uuid_parsing'],
    ['is_system as text', { name: 'x', component_id: 'abc', is_system: 'sometimes' }, ['body', 'is_system'], 'bool_parsing'],
  ])('should answer 422 for %s, writing nothing', async (_label, body, loc, type) => {
    const before = await count();
    const res = await api(admin, 'POST', '/components', body);
    expect(res.status).toBe(422);
    expect(res.body.detail[0]).toMatchObject({ loc, type });
    expect(await count()).toBe(before);
  });

  it('should list every component to any signed-in user, as a bare array', async () => {
    const c = await createComponent({ is_system: true });
    const res = await api(member, 'GET', '/components');
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body)).toBe(true);
    expect(res.body.map((x: { component_id: string }) => x.component_id)).toContain(c.component_id);
    const system = await api(member, 'GET', '/components?is_system=true');
    expect(system.body.every((x: { is_system: boolean }) => x.is_system)).toBe(true);
    const bad = await api(member, 'GET', '/components?is_system=maybe');
    expect(bad.status).toBe(422);
    expect((await rest(app.restUrl, 'GET', '/api/v1/components')).status).toBe(401);
  });

  it('should get a component by component_id; an unknown one is 404', async () => {
    const c = await createComponent();
    const res = await api(member, 'GET', `/components/${c.component_id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: c.id, component_id: c.component_id });
    const missing = await api(member, 'GET', '/components/no-such-component');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ detail: 'Component with ID no-such-component not found' });
  });

  it('should let an admin update a component; a non-admin gets 403 and changes nothing', async () => {
    const c = await createComponent({ icon: 'old' });
    const refused = await api(member, 'PUT', `/components/${c.component_id}`, { name: 'Hijacked' });
    expect(refused.status).toBe(403);
    const res = await api(admin, 'PUT', `/components/${c.component_id}`, { name: 'Renamed', icon: 'new' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Renamed', icon: 'new', description: null });
    const bad = await api(admin, 'PUT', `/components/${c.component_id}`, { name: '' });
    expect(bad.status).toBe(422);
    expect(bad.body.detail[0]).toMatchObject({ loc: ['body', 'name'], type: 'string_too_short' });
    expect((await api(admin, 'PUT', '/components/nothing-here', { name: 'x' })).status).toBe(404);
    expect(await row(c.component_id)).toMatchObject({ name: 'Renamed', icon: 'new' });
  });

  it('should let an admin delete a component (204) but never a system one (400)', async () => {
    const c = await createComponent();
    const refused = await api(member, 'DELETE', `/components/${c.component_id}`);
    expect(refused.status).toBe(403);
    expect(await row(c.component_id)).toBeDefined();
    const res = await api(admin, 'DELETE', `/components/${c.component_id}`);
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
    expect(await row(c.component_id)).toBeUndefined();
    const sys = await createComponent({ is_system: true });
    const kept = await api(admin, 'DELETE', `/components/${sys.component_id}`);
    expect(kept.status).toBe(400);
    expect(kept.body).toEqual({ detail: 'Cannot delete system components' });
    expect(await row(sys.component_id)).toBeDefined();
  });
});

describe('GraphQL: components', () => {
  const q = (user: User, query: string, variables: Record<string, unknown> = {}) => gql(app.graphqlUrl, query, variables, user.bearer);

  it('should create as admin, refuse a member with FORBIDDEN, and show the creator from identity', async () => {
    const componentId = unique('gql');
    const refused = await q(member, `mutation($c: String!) { createComponent(input: { componentId: $c, name: "x" }) { id } }`, { c: componentId });
    expect(refused.errors?.[0]).toMatchObject({ message: 'Admin required', extensions: { code: 'FORBIDDEN' } });
    expect(await row(componentId)).toBeUndefined();
    const created = await q(admin, `mutation($c: String!) { createComponent(input: { componentId: $c, name: "G" }) { componentId user { id username } } }`, {
      c: componentId,
    });
    expect(created.errors).toBeUndefined();
    expect(created.data.createComponent).toEqual({ componentId, user: { id: admin.id, username: admin.username } });
    const dup = await q(admin, `mutation($c: String!) { createComponent(input: { componentId: $c, name: "G" }) { id } }`, { c: componentId });
    expect(dup.errors?.[0].extensions?.code).toBe('CONFLICT');
    const bad = await q(admin, `mutation { createComponent(input: { componentId: "a b", name: "G" }) { id } }`);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('should list with paging bounds and hide another user\'s pages behind User', async () => {
    const c = await createComponent();
    const one = await q(member, `query($c: String!) { component(componentId: $c) { componentId user { id pages { total } navigationRoutes { id } } } }`, {
      c: c.component_id,
    });
    expect(one.errors).toBeUndefined();
    // The component's user is the admin: a member sees neither their pages nor their navigation.
    expect(one.data.component.user).toEqual({ id: admin.id, pages: null, navigationRoutes: null });
    const list = await q(member, `{ components(limit: 2) { total limit items { componentId } } }`);
    expect(list.data.components.items).toHaveLength(2);
    expect(list.data.components.total).toBeGreaterThanOrEqual(2);
    const big = await q(member, `{ components(limit: 1001) { total } }`);
    expect(big.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const missing = await q(member, `{ component(componentId: "nothing-here") { id } }`);
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('should update and delete as admin only', async () => {
    const c = await createComponent();
    const refused = await q(member, `mutation($c: String!) { deleteComponent(componentId: $c) }`, { c: c.component_id });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const updated = await q(admin, `mutation($c: String!) { updateComponent(componentId: $c, input: { description: "d" }) { description } }`, {
      c: c.component_id,
    });
    expect(updated.data.updateComponent.description).toBe('d');
    const deleted = await q(admin, `mutation($c: String!) { deleteComponent(componentId: $c) }`, { c: c.component_id });
    expect(deleted.data.deleteComponent).toBe(c.component_id);
    expect(await row(c.component_id)).toBeUndefined();
  });
});
