import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rest, signUp } from '../helpers/clients.js';
import { localServer } from '../helpers/local-server.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { helloPluginZip } from '../fixtures/plugins/packages.js';
import { signUpAdmin } from '../helpers/admin.js';

type User = Awaited<ReturnType<typeof signUp>>;

// A slug of this file's own, so publishing versions here never changes what another file's marketplace shows.
const SLUG = 'hello-studio';
const panel = { panels: [{ id: 'summary', title: 'Summary', entry: 'pages/about.html' }] };

let app: TestApp;
let packages: Awaited<ReturnType<typeof localServer>>;
let admin: { authorization: string };
const served = new Map<string, Buffer>();
const stack: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  packages = await localServer((req, res) => {
    const body = served.get(req.url ?? '');
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/zip' }).end(body);
  });
  stack.push(packages.close);
  served.set('/studio-1.0.0.zip', await helloPluginZip({ manifest: { slug: SLUG, ...panel } }));
  served.set('/studio-1.1.0.zip', await helloPluginZip({ manifest: { slug: SLUG, version: '1.1.0', ...panel } }));
  const dataDir = await mkdtemp(join(tmpdir(), 'braingraph-sb-plugins-'));
  stack.push(() => rm(dataDir, { recursive: true, force: true }));
  app = await startTestApp({ SSRF_ALLOWLIST: '127.0.0.1', BRAINGRAPH_DATA_DIR: dataDir });
  stack.push(() => app.close());
  admin = (await signUpAdmin(app.restUrl, 'sbadmin')).bearer;
  const listing = await rest(app.restUrl, 'POST', '/api/marketplace/registry', {
    headers: admin,
    body: { slug: SLUG, name: 'Hello Studio', version: '1.0.0', package_url: `${packages.url}/studio-1.0.0.zip`, category: 'examples', tags: ['example'] },
  });
  if (listing.status !== 201) throw new Error(`registry: ${listing.status} ${JSON.stringify(listing.body)}`);
});
afterAll(async () => {
  while (stack.length) await stack.pop()!();
});

async function installed(u: User) {
  const res = await rest(app.restUrl, 'POST', '/api/marketplace/tenant/install', { headers: u.bearer, body: { plugin_id: SLUG } });
  expect(res.status).toBe(201);
  return res.body.plugin.id as string;
}

describe('StudioBrain marketplace', () => {
  it('should be browsable without credentials, and let only a platform admin add to it', async () => {
    const browse = await rest(app.restUrl, 'GET', `/api/marketplace?search=${SLUG}`);
    expect(browse.status).toBe(200);
    expect(browse.body.plugins).toEqual([expect.objectContaining({ slug: SLUG, version: expect.any(String), package_url: expect.stringContaining('/studio-') })]);
    expect((await rest(app.restUrl, 'GET', `/api/marketplace/${SLUG}`)).body.name).toBe('Hello Studio');
    expect((await rest(app.restUrl, 'GET', '/api/marketplace/info')).body.total_plugins).toBeGreaterThanOrEqual(2);
    const u = await signUp(app.restUrl, 'sbm');
    const refused = await rest(app.restUrl, 'POST', '/api/marketplace/registry', { headers: u.bearer, body: { slug: 'mine', name: 'Mine', version: '1.0.0', package_url: 'https://example.com/x.zip' } });
    expect(refused.status).toBe(403);
  });

  it('should install for a tenant, list, disable, enable and uninstall it', async () => {
    const u = await signUp(app.restUrl, 'sbt');
    const id = await installed(u);
    expect((await rest(app.restUrl, 'GET', '/api/marketplace/tenant/installed', { headers: u.bearer })).body.plugins.map((p: { id: string }) => p.id)).toEqual([id]);
    expect((await rest(app.restUrl, 'POST', `/api/marketplace/tenant/${id}/disable`, { headers: u.bearer })).body.enabled).toBe(false);
    expect((await rest(app.restUrl, 'POST', `/api/marketplace/tenant/${id}/enable`, { headers: u.bearer })).body.enabled).toBe(true);
    expect((await rest(app.restUrl, 'DELETE', `/api/marketplace/tenant/${id}`, { headers: u.bearer })).status).toBe(200);
    expect((await rest(app.restUrl, 'GET', '/api/marketplace/tenant/installed', { headers: u.bearer })).body.total).toBe(0);
  });
});

describe('StudioBrain plugin management', () => {
  it('should report an update once a newer version is published, and update to it from the marketplace', async () => {
    const u = await signUp(app.restUrl, 'sbu');
    const id = await installed(u);
    await rest(app.restUrl, 'POST', '/api/marketplace/registry', { headers: admin, body: { slug: SLUG, name: 'Hello Studio', version: '1.1.0', package_url: `${packages.url}/studio-1.1.0.zip` } });
    const check = await rest(app.restUrl, 'GET', `/api/v1/plugins/${SLUG}/update/available`, { headers: u.bearer });
    expect(check.body).toMatchObject({ current_version: '1.0.0', latest_version: '1.1.0', update_available: true });
    expect((await rest(app.restUrl, 'GET', '/api/v1/plugins/updates/available', { headers: u.bearer })).body.available_updates).toHaveLength(1);
    const up = await rest(app.restUrl, 'POST', `/api/plugins/${id}/update`, { headers: u.bearer });
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ previous_version: '1.0.0', plugin: { version: '1.1.0' } });
    const list = await rest(app.restUrl, 'GET', '/api/plugins', { headers: u.bearer });
    expect(list.body.plugins.map((p: { version: string }) => p.version)).toEqual(['1.1.0']);
  });

  it('should keep tenant settings (declared fields only) under each user\'s own overrides', async () => {
    const u = await signUp(app.restUrl, 'sbs');
    const id = await installed(u);
    const initial = await rest(app.restUrl, 'GET', `/api/plugins/${id}/settings`, { headers: u.bearer });
    expect(initial.body).toMatchObject({ scope: 'tenant', settings: {}, effective: { greeting: 'Hello' } });
    expect((await rest(app.restUrl, 'PUT', `/api/plugins/${id}/settings`, { headers: u.bearer, body: { greeting: 'Hi' } })).body.effective).toEqual({ greeting: 'Hi' });
    const mine = await rest(app.restUrl, 'PUT', `/api/plugins/${id}/settings/user`, { headers: u.bearer, body: { settings: { greeting: 'Yo' } } });
    expect(mine.body).toMatchObject({ scope: 'user', settings: { greeting: 'Yo' }, effective: { greeting: 'Yo' } });
    expect((await rest(app.restUrl, 'GET', `/api/plugins/${id}/settings`, { headers: u.bearer })).body.effective).toEqual({ greeting: 'Hi' });
    const unknown = await rest(app.restUrl, 'PUT', `/api/plugins/${id}/settings`, { headers: u.bearer, body: { colour: 'red' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.detail).toContain('Unknown setting colour; declared: greeting');
  });

  it('should serve pages and panels with their content type to the tenant only, and refuse traversal', async () => {
    const u = await signUp(app.restUrl, 'sbp');
    const id = await installed(u);
    const page = await fetch(`${app.restUrl}/api/plugins/page/${id}`, { headers: u.bearer });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain('sandbox');
    expect(await page.text()).toContain('<h1>Hello Plugin</h1>');
    expect((await fetch(`${app.restUrl}/api/plugins/page/${id}/dist/remoteEntry.js`, { headers: u.bearer })).headers.get('content-type')).toContain('text/javascript');
    expect((await fetch(`${app.restUrl}/api/plugins/panel/${id}/summary`, { headers: u.bearer })).status).toBe(200);
    expect((await fetch(`${app.restUrl}/api/plugins/panel/${id}/nope`, { headers: u.bearer })).status).toBe(404);
    for (const bad of ['..%2F..%2F..%2Fetc%2Fpasswd', '%2e%2e/plugin.json', 'dist/%2e%2e/%2e%2e/%2e%2e/x']) {
      // The router refuses a `..` in a path parameter before any row runs (404, or 405 when it then matches no GET row).
      expect([404, 405], bad).toContain((await fetch(`${app.restUrl}/api/plugins/page/${id}/${bad}`, { headers: u.bearer })).status);
    }
    expect((await fetch(`${app.restUrl}/api/plugins/page/${id}`)).status).toBe(401);
    const other = await signUp(app.restUrl, 'sbp2');
    expect((await fetch(`${app.restUrl}/api/plugins/page/${id}`, { headers: other.bearer })).status).toBe(404);
  });
});

describe('StudioBrain plugin data', () => {
  it('should keep JSON records per tenant with CRUD and offset/limit paging', async () => {
    const u = await signUp(app.restUrl, 'sbd');
    const id = await installed(u);
    const base = `/api/plugins/${SLUG}/data/notes`;
    const created = [];
    for (const n of [1, 2, 3]) {
      const res = await rest(app.restUrl, 'POST', base, { headers: u.bearer, body: { data: { n, text: `note ${n}` } } });
      expect(res.status).toBe(201);
      created.push(res.body);
    }
    const page = await rest(app.restUrl, 'GET', `${base}?offset=1&limit=1`, { headers: u.bearer });
    expect(page.body).toMatchObject({ total: 3, offset: 1, limit: 1 });
    expect(page.body.records.map((r: { data: { n: number } }) => r.data.n)).toEqual([2]);
    // The plugin's id and its slug reach the same records.
    expect((await rest(app.restUrl, 'GET', `/api/plugins/${id}/data/notes/${created[0].id}`, { headers: u.bearer })).body.data).toEqual({ n: 1, text: 'note 1' });
    const updated = await rest(app.restUrl, 'PUT', `${base}/${created[0].id}`, { headers: u.bearer, body: { data: { n: 1, text: 'edited' } } });
    expect(updated.body.data.text).toBe('edited');
    expect((await rest(app.restUrl, 'DELETE', `${base}/${created[1].id}`, { headers: u.bearer })).status).toBe(200);
    expect((await rest(app.restUrl, 'GET', `${base}/${created[1].id}`, { headers: u.bearer })).status).toBe(404);
    expect((await rest(app.restUrl, 'GET', `/api/plugins/${SLUG}/data/other`, { headers: u.bearer })).body.total).toBe(0);
    expect((await rest(app.restUrl, 'GET', `${base}?limit=101`, { headers: u.bearer })).status).toBe(422);
  });

  it('should isolate tenants: another tenant with the same plugin sees none of the records', async () => {
    const a = await signUp(app.restUrl, 'sbia');
    const b = await signUp(app.restUrl, 'sbib');
    await installed(a);
    const rec = await rest(app.restUrl, 'POST', `/api/plugins/${SLUG}/data/secrets`, { headers: a.bearer, body: { data: { k: 'v' } } });
    const base = `/api/plugins/${SLUG}/data/secrets`;
    expect((await rest(app.restUrl, 'GET', base, { headers: b.bearer })).status).toBe(404);
    await installed(b);
    expect((await rest(app.restUrl, 'GET', base, { headers: b.bearer })).body.total).toBe(0);
    expect((await rest(app.restUrl, 'GET', `${base}/${rec.body.id}`, { headers: b.bearer })).status).toBe(404);
    expect((await rest(app.restUrl, 'PUT', `${base}/${rec.body.id}`, { headers: b.bearer, body: { data: { k: 'stolen' } } })).status).toBe(404);
    expect((await rest(app.restUrl, 'DELETE', `${base}/${rec.body.id}`, { headers: b.bearer })).status).toBe(404);
    expect((await rest(app.restUrl, 'GET', `${base}/${rec.body.id}`, { headers: a.bearer })).body.data).toEqual({ k: 'v' });
  });

  it('should back up records and settings and restore them', async () => {
    const u = await signUp(app.restUrl, 'sbb');
    const id = await installed(u);
    const base = `/api/plugins/${id}/data/items`;
    await rest(app.restUrl, 'POST', base, { headers: u.bearer, body: { data: { keep: true } } });
    await rest(app.restUrl, 'PUT', `/api/plugins/${id}/settings`, { headers: u.bearer, body: { greeting: 'Before' } });
    const backup = await rest(app.restUrl, 'POST', `/api/plugins/${id}/backup`, { headers: u.bearer });
    expect(backup.status).toBe(201);
    expect(backup.body).toMatchObject({ record_count: 1, plugin_version: expect.any(String) });
    await rest(app.restUrl, 'POST', base, { headers: u.bearer, body: { data: { keep: false } } });
    await rest(app.restUrl, 'PUT', `/api/plugins/${id}/settings`, { headers: u.bearer, body: { greeting: 'After' } });
    expect((await rest(app.restUrl, 'GET', `/api/plugins/${id}/backups`, { headers: u.bearer })).body.total).toBe(1);
    const restored = await rest(app.restUrl, 'POST', `/api/plugins/${id}/restore`, { headers: u.bearer, body: { backup_id: backup.body.id } });
    expect(restored.status).toBe(200);
    const records = await rest(app.restUrl, 'GET', base, { headers: u.bearer });
    expect(records.body.records.map((r: { data: unknown }) => r.data)).toEqual([{ keep: true }]);
    expect((await rest(app.restUrl, 'GET', `/api/plugins/${id}/settings`, { headers: u.bearer })).body.settings).toEqual({ greeting: 'Before' });
    // Uninstalling removes the plugin's records and backups with it.
    await rest(app.restUrl, 'DELETE', `/api/plugins/${id}`, { headers: u.bearer });
    await installed(u);
    expect((await rest(app.restUrl, 'GET', `/api/plugins/${SLUG}/data/items`, { headers: u.bearer })).body.total).toBe(0);
  });
});
