import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { inject } from 'vitest';
import { SecretBox } from '../../subgraphs/common/secret-box.js';
import { rest, signUp } from '../helpers/clients.js';
import { startTestApp, TEST_SECRETS, type TestApp } from '../helpers/test-app.js';

type User = Awaited<ReturnType<typeof signUp>>;

let app: TestApp;
let db: pg.Client;
let url: string;
let alice: User;
let bob: User;
let admin: User;

const box = new SecretBox(TEST_SECRETS.encryptionSecret);
const uid = (prefix: string) => `${prefix}_${randomBytes(4).toString('hex')}`;
const undashed = (id: string) => id.replace(/-/g, '');

/**
 * A user whose platform-admin flag is set in the database (the first user of the run's database is an admin, whichever
 * suite registers first), then logged in again so the JWT carries it.
 */
async function signUpAs(prefix: string, isAdmin: boolean): Promise<User> {
  const u = await signUp(url, prefix);
  await db.query('update identity.users set is_admin = $2 where id = $1', [u.id, isAdmin]);
  const login = await rest(url, 'POST', '/api/v1/auth/login', { body: { email: u.email, password: u.password } });
  return { ...u, accessToken: login.body.access_token, bearer: { authorization: `Bearer ${login.body.access_token}` } };
}

beforeAll(async () => {
  app = await startTestApp();
  url = app.restUrl;
  db = new pg.Client({ connectionString: inject('databaseUrl') });
  await db.connect();
  [alice, bob, admin] = await Promise.all([signUpAs('alice', false), signUpAs('bob', false), signUpAs('adm', true)]);
});
afterAll(async () => {
  await db.end();
  await app.close();
});

const definitionRow = async (id: string) => (await db.query('select * from workspace.setting_definitions where id = $1', [id])).rows[0];
const instanceRow = async (id: string) => (await db.query('select * from workspace.setting_instances where id = $1', [id])).rows[0];
const instancesOf = async (userId: string) =>
  Number((await db.query('select count(*) from workspace.setting_instances where user_id = $1', [userId])).rows[0].count);
// Only this file's definitions (described 'for tests'): suites running alongside add their own at any time.
const countDefinitions = async () =>
  Number((await db.query("select count(*) from workspace.setting_definitions where description = 'for tests'")).rows[0].count);

const newDefinition = (id = uid('def')) => ({
  id,
  name: 'Test Setting',
  description: 'for tests',
  category: 'tests',
  type: 'object',
  default_value: { a: 1 },
  allowed_scopes: ['user', 'system'],
  is_multiple: false,
  validation: { max: 3 },
  tags: ['t1'],
});

async function createDefinition(body = newDefinition()) {
  const res = await rest(url, 'POST', '/api/v1/settings/definitions', { headers: admin.bearer, body });
  expect(res.status).toBe(200);
  return res.body;
}

async function saveInstance(user: User, body: Record<string, unknown>) {
  const res = await rest(url, 'POST', '/api/v1/settings/instances', { headers: user.bearer, body });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

describe('GET /api/v1/settings/definitions', () => {
  it('should list the definitions of a fresh install as a bare array', async () => {
    const res = await rest(url, 'GET', '/api/v1/settings/definitions', { headers: alice.bearer });
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body)).toBe(true);
    const ids = res.body.map((d: { id: string }) => d.id);
    for (const id of [
      'theme_settings', 'branding_logo_settings', 'powered_by_settings', 'copyright_settings', 'white_label_settings',
      'general_settings', 'ollama_servers_settings', 'openai_api_keys_settings', 'claude_api_keys_settings',
      'openrouter_api_keys_settings', 'groq_api_keys_settings',
    ]) {
      expect(ids).toContain(id);
    }
    const theme = res.body.find((d: { id: string }) => d.id === 'theme_settings');
    expect(theme).toMatchObject({
      name: 'Theme Settings',
      type: 'object',
      default_value: { theme: 'dark', useSystemTheme: false },
      allowed_scopes: ['system', 'user', 'page', 'user_page'],
      is_multiple: false,
      is_secret: false,
    });
    expect(theme.created_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    const secret = res.body.filter((d: { is_secret: boolean }) => d.is_secret).map((d: { id: string }) => d.id);
    expect(secret).toEqual(expect.arrayContaining(['ollama_servers_settings', 'openai_api_keys_settings', 'claude_api_keys_settings', 'openrouter_api_keys_settings', 'groq_api_keys_settings']));
  });

  it('should filter by category and by allowed scope', async () => {
    const ui = await rest(url, 'GET', '/api/v1/settings/definitions?category=ui', { headers: alice.bearer });
    expect(ui.body.length).toBeGreaterThan(0);
    expect(ui.body.every((d: { category: string }) => d.category === 'ui')).toBe(true);
    expect(ui.body.map((d: { id: string }) => d.id)).toContain('theme_settings');
    const page = await rest(url, 'GET', '/api/v1/settings/definitions?scope=page', { headers: alice.bearer });
    const ids = page.body.map((d: { id: string }) => d.id);
    expect(ids).toContain('theme_settings');
    expect(ids).not.toContain('copyright_settings');
    expect(page.body.every((d: { allowed_scopes: string[] }) => d.allowed_scopes.includes('page'))).toBe(true);
  });

  it('should answer 422 for an unknown scope filter and 401 without credentials', async () => {
    const bad = await rest(url, 'GET', '/api/v1/settings/definitions?scope=galaxy', { headers: alice.bearer });
    expect(bad.status).toBe(422);
    expect(bad.body.detail[0]).toMatchObject({ loc: ['query', 'scope'], type: 'enum', input: 'galaxy' });
    const anonymous = await rest(url, 'GET', '/api/v1/settings/definitions');
    expect(anonymous).toMatchObject({ status: 401, body: { detail: 'Not authenticated' } });
  });
});

describe('POST /api/v1/settings/definitions', () => {
  it('should let an admin create a definition', async () => {
    const body = newDefinition();
    const created = await createDefinition(body);
    expect(created).toMatchObject({ ...body, is_secret: false });
    const row = await definitionRow(body.id);
    expect(row).toMatchObject({ name: 'Test Setting', category: 'tests', default_value: { a: 1 }, allowed_scopes: ['user', 'system'], tags: ['t1'] });
  });

  it('should make a definition of provider keys secret unless told otherwise', async () => {
    const created = await createDefinition({ ...newDefinition(uid('acme') + '_api_keys_settings') });
    expect(created.is_secret).toBe(true);
    const plain = await createDefinition({ ...newDefinition(uid('plain') + '_api_keys_settings'), is_secret: false } as never);
    expect(plain.is_secret).toBe(false);
  });

  it('should answer 403 Admin required to a normal user and write nothing', async () => {
    const body = newDefinition();
    const res = await rest(url, 'POST', '/api/v1/settings/definitions', { headers: alice.bearer, body });
    expect(res).toMatchObject({ status: 403, body: { detail: 'Admin required' } });
    expect(await definitionRow(body.id)).toBeUndefined();
  });

  it.each([
    ['no category', (b: any) => ({ ...b, category: undefined }), ['body', 'category'], 'missing'],
    ['an unknown allowed scope', (b: any) => ({ ...b, allowed_scopes: ['user', 'galaxy'] }), ['body', 'allowed_scopes', 1], 'enum'],
    ['a number as name', (b: any) => ({ ...b, name: 42 }), ['body', 'name'], 'string_type'],
    ['an id with a slash', (b: any) => ({ ...b, id: 'a/b' }), ['body', 'id'], 'string_pattern_mismatch'],
    ['validation that is not an object', (b: any) => ({ ...b, validation: [1] }), ['body', 'validation'], 'dict_type'],
  ])('should answer 422 for %s and write nothing', async (_label, make, loc, type) => {
    const body = make(newDefinition());
    const before = await countDefinitions();
    const res = await rest(url, 'POST', '/api/v1/settings/definitions', { headers: admin.bearer, body });
    expect(res.status).toBe(422);
    expect(res.body.detail[0]).toMatchObject({ loc, type });
    expect(await countDefinitions()).toBe(before);
  });

  it('should answer 400 for an id that exists already', async () => {
    const body = newDefinition();
    await createDefinition(body);
    const again = await rest(url, 'POST', '/api/v1/settings/definitions', { headers: admin.bearer, body: { ...body, name: 'Other' } });
    expect(again).toMatchObject({ status: 400, body: { detail: `Setting definition ${body.id} already exists` } });
    expect((await definitionRow(body.id)).name).toBe('Test Setting');
  });
});

describe('PATCH and PUT /api/v1/settings/definitions/{definition_id}', () => {
  it('should change only the fields a PATCH sends', async () => {
    const def = await createDefinition();
    const res = await rest(url, 'PATCH', `/api/v1/settings/definitions/${def.id}`, { headers: admin.bearer, body: { name: 'Renamed', default_value: null } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: def.id, name: 'Renamed', default_value: null, category: 'tests', tags: ['t1'], validation: { max: 3 } });
    expect(await definitionRow(def.id)).toMatchObject({ name: 'Renamed', category: 'tests' });
  });

  it('should replace every field on PUT, the ones left out returning to their defaults', async () => {
    const def = await createDefinition();
    const res = await rest(url, 'PUT', `/api/v1/settings/definitions/${def.id}`, {
      headers: admin.bearer,
      body: { id: def.id, name: 'Whole', category: 'other', type: 'string', allowed_scopes: ['user'] },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Whole', category: 'other', type: 'string', allowed_scopes: ['user'], tags: [], validation: null, description: null });
    const noId = await rest(url, 'PUT', `/api/v1/settings/definitions/${def.id}`, {
      headers: admin.bearer,
      body: { name: 'No id', category: 'other', type: 'string', allowed_scopes: ['user'] },
    });
    expect(noId.body.name).toBe('No id');
  });

  it('should answer 400 when the body names another id, 404 for an unknown id, and change nothing', async () => {
    const def = await createDefinition();
    const mismatch = await rest(url, 'PUT', `/api/v1/settings/definitions/${def.id}`, {
      headers: admin.bearer,
      body: { id: 'something_else', name: 'X', category: 'c', type: 'object', allowed_scopes: ['user'] },
    });
    expect(mismatch).toMatchObject({ status: 400, body: { detail: 'Definition ID in path does not match ID in request body' } });
    for (const method of ['PATCH', 'PUT']) {
      const missing = await rest(url, method, '/api/v1/settings/definitions/no_such_definition', {
        headers: admin.bearer,
        body: { name: 'X', category: 'c', type: 'object', allowed_scopes: ['user'] },
      });
      expect(missing).toMatchObject({ status: 404, body: { detail: 'Setting definition no_such_definition not found' } });
    }
    expect((await definitionRow(def.id)).name).toBe('Test Setting');
  });

  it('should answer 403 to a normal user and 422 to bad input, changing nothing', async () => {
    const def = await createDefinition();
    for (const method of ['PATCH', 'PUT']) {
      const forbidden = await rest(url, method, `/api/v1/settings/definitions/${def.id}`, {
        headers: alice.bearer,
        body: { name: 'Hijack', category: 'c', type: 'object', allowed_scopes: ['user'] },
      });
      expect(forbidden).toMatchObject({ status: 403, body: { detail: 'Admin required' } });
    }
    const patch = await rest(url, 'PATCH', `/api/v1/settings/definitions/${def.id}`, { headers: admin.bearer, body: { name: 5 } });
    expect(patch.status).toBe(422);
    expect(patch.body.detail[0]).toMatchObject({ loc: ['body', 'name'], type: 'string_type' });
    const put = await rest(url, 'PUT', `/api/v1/settings/definitions/${def.id}`, { headers: admin.bearer, body: { name: 'No scopes', category: 'c', type: 'object' } });
    expect(put.status).toBe(422);
    expect(put.body.detail[0]).toMatchObject({ loc: ['body', 'allowed_scopes'], type: 'missing' });
    expect((await definitionRow(def.id)).name).toBe('Test Setting');
  });

  it('should seal the keys instances already hold when a definition becomes secret', async () => {
    const def = await createDefinition({ ...newDefinition(), allowed_scopes: ['user'] });
    const saved = await saveInstance(alice, { definition_id: def.id, name: 'k', value: { api_key: 'clear-key-0123456789abcdef' }, scope: 'user' });
    expect(JSON.stringify((await instanceRow(saved.id)).value)).toContain('clear-key-0123456789abcdef');
    const res = await rest(url, 'PATCH', `/api/v1/settings/definitions/${def.id}`, { headers: admin.bearer, body: { is_secret: true } });
    expect(res.body.is_secret).toBe(true);
    const raw = (await instanceRow(saved.id)).value;
    expect(JSON.stringify(raw)).not.toContain('clear-key');
    expect(box.open(raw.api_key)).toBe('clear-key-0123456789abcdef');
  });
});

describe('DELETE /api/v1/settings/definitions/{definition_id}', () => {
  it('should let an admin delete an unused definition', async () => {
    const def = await createDefinition();
    const res = await rest(url, 'DELETE', `/api/v1/settings/definitions/${def.id}`, { headers: admin.bearer });
    expect(res).toMatchObject({ status: 200, body: { message: `Setting definition ${def.id} deleted successfully` } });
    expect(await definitionRow(def.id)).toBeUndefined();
  });

  it('should refuse to delete a definition with instances (400), and answer 403 and 404', async () => {
    const def = await createDefinition();
    await saveInstance(alice, { definition_id: def.id, name: 'x', value: 1, scope: 'user' });
    const used = await rest(url, 'DELETE', `/api/v1/settings/definitions/${def.id}`, { headers: admin.bearer });
    expect(used.status).toBe(400);
    expect(used.body.detail).toMatch(/has 1 instances/);
    const forbidden = await rest(url, 'DELETE', `/api/v1/settings/definitions/${def.id}`, { headers: bob.bearer });
    expect(forbidden).toMatchObject({ status: 403, body: { detail: 'Admin required' } });
    expect(await definitionRow(def.id)).toBeDefined();
    const missing = await rest(url, 'DELETE', '/api/v1/settings/definitions/no_such_definition', { headers: admin.bearer });
    expect(missing.status).toBe(404);
  });
});

describe('POST /api/v1/settings/instances (upsert)', () => {
  it('should create, then update the same instance for the same definition, scope, user and page', async () => {
    const def = await createDefinition();
    const first = await saveInstance(alice, { definition_id: def.id, name: 'First', value: { n: 1 }, scope: 'user', user_id: 'current' });
    expect(first).toMatchObject({ definition_id: def.id, name: 'First', value: { n: 1 }, scope: 'user', user_id: alice.id, page_id: null });
    expect(first.id).toMatch(/^[0-9a-f-]{36}$/);
    const second = await saveInstance(alice, { definition_id: def.id, name: 'Second', value: { n: 2 }, scope: 'user', user_id: alice.id });
    expect(second).toMatchObject({ id: first.id, name: 'Second', value: { n: 2 } });
    const third = await saveInstance(alice, { definition_id: def.id, name: 'Third', value: { n: 3 }, scope: 'USER' });
    expect(third.id).toBe(first.id);
    const rows = await db.query('select value from workspace.setting_instances where definition_id = $1', [def.id]);
    expect(rows.rows).toEqual([{ value: { n: 3 } }]);
    const bobs = await saveInstance(bob, { definition_id: def.id, name: 'Bob', value: { n: 9 }, scope: 'user' });
    expect(bobs.id).not.toBe(first.id);
  });

  it('should keep one instance per page, and require page_id for page scopes', async () => {
    const def = await createDefinition({ ...newDefinition(), allowed_scopes: ['page', 'user_page'] });
    const [p1, p2] = [randomUUID(), randomUUID()];
    const a = await saveInstance(alice, { definition_id: def.id, name: 'p', value: 1, scope: 'page', page_id: p1 });
    const b = await saveInstance(alice, { definition_id: def.id, name: 'p', value: 2, scope: 'page', page_id: undashed(p2) });
    const again = await saveInstance(alice, { definition_id: def.id, name: 'p', value: 3, scope: 'page', page_id: undashed(p1) });
    expect(b.page_id).toBe(p2);
    expect(again.id).toBe(a.id);
    expect(a.id).not.toBe(b.id);
    const before = await instancesOf(alice.id);
    const missing = await rest(url, 'POST', '/api/v1/settings/instances', { headers: alice.bearer, body: { definition_id: def.id, name: 'p', value: 1, scope: 'user_page' } });
    expect(missing).toMatchObject({ status: 400, body: { detail: 'page_id is required for scope user_page' } });
    const notAllowed = await rest(url, 'POST', '/api/v1/settings/instances', { headers: alice.bearer, body: { definition_id: def.id, name: 'p', value: 1, scope: 'user' } });
    expect(notAllowed.status).toBe(400);
    expect(notAllowed.body.detail).toMatch(/Scope user is not allowed/);
    expect(await instancesOf(alice.id)).toBe(before);
  });

  it('should create the definition of an instance whose definition does not exist', async () => {
    const id = uid('auto');
    const saved = await saveInstance(alice, { definition_id: id, name: 'Auto Thing', value: { on: true }, scope: 'user' });
    expect(saved.definition_id).toBe(id);
    expect(await definitionRow(id)).toMatchObject({ name: 'Auto Thing', category: 'auto_generated', type: 'object', default_value: { on: true }, allowed_scopes: ['system', 'user', 'page', 'user_page'] });
  });

  it('should create a secret definition, without the key as its default, for unknown provider keys', async () => {
    const id = `${uid('auto')}_api_keys_settings`;
    const key = `key-${randomBytes(12).toString('hex')}`;
    const saved = await saveInstance(alice, { definition_id: id, name: 'Acme Keys', value: { api_key: key }, scope: 'user' });
    expect(saved.value).toEqual({ api_key: `${key.slice(0, 7)}...${key.slice(-4)}`, _has_key: true });
    expect(await definitionRow(id)).toMatchObject({ is_secret: true, default_value: null });
    expect(JSON.stringify((await instanceRow(saved.id)).value)).not.toContain(key);
  });

  it('should answer 400 listing the valid scopes for an unknown scope, writing nothing', async () => {
    const id = uid('noscope');
    const res = await rest(url, 'POST', '/api/v1/settings/instances', { headers: alice.bearer, body: { definition_id: id, name: 'x', value: 1, scope: 'galaxy' } });
    expect(res).toMatchObject({ status: 400, body: { detail: 'Invalid scope value: galaxy. Valid values are: system, user, page, user_page' } });
    expect(await definitionRow(id)).toBeUndefined();
  });

  it.each([
    ['no value', { name: 'x', scope: 'user' }, ['body', 'value'], 'missing'],
    ['no name', { value: 1, scope: 'user' }, ['body', 'name'], 'missing'],
    ['a number as scope', { name: 'x', value: 1, scope: 3 }, ['body', 'scope'], 'string_type'],
    ['a page_id that is not a UUID', { name: 'x', value: 1, scope: 'page', page_id: 'home' }, ['body', 'page_id'], 'uuid_parsing'],
  ])('should answer 422 for %s and write nothing', async (_label, body, loc, type) => {
    const id = uid('bad');
    const before = await instancesOf(alice.id);
    const res = await rest(url, 'POST', '/api/v1/settings/instances', { headers: alice.bearer, body: { definition_id: id, ...body } });
    expect(res.status).toBe(422);
    expect(res.body.detail[0]).toMatchObject({ loc, type });
    expect(await instancesOf(alice.id)).toBe(before);
    expect(await definitionRow(id)).toBeUndefined();
  });

  it('should answer 403 for a user_id that is not the caller, writing nothing', async () => {
    const id = uid('other');
    const [bobs, alices] = [await instancesOf(bob.id), await instancesOf(alice.id)];
    const res = await rest(url, 'POST', '/api/v1/settings/instances', { headers: alice.bearer, body: { definition_id: id, name: 'x', value: 1, scope: 'user', user_id: bob.id } });
    expect(res).toMatchObject({ status: 403, body: { detail: "Not authorized to access another user's settings" } });
    expect([await instancesOf(bob.id), await instancesOf(alice.id)]).toEqual([bobs, alices]);
    expect(await definitionRow(id)).toBeUndefined();
  });

  it('should let only admins write system instances, which belong to nobody', async () => {
    const id = uid('sys');
    const refused = await rest(url, 'POST', '/api/v1/settings/instances', { headers: alice.bearer, body: { definition_id: id, name: 'Sys', value: 1, scope: 'system' } });
    expect(refused).toMatchObject({ status: 403, body: { detail: 'Admin privileges required for system settings' } });
    expect(await definitionRow(id)).toBeUndefined();
    const saved = await saveInstance(admin, { definition_id: id, name: 'Sys', value: { brand: 'x' }, scope: 'system', user_id: 'current' });
    expect(saved).toMatchObject({ scope: 'system', user_id: null });
  });

  it('should encrypt provider keys at rest and answer them masked', async () => {
    const key = `sk-abcd${randomBytes(12).toString('hex')}wxyz`;
    const saved = await saveInstance(alice, { definition_id: 'openai_api_keys_settings', name: 'OpenAI', value: { api_key: key, model: 'gpt-4o' }, scope: 'user', user_id: 'current' });
    expect(saved.value).toEqual({ api_key: 'sk-abcd...wxyz', model: 'gpt-4o', _has_key: true, _key_valid: true });
    const raw = await instanceRow(saved.id);
    expect(JSON.stringify(raw.value)).not.toContain(key);
    expect(raw.value.model).toBe('gpt-4o');
    expect(box.open(raw.value.api_key)).toBe(key);
    const listed = await rest(url, 'GET', '/api/v1/settings/instances?definition_id=openai_api_keys_settings&user_id=current&scope=user', { headers: alice.bearer });
    expect(listed.body).toEqual([expect.objectContaining({ id: saved.id, value: saved.value })]);
    expect(JSON.stringify(listed.body)).not.toContain(key);
  });

  it('should keep the stored key when the masked value is sent back', async () => {
    const key = `sk-ant-${randomBytes(16).toString('hex')}`;
    const saved = await saveInstance(alice, { definition_id: 'claude_api_keys_settings', name: 'Claude', value: { api_key: key }, scope: 'user' });
    const back = await saveInstance(alice, { definition_id: 'claude_api_keys_settings', name: 'Claude', value: { ...saved.value, model: 'opus' }, scope: 'user' });
    expect(back.id).toBe(saved.id);
    expect(back.value).toEqual({ ...saved.value, model: 'opus' });
    const raw = await instanceRow(saved.id);
    expect(box.open(raw.value.api_key)).toBe(key);
    expect(raw.value).not.toHaveProperty('_has_key');
    expect(raw.value.model).toBe('opus');
    const put = await rest(url, 'PUT', `/api/v1/settings/instances/${saved.id}`, { headers: alice.bearer, body: { value: saved.value } });
    expect(put.status).toBe(200);
    expect(box.open((await instanceRow(saved.id)).value.api_key)).toBe(key);
    const replaced = await saveInstance(alice, { definition_id: 'claude_api_keys_settings', name: 'Claude', value: { api_key: 'sk-ant-a-brand-new-key-0123456789' }, scope: 'user' });
    expect(replaced.value.api_key).toBe('sk-ant-...6789');
  });

  it('should encrypt and mask the API keys of Ollama servers, keeping them when sent back masked', async () => {
    const key = `ollama-${randomBytes(12).toString('hex')}`;
    const servers = [
      { id: 'server_1', serverName: 'Local', serverAddress: 'http://localhost:11434', apiKey: '' },
      { id: 'server_2', serverName: 'Remote', serverAddress: 'https://ollama.example.com', apiKey: key },
    ];
    const saved = await saveInstance(bob, { definition_id: 'ollama_servers_settings', name: 'Ollama Servers', value: { servers }, scope: 'user' });
    expect(saved.value.servers[0]).toEqual(servers[0]);
    expect(saved.value.servers[1]).toMatchObject({ id: 'server_2', serverAddress: 'https://ollama.example.com', apiKey: `${key.slice(0, 7)}...${key.slice(-4)}`, _has_key: true });
    const raw = await instanceRow(saved.id);
    expect(JSON.stringify(raw.value)).not.toContain(key);
    expect(raw.value.servers[1].serverAddress).toBe('https://ollama.example.com');
    // Sent back masked, in another order, with a server added: the key follows its server id.
    const reordered = [{ ...saved.value.servers[1], serverName: 'Renamed' }, saved.value.servers[0], { id: 'server_3', serverName: 'New', serverAddress: 'http://h', apiKey: 'k3-plain-key-value' }];
    await saveInstance(bob, { definition_id: 'ollama_servers_settings', name: 'Ollama Servers', value: { servers: reordered }, scope: 'user' });
    const after = (await instanceRow(saved.id)).value.servers;
    expect(after.map((s: { id: string }) => s.id)).toEqual(['server_2', 'server_1', 'server_3']);
    expect(box.open(after[0].apiKey)).toBe(key);
    expect(after[0].serverName).toBe('Renamed');
    expect(box.open(after[2].apiKey)).toBe('k3-plain-key-value');
  });

  it('should answer 401 without credentials', async () => {
    const res = await rest(url, 'POST', '/api/v1/settings/instances', { body: { definition_id: 'theme_settings', name: 'x', value: 1, scope: 'user' } });
    expect(res.status).toBe(401);
  });
});

describe('GET /api/v1/settings/instances', () => {
  it("should answer the caller's instances, never another user's", async () => {
    const def = await createDefinition();
    const mine = await saveInstance(alice, { definition_id: def.id, name: 'Mine', value: 'a', scope: 'user' });
    await saveInstance(bob, { definition_id: def.id, name: 'Bobs', value: 'b', scope: 'user' });
    for (const userId of ['current', alice.id, undashed(alice.id)]) {
      const res = await rest(url, 'GET', `/api/v1/settings/instances?definition_id=${def.id}&user_id=${userId}&scope=user`, { headers: alice.bearer });
      expect(res.status).toBe(200);
      expect(res.body).toEqual([{ ...mine }]);
    }
    const unfiltered = await rest(url, 'GET', `/api/v1/settings/instances?definition_id=${def.id}`, { headers: alice.bearer });
    expect(unfiltered.body.map((i: { id: string }) => i.id)).toEqual([mine.id]);
  });

  it("should answer 403 for another user's user_id", async () => {
    const res = await rest(url, 'GET', `/api/v1/settings/instances?user_id=${bob.id}`, { headers: alice.bearer });
    expect(res).toMatchObject({ status: 403, body: { detail: "Not authorized to access another user's settings" } });
  });

  it('should show system instances to every signed-in user, even asked with user_id=current', async () => {
    const id = uid('sysread');
    const sys = await saveInstance(admin, { definition_id: id, name: 'Brand', value: { logo: '/x.svg' }, scope: 'system' });
    const res = await rest(url, 'GET', `/api/v1/settings/instances?definition_id=${id}&user_id=current&scope=system`, { headers: bob.bearer });
    expect(res.body).toEqual([expect.objectContaining({ id: sys.id, scope: 'system', value: { logo: '/x.svg' } })]);
    const one = await rest(url, 'GET', `/api/v1/settings/instances/${sys.id}`, { headers: bob.bearer });
    expect(one).toMatchObject({ status: 200, body: { id: sys.id } });
  });

  it('should filter by page_id and refuse bad filters', async () => {
    const def = await createDefinition({ ...newDefinition(), allowed_scopes: ['user_page'] });
    const page = randomUUID();
    const saved = await saveInstance(alice, { definition_id: def.id, name: 'p', value: 1, scope: 'user_page', page_id: page });
    const res = await rest(url, 'GET', `/api/v1/settings/instances?page_id=${undashed(page)}`, { headers: alice.bearer });
    expect(res.body.map((i: { id: string }) => i.id)).toEqual([saved.id]);
    const badScope = await rest(url, 'GET', '/api/v1/settings/instances?scope=galaxy', { headers: alice.bearer });
    expect(badScope).toMatchObject({ status: 400, body: { detail: 'Invalid scope value: galaxy. Valid values are: system, user, page, user_page' } });
    const badPage = await rest(url, 'GET', '/api/v1/settings/instances?page_id=nope', { headers: alice.bearer });
    expect(badPage.status).toBe(422);
    expect(badPage.body.detail[0]).toMatchObject({ loc: ['query', 'page_id'], type: 'uuid_parsing' });
  });
});

describe('GET, PATCH, PUT and DELETE /api/v1/settings/instances/{instance_id}', () => {
  it('should answer an own instance by id, with or without dashes', async () => {
    const saved = await saveInstance(alice, { definition_id: 'theme_settings', name: 'Theme Settings', value: { theme: 'light' }, scope: 'user' });
    for (const id of [saved.id, undashed(saved.id).toUpperCase()]) {
      const res = await rest(url, 'GET', `/api/v1/settings/instances/${id}`, { headers: alice.bearer });
      expect(res).toMatchObject({ status: 200, body: { id: saved.id, value: { theme: 'light' } } });
    }
  });

  it("should answer 404 for someone else's instance on every method, changing nothing", async () => {
    const saved = await saveInstance(alice, { definition_id: 'copyright_settings', name: 'Copyright', value: { text: 'mine' }, scope: 'user' });
    for (const method of ['GET', 'PATCH', 'PUT', 'DELETE']) {
      const res = await rest(url, method, `/api/v1/settings/instances/${saved.id}`, { headers: bob.bearer, body: method === 'GET' || method === 'DELETE' ? undefined : { value: 'stolen' } });
      expect(res, method).toMatchObject({ status: 404, body: { detail: `Setting instance ${saved.id} not found` } });
    }
    expect((await instanceRow(saved.id)).value).toEqual({ text: 'mine' });
  });

  it('should answer 422 for an id that is not a UUID on every method', async () => {
    for (const method of ['GET', 'PATCH', 'PUT', 'DELETE']) {
      const res = await rest(url, method, '/api/v1/settings/instances/not-a-uuid', { headers: alice.bearer, body: method === 'GET' || method === 'DELETE' ? undefined : { name: 'x' } });
      expect(res.status, method).toBe(422);
      expect(res.body.detail[0]).toMatchObject({ loc: ['path', 'instance_id'], type: 'uuid_parsing' });
    }
  });

  it('should update the name and the value on PATCH and PUT', async () => {
    const saved = await saveInstance(alice, { definition_id: 'powered_by_settings', name: 'Powered By', value: { text: 'a' }, scope: 'user' });
    const patched = await rest(url, 'PATCH', `/api/v1/settings/instances/${saved.id}`, { headers: alice.bearer, body: { name: 'Renamed' } });
    expect(patched.body).toMatchObject({ id: saved.id, name: 'Renamed', value: { text: 'a' } });
    const put = await rest(url, 'PUT', `/api/v1/settings/instances/${undashed(saved.id)}`, {
      headers: alice.bearer,
      body: { definition_id: 'powered_by_settings', name: 'Put', value: { text: 'b' }, scope: 'user', user_id: 'current' },
    });
    expect(put.body).toMatchObject({ id: saved.id, name: 'Put', value: { text: 'b' } });
    expect(await instanceRow(saved.id)).toMatchObject({ name: 'Put', value: { text: 'b' } });
  });

  it('should answer 422 for bad input and 403 for another user_id, changing nothing', async () => {
    const saved = await saveInstance(alice, { definition_id: 'general_settings', name: 'General', value: { x: 1 }, scope: 'user' });
    const bad = await rest(url, 'PATCH', `/api/v1/settings/instances/${saved.id}`, { headers: alice.bearer, body: { name: 12 } });
    expect(bad.status).toBe(422);
    expect(bad.body.detail[0]).toMatchObject({ loc: ['body', 'name'], type: 'string_type' });
    const empty = await rest(url, 'PUT', `/api/v1/settings/instances/${saved.id}`, { headers: alice.bearer, body: { name: '' } });
    expect(empty.status).toBe(422);
    const other = await rest(url, 'PUT', `/api/v1/settings/instances/${saved.id}`, { headers: alice.bearer, body: { value: 2, user_id: bob.id } });
    expect(other.status).toBe(403);
    expect(await instanceRow(saved.id)).toMatchObject({ name: 'General', value: { x: 1 } });
  });

  it('should let only admins change or delete a system instance', async () => {
    const sys = await saveInstance(admin, { definition_id: uid('sysw'), name: 'Sys', value: 1, scope: 'system' });
    const patch = await rest(url, 'PATCH', `/api/v1/settings/instances/${sys.id}`, { headers: alice.bearer, body: { value: 2 } });
    expect(patch).toMatchObject({ status: 403, body: { detail: 'Admin privileges required for system settings' } });
    const del = await rest(url, 'DELETE', `/api/v1/settings/instances/${sys.id}`, { headers: alice.bearer });
    expect(del.status).toBe(403);
    expect((await instanceRow(sys.id)).value).toBe(1);
    const byAdmin = await rest(url, 'PATCH', `/api/v1/settings/instances/${sys.id}`, { headers: admin.bearer, body: { value: 2 } });
    expect(byAdmin.body.value).toBe(2);
  });

  it('should delete an own instance and answer a message', async () => {
    const saved = await saveInstance(alice, { definition_id: 'branding_logo_settings', name: 'Logo', value: { alt: 'x' }, scope: 'user' });
    const res = await rest(url, 'DELETE', `/api/v1/settings/instances/${undashed(saved.id)}`, { headers: alice.bearer });
    expect(res).toMatchObject({ status: 200, body: { id: saved.id, message: 'Setting instance deleted successfully' } });
    expect(await instanceRow(saved.id)).toBeUndefined();
    const again = await rest(url, 'DELETE', `/api/v1/settings/instances/${saved.id}`, { headers: alice.bearer });
    expect(again.status).toBe(404);
  });
});
