import { mkdtemp, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { rest, uploadPackage } from '../helpers/clients.js';
import { signUpAdmin } from '../helpers/admin.js';
import { isAlive, pollUntil, spawnNode, type Spawned } from '../helpers/processes.js';
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
    const { bearer } = await signUpAdmin(a.rest, 'distsvc');
    const { body: installed } = await uploadPackage(a.rest, '/api/v1/plugins/install', bearer, await servicePluginZip({ slug: 'svc-dist' }), { method: 'upload' });
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
    const now = await pollUntil(
      async () => (await rest(survivor.rest, 'GET', '/api/v1/plugins/svc-dist/status', { headers: bearer })).body.backend_service,
      (s) => s.status === 'running' && s.pid !== before.pid,
      20_000,
    );
    expect(now).toMatchObject({ status: 'running' });
    expect(now.pid).not.toBe(before.pid);
    expect((await ask(now.port)).ppid).toBe(survivor.proc.child.pid);
    // The orphan noticed its stdin close and exited.
    expect(await pollUntil(async () => isAlive(before.pid), (up) => !up, 5_000)).toBe(false);
  });
});
