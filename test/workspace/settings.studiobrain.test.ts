import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { inject } from 'vitest';
import { SecretBox } from '../../subgraphs/common/secret-box.js';
import { ProviderCredentialsDocument } from '../../schema/generated/internal-operations.js';
import { gql, rest, signUp } from '../helpers/clients.js';
import { startTestApp, TEST_SECRETS, type TestApp } from '../helpers/test-app.js';

type User = Awaited<ReturnType<typeof signUp>>;

let app: TestApp;
let db: pg.Client;
let url: string;

const box = new SecretBox(TEST_SECRETS.encryptionSecret);

beforeAll(async () => {
  app = await startTestApp();
  url = app.restUrl;
  db = new pg.Client({ connectionString: inject('databaseUrl') });
  await db.connect();
});
afterAll(async () => {
  await db.end();
  await app.close();
});

const instancesOf = async (userId: string, definitionId: string) =>
  (await db.query('select * from workspace.setting_instances where user_id = $1 and definition_id = $2', [userId, definitionId])).rows;

const PROVIDERS = ['openai', 'anthropic', 'openrouter', 'groq', 'google', 'x-ai', 'mistral'];

describe('StudioBrain GET/PUT /api/settings', () => {
  it("should answer the caller's settings object, merging what PUT sends", async () => {
    const u = await signUp(url, 'sbset');
    const empty = await rest(url, 'GET', '/api/settings', { headers: u.bearer });
    expect(empty).toMatchObject({ status: 200, body: {} });
    const put = await rest(url, 'PUT', '/api/settings', { headers: u.bearer, body: { theme: 'dark', editor: { font: 14 } } });
    expect(put).toMatchObject({ status: 200, body: { theme: 'dark', editor: { font: 14 } } });
    const more = await rest(url, 'PUT', '/api/settings', { headers: u.bearer, body: { theme: null, language: 'en' } });
    expect(more.body).toEqual({ editor: { font: 14 }, language: 'en' });
    const read = await rest(url, 'GET', '/api/settings', { headers: u.bearer });
    expect(read.body).toEqual({ editor: { font: 14 }, language: 'en' });
    const rows = await instancesOf(u.id, 'studiobrain_user_settings');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ scope: 'user', value: { editor: { font: 14 }, language: 'en' } });
    const other = await signUp(url, 'sbother');
    expect((await rest(url, 'GET', '/api/settings', { headers: other.bearer })).body).toEqual({});
  });

  it('should answer 422 for a body that is not an object and 401 without credentials, writing nothing', async () => {
    const u = await signUp(url, 'sbbad');
    for (const body of [[1, 2], 'text']) {
      const res = await rest(url, 'PUT', '/api/settings', { headers: u.bearer, body });
      expect(res.status).toBe(422);
      expect(res.body.detail[0].loc).toEqual(['body']);
    }
    expect(await instancesOf(u.id, 'studiobrain_user_settings')).toHaveLength(0);
    expect((await rest(url, 'GET', '/api/settings')).status).toBe(401);
    expect((await rest(url, 'PUT', '/api/settings', { body: { a: 1 } })).status).toBe(401);
  });

  it('should answer the same object over GraphQL', async () => {
    const u = await signUp(url, 'sbgql');
    const set = await gql(app.graphqlUrl, `mutation($s: JSON!) { updateMySettings(settings: $s) }`, { s: { layout: 'grid' } }, u.bearer);
    expect(set.data.updateMySettings).toEqual({ layout: 'grid' });
    const read = await gql(app.graphqlUrl, `{ mySettings }`, {}, u.bearer);
    expect(read.data.mySettings).toEqual({ layout: 'grid' });
    const bad = await gql(app.graphqlUrl, `mutation($s: JSON!) { updateMySettings(settings: $s) }`, { s: [1] }, u.bearer);
    expect(bad.errors?.[0]).toMatchObject({ message: 'settings must be a JSON object', extensions: { code: 'BAD_USER_INPUT' } });
  });
});

describe('StudioBrain /api/settings/keys', () => {
  let u: User;
  beforeAll(async () => {
    u = await signUp(url, 'sbkeys');
  });

  it('should list every provider without a key at first', async () => {
    const res = await rest(url, 'GET', '/api/settings/keys', { headers: u.bearer });
    expect(res.status).toBe(200);
    expect(res.body.keys.map((k: { provider: string }) => k.provider)).toEqual(PROVIDERS);
    expect(res.body.keys.every((k: { has_key: boolean; masked_key: null }) => !k.has_key && k.masked_key === null)).toBe(true);
    expect(res.body.keys.find((k: { provider: string }) => k.provider === 'anthropic')).toMatchObject({ aliases: ['claude'], definition_id: 'claude_api_keys_settings' });
  });

  it('should store a key encrypted in the provider-key setting and answer it masked only', async () => {
    const key = `sk-proj-${randomBytes(16).toString('hex')}`;
    const put = await rest(url, 'PUT', '/api/settings/keys/openai', { headers: u.bearer, body: { api_key: key } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ provider: 'openai', has_key: true, masked_key: `sk-proj...${key.slice(-4)}`, definition_id: 'openai_api_keys_settings' });
    const rows = await instancesOf(u.id, 'openai_api_keys_settings');
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0].value)).not.toContain(key);
    expect(box.open(rows[0].value.api_key)).toBe(key);
    const listed = await rest(url, 'GET', '/api/settings/keys', { headers: u.bearer });
    expect(JSON.stringify(listed.body)).not.toContain(key);
    expect(listed.body.keys.find((k: { provider: string }) => k.provider === 'openai')).toMatchObject({ has_key: true, masked_key: put.body.masked_key });
    // The same instance, seen through BrainDrive's settings routes: masked there too.
    const braindrive = await rest(url, 'GET', '/api/v1/settings/instances?definition_id=openai_api_keys_settings&user_id=current', { headers: u.bearer });
    expect(braindrive.body).toEqual([expect.objectContaining({ id: put.body.instance_id, value: { api_key: put.body.masked_key, _has_key: true, _key_valid: true } })]);
    // And to the chat subgraph, in clear, through the internal operation.
    const internal = app.runtimes.get('workspace')!.createContext({ auth: null }).deps.internal;
    const creds = await internal.request('workspace', ProviderCredentialsDocument, { userId: u.id, provider: 'openai' });
    expect(creds.providerCredentials.apiKey).toBe(key);
  });

  it('should take `key` as well as `api_key`, and treat claude and anthropic as one provider', async () => {
    const first = await rest(url, 'PUT', '/api/settings/keys/claude', { headers: u.bearer, body: { key: 'sk-ant-first-key-0123456789abc' } });
    expect(first.body).toMatchObject({ provider: 'anthropic', has_key: true, masked_key: 'sk-ant-...9abc' });
    const second = await rest(url, 'PUT', '/api/settings/keys/Anthropic', { headers: u.bearer, body: { api_key: 'sk-ant-second-key-0123456789xyz' } });
    expect(second.body).toMatchObject({ instance_id: first.body.instance_id, masked_key: 'sk-ant-...9xyz' });
    expect(await instancesOf(u.id, 'claude_api_keys_settings')).toHaveLength(1);
    const mistral = await rest(url, 'PUT', '/api/settings/keys/mistralai', { headers: u.bearer, body: { api_key: 'mistral-key-0123456789' } });
    expect(mistral.body).toMatchObject({ provider: 'mistral', has_key: true });
  });

  it('should keep the stored key when the masked key is sent back', async () => {
    const key = `gsk_${randomBytes(16).toString('hex')}`;
    const put = await rest(url, 'PUT', '/api/settings/keys/groq', { headers: u.bearer, body: { api_key: key } });
    const back = await rest(url, 'PUT', '/api/settings/keys/groq', { headers: u.bearer, body: { api_key: put.body.masked_key } });
    expect(back.body.masked_key).toBe(put.body.masked_key);
    expect(box.open((await instancesOf(u.id, 'groq_api_keys_settings'))[0].value.api_key)).toBe(key);
  });

  it('should remove a key', async () => {
    await rest(url, 'PUT', '/api/settings/keys/x-ai', { headers: u.bearer, body: { api_key: 'xai-0123456789abcdef' } });
    const del = await rest(url, 'DELETE', '/api/settings/keys/xai', { headers: u.bearer });
    expect(del).toMatchObject({ status: 200, body: { provider: 'x-ai', has_key: false, masked_key: null, message: 'API key for x-ai removed' } });
    expect(await instancesOf(u.id, 'xai_api_keys_settings')).toHaveLength(0);
    const again = await rest(url, 'DELETE', '/api/settings/keys/x-ai', { headers: u.bearer });
    expect(again.status).toBe(200);
  });

  it('should answer 404 for an unknown provider on PUT and DELETE', async () => {
    const put = await rest(url, 'PUT', '/api/settings/keys/skynet', { headers: u.bearer, body: { api_key: 'whatever-123' } });
    expect(put).toMatchObject({ status: 404, body: { detail: 'Unknown provider: skynet' } });
    const del = await rest(url, 'DELETE', '/api/settings/keys/skynet', { headers: u.bearer });
    expect(del.status).toBe(404);
  });

  it.each([
    ['no key at all', {}, ['body', 'api_key'], 'missing'],
    ['an empty key', { api_key: '' }, ['body', 'api_key'], 'string_too_short'],
    ['a number as key', { key: 123 }, ['body', 'key'], 'string_type'],
  ])('should answer 422 for %s and write nothing', async (_label, body, loc, type) => {
    const fresh = await signUp(url, 'sbkbad');
    const res = await rest(url, 'PUT', '/api/settings/keys/google', { headers: fresh.bearer, body });
    expect(res.status).toBe(422);
    expect(res.body.detail[0]).toMatchObject({ loc, type });
    expect(await instancesOf(fresh.id, 'google_api_keys_settings')).toHaveLength(0);
  });

  it('should answer 400 for a key with spaces, and 401 without credentials', async () => {
    const fresh = await signUp(url, 'sbkspace');
    const spaced = await rest(url, 'PUT', '/api/settings/keys/google', { headers: fresh.bearer, body: { api_key: 'two words' } });
    expect(spaced).toMatchObject({ status: 400, body: { detail: 'api_key must be 1–500 characters without spaces' } });
    expect(await instancesOf(fresh.id, 'google_api_keys_settings')).toHaveLength(0);
    for (const [method, path] of [['GET', '/api/settings/keys'], ['PUT', '/api/settings/keys/openai'], ['DELETE', '/api/settings/keys/openai']]) {
      const res = await rest(url, method, path, { body: method === 'PUT' ? { api_key: 'k-0123456789' } : undefined });
      expect(res.status, `${method} ${path}`).toBe(401);
    }
  });

  it('should do the same over GraphQL', async () => {
    const g = await signUp(url, 'sbkgql');
    const FIELDS = 'provider hasKey maskedKey definitionId instanceId';
    const set = await gql(app.graphqlUrl, `mutation($p: String!, $k: String!) { setProviderKey(provider: $p, apiKey: $k) { ${FIELDS} } }`, { p: 'google', k: 'AIzaSyA-0123456789-abcdefgh' }, g.bearer);
    expect(set.data.setProviderKey).toMatchObject({ provider: 'google', hasKey: true, maskedKey: 'AIzaSyA...efgh' });
    const list = await gql(app.graphqlUrl, `{ providerKeys { ${FIELDS} } }`, {}, g.bearer);
    expect(list.data.providerKeys.filter((k: { hasKey: boolean }) => k.hasKey).map((k: { provider: string }) => k.provider)).toEqual(['google']);
    const unknown = await gql(app.graphqlUrl, `mutation { deleteProviderKey(provider: "skynet") { provider } }`, {}, g.bearer);
    expect(unknown.errors?.[0]).toMatchObject({ message: 'Unknown provider: skynet', extensions: { code: 'NOT_FOUND' } });
    const del = await gql(app.graphqlUrl, `mutation { deleteProviderKey(provider: "gemini") { ${FIELDS} } }`, {}, g.bearer);
    expect(del.data.deleteProviderKey).toMatchObject({ provider: 'google', hasKey: false, instanceId: null });
    const anonymous = await gql(app.graphqlUrl, `{ providerKeys { provider } }`);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
