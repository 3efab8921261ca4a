import { mkdtemp, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newUser, rest } from '../helpers/clients.js';
import { spawnNode, type Spawned } from '../helpers/processes.js';
import { TEST_SECRETS } from '../helpers/test-app.js';
import { servicePluginZip } from '../fixtures/plugins/packages.js';

/** Two braingraph processes sharing the database, Redis and the data directory, as two replicas behind a balancer. */
const gateways: { proc: Spawned; rest: string }[] = [];
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'braingraph-e2e-services-'));
  const env = {
    DATABASE_URL: inject('databaseUrl'),
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_KEY_PREFIX: `bg-e2e-svc-${randomBytes(4).toString('hex')}:`,
    JWT_SECRET: TEST_SECRETS.jwtSecret,
    INTERNAL_SECRET: TEST_SECRETS.internalSecret,
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    GATEWAY_PORT: '0',
    REST_PORTS: '0',
    BRAINGRAPH_DATA_DIR: dataDir,
  };
  const start = async () => {
    const proc = spawnNode('bin/start.ts', [], env);
    const [, restUrl] = await proc.waitFor(/REST \(Swagger UI\): +(\S+)\/docs/);
    return { proc, rest: restUrl };
  };
  gateways.push(...(await Promise.all([start(), start()])));
}, 120_000);

afterAll(async () => {
  await Promise.all(gateways.map((g) => g.proc.stop()));
  await rm(dataDir, { recursive: true, force: true });
});

describe('plugin backend services across replicas', () => {
  it('should take a service over when the replica running it dies without warning', async () => {
    const [a] = gateways;
    const u = newUser('distsvc');
    const registered = await rest(a.rest, 'POST', '/api/v1/auth/register', { body: u });
    const db = new pg.Client({ connectionString: inject('databaseUrl') });
    await db.connect();
    await db.query('update identity.users set is_admin = true where id = $1', [registered.body.id]);
    await db.end();
    const login = await rest(a.rest, 'POST', '/api/v1/auth/login', { body: { email: u.email, password: u.password } });
    const bearer = { authorization: `Bearer ${login.body.access_token}` };
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await servicePluginZip({ slug: 'svc-dist' }))], { type: 'application/zip' }), 'plugin.zip');
    form.append('method', 'upload');
    const installed = await (await fetch(`${a.rest}/api/v1/plugins/install`, { method: 'POST', body: form, headers: bearer })).json();
    const before = installed.plugin.backend_service;
    expect(before.status).toBe('running');
    const ask = async (port: number) => (await fetch(`http://127.0.0.1:${port}/`)).json();
    // The service's parent is the replica that runs it: kill that one (no shutdown, no unlock, no status write).
    const { ppid } = await ask(before.port);
    const runner = gateways.find((g) => g.proc.child.pid === ppid)!;
    const survivor = gateways.find((g) => g !== runner)!;
    expect(runner).toBeDefined();
    runner.proc.child.kill('SIGKILL');
    await runner.proc.exited;
    // Its lock went with its connection: the survivor starts the service at its next look (at most 5 s).
    const deadline = Date.now() + 20_000;
    let now = before;
    while (Date.now() < deadline) {
      now = (await rest(survivor.rest, 'GET', '/api/v1/plugins/svc-dist/status', { headers: bearer })).body.backend_service;
      if (now.status === 'running' && now.pid !== before.pid) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(now).toMatchObject({ status: 'running' });
    expect(now.pid).not.toBe(before.pid);
    expect((await ask(now.port)).ppid).toBe(survivor.proc.child.pid);
    // The orphan noticed its stdin close and exited.
    const gone = Date.now() + 5_000;
    while (Date.now() < gone && isAlive(before.pid)) await new Promise((r) => setTimeout(r, 100));
    expect(isAlive(before.pid)).toBe(false);
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
