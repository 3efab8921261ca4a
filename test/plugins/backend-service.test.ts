import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rest, signUp, uploadPackage } from '../helpers/clients.js';
import { signUpAdmin } from '../helpers/admin.js';
import { isAlive, pollUntil } from '../helpers/processes.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { servicePluginZip } from '../fixtures/plugins/packages.js';

type User = Awaited<ReturnType<typeof signUp>>;
type Headers = Record<string, string>;

const stack: (() => Promise<unknown>)[] = [];
let app: TestApp;
let dataDir: string;
let admin: Headers;
let owner: User;

const status = async (headers: Headers, slug = 'svc-plugin') => (await rest(app.restUrl, 'GET', `/api/v1/plugins/${slug}/status`, { headers })).body.backend_service;

/** What the running service says about itself. */
async function ask(port: number, path = '/') {
  const res = await fetch(`http://127.0.0.1:${port}${path}`);
  return path === '/' ? res.json() : res.text();
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'braingraph-services-'));
  stack.push(() => rm(dataDir, { recursive: true, force: true }));
  app = await startTestApp({ BRAINGRAPH_DATA_DIR: dataDir, PLUGIN_SERVICE_BACKOFF_MS: '50' });
  stack.push(() => app.close());
  owner = await signUp(app.restUrl, 'svcowner');
  admin = (await signUpAdmin(app.restUrl, 'svcadmin')).bearer;
});
afterAll(async () => {
  while (stack.length) await stack.pop()!();
});

describe('plugin backend services', () => {
  it('should refuse a plugin declaring a service from a tenant owner who is not a platform admin, leaving nothing', async () => {
    const res = await uploadPackage(app.restUrl, '/api/v1/plugins/install', owner.bearer, await servicePluginZip(), { method: 'upload' });
    expect(res.status).toBe(403);
    expect(res.body.detail).toContain('only a platform administrator');
    expect((await rest(app.restUrl, 'GET', '/api/v1/plugins/manager', { headers: owner.bearer })).body.totalItems).toBe(0);
    expect(await readdir(join(dataDir, 'plugins', '.staging')).catch(() => [])).toEqual([]);
    // Nor may they bring one in by an update of a plugin that had none.
    const plain = await uploadPackage(app.restUrl, '/api/v1/plugins/install', owner.bearer, await servicePluginZip({ slug: 'svc-later', backendService: undefined }), { method: 'upload' });
    expect(plain.status).toBe(200);
    const update = await uploadPackage(app.restUrl, '/api/v1/plugins/svc-later/update', owner.bearer, await servicePluginZip({ slug: 'svc-later', version: '1.1.0' }), { method: 'upload' });
    expect(update.status).toBe(403);
    const after = await rest(app.restUrl, 'GET', '/api/v1/plugins/svc-later/status', { headers: owner.bearer });
    expect(after.body).toMatchObject({ version: '1.0.0', backend_service: null });
  });

  let port: number;
  let pid: number;

  it('should start the service at install, with its own variables and none of the server secrets', async () => {
    const res = await uploadPackage(app.restUrl, '/api/v1/plugins/install', admin, await servicePluginZip(), { method: 'upload' });
    expect(res.status).toBe(200);
    expect(res.body.plugin.backend_service.status).toBe('running');
    const s = await status(admin);
    expect(s).toMatchObject({ status: 'running', host: '127.0.0.1', restarts: 0 });
    ({ port, pid } = s);
    const me = await ask(port);
    expect(me).toMatchObject({ pid, slug: 'svc-plugin', version: '1.0.0', greeting: 'hi' });
    expect(me.dataDir).toContain(join(dataDir, 'plugin-data'));
    // Only what it needs: this process's environment (secrets, DATABASE_URL, the test runner's) is not passed on.
    const given = ['HOST', 'PORT', 'GREETING', 'PATH', 'HOME', 'LANG', 'TZ', 'NODE_ENV'];
    expect(me.envNames.filter((n: string) => !given.includes(n) && !n.startsWith('BRAINGRAPH_PLUGIN_') && n !== 'BRAINGRAPH_TENANT_ID')).toEqual([]);
    expect(me.envNames).toContain('BRAINGRAPH_PLUGIN_DATA_DIR');
    // The plugin list of another tenant doesn't show it, and its status route is "not found" there.
    expect((await rest(app.restUrl, 'GET', '/api/v1/plugins/svc-plugin/status', { headers: owner.bearer })).status).toBe(404);
  });

  it('should restart on request: a new process, the old one gone', async () => {
    const res = await rest(app.restUrl, 'POST', '/api/v1/plugins/svc-plugin/services/restart', { headers: admin });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'success', data: { status: 'running', restarts: 0 } });
    expect(res.body.data.pid).not.toBe(pid);
    expect(isAlive(pid)).toBe(false);
    ({ pid, port } = res.body.data);
    expect((await ask(port)).pid).toBe(pid);
    // Only the tenant's plugin admins may restart it.
    expect((await rest(app.restUrl, 'POST', '/api/v1/plugins/svc-plugin/services/restart', { headers: owner.bearer })).status).toBe(404);
  });

  it('should start a crashed service again by itself, reporting the crash', async () => {
    await ask(port, '/crash');
    const s = await pollUntil(() => status(admin), (v) => v.status === 'running' && v.pid !== pid);
    expect(s).toMatchObject({ status: 'running', restarts: 1, last_exit_code: 3 });
    expect(s.last_error).toContain('exited with code 3');
    ({ pid, port } = s);
    expect((await ask(port)).pid).toBe(pid);
  });

  it('should stop it when the plugin is disabled, refuse a restart then, and start it when enabled', async () => {
    const off = await rest(app.restUrl, 'PATCH', '/api/v1/plugins/svc-plugin', { headers: admin, body: { enabled: false } });
    expect(off.status).toBe(200);
    expect((await status(admin)).status).toBe('stopped');
    expect(isAlive(pid)).toBe(false);
    const refused = await rest(app.restUrl, 'POST', '/api/v1/plugins/svc-plugin/services/restart', { headers: admin });
    expect(refused.status).toBe(409);
    await rest(app.restUrl, 'PATCH', '/api/v1/plugins/svc-plugin', { headers: admin, body: { enabled: true } });
    const s = await status(admin);
    expect(s.status).toBe('running');
    ({ pid, port } = s);
    expect((await ask(port)).pid).toBe(pid);
  });

  it('should run the new version after an update and remove the old folder', async () => {
    const res = await uploadPackage(app.restUrl, '/api/v1/plugins/svc-plugin/update', admin, await servicePluginZip({ version: '1.1.0' }), { method: 'upload' });
    expect(res.status).toBe(200);
    const s = await status(admin);
    expect(s.status).toBe('running');
    expect(isAlive(pid)).toBe(false);
    expect((await ask(s.port)).version).toBe('1.1.0');
    const tenantDir = join(dataDir, 'plugins', JSON.parse(Buffer.from(admin.authorization.split('.')[1], 'base64url').toString()).tid, 'svc-plugin');
    expect(await readdir(tenantDir)).toEqual(['1.1.0']);
    pid = s.pid;
  });

  it('should give up on a service that keeps crashing, and try again when asked', async () => {
    // A command that exits at once: five quick crashes, then "failed" with what it said.
    const broken = await servicePluginZip({ slug: 'svc-broken', backendService: { command: ['node', '-e', 'console.error("no config"); process.exit(2)'] } });
    const res = await uploadPackage(app.restUrl, '/api/v1/plugins/install', admin, broken, { method: 'upload' });
    expect(res.status).toBe(200);
    const s = await pollUntil(() => status(admin, 'svc-broken'), (v) => v.status === 'failed');
    expect(s).toMatchObject({ status: 'failed', pid: null, restarts: 5, last_exit_code: 2 });
    expect(s.last_error).toContain('no config');
    const retry = await rest(app.restUrl, 'POST', '/api/v1/plugins/svc-broken/services/restart', { headers: admin });
    expect(retry.status).toBe(502);
    expect(retry.body.detail).toContain('failed to start');
    expect((await rest(app.restUrl, 'DELETE', '/api/v1/plugins/svc-broken/uninstall', { headers: admin })).status).toBe(200);
  });

  it('should say so for a plugin without a service', async () => {
    const res = await uploadPackage(app.restUrl, '/api/v1/plugins/install', admin, await servicePluginZip({ slug: 'svc-none', backendService: undefined }), { method: 'upload' });
    expect(res.status).toBe(200);
    expect(res.body.plugin.backend_service).toBeNull();
    const restart = await rest(app.restUrl, 'POST', '/api/v1/plugins/svc-none/services/restart', { headers: admin });
    expect(restart.status).toBe(400);
    expect(restart.body.detail).toContain('declares no backend service');
  });

  it('should stop the service before uninstalling', async () => {
    const res = await rest(app.restUrl, 'DELETE', '/api/v1/plugins/svc-plugin/uninstall', { headers: admin });
    expect(res.status).toBe(200);
    expect(isAlive(pid)).toBe(false);
    expect((await rest(app.restUrl, 'GET', '/api/v1/plugins/svc-plugin/status', { headers: admin })).status).toBe(404);
  });
});

describe('plugin services and the process that runs them', () => {
  it('should stop its services when braingraph stops, and start them again when it starts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'braingraph-services-restart-'));
    stack.push(() => rm(dir, { recursive: true, force: true }));
    const first = await startTestApp({ BRAINGRAPH_DATA_DIR: dir });
    let stopped = false;
    stack.push(() => (stopped ? Promise.resolve() : first.close()));
    const restUrl = first.restUrl;
    const h = (await signUpAdmin(restUrl, 'svcrestart')).bearer;
    const res = await uploadPackage(restUrl, '/api/v1/plugins/install', h, await servicePluginZip({ slug: 'svc-persist' }), { method: 'upload' });
    const before = res.body.plugin.backend_service;
    expect(before.status).toBe('running');
    await first.close();
    stopped = true;
    expect(isAlive(before.pid)).toBe(false);

    const second = await startTestApp({ BRAINGRAPH_DATA_DIR: dir });
    stack.push(() => second.close());
    const s = await pollUntil(async () => (await rest(second.restUrl, 'GET', '/api/v1/plugins/svc-persist/status', { headers: h })).body.backend_service, (v) => v?.status === 'running');
    expect(s.status).toBe('running');
    expect(s.pid).not.toBe(before.pid);
    expect((await ask(s.port)).slug).toBe('svc-persist');
  });
});

describe('plugin services across replicas', () => {
  it('should run a service once among replicas sharing the data directory, and hand it over when one stops', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'braingraph-services-replicas-'));
    stack.push(() => rm(dir, { recursive: true, force: true }));
    const a = await startTestApp({ BRAINGRAPH_DATA_DIR: dir });
    const b = await startTestApp({ BRAINGRAPH_DATA_DIR: dir });
    const open = new Set([a, b]);
    stack.push(async () => {
      for (const x of open) await x.close();
    });
    const h = (await signUpAdmin(a.restUrl, 'svcrepl')).bearer;
    // A fixed port: a second copy could not bind it and would show up as crashes.
    const fixed = 20_000 + Math.floor(Math.random() * 20_000);
    const res = await uploadPackage(a.restUrl, '/api/v1/plugins/install', h, await servicePluginZip({ slug: 'svc-repl', backendService: { command: ['node', 'server/server.mjs'], port: fixed } }), { method: 'upload' });
    expect(res.body.plugin.backend_service).toMatchObject({ status: 'running', port: fixed });
    const statusOn = async (x: TestApp) => (await rest(x.restUrl, 'GET', '/api/v1/plugins/svc-repl/status', { headers: h })).body.backend_service;
    // Both replicas have looked at it (each looks at least every 5 s): still one process, never restarted.
    await new Promise((r) => setTimeout(r, 5_500));
    const settled = await statusOn(b);
    expect(settled).toMatchObject({ status: 'running', restarts: 0, pid: res.body.plugin.backend_service.pid });
    // Stop one replica (whichever runs it): the other runs it now; then stop that one too.
    await a.close();
    open.delete(a);
    const after = await pollUntil(() => statusOn(b), (v) => v.status === 'running' && isAlive(v.pid));
    expect(after.status).toBe('running');
    expect((await ask(fixed)).pid).toBe(after.pid);
    await b.close();
    open.delete(b);
    expect(isAlive(after.pid)).toBe(false);
    expect(isAlive(settled.pid)).toBe(false);
  });
});
