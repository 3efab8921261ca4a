import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { inject } from 'vitest';
import { newUser, rest, signUp } from '../helpers/clients.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let app: TestApp;
let db: pg.Client;
let url: string;

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

const countUsers = async (email: string) =>
  Number((await db.query('select count(*) from identity.users where email = $1', [email.toLowerCase()])).rows[0].count);

describe('BrainDrive /api/v1/auth', () => {
  it('should register and answer UserResponse', async () => {
    const u = newUser('bd');
    const res = await rest(url, 'POST', '/api/v1/auth/register', { body: { ...u, full_name: 'Ada L' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ username: u.username, email: u.email, full_name: 'Ada L', profile_picture: null, is_active: true, is_verified: false });
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body).not.toHaveProperty('password');
  });

  it.each([
    ['a missing username', (u: any) => ({ email: u.email, password: u.password }), ['body', 'username'], 'missing'],
    ['a username of the wrong type', (u: any) => ({ ...u, username: 12345 }), ['body', 'username'], 'string_type'],
    ['a short password', (u: any) => ({ ...u, password: 'short' }), ['body', 'password'], 'string_too_short'],
    ['a bad email', (u: any) => ({ ...u, email: 'nope' }), ['body', 'email'], 'value_error'],
  ])('should answer 422 for %s and write nothing', async (_l, make, loc, type) => {
    const u = newUser('bad');
    const res = await rest(url, 'POST', '/api/v1/auth/register', { body: make(u) });
    expect(res.status).toBe(422);
    expect(res.body.detail).toEqual(expect.arrayContaining([expect.objectContaining({ loc, type })]));
    expect(await countUsers(u.email)).toBe(0);
  });

  it('should answer 422 for a body that is not JSON, and 413 for one over 5 MiB, writing nothing', async () => {
    const bad = await rest(url, 'POST', '/api/v1/auth/register', { raw: '{"email": ' });
    expect(bad.status).toBe(422);
    expect(bad.body.detail[0].type).toBe('json_invalid');
    const u = newUser('big');
    const big = await rest(url, 'POST', '/api/v1/auth/register', { body: { ...u, full_name: 'x'.repeat(5 * 1024 * 1024 + 10) } });
    expect(big.status).toBe(413);
    expect(big.body).toEqual({ detail: 'Request body too large' });
    expect(await countUsers(u.email)).toBe(0);
  });

  it('should answer 400 with the documented text for a taken email or username', async () => {
    const u = await signUp(url);
    const email = await rest(url, 'POST', '/api/v1/auth/register', { body: { ...newUser(), email: u.email } });
    expect(email).toMatchObject({ status: 400, body: { detail: 'Email already registered' } });
    const username = await rest(url, 'POST', '/api/v1/auth/register', { body: { ...newUser(), username: u.username } });
    expect(username).toMatchObject({ status: 400, body: { detail: 'Username already taken' } });
  });

  it('should log in with a JSON body and both HttpOnly cookies', async () => {
    const u = newUser('li');
    await rest(url, 'POST', '/api/v1/auth/register', { body: u });
    const res = await rest(url, 'POST', '/api/v1/auth/login', { body: { email: u.email, password: u.password } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ token_type: 'bearer', expires_in: 1800, refresh_expires_in: 2592000, user: { email: u.email } });
    expect(res.body.user_id).toBe(res.body.user.id);
    expect(res.cookies.access_token).toBe(res.body.access_token);
    expect(res.cookies.refresh_token).toBe(res.body.refresh_token);
    const setCookie = res.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/access_token=[^;]+;.*Max-Age=1800/i);
    expect(setCookie).toMatch(/access_token=[^;]+;.*HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
  });

  it('should answer 401 with the documented texts', async () => {
    const wrong = await rest(url, 'POST', '/api/v1/auth/login', { body: { email: 'nobody@example.com', password: 'whatever-pw' } });
    expect(wrong).toMatchObject({ status: 401, body: { detail: 'Invalid email or password' } });
    const anonymous = await rest(url, 'GET', '/api/v1/auth/me');
    expect(anonymous).toMatchObject({ status: 401, body: { detail: 'Not authenticated' } });
    const garbage = await rest(url, 'GET', '/api/v1/auth/me', { headers: { authorization: 'Bearer not.a.jwt' } });
    expect(garbage).toMatchObject({ status: 401, body: { detail: 'Invalid token' } });
  });

  it('should answer me from a Bearer token or the cookie', async () => {
    const u = await signUp(url);
    const bearer = await rest(url, 'GET', '/api/v1/auth/me', { headers: u.bearer });
    expect(bearer).toMatchObject({ status: 200, body: { id: u.id, username: u.username } });
    const cookie = await rest(url, 'GET', '/api/v1/auth/me', { headers: { cookie: `access_token=${u.accessToken}` } });
    expect(cookie.body.id).toBe(u.id);
  });

  it('should refresh from the body or the cookie and log out', async () => {
    const u = await signUp(url);
    const byBody = await rest(url, 'POST', '/api/v1/auth/refresh', { body: { refresh_token: u.refreshToken } });
    expect(byBody.status).toBe(200);
    expect(byBody.body.refresh_token).not.toBe(u.refreshToken);
    const byCookie = await rest(url, 'POST', '/api/v1/auth/refresh', { headers: { cookie: `refresh_token=${byBody.body.refresh_token}` } });
    expect(byCookie.status).toBe(200);
    const out = await rest(url, 'POST', '/api/v1/auth/logout', { headers: { cookie: `refresh_token=${byCookie.body.refresh_token}` } });
    expect(out).toMatchObject({ status: 200, body: { message: 'Successfully logged out' } });
    expect(out.headers.getSetCookie().join('\n')).toMatch(/refresh_token=; .*Max-Age=0/);
    const after = await rest(url, 'POST', '/api/v1/auth/refresh', { body: { refresh_token: byCookie.body.refresh_token } });
    expect(after.status).toBe(401);
    const missing = await rest(url, 'POST', '/api/v1/auth/refresh');
    expect(missing).toMatchObject({ status: 401, body: { detail: 'Not authenticated' } });
  });

  it('should change the username and the password', async () => {
    const u = await signUp(url);
    const renamed = await rest(url, 'PUT', '/api/v1/auth/profile/username', { headers: u.bearer, body: { username: `${u.username}_2` } });
    expect(renamed).toMatchObject({ status: 200, body: { username: `${u.username}_2` } });
    const short = await rest(url, 'PUT', '/api/v1/auth/profile/username', { headers: u.bearer, body: { username: 'ab' } });
    expect(short.status).toBe(422);
    const mismatch = await rest(url, 'PUT', '/api/v1/auth/profile/password', {
      headers: u.bearer,
      body: { current_password: u.password, new_password: 'new-password-1', confirm_password: 'other-password' },
    });
    expect(mismatch).toMatchObject({ status: 400, body: { detail: 'New password and confirmation do not match' } });
    const wrong = await rest(url, 'PUT', '/api/v1/auth/profile/password', { headers: u.bearer, body: { current_password: 'wrong-one', new_password: 'new-password-1' } });
    expect(wrong).toMatchObject({ status: 400, body: { detail: 'Current password is incorrect' } });
    const ok = await rest(url, 'PUT', '/api/v1/auth/profile/password', { headers: u.bearer, body: { current_password: u.password, new_password: 'new-password-1' } });
    expect(ok).toMatchObject({ status: 200, body: { message: 'Password updated successfully' } });
    const login = await rest(url, 'POST', '/api/v1/auth/login', { body: { email: u.email, password: 'new-password-1' } });
    expect(login.status).toBe(200);
  });
});

describe('StudioBrain /api/auth, /api/users, /api/api-keys', () => {
  it('should register and log in with the documented login shape', async () => {
    const u = newUser('sb');
    const reg = await rest(url, 'POST', '/api/auth/register', { body: { email: u.email, password: u.password } });
    expect(reg.status).toBe(200);
    expect(reg.body).toMatchObject({ token_type: 'bearer', role: expect.any(String) });
    for (const key of ['access_token', 'tenant_id', 'user_id']) expect(typeof reg.body[key]).toBe('string');
    const login = await rest(url, 'POST', '/api/auth/login', { body: { email: u.email, password: u.password } });
    expect(login.body).toMatchObject({ user_id: reg.body.user_id, tenant_id: reg.body.tenant_id });
  });

  it('should keep a web session in the cookie', async () => {
    const u = newUser('web');
    await rest(url, 'POST', '/api/auth/register', { body: { email: u.email, password: u.password, username: u.username } });
    const login = await rest(url, 'POST', '/api/auth/web/login', { body: { email: u.email, password: u.password } });
    const cookie = `access_token=${login.cookies.access_token}`;
    const session = await rest(url, 'GET', '/api/auth/web/session', { headers: { cookie } });
    expect(session).toMatchObject({ status: 200, body: { authenticated: true, user_id: login.body.user_id, tenant_id: login.body.tenant_id, user: { email: u.email } } });
    const current = await rest(url, 'GET', '/api/users/current', { headers: { cookie } });
    expect(current.body).toMatchObject({ id: login.body.user_id, email: u.email, tenant_id: login.body.tenant_id });
    const me = await rest(url, 'GET', '/api/auth/me', { headers: { cookie } });
    expect(me.body.id).toBe(login.body.user_id);
    expect((await rest(url, 'GET', '/api/auth/web/session')).status).toBe(401);
  });

  it('should create an API key shown once that authenticates with x-api-key', async () => {
    const u = await signUp(url);
    const created = await rest(url, 'POST', '/api/api-keys', { headers: u.bearer, body: { name: 'deploy' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'deploy', key: expect.stringMatching(/^bg_/) });
    const list = await rest(url, 'GET', '/api/api-keys', { headers: u.bearer });
    expect(list.body).toEqual([expect.objectContaining({ id: created.body.id, name: 'deploy' })]);
    expect(JSON.stringify(list.body)).not.toContain(created.body.key);
    const me = await rest(url, 'GET', '/api/auth/me', { headers: { 'x-api-key': created.body.key } });
    expect(me.body.id).toBe(u.id);
  });
});

describe('Brain Garden /v1/auth', () => {
  it('should issue, list, relabel and revoke keys, and answer whoami with a key', async () => {
    const u = await signUp(url);
    const issued = await rest(url, 'POST', '/v1/auth/issue-key', { headers: u.bearer });
    expect(issued.status).toBe(200);
    const { key, id } = issued.body;
    expect(key).toMatch(/^bg_/);
    const who = await rest(url, 'GET', '/v1/auth/whoami', { headers: { 'X-Bg-Api-Key': key } });
    expect(who.body).toMatchObject({ user_id: u.id, email: u.email, auth: 'api_key', key_id: id });
    const whoBearer = await rest(url, 'GET', '/v1/auth/whoami', { headers: { authorization: `Bearer ${key}` } });
    expect(whoBearer.body.user_id).toBe(u.id);
    const expires = new Date(Date.now() + 86_400_000).toISOString();
    const patched = await rest(url, 'PATCH', `/v1/auth/keys/${id}?label=Server%20Key&expires_at=${encodeURIComponent(expires)}`, { headers: u.bearer });
    expect(patched.body).toMatchObject({ id, label: 'Server Key' });
    expect(new Date(patched.body.expires_at).getTime()).toBe(new Date(expires).getTime());
    const list = await rest(url, 'GET', '/v1/auth/keys', { headers: u.bearer });
    expect(list.body.keys).toEqual([expect.objectContaining({ id, label: 'Server Key' })]);
    const dashless = id.replace(/-/g, '');
    const revoked = await rest(url, 'DELETE', `/v1/auth/keys/${dashless}`, { headers: u.bearer });
    expect(revoked).toMatchObject({ status: 200, body: { ok: true, id } });
    const refused = await rest(url, 'GET', '/v1/auth/whoami', { headers: { 'X-Bg-Api-Key': key } });
    expect(refused).toMatchObject({ status: 401, body: { detail: 'Invalid API key' } });
  });

  it("should answer 404 for someone else's key id and 422 for a malformed one", async () => {
    const owner = await signUp(url);
    const other = await signUp(url);
    const { id, key } = (await rest(url, 'POST', '/v1/auth/issue-key', { headers: owner.bearer })).body;
    const steal = await rest(url, 'DELETE', `/v1/auth/keys/${id}`, { headers: other.bearer });
    expect(steal).toMatchObject({ status: 404, body: { detail: 'API key not found' } });
    const relabel = await rest(url, 'PATCH', `/v1/auth/keys/${id}?label=mine`, { headers: other.bearer });
    expect(relabel.status).toBe(404);
    expect((await rest(url, 'GET', '/v1/auth/whoami', { headers: { 'X-Bg-Api-Key': key } })).body.user_id).toBe(owner.id);
    const malformed = await rest(url, 'DELETE', '/v1/auth/keys/not-a-uuid', { headers: owner.bearer });
    expect(malformed.status).toBe(422);
    expect(malformed.body.detail[0]).toMatchObject({ loc: ['path', 'key_id'], type: 'uuid_parsing' });
  });

  it('should answer 401 without credentials', async () => {
    expect((await rest(url, 'GET', '/v1/auth/whoami')).status).toBe(401);
    expect((await rest(url, 'POST', '/v1/auth/issue-key')).status).toBe(401);
  });
});

describe('health and unbuilt rows', () => {
  it('should answer health on every documented path', async () => {
    for (const path of ['/health', '/api/health']) {
      expect(await rest(url, 'GET', path)).toMatchObject({ status: 200, body: { status: 'healthy' } });
    }
    const detailed = await rest(url, 'GET', '/health/detailed');
    expect(detailed.body).toMatchObject({ status: 'healthy', database: { status: 'healthy' } });
    expect(detailed.body.database.latency_ms).toBeGreaterThanOrEqual(0);
  });

  it('should answer 501 for a documented route not built yet, before any auth check', async () => {
    expect(await rest(url, 'GET', '/api/entity/character/abc')).toMatchObject({ status: 501, body: { detail: 'not implemented' } });
    expect(await rest(url, 'GET', '/api/v1/no-such-thing')).toMatchObject({ status: 404, body: { detail: 'Not Found' } });
  });
});
