import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rest, signUp } from '../helpers/clients.js';
import { startGitHttpServer, type GitHttpServer } from '../helpers/git-http-server.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { helloPluginFiles } from '../fixtures/plugins/packages.js';

type User = Awaited<ReturnType<typeof signUp>>;

/** Small, so a repository with a little noise in it is over the budget. */
const MAX_UPLOAD = 64 * 1024;
let app: TestApp;
let dataDir: string;
let git: GitHttpServer;
let helloRepo: string;
const stack: (() => Promise<unknown>)[] = [];

/** The example plugin's files at `version`, its bundle marked with the version so tests can tell them apart. */
async function helloAt(version: string, extra: Record<string, Buffer> = {}): Promise<Record<string, string | Buffer>> {
  const files: Record<string, string | Buffer> = { ...(await helloPluginFiles()), ...extra };
  files['plugin.json'] = JSON.stringify({ ...JSON.parse(files['plugin.json'].toString()), version }, null, 2);
  files['dist/remoteEntry.js'] = `// version ${version}\n${files['dist/remoteEntry.js'].toString()}`;
  return files;
}

beforeAll(async () => {
  git = await startGitHttpServer();
  stack.push(() => git.close());
  helloRepo = await git.createRepo('hello-plugin', [
    { files: await helloAt('1.0.0'), tag: 'v1.0.0' },
    { files: await helloAt('1.1.0'), tag: '1.1.0' },
    { files: await helloAt('1.2.0') },
  ]);
  dataDir = await mkdtemp(join(tmpdir(), 'braingraph-git-plugins-'));
  stack.push(() => rm(dataDir, { recursive: true, force: true }));
  app = await startTestApp({ SSRF_ALLOWLIST: '127.0.0.1', MAX_UPLOAD_BYTES: String(MAX_UPLOAD), BRAINGRAPH_DATA_DIR: dataDir });
  stack.push(() => app.close());
});
afterAll(async () => {
  while (stack.length) await stack.pop()!();
});

const tenantOf = (u: User) => JSON.parse(Buffer.from(u.accessToken.split('.')[1], 'base64url').toString()).tid as string;

const install = (u: User, repoUrl: string, version?: string) =>
  rest(app.restUrl, 'POST', '/api/v1/plugins/install', { headers: u.bearer, body: { method: 'url', repo_url: repoUrl, ...(version ? { version } : {}) } });

/** No plugin rows for `u`, nothing of its tenant on disk, nothing in staging (the clone folder included). */
async function expectNothingLeft(u: User) {
  expect(await readdir(join(dataDir, 'plugins', tenantOf(u))).catch(() => [])).toEqual([]);
  expect(await readdir(join(dataDir, 'plugins', '.staging')).catch(() => [])).toEqual([]);
  expect((await rest(app.restUrl, 'GET', '/api/v1/plugins/manager', { headers: u.bearer })).body.totalItems).toBe(0);
}

describe('install from a git repository over smart HTTP', () => {
  it('should clone the default branch, install it, list it and serve its bundle', async () => {
    const u = await signUp(app.restUrl, 'gitinst');
    const res = await install(u, helloRepo);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ plugin_slug: 'hello-plugin', version: '1.2.0', install_source: 'url' });
    // Spoken as git (isomorphic-git's upload-pack request), not downloaded as an archive.
    expect(git.requests).toContain('POST /hello-plugin.git/git-upload-pack');
    const list = await rest(app.restUrl, 'GET', '/api/v1/plugins/manager', { headers: u.bearer });
    expect(list.body.modules).toEqual([expect.objectContaining({ name: 'HelloCard', plugin_slug: 'hello-plugin' })]);
    const bundle = await fetch(`${app.restUrl}/api/v1/public/plugins/${res.body.data.plugin_id}/dist/remoteEntry.js?v=1.2.0`);
    expect(bundle.status).toBe(200);
    expect(await bundle.text()).toMatch(/^\/\/ version 1\.2\.0\n/);
    const info = await rest(app.restUrl, 'GET', `/api/v1/plugins/${res.body.data.plugin_id}/info`, { headers: u.bearer });
    expect(JSON.stringify(info.body)).toContain(helloRepo);
    expect(await readdir(join(dataDir, 'plugins', '.staging')).catch(() => [])).toEqual([]);
  });

  it.each([
    ['1.0.0', 'tag v1.0.0', '1.0.0'],
    ['v1.1.0', 'tag 1.1.0', '1.1.0'],
    ['latest', 'the default branch', '1.2.0'],
  ])('should install version %s from %s', async (version, _from, installed) => {
    const u = await signUp(app.restUrl, 'gittag');
    const res = await install(u, helloRepo, version);
    expect(res.status).toBe(200);
    expect(res.body.data.version).toBe(installed);
    const bundle = await fetch(`${app.restUrl}/api/v1/public/plugins/${res.body.data.plugin_id}/dist/remoteEntry.js`);
    expect(await bundle.text()).toMatch(new RegExp(`^// version ${installed.replace(/\./g, '\\.')}\n`));
  });

  it('should refuse an unknown tag with 400 and leave nothing behind', async () => {
    const u = await signUp(app.restUrl, 'gitnotag');
    const res = await install(u, helloRepo, '9.9.9');
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe(`Git repository ${helloRepo} has no tag 9.9.9 (nor v9.9.9)`);
    await expectNothingLeft(u);
  });

  it('should refuse a repository larger than the upload limit and leave nothing behind', async () => {
    const big = await git.createRepo('big-plugin', [{ files: await helloAt('1.0.0', { 'dist/noise.bin': randomBytes(MAX_UPLOAD + 1024) }) }]);
    const u = await signUp(app.restUrl, 'gitbig');
    const res = await install(u, big);
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe(`Git repository ${big} is larger than ${MAX_UPLOAD} bytes (the upload limit)`);
    await expectNothingLeft(u);
  });

  it('should refuse a git URL on a link-local address', async () => {
    const u = await signUp(app.restUrl, 'gitssrf');
    const res = await install(u, 'http://169.254.169.254/repo.git');
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain('link-local');
    await expectNothingLeft(u);
  });

  it('should check where a redirect during the clone leads (the pack request sent to the metadata address is refused)', async () => {
    const moved = await git.createRepo('moved-plugin', [{ files: await helloAt('1.0.0') }]);
    git.redirect('/moved-plugin.git/git-upload-pack', 'http://169.254.169.254/moved-plugin.git/git-upload-pack');
    const u = await signUp(app.restUrl, 'gitredir');
    const res = await install(u, moved);
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain('link-local');
    expect(git.requests).toContain('POST /moved-plugin.git/git-upload-pack');
    await expectNothingLeft(u);
  });
});
