import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import pg from 'pg';
import { inject } from 'vitest';
import { gql, newUser } from '../helpers/clients.js';
import { startTestApp, TEST_SECRETS, type TestApp } from '../helpers/test-app.js';

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { id email username fullName isActive isVerified isAdmin } }`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken refreshToken tokenType expiresIn userId tenantId role user { id } } }`;
const REFRESH = `mutation($t: String) { refreshToken(refreshToken: $t) { accessToken refreshToken } }`;
const ME = `{ me { id email username fullName isActive isVerified roles { name tenant { id personal } } } }`;

let app: TestApp;
let db: pg.Client;

beforeAll(async () => {
  app = await startTestApp();
  db = new pg.Client({ connectionString: inject('databaseUrl') });
  await db.connect();
});
afterAll(async () => {
  await db.end();
  await app.close();
});

async function registered(prefix = 'g') {
  const user = newUser(prefix);
  const reg = await gql(app.graphqlUrl, REGISTER, { input: user });
  expect(reg.errors).toBeUndefined();
  const login = await gql(app.graphqlUrl, LOGIN, { email: user.email, password: user.password });
  expect(login.errors).toBeUndefined();
  return { ...user, id: reg.data.register.id as string, ...(login.data.login as { accessToken: string; refreshToken: string; tenantId: string }) };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const usersWithEmail = async (email: string) =>
  Number((await db.query('select count(*) from identity.users where email = $1', [email.toLowerCase()])).rows[0].count);

describe('register and login', () => {
  it('should create a user with a personal tenant where they are owner', async () => {
    const u = await registered();
    const me = await gql(app.graphqlUrl, ME, {}, bearer(u.accessToken));
    expect(me.errors).toBeUndefined();
    expect(me.data.me).toMatchObject({ id: u.id, email: u.email, username: u.username, isActive: true, isVerified: false });
    expect(me.data.me.roles).toEqual([{ name: 'owner', tenant: { id: u.tenantId, personal: true } }]);
  });

  it('should refuse a duplicate email, whatever its case, and write nothing', async () => {
    const u = await registered();
    const again = await gql(app.graphqlUrl, REGISTER, { input: { ...newUser(), email: u.email.toUpperCase() } });
    expect(again.errors?.[0]).toMatchObject({ message: 'Email already registered', extensions: { code: 'BAD_USER_INPUT' } });
    expect(await usersWithEmail(u.email)).toBe(1);
  });

  it('should refuse a duplicate username', async () => {
    const u = await registered();
    const other = { ...newUser(), username: u.username.toUpperCase() };
    const again = await gql(app.graphqlUrl, REGISTER, { input: other });
    expect(again.errors?.[0]).toMatchObject({ message: 'Username already taken', extensions: { code: 'BAD_USER_INPUT' } });
    expect(await usersWithEmail(other.email)).toBe(0);
  });

  it.each([
    ['a bad email', { email: 'not-an-email' }],
    ['a short password', { password: 'short' }],
    ['a short username', { username: 'ab' }],
    ['a username with spaces', { username: 'two words' }],
  ])('should refuse %s with BAD_USER_INPUT and write nothing', async (_label, patch) => {
    const input = { ...newUser(), ...patch };
    const res = await gql(app.graphqlUrl, REGISTER, { input });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await usersWithEmail(input.email)).toBe(0);
  });

  it('should refuse a missing field as a GraphQL validation error', async () => {
    const res = await gql(app.graphqlUrl, REGISTER, { input: { email: 'x@example.com', password: 'longenough' } });
    expect(res.status).toBe(400);
    expect(res.errors?.[0].message).toMatch(/username/);
  });

  it('should answer a wrong password and an unknown email with the same message', async () => {
    const u = await registered();
    const wrong = await gql(app.graphqlUrl, LOGIN, { email: u.email, password: 'wrong-password' });
    const unknown = await gql(app.graphqlUrl, LOGIN, { email: 'nobody@example.com', password: 'wrong-password' });
    for (const res of [wrong, unknown]) {
      expect(res.errors?.[0]).toMatchObject({ message: 'Invalid email or password', extensions: { code: 'UNAUTHENTICATED' } });
    }
  });

  it('should log in with the email in another case', async () => {
    const u = await registered();
    const res = await gql(app.graphqlUrl, LOGIN, { email: u.email.toUpperCase(), password: u.password });
    expect(res.data?.login.userId).toBe(u.id);
  });
});

describe('me and credentials', () => {
  it('should answer UNAUTHENTICATED without credentials', async () => {
    const res = await gql(app.graphqlUrl, ME);
    expect(res.errors?.[0]).toMatchObject({ message: 'Not authenticated', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('should accept the access token as a cookie', async () => {
    const u = await registered();
    const res = await gql(app.graphqlUrl, ME, {}, { cookie: `access_token=${u.accessToken}` });
    expect(res.data?.me.id).toBe(u.id);
  });

  it('should refuse a refresh token used as an access token', async () => {
    const u = await registered();
    const res = await gql(app.graphqlUrl, ME, {}, bearer(u.refreshToken));
    expect(res.errors?.[0]).toMatchObject({ message: 'Not an access token', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('should refuse an access token used as a refresh token', async () => {
    const u = await registered();
    const res = await gql(app.graphqlUrl, REFRESH, { t: u.accessToken });
    expect(res.errors?.[0]).toMatchObject({ message: 'Not a refresh token', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('should refuse alg none, another algorithm, a wrong secret and an expired token', async () => {
    const u = await registered();
    const claims = { sub: u.id, tid: u.tenantId, role: 'owner', adm: false, typ: 'access' };
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const full = { ...claims, iss: 'braingraph', aud: 'braingraph', iat: now, exp: now + 600 };
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(full)}.`;
    const key = new TextEncoder().encode(TEST_SECRETS.jwtSecret);
    const sign = (alg: string, secret = key, exp = now + 600) =>
      new SignJWT(claims).setProtectedHeader({ alg }).setIssuer('braingraph').setAudience('braingraph').setIssuedAt(now - 1000).setExpirationTime(exp).sign(secret);
    const hs512 = await sign('HS512');
    const forged = await sign('HS256', new TextEncoder().encode('another-secret-0123456789abcdef0123456789'));
    const expired = await sign('HS256', key, now - 10);
    const good = await sign('HS256');
    expect((await gql(app.graphqlUrl, ME, {}, bearer(good))).data?.me.id).toBe(u.id);
    for (const token of [none, hs512, forged]) {
      expect((await gql(app.graphqlUrl, ME, {}, bearer(token))).errors?.[0]).toMatchObject({ message: 'Invalid token', extensions: { code: 'UNAUTHENTICATED' } });
    }
    expect((await gql(app.graphqlUrl, ME, {}, bearer(expired))).errors?.[0]).toMatchObject({ message: 'Token has expired' });
  });

  it('should keep the internal API-key operation out of the public graph', async () => {
    const res = await gql(app.graphqlUrl, `{ authenticateApiKey(key: "bg_x") { userId } }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('profile', () => {
  it('should change the username and refuse one already taken', async () => {
    const a = await registered();
    const b = await registered();
    const ok = await gql(app.graphqlUrl, `mutation($u: String!) { updateUsername(username: $u) { username } }`, { u: `${a.username}_x` }, bearer(a.accessToken));
    expect(ok.data?.updateUsername.username).toBe(`${a.username}_x`);
    const taken = await gql(app.graphqlUrl, `mutation($u: String!) { updateUsername(username: $u) { username } }`, { u: b.username }, bearer(a.accessToken));
    expect(taken.errors?.[0]).toMatchObject({ message: 'Username already taken', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('should change the password only with the current one and a matching confirmation', async () => {
    const u = await registered();
    const M = `mutation($c: String!, $n: String!, $k: String) { updatePassword(currentPassword: $c, newPassword: $n, confirmPassword: $k) }`;
    const wrong = await gql(app.graphqlUrl, M, { c: 'not-my-password', n: 'new-password-1' }, bearer(u.accessToken));
    expect(wrong.errors?.[0].message).toBe('Current password is incorrect');
    const mismatch = await gql(app.graphqlUrl, M, { c: u.password, n: 'new-password-1', k: 'new-password-2' }, bearer(u.accessToken));
    expect(mismatch.errors?.[0].message).toBe('New password and confirmation do not match');
    const ok = await gql(app.graphqlUrl, M, { c: u.password, n: 'new-password-1', k: 'new-password-1' }, bearer(u.accessToken));
    expect(ok.data?.updatePassword).toBe(true);
    expect((await gql(app.graphqlUrl, LOGIN, { email: u.email, password: u.password })).errors?.[0].message).toBe('Invalid email or password');
    expect((await gql(app.graphqlUrl, LOGIN, { email: u.email, password: 'new-password-1' })).data?.login.userId).toBe(u.id);
  });
});

describe('refresh token families', () => {
  it('should rotate, give a concurrent refresh the same successor, and end the session on logout', async () => {
    const u = await registered();
    const [first, second] = await Promise.all([
      gql(app.graphqlUrl, REFRESH, { t: u.refreshToken }),
      gql(app.graphqlUrl, REFRESH, { t: u.refreshToken }),
    ]);
    expect(first.errors).toBeUndefined();
    expect(second.errors).toBeUndefined();
    expect(first.data.refreshToken.refreshToken).toBe(second.data.refreshToken.refreshToken);
    expect(first.data.refreshToken.refreshToken).not.toBe(u.refreshToken);
    const next = first.data.refreshToken.refreshToken;
    const again = await gql(app.graphqlUrl, REFRESH, { t: next });
    expect(again.errors).toBeUndefined();
    const logout = await gql(app.graphqlUrl, `mutation($t: String) { logout(refreshToken: $t) }`, { t: again.data.refreshToken.refreshToken });
    expect(logout.data?.logout).toBe(true);
    const after = await gql(app.graphqlUrl, REFRESH, { t: again.data.refreshToken.refreshToken });
    expect(after.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('should revoke the whole family when a used token is replayed after the grace window', async () => {
    const u = await registered();
    const rotated = await gql(app.graphqlUrl, REFRESH, { t: u.refreshToken });
    const successor = rotated.data.refreshToken.refreshToken;
    // Age the use past the 30 s grace window instead of waiting it out.
    await db.query(`update identity.refresh_tokens set used_at = now() - interval '1 minute' where user_id = $1 and used_at is not null`, [u.id]);
    const replay = await gql(app.graphqlUrl, REFRESH, { t: u.refreshToken });
    expect(replay.errors?.[0].message).toMatch(/^BLOCKED_TOKEN_DETECTED/);
    const successorAfter = await gql(app.graphqlUrl, REFRESH, { t: successor });
    expect(successorAfter.errors?.[0].message).toMatch(/^BLOCKED_TOKEN_DETECTED/);
  });
});

describe('API keys', () => {
  const ISSUE = `mutation($label: String, $exp: DateTimeISO) { issueApiKey(label: $label, expiresAt: $exp) { key apiKey { id label prefix expiresAt } } }`;

  it('should issue a key that works in every API-key header and is stored hashed', async () => {
    const u = await registered();
    const issued = await gql(app.graphqlUrl, ISSUE, { label: 'ci' }, bearer(u.accessToken));
    const { key, apiKey } = issued.data.issueApiKey;
    expect(key).toMatch(/^bg_/);
    expect(apiKey).toMatchObject({ label: 'ci', prefix: key.slice(0, 10) });
    for (const headers of [{ 'x-api-key': key }, { 'X-Bg-Api-Key': key }, bearer(key)] as Record<string, string>[]) {
      const me = await gql(app.graphqlUrl, `{ me { id } session { via apiKeyId } }`, {}, headers);
      expect(me.data).toEqual({ me: { id: u.id }, session: { via: 'api_key', apiKeyId: apiKey.id } });
    }
    const stored = await db.query('select key_hash from identity.api_keys where id = $1', [apiKey.id]);
    expect(stored.rows[0].key_hash).not.toContain(key);
    const list = await gql(app.graphqlUrl, `{ apiKeys { id prefix } }`, {}, bearer(u.accessToken));
    expect(list.data.apiKeys).toEqual([{ id: apiKey.id, prefix: apiKey.prefix }]);
    expect(JSON.stringify(list.data)).not.toContain(key);
  });

  it('should refuse a revoked key and an expired key', async () => {
    const u = await registered();
    const a = (await gql(app.graphqlUrl, ISSUE, {}, bearer(u.accessToken))).data.issueApiKey;
    const b = (await gql(app.graphqlUrl, ISSUE, { exp: new Date(Date.now() + 3600_000).toISOString() }, bearer(u.accessToken))).data.issueApiKey;
    await gql(app.graphqlUrl, `mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: a.apiKey.id }, bearer(u.accessToken));
    await db.query(`update identity.api_keys set expires_at = now() - interval '1 second' where id = $1`, [b.apiKey.id]);
    for (const key of [a.key, b.key]) {
      const res = await gql(app.graphqlUrl, `{ me { id } }`, {}, { 'x-api-key': key });
      expect(res.errors?.[0]).toMatchObject({ message: 'Invalid API key', extensions: { code: 'UNAUTHENTICATED' } });
    }
  });

  it("should answer NOT_FOUND for someone else's key and leave it untouched", async () => {
    const owner = await registered();
    const other = await registered();
    const { apiKey, key } = (await gql(app.graphqlUrl, ISSUE, { label: 'mine' }, bearer(owner.accessToken))).data.issueApiKey;
    const revoke = await gql(app.graphqlUrl, `mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: apiKey.id }, bearer(other.accessToken));
    const update = await gql(app.graphqlUrl, `mutation($id: ID!) { updateApiKey(id: $id, label: "stolen") { id } }`, { id: apiKey.id }, bearer(other.accessToken));
    for (const res of [revoke, update]) expect(res.errors?.[0]).toMatchObject({ message: 'API key not found', extensions: { code: 'NOT_FOUND' } });
    expect((await gql(app.graphqlUrl, `{ me { id } }`, {}, { 'x-api-key': key })).data?.me.id).toBe(owner.id);
    expect((await db.query('select label from identity.api_keys where id = $1', [apiKey.id])).rows[0].label).toBe('mine');
  });

  it('should refuse an expiry in the past', async () => {
    const u = await registered();
    const res = await gql(app.graphqlUrl, ISSUE, { exp: new Date(Date.now() - 1000).toISOString() }, bearer(u.accessToken));
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
