import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, rest, signUp, uploadPackage } from '../helpers/clients.js';
import { localServer } from '../helpers/local-server.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { helloPluginFiles, helloPluginTarGz, helloPluginZip } from '../fixtures/plugins/packages.js';

type User = Awaited<ReturnType<typeof signUp>>;

const MAX_UPLOAD = 256 * 1024;
let app: TestApp;
let dataDir: string;
let packages: Awaited<ReturnType<typeof localServer>>;
/** Archives the package host serves, by path; tests add their own. */
const served = new Map<string, Buffer>();
const stack: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  packages = await localServer((req, res) => {
    // A redirect to the cloud metadata address: the guard must check where a redirect leads, not only the first hop.
    if (req.url === '/redirect-to-metadata') return void res.writeHead(302, { location: 'http://169.254.169.254/plugin.zip' }).end();
    const body = served.get(req.url ?? '');
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/zip', 'content-length': body.length }).end(body);
  });
  stack.push(packages.close);
  served.set('/hello-plugin-1.0.0.zip', await helloPluginZip());
  served.set('/big.zip', randomBytes(MAX_UPLOAD + 1));
  served.set('/hello-plugin-1.1.0.zip', await helloPluginZip({ manifest: { version: '1.1.0', description: 'Now with more hello.' } }));
  // A data directory of its own, so "nothing left behind" counts only this file's plugins.
  dataDir = await mkdtemp(join(tmpdir(), 'braingraph-plugins-'));
  stack.push(() => rm(dataDir, { recursive: true, force: true }));
  app = await startTestApp({ SSRF_ALLOWLIST: '127.0.0.1', MAX_UPLOAD_BYTES: String(MAX_UPLOAD), PLUGIN_MARKETPLACE_URL: packages.url, BRAINGRAPH_DATA_DIR: dataDir });
  stack.push(() => app.close());
});
afterAll(async () => {
  while (stack.length) await stack.pop()!();
});

const tenantOf = (u: User) => JSON.parse(Buffer.from(u.accessToken.split('.')[1], 'base64url').toString()).tid as string;

const upload = (u: User, path: string, zip: Buffer | null, fields: Record<string, string> = {}) => uploadPackage(app.restUrl, path, u.bearer, zip, fields);

/** Every file (not folder) under `dir`, as paths relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string, prefix: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true }).catch(() => [])) {
      if (e.isDirectory()) await walk(join(d, e.name), `${prefix}${e.name}/`);
      else out.push(`${prefix}${e.name}`);
    }
  };
  await walk(dir, '');
  return out;
}

/** Nothing of `u`'s tenant on disk, nothing in staging, no plugin rows. */
async function expectNothingLeft(u: User) {
  expect(await filesUnder(join(dataDir, 'plugins', tenantOf(u)))).toEqual([]);
  expect(await readdir(join(dataDir, 'plugins', '.staging')).catch(() => [])).toEqual([]);
  const list = await rest(app.restUrl, 'GET', '/api/v1/plugins/manager', { headers: u.bearer });
  expect(list.body.totalItems).toBe(0);
}

describe('plugin install, lifecycle and bundles (BrainDrive)', () => {
  let owner: User;
  let pluginId: string;

  beforeAll(async () => {
    owner = await signUp(app.restUrl, 'plug');
  });

  it('should install an uploaded package: rows, modules and files in plugins/<tenant>/<slug>/<version>', async () => {
    const res = await upload(owner, '/api/v1/plugins/install', await helloPluginZip(), { method: 'upload' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'success', data: { plugin_slug: 'hello-plugin', version: '1.0.0', modules_created: ['HelloCard'], install_source: 'upload' } });
    pluginId = res.body.data.plugin_id;
    const installed = await filesUnder(join(dataDir, 'plugins', tenantOf(owner), 'hello-plugin', '1.0.0'));
    expect(installed.sort()).toEqual(Object.keys(await helloPluginFiles()).sort());

    const manifest = await rest(app.restUrl, 'GET', '/api/v1/plugins/manifest', { headers: owner.bearer });
    expect(Object.keys(manifest.body)).toEqual(['hello-plugin']);
    expect(manifest.body['hello-plugin'].modules[0]).toMatchObject({ name: 'HelloCard', configFields: { greeting: { default: 'Hello' } }, enabled: true });
    const designer = await rest(app.restUrl, 'GET', '/api/v1/plugins/manifest/designer', { headers: owner.bearer });
    expect(designer.body).toEqual([expect.objectContaining({ id: 'hello-plugin', bundlelocation: 'dist/remoteEntry.js', version: '1.0.0', database_id: pluginId })]);
    const again = await upload(owner, '/api/v1/plugins/install', await helloPluginZip(), { method: 'upload' });
    expect(again.status).toBe(409);
  });

  it('should answer info, by-slug, status, modules, categories, tags and the manager list with filters', async () => {
    const h = { headers: owner.bearer };
    expect((await rest(app.restUrl, 'GET', `/api/v1/plugins/${pluginId.replace(/-/g, '')}/info`, h)).body).toMatchObject({ id: pluginId, plugin_slug: 'hello-plugin' });
    expect((await rest(app.restUrl, 'GET', '/api/v1/plugins/by-slug/hello-plugin', h)).body.id).toBe(pluginId);
    expect((await rest(app.restUrl, 'GET', '/api/v1/plugins/hello-plugin/status', h)).body).toMatchObject({ installed: true, enabled: true, version: '1.0.0' });
    expect((await rest(app.restUrl, 'GET', `/api/v1/plugins/${pluginId}/modules`, h)).body.map((m: { module_id: string }) => m.module_id)).toEqual(['HelloCard']);
    expect((await rest(app.restUrl, 'GET', `/api/v1/plugins/${pluginId}/modules/HelloCard`, h)).body.layout).toMatchObject({ defaultWidth: 4 });
    expect((await rest(app.restUrl, 'GET', '/api/v1/plugins/categories', h)).body).toEqual({ categories: ['examples'] });
    expect((await rest(app.restUrl, 'GET', '/api/v1/plugins/tags', h)).body).toEqual({ tags: ['example', 'greeting'] });
    const found = await rest(app.restUrl, 'GET', '/api/v1/plugins/manager?search=hello&category=examples&tags=greeting&page=1&pageSize=10', h);
    expect(found.body.totalItems).toBe(1);
    expect(found.body.modules[0]).toMatchObject({ name: 'HelloCard', pluginId, plugin_slug: 'hello-plugin', plugin: { bundlelocation: 'dist/remoteEntry.js' } });
    expect((await rest(app.restUrl, 'GET', '/api/v1/plugins/manager?page=2&pageSize=1', h)).body).toEqual({ modules: [], totalItems: 1 });
    expect((await rest(app.restUrl, 'GET', '/api/v1/plugins/manager?tags=nope', h)).body.totalItems).toBe(0);
    expect((await rest(app.restUrl, 'GET', '/api/v1/plugins/manager?pageSize=101', h)).status).toBe(422);
    // Another tenant sees none of it.
    const stranger = await signUp(app.restUrl, 'plugx');
    expect((await rest(app.restUrl, 'GET', `/api/v1/plugins/${pluginId}/info`, { headers: stranger.bearer })).status).toBe(404);
  });

  it('should serve bundle files publicly with their type and caching, and refuse paths that leave the plugin folder', async () => {
    const res = await fetch(`${app.restUrl}/api/v1/public/plugins/${pluginId}/dist/remoteEntry.js?v=1.0.0`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(await res.text()).toBe((await helloPluginFiles())['dist/remoteEntry.js'].toString());
    const etag = res.headers.get('etag')!;
    const cached = await fetch(`${app.restUrl}/api/v1/public/plugins/${pluginId}/dist/remoteEntry.js`, { headers: { 'if-none-match': etag } });
    expect(cached.status).toBe(304);
    const html = await fetch(`${app.restUrl}/api/v1/public/plugins/${pluginId}/pages/about.html`);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.headers.get('content-security-policy')).toBe('sandbox');
    expect(res.headers.get('content-security-policy')).toBeNull();
    for (const bad of ['dist/..%2F..%2F..%2F..%2Fplugins.json', '..%2F1.0.0%2Fplugin.json', '%2e%2e/%2e%2e/etc/passwd', 'dist/%2Fetc%2Fpasswd', 'dist%5C..%5C..%5Cplugin.json', 'nope.js']) {
      const r = await fetch(`${app.restUrl}/api/v1/public/plugins/${pluginId}/${bad}`);
      expect(r.status, bad).toBe(404);
    }
  });

  it('should enable and disable a plugin and its modules; a disabled plugin leaves the designer and stops serving', async () => {
    const h = owner.bearer;
    const off = await rest(app.restUrl, 'PATCH', `/api/v1/plugins/${pluginId}/modules/HelloCard`, { headers: h, body: { enabled: false } });
    expect(off.body.enabled).toBe(false);
    expect((await rest(app.restUrl, 'GET', '/api/v1/plugins/manifest/designer', { headers: h })).body[0].modules).toEqual([]);
    await rest(app.restUrl, 'PATCH', `/api/v1/plugins/${pluginId}/modules/HelloCard`, { headers: h, body: { enabled: true } });
    expect((await rest(app.restUrl, 'PATCH', `/api/v1/plugins/${pluginId}`, { headers: h, body: { enabled: false } })).body.enabled).toBe(false);
    expect((await rest(app.restUrl, 'GET', '/api/v1/plugins/manifest/designer', { headers: h })).body).toEqual([]);
    expect((await fetch(`${app.restUrl}/api/v1/public/plugins/${pluginId}/dist/remoteEntry.js`)).status).toBe(404);
    expect((await rest(app.restUrl, 'PATCH', `/api/v1/plugins/${pluginId}`, { headers: h, body: { enabled: true } })).body.enabled).toBe(true);
  });

  it('should say plainly that no backend service runs, and re-register from disk', async () => {
    const restart = await rest(app.restUrl, 'POST', '/api/v1/plugins/hello-plugin/services/restart', { headers: owner.bearer });
    expect(restart.status).toBe(400);
    expect(restart.body.detail).toContain('no backend service');
    const reg = await rest(app.restUrl, 'POST', '/api/v1/plugins/hello-plugin/register', { headers: owner.bearer });
    expect(reg.body.data.modules_created).toEqual(['HelloCard']);
    expect((await rest(app.restUrl, 'POST', '/api/v1/plugins/refresh-cache', { headers: owner.bearer })).body.data.refreshed).toBe(1);
  });

  it('should update from a package URL, keeping module switches, removing the old version, then uninstall everything', async () => {
    const h = owner.bearer;
    await rest(app.restUrl, 'PATCH', `/api/v1/plugins/${pluginId}/modules/HelloCard`, { headers: h, body: { enabled: false } });
    const slugDir = join(dataDir, 'plugins', tenantOf(owner), 'hello-plugin');
    // A refused update changes nothing: the old version keeps its rows, its files and its bundle URL.
    const bad = await upload(owner, '/api/v1/plugins/hello-plugin/update', await helloPluginZip({ manifest: { version: '1.2.0' }, extra: { '../../x.js': 'x' } }), { method: 'upload' });
    expect(bad.status).toBe(400);
    expect(await readdir(slugDir)).toEqual(['1.0.0']);
    expect((await rest(app.restUrl, 'GET', '/api/v1/plugins/hello-plugin/status', { headers: h })).body.version).toBe('1.0.0');
    expect((await fetch(`${app.restUrl}/api/v1/public/plugins/${pluginId}/dist/remoteEntry.js`)).status).toBe(200);
    const up = await upload(owner, '/api/v1/plugins/hello-plugin/update', null, { method: 'url', repo_url: `${packages.url}/hello-plugin-1.1.0.zip` });
    expect(up.status).toBe(200);
    expect(up.body.data).toMatchObject({ plugin_id: pluginId, version: '1.1.0', previous_version: '1.0.0' });
    expect(up.body.plugin.modules[0].enabled).toBe(false);
    expect(await readdir(slugDir)).toEqual(['1.1.0']);
    const same = await upload(owner, '/api/v1/plugins/hello-plugin/update', null, { method: 'url', repo_url: `${packages.url}/hello-plugin-1.1.0.zip` });
    expect(same.status).toBe(409);
    expect(await readdir(slugDir)).toEqual(['1.1.0']);

    const gone = await rest(app.restUrl, 'DELETE', '/api/v1/plugins/hello-plugin/uninstall', { headers: h });
    expect(gone.body).toMatchObject({ status: 'success', data: { plugin_id: pluginId } });
    expect(await stat(slugDir).catch(() => null)).toBeNull();
    await expectNothingLeft(owner);
    expect((await rest(app.restUrl, 'GET', `/api/v1/plugins/${pluginId}/info`, { headers: h })).status).toBe(404);
  });
});

describe('install from a URL and from the marketplace', () => {
  it('should install from install-from-url through the SSRF guard (loopback allowed by SSRF_ALLOWLIST)', async () => {
    const u = await signUp(app.restUrl, 'plugurl');
    const res = await rest(app.restUrl, 'POST', '/api/v1/plugins/install-from-url', { headers: u.bearer, body: { repo_url: `${packages.url}/hello-plugin-1.0.0.zip` } });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ plugin_slug: 'hello-plugin', install_source: 'url' });
    const missing = await rest(app.restUrl, 'POST', '/api/v1/plugins/install-from-url', { headers: u.bearer, body: { repo_url: `${packages.url}/nothing.zip` } });
    expect(missing.status).toBe(502);
    // The global install route takes JSON as well as multipart.
    const other = await signUp(app.restUrl, 'plugjson');
    const json = await rest(app.restUrl, 'POST', '/api/v1/plugins/install', { headers: other.bearer, body: { method: 'url', repo_url: `${packages.url}/hello-plugin-1.1.0.zip`, version: 'v1.1.0' } });
    expect(json.status).toBe(200);
    expect(json.body.data.version).toBe('1.1.0');
    const wrong = await rest(app.restUrl, 'POST', '/api/v1/plugins/install', { headers: u.bearer, body: { method: 'url', repo_url: `${packages.url}/hello-plugin-1.1.0.zip`, version: '2.0.0' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.detail).toBe('Asked for version 2.0.0, but the package is version 1.1.0');
  });

  it('should list the shipped catalogue, install from it, and report updates when a newer version is published', async () => {
    const u = await signUp(app.restUrl, 'plugmkt');
    const available = await rest(app.restUrl, 'GET', '/api/v1/plugins/available', { headers: u.bearer });
    expect(available.body).toContainEqual(expect.objectContaining({ plugin_slug: 'hello-plugin', installed: false }));
    const res = await upload(u, '/api/v1/plugins/install', null, { method: 'marketplace', plugin_slug: 'hello-plugin' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ install_source: 'marketplace', version: '1.0.0' });
    const after = await rest(app.restUrl, 'GET', '/api/v1/plugins/available', { headers: u.bearer });
    expect(after.body).toContainEqual(expect.objectContaining({ plugin_slug: 'hello-plugin', installed: true, installed_version: '1.0.0' }));
    const one = await rest(app.restUrl, 'GET', '/api/v1/plugins/hello-plugin/update/available', { headers: u.bearer });
    expect(one.body).toMatchObject({ current_version: '1.0.0', update_available: false });
    expect((await rest(app.restUrl, 'GET', '/api/v1/plugins/updates/available', { headers: u.bearer })).body.total).toBe(0);
  });

  it('should refuse an unknown install method naming the supported ones', async () => {
    const u = await signUp(app.restUrl, 'plugm');
    const res = await upload(u, '/api/v1/plugins/install', await helloPluginZip(), { method: 'carrier-pigeon' });
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain('upload, url, marketplace');
  });
});

describe('refused packages leave nothing behind', () => {
  it.each([
    ['a manifest missing its version', { manifest: { version: undefined } }, "Invalid plugin package: plugin.json (root): must have required property 'version'"],
    ['a manifest with a bad slug', { manifest: { slug: 'Not A Slug!' } }, 'Invalid plugin package: plugin.json slug: must match pattern'],
    ['a manifest naming a bundle that is not there', { manifest: { bundle: { entry: 'dist/missing.js' } } }, 'Invalid plugin package: plugin.json names dist/missing.js'],
    ['a zip-slip entry', { extra: { '../../escaped.txt': 'gotcha' } }, 'Invalid plugin package: entry "../../escaped.txt" escapes the package folder'],
    ['an absolute entry', { extra: { '/tmp/absolute.txt': 'gotcha' } }, 'Invalid plugin package: entry'],
    ['a symbolic link', { symlink: 'dist/passwd' }, 'Invalid plugin package: entry "dist/passwd" is a symbolic link'],
  ] as const)('should refuse %s with 400', async (_what, options, words) => {
    const u = await signUp(app.restUrl, 'plugbad');
    const res = await upload(u, '/api/v1/plugins/install', await helloPluginZip(options as never), { method: 'upload' });
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain(words);
    await expectNothingLeft(u);
  });

  it('should refuse a file that is not a zip, an oversize archive (413) and a link-local URL', async () => {
    const u = await signUp(app.restUrl, 'plugbad');
    const notZip = await upload(u, '/api/v1/plugins/install', Buffer.from('just text'), { method: 'upload' });
    expect(notZip.status).toBe(400);
    const big = await upload(u, '/api/v1/plugins/upload', await helloPluginZip({ extra: { 'dist/noise.bin': randomBytes(MAX_UPLOAD + 1024) } }));
    expect(big.status).toBe(413);
    const metadata = await rest(app.restUrl, 'POST', '/api/v1/plugins/install-from-url', { headers: u.bearer, body: { repo_url: 'http://169.254.169.254/latest/plugin.zip' } });
    expect(metadata.status).toBe(400);
    expect(metadata.body.detail).toContain('link-local');
    const redirected = await rest(app.restUrl, 'POST', '/api/v1/plugins/install-from-url', { headers: u.bearer, body: { repo_url: `${packages.url}/redirect-to-metadata` } });
    expect(redirected.status).toBe(400);
    expect(redirected.body.detail).toContain('link-local');
    const bigUrl = await rest(app.restUrl, 'POST', '/api/v1/plugins/install-from-url', { headers: u.bearer, body: { repo_url: `${packages.url}/big.zip` } });
    expect(bigUrl.status).toBe(400);
    expect(bigUrl.body.detail).toContain(`larger than ${MAX_UPLOAD} bytes`);
    await expectNothingLeft(u);
  });

  it.each([
    ['a zip-slip entry', [{ path: '../../escaped.txt', body: 'gotcha' }], 'entry "../../escaped.txt" escapes the package folder'],
    ['a symbolic link', [{ path: 'dist/passwd', type: 'SymbolicLink', linkpath: '/etc/passwd' }], 'entry "dist/passwd" is a link'],
    ['a hard link', [{ path: 'dist/hard', type: 'Link', linkpath: 'plugin.json' }], 'entry "dist/hard" is a link'],
  ] as const)('should refuse a tar.gz with %s', async (_what, extra, words) => {
    const u = await signUp(app.restUrl, 'plugtar');
    const res = await upload(u, '/api/v1/plugins/upload', await helloPluginTarGz([...extra]));
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain(`Invalid plugin package: ${words}`);
    await expectNothingLeft(u);
  });

  it('should install a tar.gz package', async () => {
    const u = await signUp(app.restUrl, 'plugtgz');
    const res = await upload(u, '/api/v1/plugins/upload', await helloPluginTarGz());
    expect(res.status).toBe(200);
    const files = await filesUnder(join(dataDir, 'plugins', tenantOf(u), 'hello-plugin', '1.0.0'));
    expect(files.sort()).toEqual(Object.keys(await helloPluginFiles()).sort());
  });

  it('should install through the web client\'s upload route', async () => {
    const u = await signUp(app.restUrl, 'plugup');
    const res = await upload(u, '/api/v1/plugins/upload', await helloPluginZip());
    expect(res.status).toBe(200);
    expect(res.body.data.plugin_slug).toBe('hello-plugin');
  });
});

describe('the same operations over GraphQL', () => {
  it('should answer UNAUTHENTICATED without credentials and BAD_USER_INPUT naming the supported methods', async () => {
    const anonymous = await gql(app.graphqlUrl, '{ plugins { total } }');
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const u = await signUp(app.restUrl, 'plugql');
    const res = await gql(app.graphqlUrl, 'mutation($i: InstallPluginInput!) { installPlugin(input: $i) { modulesCreated } }', { i: { method: 'ftp' } }, u.bearer);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toBe('Unsupported install method: ftp; supported: upload, url, marketplace');
    const viaUrl = await gql(app.graphqlUrl, 'mutation($i: InstallPluginInput!) { installPlugin(input: $i) { plugin { slug modules { moduleId } } } }', { i: { method: 'url', repoUrl: `${packages.url}/hello-plugin-1.0.0.zip` } }, u.bearer);
    expect(viaUrl.data?.installPlugin.plugin).toEqual({ slug: 'hello-plugin', modules: [{ moduleId: 'HelloCard' }] });
  });
});
