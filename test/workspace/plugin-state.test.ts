import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { gql, rest, signUp } from '../helpers/clients.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let app: TestApp;
let db: pg.Client;
type User = Awaited<ReturnType<typeof signUp>>;
let ada: User;
let bob: User;

beforeAll(async () => {
  app = await startTestApp();
  db = new pg.Client({ connectionString: inject('databaseUrl') });
  await db.connect();
  [ada, bob] = await Promise.all([signUp(app.restUrl, 'psa'), signUp(app.restUrl, 'psb')]);
});
afterAll(async () => {
  await db?.end();
  await app?.close();
});

let seq = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++seq}`;
const withoutDashes = (id: string) => id.replace(/-/g, '');
const PAGE_ID = '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b';

const api = (user: User, method: string, path: string, body?: unknown) =>
  rest(app.restUrl, method, `/api/v1/plugin-state${path}`, { headers: user.bearer, body });

async function createState(user: User, extra: Record<string, unknown> = {}) {
  const res = await api(user, 'POST', '/', { plugin_id: unique('plugin'), state_data: { n: 1 }, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

const stateCount = async (user: User) =>
  Number((await db.query('select count(*) from workspace.plugin_states where user_id = $1', [user.id])).rows[0].count);
const stateRow = async (id: string) => (await db.query('select * from workspace.plugin_states where id = $1', [id])).rows[0];

describe('REST: create plugin state', () => {
  it('should create a state (200) in BrainDrive\'s PluginStateResponse shape', async () => {
    const pluginId = unique('my-plugin');
    const res = await api(ada, 'POST', '/', {
      plugin_id: pluginId,
      page_id: withoutDashes(PAGE_ID).toUpperCase(),
      state_key: 'my_state_key',
      state_strategy: 'session',
      state_data: { any: 'json data', é: [1, 2] },
      ttl_expires_at: '2099-12-31T10:00:00',
      device_id: 'laptop',
      state_schema_version: '1.0',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      user_id: ada.id,
      plugin_id: pluginId,
      page_id: PAGE_ID,
      state_key: 'my_state_key',
      state_strategy: 'session',
      state_data: { any: 'json data', é: [1, 2] },
      state_schema_version: '1.0',
      compression_type: null,
      state_size: Buffer.byteLength(JSON.stringify({ any: 'json data', é: [1, 2] })),
      access_count: 0,
      is_active: true,
      version: 1,
      device_id: 'laptop',
      sync_status: 'synced',
      ttl_expires_at: '2099-12-31T10:00:00.000Z',
    });
    expect((await stateRow(res.body.id)).state_data).toEqual({ any: 'json data', é: [1, 2] });
  });

  it('should answer 409 for a state that exists (same plugin, page and key), writing nothing', async () => {
    const pluginId = unique('dup');
    await createState(ada, { plugin_id: pluginId, page_id: PAGE_ID, state_key: 'k' });
    await createState(ada, { plugin_id: pluginId });
    const before = await stateCount(ada);
    for (const extra of [{ page_id: withoutDashes(PAGE_ID), state_key: 'k' }, {}]) {
      const res = await api(ada, 'POST', '', { plugin_id: pluginId, state_data: { n: 2 }, ...extra });
      expect(res.status).toBe(409);
      expect(res.body).toEqual({ detail: 'Plugin state already exists. Use PUT to update.' });
    }
    expect(await stateCount(ada)).toBe(before);
    // Another user's state of the same kind is theirs.
    expect((await api(bob, 'POST', '/', { plugin_id: pluginId, state_data: {} })).status).toBe(200);
  });

  it.each([
    ['no plugin_id', { state_data: {} }, ['body', 'plugin_id'], 'missing'],
    ['no state_data', { plugin_id: 'p' }, ['body', 'state_data'], 'missing'],
    ['state_data that is a list', { plugin_id: 'p', state_data: [1] }, ['body', 'state_data'], 'dict_type'],
    ['an unknown strategy', { plugin_id: 'p', state_data: {}, state_strategy: 'forever' }, ['body', 'state_strategy'], 'enum'],
    ['an expiry that is not a datetime', { plugin_id: 'p', state_data: {}, ttl_expires_at: 'tomorrow' }, ['body', 'ttl_expires_at'], 'datetime_from_date_parsing'],
    ['a 256-character plugin_id', { plugin_id: 'p'.repeat(256), state_data: {} }, ['body', 'plugin_id'], 'string_too_long'],
  ])('should answer 422 for %s, writing nothing', async (_label, body, loc, type) => {
    const before = await stateCount(ada);
    const res = await api(ada, 'POST', '/', body);
    expect(res.status).toBe(422);
    expect(res.body.detail[0]).toMatchObject({ loc, type });
    expect(await stateCount(ada)).toBe(before);
  });
});

describe('REST: read, update and delete plugin state', () => {
  it('should list the caller\'s states as a bare array with every documented filter', async () => {
    const carol = await signUp(app.restUrl, 'psc');
    const a = await createState(carol, { plugin_id: 'alpha', page_id: PAGE_ID, state_key: 'x', device_id: 'phone' });
    const b = await createState(carol, { plugin_id: 'alpha', state_strategy: 'session' });
    const c = await createState(carol, { plugin_id: 'beta' });
    await api(carol, 'PUT', `/${c.id}`, { is_active: false, sync_status: 'pending' });
    const ids = async (query: string) => {
      const res = await api(carol, 'GET', `/${query}`);
      expect(res.status, query).toBe(200);
      expect(Array.isArray(res.body)).toBe(true);
      return res.body.map((s: { id: string }) => s.id).sort();
    };
    expect(await ids('')).toEqual([a.id, b.id, c.id].sort());
    expect(await ids('?plugin_id=alpha')).toEqual([a.id, b.id].sort());
    expect(await ids(`?page_id=${withoutDashes(PAGE_ID)}`)).toEqual([a.id]);
    expect(await ids('?state_key=x')).toEqual([a.id]);
    expect(await ids('?state_strategy=session')).toEqual([b.id]);
    expect(await ids('?sync_status=pending')).toEqual([c.id]);
    expect(await ids('?is_active=false')).toEqual([c.id]);
    expect(await ids('?device_id=phone')).toEqual([a.id]);
    expect(await ids('?limit=2')).toHaveLength(2);
    expect(await ids('?limit=2&offset=2')).toHaveLength(1);
    // Most recently used first: c was updated last.
    expect((await api(carol, 'GET', '/')).body[0].id).toBe(c.id);
  });

  it.each([
    ['limit=1001', ['query', 'limit'], 'less_than_equal'],
    ['limit=0', ['query', 'limit'], 'greater_than_equal'],
    ['offset=-1', ['query', 'offset'], 'greater_than_equal'],
    ['state_strategy=forever', ['query', 'state_strategy'], 'enum'],
    ['is_active=sometimes', ['query', 'is_active'], 'bool_parsing'],
  ])('should answer 422 for %s', async (query, loc, type) => {
    const res = await api(ada, 'GET', `/?${query}`);
    expect(res.status).toBe(422);
    expect(res.body.detail[0]).toMatchObject({ loc, type });
  });

  it('should get a state with or without dashes, counting the access; someone else\'s is 404', async () => {
    const s = await createState(ada);
    const one = await api(ada, 'GET', `/${withoutDashes(s.id)}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: s.id, access_count: 1, version: 1, state_data: { n: 1 }, state_strategy: 'persistent' });
    const two = await api(ada, 'GET', `/${s.id}`);
    expect(two.body.access_count).toBe(2);
    expect(Date.parse(two.body.last_accessed)).toBeGreaterThanOrEqual(Date.parse(s.last_accessed));
    const theirs = await api(bob, 'GET', `/${s.id}`);
    expect(theirs.status).toBe(404);
    expect(theirs.body).toEqual({ detail: 'Plugin state not found' });
    expect((await stateRow(s.id)).access_count).toBe(2);
    expect((await api(ada, 'GET', '/not-a-state')).status).toBe(422);
  });

  it('should increment the version on every PUT, even with the same data', async () => {
    const s = await createState(ada, { state_data: { n: 1 } });
    const one = await api(ada, 'PUT', `/${s.id}`, { state_data: { n: 2, more: 'x' } });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ version: 2, state_data: { n: 2, more: 'x' }, state_size: 18, sync_status: 'synced' });
    const two = await api(ada, 'PUT', `/${withoutDashes(s.id)}`, { state_data: { n: 2, more: 'x' } });
    expect(two.body.version).toBe(3);
    const three = await api(ada, 'PUT', `/${s.id}`, { state_strategy: 'custom', ttl_expires_at: '2099-01-01T00:00:00+02:00' });
    expect(three.body).toMatchObject({ version: 4, state_strategy: 'custom', ttl_expires_at: '2098-12-31T22:00:00.000Z', state_data: { n: 2, more: 'x' } });
    expect((await stateRow(s.id)).version).toBe(4);
  });

  it('should leave a state unchanged for someone else (404) and for bad input (422)', async () => {
    const s = await createState(ada);
    const theirs = await api(bob, 'PUT', `/${s.id}`, { state_data: { stolen: true } });
    expect(theirs.status).toBe(404);
    const bad = await api(ada, 'PUT', `/${s.id}`, { state_data: 'text', state_strategy: 'forever' });
    expect(bad.status).toBe(422);
    expect(bad.body.detail.map((d: { loc: string[] }) => d.loc[1]).sort()).toEqual(['state_data', 'state_strategy']);
    expect(await stateRow(s.id)).toMatchObject({ version: 1, state_data: { n: 1 } });
  });

  it('should delete a state with 200 {"message"}; someone else\'s is 404 and stays', async () => {
    const s = await createState(ada);
    const theirs = await api(bob, 'DELETE', `/${s.id}`);
    expect(theirs.status).toBe(404);
    expect(await stateRow(s.id)).toBeDefined();
    const res = await api(ada, 'DELETE', `/${withoutDashes(s.id)}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ message: 'Plugin state deleted successfully' });
    expect(await stateRow(s.id)).toBeUndefined();
    expect((await api(ada, 'DELETE', `/${s.id}`)).status).toBe(404);
  });
});

describe('REST: bulk, stats, cleanup, sync', () => {
  it('should bulk-create the new states and report the others by position', async () => {
    const existing = await createState(ada);
    const fresh = unique('bulk');
    const res = await api(ada, 'POST', '/bulk', {
      states: [
        { plugin_id: fresh, state_data: { i: 0 } },
        { plugin_id: existing.plugin_id, state_data: { i: 1 } },
        { plugin_id: fresh, state_key: 'second', state_data: { i: 2 } },
        { plugin_id: fresh, state_data: { i: 3 } },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.created.map((s: { state_data: { i: number } }) => s.state_data.i)).toEqual([0, 2]);
    expect(res.body.created[0]).toMatchObject({ plugin_id: fresh, version: 1, user_id: ada.id });
    expect(res.body.errors).toEqual([
      { index: 1, plugin_id: existing.plugin_id, error: 'State already exists' },
      { index: 3, plugin_id: fresh, error: 'State already exists' },
    ]);
    const stored = await db.query('select state_key, state_data from workspace.plugin_states where plugin_id = $1 order by state_key nulls first', [fresh]);
    expect(stored.rows).toEqual([
      { state_key: null, state_data: { i: 0 } },
      { state_key: 'second', state_data: { i: 2 } },
    ]);
  });

  it('should refuse a bulk request with an invalid state (422), writing nothing', async () => {
    const before = await stateCount(ada);
    const res = await api(ada, 'POST', '/bulk', { states: [{ plugin_id: unique('ok'), state_data: {} }, { plugin_id: 'bad', state_data: 5 }] });
    expect(res.status).toBe(422);
    expect(res.body.detail[0]).toMatchObject({ loc: ['body', 'states', 1, 'state_data'], type: 'dict_type' });
    expect((await api(ada, 'POST', '/bulk', {})).status).toBe(422);
    expect(await stateCount(ada)).toBe(before);
  });

  it('should answer the caller\'s storage stats', async () => {
    const dora = await signUp(app.restUrl, 'psd');
    const empty = await api(dora, 'GET', '/stats');
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ total_states: 0, active_states: 0, total_size: 0, plugins_with_state: 0, average_state_size: 0, last_activity: null });
    const a = await createState(dora, { plugin_id: 'one', state_data: { a: 1 } });
    await createState(dora, { plugin_id: 'one', state_key: 'k', state_data: { bb: 22 } });
    const c = await createState(dora, { plugin_id: 'two', state_data: {} });
    await api(dora, 'PUT', `/${c.id}`, { is_active: false });
    const res = await api(dora, 'GET', '/stats');
    const total = a.state_size + Buffer.byteLength('{"bb":22}') + 2;
    expect(res.body).toMatchObject({ total_states: 3, active_states: 2, total_size: total, plugins_with_state: 2, average_state_size: total / 3 });
    expect(Date.parse(res.body.last_activity)).not.toBeNaN();
  });

  it('should clean up only the caller\'s expired states that are not persistent', async () => {
    const erin = await signUp(app.restUrl, 'pse');
    const past = '2001-01-01T00:00:00Z';
    const expiredSession = await createState(erin, { state_strategy: 'session', ttl_expires_at: past });
    const expiredNone = await createState(erin, { state_strategy: 'none', ttl_expires_at: past });
    const expiredPersistent = await createState(erin, { state_strategy: 'persistent', ttl_expires_at: past });
    const liveSession = await createState(erin, { state_strategy: 'session', ttl_expires_at: '2099-01-01T00:00:00Z' });
    const noTtl = await createState(erin, { state_strategy: 'custom' });
    const othersExpired = await createState(bob, { state_strategy: 'session', ttl_expires_at: past });
    const res = await api(erin, 'DELETE', '/cleanup');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ message: 'Cleaned up 2 expired plugin states', deleted_count: 2 });
    expect(await stateRow(expiredSession.id)).toBeUndefined();
    expect(await stateRow(expiredNone.id)).toBeUndefined();
    for (const kept of [expiredPersistent, liveSession, noTtl, othersExpired]) expect(await stateRow(kept.id)).toBeDefined();
  });

  it('should serve /stats, /cleanup and /bulk themselves, never as a state id', async () => {
    expect((await api(ada, 'GET', '/stats')).body).toHaveProperty('total_states');
    expect((await api(ada, 'DELETE', '/cleanup')).body).toHaveProperty('deleted_count');
    expect((await api(ada, 'POST', '/bulk', { states: [] })).body).toEqual({ created: [], errors: [] });
    expect((await api(ada, 'GET', '/stats/')).status).toBe(200);
    // A method the literal path lacks falls through to /{state_id}, as in FastAPI: "stats" is no state id.
    const put = await api(ada, 'PUT', '/stats', { state_data: {} });
    expect(put.status).toBe(422);
    expect(put.body.detail[0]).toMatchObject({ loc: ['path', 'state_id'], type: 'uuid_parsing' });
  });

  it('should sync a device\'s states: create, update, and report another device\'s as conflicts', async () => {
    const fay = await signUp(app.restUrl, 'psf');
    const mine = await createState(fay, { plugin_id: 'sync', state_key: 'mine', device_id: 'laptop' });
    const theirs = await createState(fay, { plugin_id: 'sync', state_key: 'theirs', device_id: 'phone' });
    const states = [
      { plugin_id: 'sync', state_key: 'mine', state_data: { v: 2 } },
      { plugin_id: 'sync', state_key: 'theirs', state_data: { v: 2 } },
      { plugin_id: 'sync', state_key: 'new', state_data: { v: 1 } },
    ];
    const res = await api(fay, 'POST', '/sync', { device_id: 'laptop', states });
    expect(res.status).toBe(200);
    expect(res.body.success).toBe(false);
    expect(res.body.synced.map((s: { state_key: string; version: number }) => [s.state_key, s.version])).toEqual([
      ['mine', 2],
      ['new', 1],
    ]);
    expect(res.body.conflicts).toEqual([
      expect.objectContaining({ index: 1, state_id: theirs.id, remote_version: 1, remote_data: { n: 1 }, remote_device_id: 'phone' }),
    ]);
    expect((await stateRow(theirs.id)).version).toBe(1);
    const forced = await api(fay, 'POST', '/sync', { device_id: 'laptop', states: [states[1]], force_overwrite: true });
    expect(forced.body).toMatchObject({ success: true, conflicts: [], errors: [] });
    expect(await stateRow(theirs.id)).toMatchObject({ version: 2, device_id: 'laptop', state_data: { v: 2 } });
    expect((await stateRow(mine.id)).version).toBe(2);
    const bad = await api(fay, 'POST', '/sync', { states });
    expect(bad.status).toBe(422);
    expect(bad.body.detail[0]).toMatchObject({ loc: ['body', 'device_id'], type: 'missing' });
  });
});

describe('GraphQL: plugin state', () => {
  const q = (user: User, query: string, variables: Record<string, unknown> = {}) => gql(app.graphqlUrl, query, variables, user.bearer);
  const CREATE = `mutation($i: CreatePluginStateInput!) { createPluginState(input: $i) { id version stateStrategy user { id username } page { id } } }`;

  it('should create, update (version + 1) and read states, with the user from identity and the own page only', async () => {
    const page = await rest(app.restUrl, 'POST', '/api/v1/pages', { headers: ada.bearer, body: { name: 'P', route: unique('ps-page') } });
    const created = await q(ada, CREATE, { i: { pluginId: unique('g'), pageId: withoutDashes(page.body.id), stateData: { a: 1 } } });
    expect(created.errors).toBeUndefined();
    expect(created.data.createPluginState).toMatchObject({
      version: 1,
      stateStrategy: 'PERSISTENT',
      user: { id: ada.id, username: ada.username },
      page: { id: page.body.id },
    });
    // A state may name any page id, but only the user's own page is shown.
    const foreign = await q(bob, CREATE, { i: { pluginId: unique('g'), pageId: page.body.id, stateData: {} } });
    expect(foreign.data.createPluginState.page).toBeNull();
    const id = created.data.createPluginState.id;
    const updated = await q(ada, `mutation($id: ID!) { updatePluginState(id: $id, input: { stateStrategy: SESSION }) { version stateStrategy } }`, { id });
    expect(updated.data.updatePluginState).toEqual({ version: 2, stateStrategy: 'SESSION' });
    const read = await q(ada, `query($id: ID!) { pluginState(id: $id) { accessCount } }`, { id });
    expect(read.data.pluginState.accessCount).toBe(2);
    const list = await q(ada, `{ pluginStates(stateStrategy: SESSION, limit: 1000) { total items { id } } }`);
    expect(list.data.pluginStates.items.map((s: { id: string }) => s.id)).toContain(id);
  });

  it('should answer CONFLICT, NOT_FOUND and BAD_USER_INPUT as REST does, writing nothing', async () => {
    const pluginId = unique('g');
    await q(ada, CREATE, { i: { pluginId, stateData: {} } });
    const before = await stateCount(ada);
    const dup = await q(ada, CREATE, { i: { pluginId, stateData: {} } });
    expect(dup.errors?.[0]).toMatchObject({ message: 'Plugin state already exists. Use PUT to update.', extensions: { code: 'CONFLICT' } });
    const notObject = await q(ada, CREATE, { i: { pluginId: unique('g'), stateData: [1, 2] } });
    expect(notObject.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const empty = await q(ada, CREATE, { i: { pluginId: '', stateData: {} } });
    expect(empty.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await stateCount(ada)).toBe(before);
    const s = await createState(ada);
    const theirs = await q(bob, `mutation($id: ID!) { updatePluginState(id: $id, input: { isActive: false }) { id } }`, { id: s.id });
    expect(theirs.errors?.[0]).toMatchObject({ message: 'Plugin state not found', extensions: { code: 'NOT_FOUND' } });
    expect((await stateRow(s.id)).is_active).toBe(true);
    const big = await q(ada, `{ pluginStates(limit: 1001) { total } }`);
    expect(big.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('should bulk-create, answer stats and clean up through mutations', async () => {
    const gus = await signUp(app.restUrl, 'psg');
    const bulk = await q(gus, `mutation($s: [CreatePluginStateInput!]!) { bulkCreatePluginStates(states: $s) { created { pluginId } errors { index error } } }`, {
      s: [
        { pluginId: 'p', stateData: {}, stateStrategy: 'SESSION', ttlExpiresAt: '2001-01-01T00:00:00Z' },
        { pluginId: 'p', stateData: {} },
        { pluginId: '', stateData: {} },
      ],
    });
    expect(bulk.data.bulkCreatePluginStates).toEqual({
      created: [{ pluginId: 'p' }],
      errors: [
        { index: 1, error: 'State already exists' },
        { index: 2, error: 'plugin_id must not be empty' },
      ],
    });
    const stats = await q(gus, `{ pluginStateStats { totalStates pluginsWithState } }`);
    expect(stats.data.pluginStateStats).toEqual({ totalStates: 1, pluginsWithState: 1 });
    const cleanup = await q(gus, `mutation { cleanupPluginStates { deletedCount } }`);
    expect(cleanup.data.cleanupPluginStates.deletedCount).toBe(1);
    expect(await stateCount(gus)).toBe(0);
  });
});
