import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newUser, rest, signUp } from '../helpers/clients.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { signUpAdmin } from '../helpers/admin.js';

let app: TestApp;
let db: pg.Client;
let url: string;
let admin: { authorization: string };

type Bearer = { authorization: string };
interface Member {
  id: string;
  email: string;
  username: string;
  password: string;
  bearer: Bearer;
  refreshToken: string;
}

/** A tenant owner: a fresh account, in its own tenant. */
async function owner(prefix: string) {
  const u = await signUp(url, prefix);
  const tenantId = (await rest(url, 'GET', '/api/tenants/me', { headers: u.bearer })).body.id as string;
  return { ...u, tenantId };
}

/** A new account that joined `by`'s tenant with `role` through an invitation. */
async function join(by: Bearer, role: string, prefix = 'mem'): Promise<Member> {
  const n = newUser(prefix);
  const inv = await rest(url, 'POST', '/api/auth/create-invite', { headers: by, body: { email: n.email, role } });
  if (inv.status !== 201) throw new Error(`invite: ${inv.status} ${JSON.stringify(inv.body)}`);
  const reg = await rest(url, 'POST', '/api/auth/register-with-invite', { body: { token: inv.body.token, password: n.password, username: n.username } });
  if (reg.status !== 200) throw new Error(`accept: ${reg.status} ${JSON.stringify(reg.body)}`);
  return { ...n, id: reg.body.user_id, bearer: { authorization: `Bearer ${reg.body.access_token}` }, refreshToken: reg.body.refresh_token };
}

beforeAll(async () => {
  app = await startTestApp();
  url = app.restUrl;
  db = new pg.Client({ connectionString: inject('databaseUrl') });
  await db.connect();
  admin = (await signUpAdmin(url, 'sbuadm')).bearer;
});
afterAll(async () => {
  await db.end();
  await app.close();
});

describe('StudioBrain /api/users (tenant admin)', () => {
  it('should list, search and read only the members of the active tenant', async () => {
    const a = await owner('ua');
    const b = await owner('ub');
    const m = await join(a.bearer, 'member');
    const list = await rest(url, 'GET', '/api/users', { headers: a.bearer });
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 2, offset: 0, limit: 50 });
    expect(list.body.users.map((u: { id: string }) => u.id).sort()).toEqual([a.id, m.id].sort());
    expect(list.body.users.find((u: { id: string }) => u.id === m.id)).toMatchObject({ email: m.email, role: 'member', is_active: true });
    const search = await rest(url, 'GET', `/api/users?search=${m.username}`, { headers: a.bearer });
    expect(search.body.users.map((u: { id: string }) => u.id)).toEqual([m.id]);
    const paged = await rest(url, 'GET', '/api/users?limit=1&offset=1', { headers: a.bearer });
    expect(paged.body).toMatchObject({ total: 2, limit: 1, offset: 1 });
    expect(paged.body.users).toHaveLength(1);
    expect((await rest(url, 'GET', '/api/users?limit=500', { headers: a.bearer })).status).toBe(422);

    expect((await rest(url, 'GET', `/api/users/${m.id}`, { headers: a.bearer })).body).toMatchObject({ id: m.id, role: 'member' });
    expect((await rest(url, 'GET', `/api/users/${b.id}`, { headers: a.bearer })).status).toBe(404);
    expect((await rest(url, 'GET', '/api/users', { headers: m.bearer })).status).toBe(403);
    // A platform admin sees every account.
    const all = await rest(url, 'GET', `/api/users?search=${b.username}`, { headers: admin });
    expect(all.body.users.map((u: { id: string }) => u.id)).toEqual([b.id]);
  });

  it("should answer 404 to PUT and DELETE on another tenant's user, and change nothing", async () => {
    const a = await owner('uia');
    const b = await owner('uib');
    const bm = await join(b.bearer, 'member');
    expect((await rest(url, 'PUT', `/api/users/${bm.id}`, { headers: a.bearer, body: { full_name: 'Hacked', role: 'viewer' } })).status).toBe(404);
    expect((await rest(url, 'DELETE', `/api/users/${bm.id}`, { headers: a.bearer })).status).toBe(404);
    expect((await rest(url, 'PUT', `/api/users/${bm.id}/password`, { headers: a.bearer, body: { new_password: 'taken-over-now' } })).status).toBe(404);
    expect((await rest(url, 'GET', `/api/users/${bm.id}`, { headers: b.bearer })).body).toMatchObject({ full_name: null, role: 'member' });
    await rest(url, 'POST', '/api/auth/login', { body: { email: bm.email, password: bm.password } }).then((r) => expect(r.status).toBe(200));
  });

  it("should update a member's name and role, never above the caller's own role", async () => {
    const a = await owner('uup');
    const m1 = await join(a.bearer, 'member');
    const m2 = await join(a.bearer, 'member');
    const put = await rest(url, 'PUT', `/api/users/${m1.id}`, { headers: a.bearer, body: { role: 'admin' } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ id: m1.id, role: 'admin' });
    // The account (its name) is the user's own: a tenant owner manages the membership only; a platform admin may.
    expect((await rest(url, 'PUT', `/api/users/${m1.id}`, { headers: a.bearer, body: { full_name: 'Renamed' } })).status).toBe(403);
    expect((await rest(url, 'PUT', `/api/users/${m1.id}`, { headers: admin, body: { full_name: 'Mia One' } })).body.full_name).toBe('Mia One');
    // m1 is an admin now (read from the database, not from m1's older token).
    expect((await rest(url, 'PUT', `/api/users/${m2.id}`, { headers: m1.bearer, body: { role: 'owner' } })).status).toBe(403);
    expect((await rest(url, 'PUT', `/api/users/${m2.id}`, { headers: m1.bearer, body: { role: 'viewer' } })).body.role).toBe('viewer');
    expect((await rest(url, 'PUT', `/api/users/${a.id}`, { headers: m1.bearer, body: { full_name: 'x' } })).status).toBe(403);
    expect((await rest(url, 'PUT', `/api/users/${m2.id}`, { headers: m1.bearer, body: { is_active: false } })).status).toBe(403);
    expect((await rest(url, 'PUT', `/api/users/${m2.id}`, { headers: a.bearer, body: { role: 'root' } })).status).toBe(422);
  });

  it('should never remove or demote the last owner of a tenant', async () => {
    const a = await owner('ulo');
    const m = await join(a.bearer, 'admin');
    const demote = await rest(url, 'PUT', `/api/users/${a.id}`, { headers: a.bearer, body: { role: 'admin' } });
    expect(demote.status).toBe(400);
    expect(demote.body.detail).toMatch(/at least one owner/);
    expect((await rest(url, 'DELETE', `/api/users/${a.id}`, { headers: m.bearer })).status).toBe(403);
    expect((await rest(url, 'PUT', `/api/users/${m.id}`, { headers: a.bearer, body: { role: 'owner' } })).body.role).toBe('owner');
    // With a second owner, the first may step down.
    expect((await rest(url, 'PUT', `/api/users/${a.id}`, { headers: a.bearer, body: { role: 'admin' } })).body.role).toBe('admin');
    const last = await rest(url, 'PUT', `/api/users/${m.id}`, { headers: m.bearer, body: { role: 'member' } });
    expect(last.status).toBe(400);
  });

  it('should remove a member from the tenant and end their sessions and keys there', async () => {
    const a = await owner('urm');
    const m = await join(a.bearer, 'member');
    const key = await rest(url, 'POST', '/api/api-keys', { headers: m.bearer, body: { name: 'k' } });
    const del = await rest(url, 'DELETE', `/api/users/${m.id}`, { headers: a.bearer });
    expect(del).toMatchObject({ status: 200, body: { message: 'User removed from tenant', deactivated: false, tenant_id: a.tenantId } });
    expect((await rest(url, 'GET', `/api/users/${m.id}`, { headers: a.bearer })).status).toBe(404);
    expect((await rest(url, 'POST', '/api/auth/refresh', { body: { refresh_token: m.refreshToken } })).status).toBe(401);
    expect((await rest(url, 'GET', '/api/auth/me', { headers: { 'x-api-key': key.body.key } })).status).toBe(401);
    // The account lives on in its own tenant.
    const login = await rest(url, 'POST', '/api/auth/login', { body: { email: m.email, password: m.password } });
    expect(login.status).toBe(200);
    expect(login.body.tenant_id).not.toBe(a.tenantId);
    expect(login.body.role).toBe('owner');
  });

  it('should let a platform admin deactivate an account, which then cannot log in', async () => {
    const u = await signUp(url, 'udeac');
    const key = await rest(url, 'POST', '/api/api-keys', { headers: u.bearer, body: { name: 'k' } });
    const del = await rest(url, 'DELETE', `/api/users/${u.id}`, { headers: admin });
    expect(del).toMatchObject({ status: 200, body: { message: 'User deactivated', deactivated: true } });
    expect((await db.query('select count(*) from identity.users where id = $1', [u.id])).rows[0].count).toBe('1');
    const login = await rest(url, 'POST', '/api/auth/login', { body: { email: u.email, password: u.password } });
    expect(login).toMatchObject({ status: 401, body: { detail: 'Inactive user' } });
    expect((await rest(url, 'POST', '/api/auth/refresh', { body: { refresh_token: u.refreshToken } })).status).toBe(401);
    expect((await rest(url, 'GET', '/api/auth/me', { headers: { 'x-api-key': key.body.key } })).status).toBe(401);
    expect((await rest(url, 'PUT', `/api/users/${u.id}`, { headers: admin, body: { is_active: true } })).body.is_active).toBe(true);
    expect((await rest(url, 'POST', '/api/auth/login', { body: { email: u.email, password: u.password } })).status).toBe(200);
  });

  it("should let only a platform admin set a member's password, ending their sessions", async () => {
    const a = await owner('upw');
    const m = await join(a.bearer, 'member');
    // The tenant's owner may not: the account reaches the member's other tenants (their personal one at least).
    const byOwner = await rest(url, 'PUT', `/api/users/${m.id}/password`, { headers: a.bearer, body: { new_password: 'taken-over-now' } });
    expect(byOwner.status).toBe(403);
    expect((await rest(url, 'POST', '/api/auth/login', { body: { email: m.email, password: m.password } })).status).toBe(200);
    const res = await rest(url, 'PUT', `/api/users/${m.id}/password`, { headers: admin, body: { new_password: 'set-by-the-owner' } });
    expect(res).toMatchObject({ status: 200, body: { message: 'Password updated successfully' } });
    expect((await rest(url, 'POST', '/api/auth/login', { body: { email: m.email, password: m.password } })).status).toBe(401);
    expect((await rest(url, 'POST', '/api/auth/login', { body: { email: m.email, password: 'set-by-the-owner' } })).status).toBe(200);
    expect((await rest(url, 'POST', '/api/auth/refresh', { body: { refresh_token: m.refreshToken } })).status).toBe(401);
    expect((await rest(url, 'PUT', `/api/users/${m.id}/password`, { headers: admin, body: { new_password: 'short' } })).status).toBe(422);
  });

  it('should invite an existing user by id into the tenant', async () => {
    const a = await owner('uinv');
    const u = await signUp(url, 'uinvu');
    const inv = await rest(url, 'POST', `/api/users/${u.id}/invite`, { headers: a.bearer, body: { role: 'viewer' } });
    expect(inv.status).toBe(201);
    expect(inv.body).toMatchObject({ email: u.email, role: 'viewer', tenant_id: a.tenantId });
    const acc = await rest(url, 'POST', '/api/auth/register-with-invite', { body: { token: inv.body.token, password: u.password } });
    expect(acc.body).toMatchObject({ user_id: u.id, tenant_id: a.tenantId, role: 'viewer' });
    expect((await rest(url, 'POST', `/api/users/${u.id}/invite`, { headers: a.bearer })).status).toBe(409);
    expect((await rest(url, 'POST', '/api/users/00000000-0000-4000-8000-000000000000/invite', { headers: a.bearer })).status).toBe(404);
  });
});

describe('StudioBrain teams and permission templates', () => {
  it('should create, list and read teams within the tenant only', async () => {
    const a = await owner('tma');
    const b = await owner('tmb');
    const m = await join(a.bearer, 'member');
    const v = await join(a.bearer, 'viewer');
    const created = await rest(url, 'POST', '/api/teams', { headers: a.bearer, body: { name: 'Writers', description: 'Words', member_ids: [m.id, a.id] } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Writers', tenant_id: a.tenantId, member_count: 2 });
    expect(created.body.members.map((x: { id: string }) => x.id).sort()).toEqual([a.id, m.id].sort());
    expect((await rest(url, 'POST', '/api/teams', { headers: m.bearer, body: { name: 'writers' } })).status).toBe(409);
    const outsider = await rest(url, 'POST', '/api/teams', { headers: a.bearer, body: { name: 'Mixed', member_ids: [b.id] } });
    expect(outsider.status).toBe(400);
    expect((await rest(url, 'POST', '/api/teams', { headers: v.bearer, body: { name: 'Viewers' } })).status).toBe(403);
    expect((await rest(url, 'POST', '/api/teams', { headers: a.bearer, body: {} })).status).toBe(422);

    const list = await rest(url, 'GET', '/api/teams', { headers: m.bearer });
    expect(list.body).toMatchObject({ total: 1, teams: [{ id: created.body.id, name: 'Writers' }] });
    expect((await rest(url, 'GET', `/api/teams/${created.body.id}`, { headers: v.bearer })).body.name).toBe('Writers');
    expect((await rest(url, 'GET', '/api/teams', { headers: b.bearer })).body).toEqual({ teams: [], total: 0 });
    expect((await rest(url, 'GET', `/api/teams/${created.body.id}`, { headers: b.bearer })).status).toBe(404);
  });

  it('should let owners and admins create permission templates that the tenant alone lists', async () => {
    const a = await owner('pta');
    const b = await owner('ptb');
    const m = await join(a.bearer, 'member');
    const body = { name: 'Editors', description: 'Edit entities', permissions: ['entities:read', 'entities:write', 'assets:*'] };
    const created = await rest(url, 'POST', '/api/permission-templates', { headers: a.bearer, body });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...body, tenant_id: a.tenantId });
    expect((await rest(url, 'POST', '/api/permission-templates', { headers: a.bearer, body })).status).toBe(409);
    expect((await rest(url, 'POST', '/api/permission-templates', { headers: m.bearer, body: { ...body, name: 'Mine' } })).status).toBe(403);
    const bad = await rest(url, 'POST', '/api/permission-templates', { headers: a.bearer, body: { name: 'Bad', permissions: ['Drop Tables'] } });
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toMatch(/Invalid permission/);
    expect((await rest(url, 'GET', '/api/permission-templates', { headers: m.bearer })).body).toMatchObject({ total: 1, templates: [{ name: 'Editors' }] });
    expect((await rest(url, 'GET', '/api/permission-templates', { headers: b.bearer })).body).toEqual({ templates: [], total: 0 });
  });
});
