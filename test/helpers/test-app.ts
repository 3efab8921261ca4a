import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { readEnv, type Env } from '../../subgraphs/common/env.js';
import { createLogger } from '../../subgraphs/common/logger.js';
import { startApp, type App, type AppOptions } from '../../bin/app.js';

export const TEST_SECRETS = {
  jwtSecret: 'test-jwt-secret-0123456789abcdef0123456789',
  internalSecret: 'test-internal-secret-0123456789abcdef0123',
  encryptionSecret: 'test-encryption-secret-0123456789abcdef01',
  embeddedPgPassword: 'unused',
};

/** An environment for a test app: free ports, generous limits unless a test sets its own. */
export function testEnv(overrides: Record<string, string> = {}): Env {
  return readEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    GATEWAY_PORT: '0',
    REST_PORTS: '0',
    DATABASE_URL: inject('databaseUrl'),
    RATE_LIMIT_AUTH_PER_MIN: '100000',
    RATE_LIMIT_PER_MIN: '100000',
    RATE_LIMIT_USER_PER_MIN: '100000',
    RATE_LIMIT_BRAINGARDEN_PER_MIN: '100000',
    DB_POOL_MAX: '4',
    // Uploads and generated files of a test run stay out of the working tree.
    BRAINGRAPH_DATA_DIR: join(tmpdir(), `braingraph-test-${process.pid}`),
    // Every app of a run shares the database and so the job queue: a job may run in another file's app, so events
    // must cross apps the way they cross replicas, through Redis. Rate-limit keys stay per app.
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_KEY_PREFIX: `bgtest:${randomBytes(6).toString('hex')}:`,
    // A job runs in the app that queued it, with that app's configuration (an allowlist, a TTL); apps that must
    // share a queue (a restart) pass the same schema.
    JOBS_QUEUE_SCHEMA: `pgboss_${randomBytes(4).toString('hex')}`,
    ...overrides,
  });
}

export interface TestApp extends App {
  env: Env;
  graphqlUrl: string;
  restUrl: string;
}

/** Starts the whole app in this process on the run's database; close it in afterAll. */
export async function startTestApp(
  overrides: Record<string, string> = {},
  { bootstrapUser = true, ...options }: Partial<AppOptions> & { bootstrapUser?: boolean } = {},
): Promise<TestApp> {
  const env = testEnv(overrides);
  const app = await startApp({ env, secrets: TEST_SECRETS, databaseUrl: env.databaseUrl!, logger: createLogger(env.logLevel), ...options });
  // The first user of a database becomes admin. Every app registers the same bootstrap account before any test
  // registers anyone, so no test user is admin by accident of ordering; a later attempt finds the email taken.
  if (bootstrapUser) {
    await fetch(app.urls.graphql, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($i: RegisterInput!) { register(input: $i) { id } }',
        variables: { i: { email: 'bootstrap-admin@braingraph.test', username: 'bootstrap_admin', password: 'bootstrap-password' } },
      }),
    });
  }
  return { ...app, env, graphqlUrl: app.urls.graphql, restUrl: app.urls.rest[0] };
}
