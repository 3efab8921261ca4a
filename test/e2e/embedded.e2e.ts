import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { gql, newUser, rest } from '../helpers/clients.js';
import { spawnNode } from '../helpers/processes.js';

let dataDir: string;

/** A port nothing listens on now, for the embedded PostgreSQL. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  // Under /tmp: the embedded server runs as the `postgres` system user when we are root and must reach the folder.
  dataDir = await mkdtemp(join(tmpdir(), 'braingraph-embedded-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

const start = async (pgPort: number) => {
  const proc = spawnNode('bin/start.ts', [], {
    DATABASE_URL: '',
    REDIS_URL: '',
    JWT_SECRET: '',
    INTERNAL_SECRET: '',
    BRAINGRAPH_DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(pgPort),
    GATEWAY_PORT: '0',
    REST_PORTS: '0',
    LOG_LEVEL: 'warn',
    // As a user runs it: vitest's NODE_ENV=test would hide shutdown paths that only exist outside tests.
    NODE_ENV: 'development',
  });
  const [, graphql] = await proc.waitFor(/GraphQL \+ Apollo Sandbox: (\S+)/, 90_000);
  const [, restUrl] = await proc.waitFor(/REST \(Swagger UI\): +(\S+)\/docs/);
  return { proc, graphql, rest: restUrl };
};

it('should run on an embedded PostgreSQL with no set-up, stop cleanly, and keep the data across restarts', async () => {
  const pgPort = await freePort();
  const first = await start(pgPort);
  const u = newUser('embedded');
  const reg = await rest(first.rest, 'POST', '/api/v1/auth/register', { body: u });
  expect(reg.status).toBe(200);
  expect((await rest(first.rest, 'GET', '/health/detailed')).body.database.status).toBe('healthy');
  expect(await first.proc.stop()).toBe(0);

  const second = await start(pgPort);
  try {
    const login = await rest(second.rest, 'POST', '/api/v1/auth/login', { body: { email: u.email, password: u.password } });
    expect(login.status).toBe(200);
    expect(login.body.user_id).toBe(reg.body.id);
    // Secrets are kept in the data directory too, so a token from before the restart would still verify.
    const me = await gql(second.graphql, '{ me { id } }', {}, { authorization: `Bearer ${login.body.access_token}` });
    expect(me.data?.me.id).toBe(reg.body.id);
  } finally {
    expect(await second.proc.stop()).toBe(0);
  }
}, 180_000);

it('should refuse to start with a bad environment value, naming the variable', async () => {
  const proc = spawnNode('bin/start.ts', [], { GATEWAY_PORT: 'not-a-port', BRAINGRAPH_DATA_DIR: dataDir });
  expect(await proc.exited).toBe(1);
  expect(proc.output()).toContain('Invalid environment variable GATEWAY_PORT');
});
