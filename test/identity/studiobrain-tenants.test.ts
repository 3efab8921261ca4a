import { createHash } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newUser, rest, signUp } from '../helpers/clients.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { signUpAdmin } from '../helpers/admin.js';

let app: TestApp;
let db: pg.Client;
let url: string;
let admin: { authorization: string };

type Session = { bearer: { authorization: string }; refreshToken: string; body: any };

async function login(email: string, password: string): Promise<Session> {
  const res = await rest(url, 'POST', '/api/auth/web/login', { body: { email, password } });
  if (res.status !== 200) throw new Error(`login: ${res.status} ${JSON.stringify(res.body)}`);
  return { bearer: { authorization: `Bearer ${res.body.access_token}` }, refreshToken: res.body.refresh_token, body: res.body };
}

async function invite(by: { authorization: string }, email: string, role = 'member') {
  const res = await rest(url, 'POST', '/api/auth/create-invite', { headers: by, body: { email, role } });
  if (res.status !== 201) throw new Error(`invite: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token as string;
}

beforeAll(async () => {
  app = await startTestApp();
  url = app.restUrl;
  db = new pg.Client({ connectionString: inject('databaseUrl') });
  await db.connect();
  admin = (await signUpAdmin(url, 'sbtadm')).bearer;
});
afterAll(async () => {
  await db.end();
  await app.close();
});

describe('StudioBrain POST /api/register', () => {
  it('should register a user who owns a new named tenant, and answer like login with the tenant', async () => {
    const u = newUser('reg');
    const res = await rest(url, 'POST', '/api/register', { body: { email: u.email, password: u.password, tenant_name: 'Acme Studio' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ token_type: 'bearer', role: 'owner', tenant_name: 'Acme Studio', tenant: { name: 'Acme Studio' } });
    expect(res.body.tenant.id).toBe(res.body.tenant_id);
    expect(res.cookies.access_token).toBeTruthy();
    expect(res.cookies.refresh_token).toBeTruthy();
    const me = await rest(url, 'GET', '/api/tenants/me', { headers: { authorization: `Bearer ${res.body.access_token}` } });
    expect(me.body).toMatchObject({ id: res.body.tenant_id, name: 'Acme Studio', personal: false, role: 'owner', settings: {} });
  });

  it('should answer 422 without a tenant name and 400 for a taken email', async () => {
    const u = newUser('reg');
    const missing = await rest(url, 'POST', '/api/register', { body: { email: u.email, password: u.password } });
    expect(missing.status).toBe(422);
    expect(missing.body.detail[0]).toMatchObject({ loc: ['body', 'tenant_name'], type: 'missing' });
    expect((await rest(url, 'POST', '/api/register', { body: { email: u.email, password: u.password, tenant_name: 'T' } })).status).toBe(200);
    const again = await rest(url, 'POST', '/api/register', { body: { email: u.email, password: u.password, tenant_name: 'T2' } });
    expect(again).toMatchObject({ status: 400, body: { detail: 'Email already registered' } });
  });
});

describe('StudioBrain tenants', () => {
  it('should let an owner rename the tenant and merge its settings, and refuse a member', async () => {
    const owner = await signUp(url, 'town');
    const put = await rest(url, 'PUT', '/api/tenants/me', { headers: owner.bearer, body: { name: 'Renamed', settings: { theme: 'dark', beta: true } } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ name: 'Renamed', settings: { theme: 'dark', beta: true } });
    const merged = await rest(url, 'PUT', '/api/tenants/me', { headers: owner.bearer, body: { settings: { beta: null, lang: 'en' } } });
    expect(merged.body).toMatchObject({ name: 'Renamed', settings: { theme: 'dark', lang: 'en' } });
    expect((await rest(url, 'PUT', '/api/tenants/me', { headers: owner.bearer, body: { name: '' } })).status).toBe(422);

    const m = newUser('tmem');
    const token = await invite(owner.bearer, m.email, 'member');
    const joined = await rest(url, 'POST', '/api/auth/register-with-invite', { body: { token, password: m.password, username: m.username } });
    const member = { authorization: `Bearer ${joined.body.access_token}` };
    expect((await rest(url, 'GET', '/api/tenants/me', { headers: member })).body).toMatchObject({ name: 'Renamed', role: 'member' });
    const refused = await rest(url, 'PUT', '/api/tenants/me', { headers: member, body: { name: 'Mine now' } });
    expect(refused.status).toBe(403);
  });

  it('should let only a platform admin create a tenant, owned by the given user', async () => {
    const u = await signUp(url, 'tnew');
    expect((await rest(url, 'POST', '/api/tenants', { headers: u.bearer, body: { name: 'Nope' } })).status).toBe(403);
    const created = await rest(url, 'POST', '/api/tenants', { headers: admin, body: { name: 'Studio North', owner_id: u.id } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Studio North', personal: false });
    const sel = await rest(url, 'POST', '/api/auth/web/select-tenant', { headers: u.bearer, body: { tenant_id: created.body.id } });
    expect(sel.body).toMatchObject({ tenant_id: created.body.id, role: 'owner', tenant_name: 'Studio North' });
    const unknownOwner = await rest(url, 'POST', '/api/tenants', { headers: admin, body: { name: 'X', owner_id: '00000000-0000-4000-8000-000000000000' } });
    expect(unknownOwner.status).toBe(404);
  });
});

describe('StudioBrain POST /api/auth/web/select-tenant', () => {
  it('should switch to a tenant the caller belongs to, like web login, and refuse others with 403', async () => {
    const owner = await signUp(url, 'sown');
    const other = await signUp(url, 'soth');
    const u = await signUp(url, 'ssel');
    const personal = (await rest(url, 'GET', '/api/tenants/me', { headers: u.bearer })).body.id as string;
    const ownerTenant = (await rest(url, 'GET', '/api/tenants/me', { headers: owner.bearer })).body.id as string;
    const otherTenant = (await rest(url, 'GET', '/api/tenants/me', { headers: other.bearer })).body.id as string;
    // An existing account accepts an invitation with its own password and joins.
    const token = await invite(owner.bearer, u.email, 'viewer');
    const joined = await rest(url, 'POST', '/api/auth/register-with-invite', { body: { token, password: u.password } });
    expect(joined.body).toMatchObject({ user_id: u.id, tenant_id: ownerTenant, role: 'viewer' });

    const s = await login(u.email, u.password);
    expect(s.body).toMatchObject({ tenant_id: ownerTenant, role: 'viewer' }); // login lands in the last tenant joined
    const sel = await rest(url, 'POST', '/api/auth/web/select-tenant', { headers: s.bearer, body: { tenant_id: personal } });
    expect(sel.status).toBe(200);
    expect(sel.body).toMatchObject({ token_type: 'bearer', tenant_id: personal, role: 'owner', user_id: u.id });
    expect(sel.cookies.access_token).toBe(sel.body.access_token);
    expect(sel.cookies.refresh_token).toBe(sel.body.refresh_token);
    const now = { authorization: `Bearer ${sel.body.access_token}` };
    expect((await rest(url, 'GET', '/api/auth/web/session', { headers: now })).body).toMatchObject({ tenant_id: personal, role: 'owner' });
    // The replaced session is over; the new one refreshes in the new tenant.
    expect((await rest(url, 'POST', '/api/auth/refresh', { body: { refresh_token: s.refreshToken } })).status).toBe(401);
    const refreshed = await rest(url, 'POST', '/api/auth/refresh', { body: { refresh_token: sel.body.refresh_token } });
    expect(refreshed.body).toMatchObject({ tenant_id: personal, role: 'owner' });
    expect((await login(u.email, u.password)).body.tenant_id).toBe(personal);

    const refused = await rest(url, 'POST', '/api/auth/web/select-tenant', { headers: now, body: { tenant_id: otherTenant } });
    expect(refused).toMatchObject({ status: 403, body: { detail: 'You are not a member of this tenant' } });
    expect((await rest(url, 'POST', '/api/auth/web/select-tenant', { headers: now, body: { tenant_id: 'nope' } })).status).toBe(422);
    expect((await rest(url, 'POST', '/api/auth/web/select-tenant', { body: { tenant_id: personal } })).status).toBe(401);
  });
});

describe('StudioBrain invitations', () => {
  it('should run the round trip: create, validate, register with it, then log in to the tenant with the role', async () => {
    const owner = await signUp(url, 'iown');
    const tenant = (await rest(url, 'GET', '/api/tenants/me', { headers: owner.bearer })).body;
    const n = newUser('inew');
    const created = await rest(url, 'POST', '/api/auth/create-invite', { headers: { ...owner.bearer, origin: 'https://studio.example' }, body: { email: n.email, role: 'admin' } });
    expect(created.status).toBe(201);
    const { token } = created.body;
    expect(created.body).toMatchObject({ email: n.email, role: 'admin', tenant_id: tenant.id, tenant_name: tenant.name });
    expect(created.body.invite_url).toBe(`https://studio.example/register?invite=${encodeURIComponent(token)}`);
    const days = (Date.parse(created.body.expires_at) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    // Stored only as its SHA-256.
    const stored = await db.query('select token_hash from identity.invites where id = $1', [created.body.id]);
    expect(stored.rows[0].token_hash).toBe(createHash('sha256').update(token).digest('hex'));

    const valid = await rest(url, 'GET', `/api/auth/validate-invite/${token}`);
    expect(valid.status).toBe(200);
    expect(valid.body).toMatchObject({ valid: true, email: n.email, role: 'admin', tenant_name: tenant.name, expires_at: created.body.expires_at });

    const reg = await rest(url, 'POST', '/api/auth/register-with-invite', { body: { token, password: n.password, username: n.username } });
    expect(reg.status).toBe(200);
    expect(reg.body).toMatchObject({ tenant_id: tenant.id, role: 'admin', user: { email: n.email, username: n.username } });
    expect(reg.cookies.access_token).toBeTruthy();
    const s = await login(n.email, n.password);
    expect(s.body).toMatchObject({ tenant_id: tenant.id, role: 'admin' });

    const reused = await rest(url, 'GET', `/api/auth/validate-invite/${token}`);
    expect(reused).toMatchObject({ status: 410, body: { detail: 'Invitation has already been used' } });
    const again = await rest(url, 'POST', '/api/auth/register-with-invite', { body: { token, password: 'another-password', username: 'someone_else' } });
    expect(again).toMatchObject({ status: 410, body: { detail: 'Invitation has already been used' } });
    expect((await rest(url, 'GET', '/api/auth/validate-invite/inv_unknown')).status).toBe(404);
  });

  it('should refuse an expired invitation with 410', async () => {
    const owner = await signUp(url, 'iexp');
    const n = newUser('iexn');
    const token = await invite(owner.bearer, n.email);
    await db.query(`update identity.invites set expires_at = now() - interval '1 minute' where token_hash = $1`, [
      createHash('sha256').update(token).digest('hex'),
    ]);
    expect(await rest(url, 'GET', `/api/auth/validate-invite/${token}`)).toMatchObject({ status: 410, body: { detail: 'Invitation has expired' } });
    const reg = await rest(url, 'POST', '/api/auth/register-with-invite', { body: { token, password: n.password, username: n.username } });
    expect(reg.status).toBe(410);
    expect((await db.query('select count(*) from identity.users where email = $1', [n.email])).rows[0].count).toBe('0');
  });

  it('should refuse to grant a role above the inviter\'s, and members may not invite', async () => {
    const owner = await signUp(url, 'iesc');
    const a = newUser('iadm');
    const reg = await rest(url, 'POST', '/api/auth/register-with-invite', {
      body: { token: await invite(owner.bearer, a.email, 'admin'), password: a.password, username: a.username },
    });
    const adminOfTenant = { authorization: `Bearer ${reg.body.access_token}` };
    const escalate = await rest(url, 'POST', '/api/auth/create-invite', { headers: adminOfTenant, body: { email: newUser().email, role: 'owner' } });
    expect(escalate).toMatchObject({ status: 403, body: { detail: 'You cannot grant a role higher than your own' } });
    expect((await rest(url, 'POST', '/api/auth/create-invite', { headers: adminOfTenant, body: { email: newUser().email, role: 'admin' } })).status).toBe(201);
    const m = newUser('imem');
    const mem = await rest(url, 'POST', '/api/auth/register-with-invite', {
      body: { token: await invite(owner.bearer, m.email, 'member'), password: m.password, username: m.username },
    });
    const byMember = await rest(url, 'POST', '/api/auth/create-invite', { headers: { authorization: `Bearer ${mem.body.access_token}` }, body: { email: newUser().email } });
    expect(byMember.status).toBe(403);
    expect((await rest(url, 'POST', '/api/auth/create-invite', { headers: owner.bearer, body: { email: m.email } })).status).toBe(409);
    expect((await rest(url, 'POST', '/api/auth/create-invite', { headers: owner.bearer, body: { email: 'x@example.com', role: 'god' } })).status).toBe(422);
  });

  it('should refuse an existing account\'s invitation without its password', async () => {
    const owner = await signUp(url, 'ipw');
    const u = await signUp(url, 'ipwu');
    const token = await invite(owner.bearer, u.email);
    const wrong = await rest(url, 'POST', '/api/auth/register-with-invite', { body: { token, password: 'not-the-password' } });
    expect(wrong).toMatchObject({ status: 401, body: { detail: 'Invalid email or password' } });
    expect((await rest(url, 'GET', `/api/auth/validate-invite/${token}`)).status).toBe(200);
  });
});

describe('StudioBrain POST /api/auth/set-password', () => {
  it('should change the password, end the other sessions and answer a new session', async () => {
    const u = await signUp(url, 'spw');
    const s1 = await login(u.email, u.password);
    const s2 = await login(u.email, u.password);
    const wrong = await rest(url, 'POST', '/api/auth/set-password', { headers: s1.bearer, body: { current_password: 'nope-nope', new_password: 'brand-new-password' } });
    expect(wrong).toMatchObject({ status: 400, body: { detail: 'Current password is incorrect' } });
    const res = await rest(url, 'POST', '/api/auth/set-password', { headers: s1.bearer, body: { current_password: u.password, new_password: 'brand-new-password' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ message: 'Password updated successfully', user_id: u.id, token_type: 'bearer' });
    expect(res.cookies.refresh_token).toBe(res.body.refresh_token);

    expect((await rest(url, 'POST', '/api/auth/login', { body: { email: u.email, password: u.password } })).status).toBe(401);
    await login(u.email, 'brand-new-password');
    expect((await rest(url, 'POST', '/api/auth/refresh', { body: { refresh_token: s2.refreshToken } })).status).toBe(401);
    expect((await rest(url, 'POST', '/api/auth/refresh', { body: { refresh_token: s1.refreshToken } })).status).toBe(401);
    expect((await rest(url, 'POST', '/api/auth/refresh', { body: { refresh_token: res.body.refresh_token } })).status).toBe(200);
  });
});
