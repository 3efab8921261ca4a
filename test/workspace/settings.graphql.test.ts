import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute, parse } from 'graphql';
import pg from 'pg';
import { inject } from 'vitest';
import type { AuthContext } from '../../subgraphs/common/auth-context.js';
import { SecretBox } from '../../subgraphs/common/secret-box.js';
import type { SubgraphRuntime } from '../../subgraphs/common/runtime.js';
import { ProviderCredentialsDocument } from '../../schema/generated/internal-operations.js';
import { gql, rest, signUp } from '../helpers/clients.js';
import { startTestApp, TEST_SECRETS, type TestApp } from '../helpers/test-app.js';

type User = Awaited<ReturnType<typeof signUp>>;

let app: TestApp;
let db: pg.Client;
let alice: User;
let bob: User;
let admin: User;
let workspace: SubgraphRuntime<unknown>;

const box = new SecretBox(TEST_SECRETS.encryptionSecret);
const uid = (prefix: string) => `${prefix}_${randomBytes(4).toString('hex')}`;

async function signUpAs(prefix: string, isAdmin: boolean): Promise<User> {
  const u = await signUp(app.restUrl, prefix);
  await db.query('update identity.users set is_admin = $2 where id = $1', [u.id, isAdmin]);
  const login = await rest(app.restUrl, 'POST', '/api/v1/auth/login', { body: { email: u.email, password: u.password } });
  return { ...u, accessToken: login.body.access_token, bearer: { authorization: `Bearer ${login.body.access_token}` } };
}

beforeAll(async () => {
  app = await startTestApp();
  db = new pg.Client({ connectionString: inject('databaseUrl') });
  await db.connect();
  [alice, bob, admin] = await Promise.all([signUpAs('galice', false), signUpAs('gbob', false), signUpAs('gadm', true)]);
  workspace = app.runtimes.get('workspace')!;
});
afterAll(async () => {
  await db.end();
  await app.close();
});

const DEFINITION_FIELDS = 'id name description category type defaultValue allowedScopes isMultiple validation tags isSecret createdAt updatedAt';
const INSTANCE_FIELDS = 'id definitionId name value scope userId pageId createdAt updatedAt';

const DEFINITIONS = `query($category: String, $scope: String, $offset: Int, $limit: Int) {
  settingDefinitions(category: $category, scope: $scope, offset: $offset, limit: $limit) { total offset limit items { id category allowedScopes } } }`;
const DEFINITION = `query($id: String!) { settingDefinition(id: $id) { ${DEFINITION_FIELDS} } }`;
const CREATE_DEFINITION = `mutation($input: SettingDefinitionInput!) { createSettingDefinition(input: $input) { ${DEFINITION_FIELDS} } }`;
const UPDATE_DEFINITION = `mutation($id: String!, $input: SettingDefinitionPatch!) { updateSettingDefinition(id: $id, input: $input) { ${DEFINITION_FIELDS} } }`;
const REPLACE_DEFINITION = `mutation($id: String!, $input: SettingDefinitionInput!) { replaceSettingDefinition(id: $id, input: $input) { ${DEFINITION_FIELDS} } }`;
const DELETE_DEFINITION = `mutation($id: String!) { deleteSettingDefinition(id: $id) }`;
const INSTANCES = `query($definitionId: String, $scope: String, $userId: ID, $pageId: ID, $offset: Int, $limit: Int) {
  settingInstances(definitionId: $definitionId, scope: $scope, userId: $userId, pageId: $pageId, offset: $offset, limit: $limit) {
    total offset limit items { ${INSTANCE_FIELDS} } } }`;
const INSTANCE = `query($id: ID!) { settingInstance(id: $id) { ${INSTANCE_FIELDS} definition { id isSecret } user { id username } } }`;
const UPSERT = `mutation($input: SettingInstanceInput!) { upsertSettingInstance(input: $input) { ${INSTANCE_FIELDS} } }`;
const UPDATE_INSTANCE = `mutation($id: ID!, $input: SettingInstancePatch!) { updateSettingInstance(id: $id, input: $input) { ${INSTANCE_FIELDS} } }`;
const DELETE_INSTANCE = `mutation($id: ID!) { deleteSettingInstance(id: $id) }`;

const as = (u: User) => u.bearer;
const definitionInput = (id = uid('gdef')) => ({ id, name: 'G Setting', category: 'gtests', type: 'object', allowedScopes: ['user', 'system'], defaultValue: { g: 1 } });
const count = async (sql: string, params: unknown[]) => Number((await db.query(sql, params)).rows[0].count);

async function upsert(u: User, input: Record<string, unknown>) {
  const res = await gql(app.graphqlUrl, UPSERT, { input }, as(u));
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data.upsertSettingInstance;
}

async function createDefinition(input = definitionInput()) {
  const res = await gql(app.graphqlUrl, CREATE_DEFINITION, { input }, as(admin));
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data.createSettingDefinition;
}

/** Executes on the workspace subgraph itself, as the gateway would with this identity. */
function onSubgraph(query: string, variables: Record<string, unknown>, identity: { auth: AuthContext | null; internal?: boolean }) {
  return execute({ schema: workspace.schema, document: parse(query), variableValues: variables, contextValue: workspace.createContext(identity) });
}

const authOf = (u: User): AuthContext => ({ userId: u.id, tenantId: u.id, role: 'owner', isAdmin: false, scopes: [], via: 'jwt' });

describe('setting definitions over GraphQL', () => {
  it('should page the definitions with offset, limit and total', async () => {
    const all = await gql(app.graphqlUrl, DEFINITIONS, { limit: 1000 }, as(alice));
    const { total } = all.data.settingDefinitions;
    expect(total).toBeGreaterThanOrEqual(15);
    expect(all.data.settingDefinitions.items).toHaveLength(total);
    const page = await gql(app.graphqlUrl, DEFINITIONS, { offset: 2, limit: 3 }, as(alice));
    expect(page.data.settingDefinitions).toMatchObject({ offset: 2, limit: 3 });
    expect(page.data.settingDefinitions.total).toBeGreaterThanOrEqual(total);
    expect(page.data.settingDefinitions.items.map((d: { id: string }) => d.id)).toEqual(
      all.data.settingDefinitions.items.slice(2, 5).map((d: { id: string }) => d.id),
    );
    const scoped = await gql(app.graphqlUrl, DEFINITIONS, { scope: 'user_page', category: 'ui' }, as(alice));
    expect(scoped.data.settingDefinitions.items.map((d: { id: string }) => d.id)).toEqual(['theme_settings']);
  });

  it.each([
    [{ limit: 0 }, 'limit must be between 1 and 1000'],
    [{ limit: 1001 }, 'limit must be between 1 and 1000'],
    [{ offset: -1 }, 'offset must be a non-negative integer'],
    [{ scope: 'galaxy' }, 'Invalid scope value: galaxy. Valid values are: system, user, page, user_page'],
  ])('should refuse %o with BAD_USER_INPUT', async (vars, message) => {
    const res = await gql(app.graphqlUrl, DEFINITIONS, vars, as(alice));
    expect(res.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('should answer one definition, and NOT_FOUND for an unknown one', async () => {
    const res = await gql(app.graphqlUrl, DEFINITION, { id: 'openai_api_keys_settings' }, as(alice));
    expect(res.data.settingDefinition).toMatchObject({ id: 'openai_api_keys_settings', isSecret: true, defaultValue: { api_key: '' } });
    const missing = await gql(app.graphqlUrl, DEFINITION, { id: 'nope' }, as(alice));
    expect(missing.errors?.[0]).toMatchObject({ message: 'Setting definition nope not found', extensions: { code: 'NOT_FOUND' } });
  });

  it('should let admins create, patch, replace and delete definitions', async () => {
    const input = definitionInput();
    const created = await createDefinition(input);
    expect(created).toMatchObject({ ...input, tags: [], isMultiple: false, isSecret: false });
    const patched = await gql(app.graphqlUrl, UPDATE_DEFINITION, { id: input.id, input: { tags: ['a'], description: 'd' } }, as(admin));
    expect(patched.data.updateSettingDefinition).toMatchObject({ name: 'G Setting', tags: ['a'], description: 'd' });
    const replaced = await gql(app.graphqlUrl, REPLACE_DEFINITION, { id: input.id, input: { name: 'R', category: 'r', type: 'array', allowedScopes: ['user'] } }, as(admin));
    expect(replaced.data.replaceSettingDefinition).toMatchObject({ name: 'R', tags: [], description: null, defaultValue: null, allowedScopes: ['user'] });
    const deleted = await gql(app.graphqlUrl, DELETE_DEFINITION, { id: input.id }, as(admin));
    expect(deleted.data.deleteSettingDefinition).toBe(input.id);
    expect(await count('select count(*) from workspace.setting_definitions where id = $1', [input.id])).toBe(0);
  });

  it('should answer FORBIDDEN Admin required to a normal user on every definition write', async () => {
    const def = await createDefinition();
    const attempts = [
      gql(app.graphqlUrl, CREATE_DEFINITION, { input: definitionInput() }, as(alice)),
      gql(app.graphqlUrl, UPDATE_DEFINITION, { id: def.id, input: { name: 'x' } }, as(alice)),
      gql(app.graphqlUrl, REPLACE_DEFINITION, { id: def.id, input: { name: 'x', category: 'c', type: 'object', allowedScopes: ['user'] } }, as(alice)),
      gql(app.graphqlUrl, DELETE_DEFINITION, { id: def.id }, as(alice)),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.errors?.[0]).toMatchObject({ message: 'Admin required', extensions: { code: 'FORBIDDEN' } });
    }
    expect((await db.query('select name from workspace.setting_definitions where id = $1', [def.id])).rows).toEqual([{ name: 'G Setting' }]);
  });

  it.each([
    ['an unknown scope', { allowedScopes: ['galaxy'] }, 'Invalid scope value: galaxy. Valid values are: system, user, page, user_page'],
    ['no scope at all', { allowedScopes: [] }, 'allowed_scopes must name at least one scope'],
    ['an id with spaces', { id: 'two words' }, 'id must be 1–200 characters: letters, digits, _ . : -'],
    ['validation that is a list', { validation: [1] }, 'validation must be a JSON object'],
    ['an empty name', { name: '' }, 'name must be 1–200 characters'],
  ])('should refuse %s with BAD_USER_INPUT and write nothing', async (_label, patch, message) => {
    const input = { ...definitionInput(), ...patch };
    const res = await gql(app.graphqlUrl, CREATE_DEFINITION, { input }, as(admin));
    expect(res.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT' } });
    expect(await count('select count(*) from workspace.setting_definitions where id = $1', [input.id])).toBe(0);
  });

  it('should answer CONFLICT for an id that exists', async () => {
    const def = await createDefinition();
    const again = await gql(app.graphqlUrl, CREATE_DEFINITION, { input: { ...definitionInput(def.id), name: 'Other' } }, as(admin));
    expect(again.errors?.[0]).toMatchObject({ message: `Setting definition ${def.id} already exists`, extensions: { code: 'CONFLICT' } });
  });
});

describe('setting instances over GraphQL', () => {
  it('should upsert at (definition, scope, user, page)', async () => {
    const def = await createDefinition();
    const a = await upsert(alice, { definitionId: def.id, name: 'one', value: [1], scope: 'user' });
    const b = await upsert(alice, { definitionId: def.id, name: 'two', value: [2], scope: 'user', userId: 'current' });
    expect(b).toMatchObject({ id: a.id, name: 'two', value: [2], userId: alice.id });
    expect(await count('select count(*) from workspace.setting_instances where definition_id = $1', [def.id])).toBe(1);
  });

  it('should page the instances a caller sees', async () => {
    const def = await createDefinition({ ...definitionInput(), allowedScopes: ['page'] });
    for (let i = 0; i < 5; i++) {
      await upsert(bob, { definitionId: def.id, name: `p${i}`, value: i, scope: 'page', pageId: `00000000-0000-4000-8000-00000000000${i}` });
    }
    const res = await gql(app.graphqlUrl, INSTANCES, { definitionId: def.id, offset: 1, limit: 2 }, as(bob));
    expect(res.data.settingInstances).toMatchObject({ total: 5, offset: 1, limit: 2 });
    expect(res.data.settingInstances.items.map((i: { value: number }) => i.value)).toEqual([3, 2]);
    const others = await gql(app.graphqlUrl, INSTANCES, { definitionId: def.id }, as(alice));
    expect(others.data.settingInstances.total).toBe(0);
    const tooMany = await gql(app.graphqlUrl, INSTANCES, { limit: 5000 }, as(bob));
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('should refuse acting for another user, an unknown scope, and a system write by a non-admin, writing nothing', async () => {
    const id = uid('grefuse');
    const cases = [
      [{ definitionId: id, name: 'x', value: 1, scope: 'user', userId: bob.id }, 'FORBIDDEN', "Not authorized to access another user's settings"],
      [{ definitionId: id, name: 'x', value: 1, scope: 'cosmos' }, 'BAD_USER_INPUT', 'Invalid scope value: cosmos. Valid values are: system, user, page, user_page'],
      [{ definitionId: id, name: 'x', value: 1, scope: 'system' }, 'FORBIDDEN', 'Admin privileges required for system settings'],
      [{ definitionId: id, name: '', value: 1, scope: 'user' }, 'BAD_USER_INPUT', 'name must be 1–200 characters'],
      [{ definitionId: id, name: 'x', value: 1, scope: 'page', pageId: 'home' }, 'BAD_USER_INPUT', 'page_id must be a UUID'],
    ] as const;
    for (const [input, code, message] of cases) {
      const res = await gql(app.graphqlUrl, UPSERT, { input }, as(alice));
      expect(res.errors?.[0]).toMatchObject({ message, extensions: { code } });
    }
    const listed = await gql(app.graphqlUrl, INSTANCES, { userId: bob.id }, as(alice));
    expect(listed.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await count('select count(*) from workspace.setting_definitions where id = $1', [id])).toBe(0);
  });

  it("should answer NOT_FOUND for someone else's instance on read, update and delete", async () => {
    const mine = await upsert(alice, { definitionId: 'theme_settings', name: 'Theme', value: { theme: 'light' }, scope: 'user' });
    const read = await gql(app.graphqlUrl, INSTANCE, { id: mine.id }, as(bob));
    const update = await gql(app.graphqlUrl, UPDATE_INSTANCE, { id: mine.id, input: { value: 'x' } }, as(bob));
    const del = await gql(app.graphqlUrl, DELETE_INSTANCE, { id: mine.id }, as(bob));
    for (const res of [read, update, del]) {
      expect(res.errors?.[0]).toMatchObject({ message: `Setting instance ${mine.id} not found`, extensions: { code: 'NOT_FOUND' } });
    }
    expect((await db.query('select value from workspace.setting_instances where id = $1', [mine.id])).rows[0].value).toEqual({ theme: 'light' });
  });

  it('should answer an instance with its definition and its owner from identity', async () => {
    const mine = await upsert(alice, { definitionId: 'copyright_settings', name: 'Copyright', value: { text: 'c' }, scope: 'user' });
    const res = await gql(app.graphqlUrl, INSTANCE, { id: mine.id.replace(/-/g, '') }, as(alice));
    expect(res.errors).toBeUndefined();
    expect(res.data.settingInstance).toMatchObject({ id: mine.id, definition: { id: 'copyright_settings', isSecret: false }, user: { id: alice.id, username: alice.username } });
  });

  it('should update and delete an own instance', async () => {
    const mine = await upsert(bob, { definitionId: 'general_settings', name: 'General', value: { a: 1 }, scope: 'user' });
    const updated = await gql(app.graphqlUrl, UPDATE_INSTANCE, { id: mine.id, input: { name: 'G2', value: null } }, as(bob));
    expect(updated.data.updateSettingInstance).toMatchObject({ name: 'G2', value: null });
    const bad = await gql(app.graphqlUrl, UPDATE_INSTANCE, { id: mine.id, input: { userId: alice.id, value: 5 } }, as(bob));
    expect(bad.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const deleted = await gql(app.graphqlUrl, DELETE_INSTANCE, { id: mine.id }, as(bob));
    expect(deleted.data.deleteSettingInstance).toBe(mine.id);
    expect(await count('select count(*) from workspace.setting_instances where id = $1', [mine.id])).toBe(0);
  });

  it('should mask provider keys, store them encrypted, and keep the stored key when the mask comes back', async () => {
    const key = `gsk_${randomBytes(16).toString('hex')}`;
    const saved = await upsert(alice, { definitionId: 'groq_api_keys_settings', name: 'Groq', value: { api_key: key }, scope: 'user' });
    expect(saved.value).toEqual({ api_key: `gsk_...${key.slice(-4)}`, _has_key: true, _key_valid: true });
    const raw = (await db.query('select value from workspace.setting_instances where id = $1', [saved.id])).rows[0].value;
    expect(JSON.stringify(raw)).not.toContain(key);
    const back = await gql(app.graphqlUrl, UPDATE_INSTANCE, { id: saved.id, input: { value: saved.value } }, as(alice));
    expect(back.data.updateSettingInstance.value).toEqual(saved.value);
    const after = (await db.query('select value from workspace.setting_instances where id = $1', [saved.id])).rows[0].value;
    expect(box.open(after.api_key)).toBe(key);
  });
});

describe('User.settings', () => {
  const ME_SETTINGS = `{ me { id settings(limit: 100) { total items { id definitionId userId } } } }`;

  it("should answer the signed-in user's own instances", async () => {
    const u = await signUpAs('gme', false);
    const a = await upsert(u, { definitionId: 'theme_settings', name: 'Theme', value: { theme: 'dark' }, scope: 'user' });
    const b = await upsert(u, { definitionId: 'copyright_settings', name: 'Copyright', value: { text: 'x' }, scope: 'user' });
    await upsert(alice, { definitionId: 'theme_settings', name: 'Theme', value: { theme: 'light' }, scope: 'user' });
    const res = await gql(app.graphqlUrl, ME_SETTINGS, {}, as(u));
    expect(res.errors).toBeUndefined();
    expect(res.data.me.settings.total).toBe(2);
    expect(res.data.me.settings.items.map((i: { id: string }) => i.id).sort()).toEqual([a.id, b.id].sort());
    expect(res.data.me.settings.items.every((i: { userId: string }) => i.userId === u.id)).toBe(true);
  });

  it("should answer an empty list for someone else's user", async () => {
    await upsert(bob, { definitionId: 'theme_settings', name: 'Theme', value: { theme: 'dark' }, scope: 'user' });
    const query = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { id settings { total items { id } } } } }`;
    const others = await onSubgraph(query, { reps: [{ __typename: 'User', id: bob.id }] }, { auth: authOf(alice) });
    expect(others.errors).toBeUndefined();
    expect(others.data?._entities).toEqual([{ id: bob.id, settings: { total: 0, items: [] } }]);
    const own = await onSubgraph(query, { reps: [{ __typename: 'User', id: bob.id }] }, { auth: authOf(bob) });
    expect((own.data?._entities as { settings: { total: number } }[])[0].settings.total).toBeGreaterThan(0);
  });
});

describe('providerCredentials (internal)', () => {
  const internal = () => workspace.createContext({ auth: null }).deps.internal;

  it("should answer a user's decrypted provider key to the internal client", async () => {
    const u = await signUpAs('gkey', false);
    const key = `sk-${randomBytes(20).toString('hex')}`;
    const saved = await upsert(u, { definitionId: 'openai_api_keys_settings', name: 'OpenAI', value: { api_key: key }, scope: 'user' });
    for (const provider of ['openai', 'OpenAI']) {
      const { providerCredentials: c } = await internal().request('workspace', ProviderCredentialsDocument, { userId: u.id, provider });
      expect(c).toMatchObject({ provider: 'openai', definitionId: 'openai_api_keys_settings', instanceId: saved.id, scope: 'user', apiKey: key, servers: [], server: null });
    }
    const none = await internal().request('workspace', ProviderCredentialsDocument, { userId: u.id, provider: 'mistralai' });
    expect(none.providerCredentials).toMatchObject({ provider: 'mistral', instanceId: null, apiKey: null });
  });

  it("should answer a user's Ollama servers with their keys, and pick a server by id", async () => {
    const u = await signUpAs('gollama', false);
    const servers = [
      { id: 's1', serverName: 'Local', serverAddress: 'http://localhost:11434', apiKey: '' },
      { id: 's2', serverName: 'Remote', serverAddress: 'https://o.example.com', apiKey: 'remote-secret-key-123' },
    ];
    const saved = await upsert(u, { definitionId: 'ollama_servers_settings', name: 'Ollama', value: { servers }, scope: 'user' });
    const first = await internal().request('workspace', ProviderCredentialsDocument, { userId: u.id, provider: 'ollama', settingsId: 'ollama_servers_settings' });
    // An empty key is no key.
    expect(first.providerCredentials.servers).toEqual([{ ...servers[0], apiKey: null }, servers[1]]);
    expect(first.providerCredentials.server).toEqual({ ...servers[0], apiKey: null });
    const chosen = await internal().request('workspace', ProviderCredentialsDocument, { userId: u.id, provider: 'ollama', settingsId: saved.id, serverId: 's2' });
    expect(chosen.providerCredentials.server).toEqual(servers[1]);
    await expect(internal().request('workspace', ProviderCredentialsDocument, { userId: u.id, provider: 'ollama', serverId: 'nope' })).rejects.toThrow('Server nope not found');
    const stranger = await signUpAs('gstranger', false);
    await expect(internal().request('workspace', ProviderCredentialsDocument, { userId: stranger.id, provider: 'ollama', settingsId: saved.id })).rejects.toThrow(
      `Setting instance ${saved.id} not found`,
    );
  });

  it("should fall back to the system key when the user has none of their own", async () => {
    const systemKey = `sk-or-${randomBytes(16).toString('hex')}`;
    await upsert(admin, { definitionId: 'openrouter_api_keys_settings', name: 'OpenRouter', value: { api_key: systemKey }, scope: 'system' });
    const u = await signUpAs('gfallback', false);
    const res = await internal().request('workspace', ProviderCredentialsDocument, { userId: u.id, provider: 'openrouter' });
    expect(res.providerCredentials).toMatchObject({ scope: 'system', apiKey: systemKey });
    const own = `sk-or-${randomBytes(16).toString('hex')}`;
    await upsert(u, { definitionId: 'openrouter_api_keys_settings', name: 'OpenRouter', value: { api_key: own }, scope: 'user' });
    const mine = await internal().request('workspace', ProviderCredentialsDocument, { userId: u.id, provider: 'openrouter' });
    expect(mine.providerCredentials).toMatchObject({ scope: 'user', apiKey: own });
  });

  it('should refuse an unknown provider', async () => {
    await expect(internal().request('workspace', ProviderCredentialsDocument, { userId: alice.id, provider: 'nosuch' })).rejects.toThrow('Unknown provider: nosuch');
  });

  it('should refuse callers that are not the internal client', async () => {
    const query = `{ providerCredentials(userId: "${alice.id}", provider: "openai") { apiKey } }`;
    const direct = await onSubgraph(query, {}, { auth: authOf(alice) });
    expect(direct.errors?.[0]).toMatchObject({ message: 'Internal operation', extensions: { code: 'FORBIDDEN' } });
    const viaGateway = await gql(app.graphqlUrl, query, {}, as(alice));
    expect(viaGateway.status).toBe(400);
    expect(viaGateway.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const typeHidden = await gql(app.graphqlUrl, `{ __type(name: "ProviderCredentials") { name } }`, {}, as(alice));
    expect(typeHidden.data.__type).toBeNull();
  });
});
