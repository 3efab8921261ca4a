import 'reflect-metadata';
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
    ...overrides,
  });
}

export interface TestApp extends App {
  env: Env;
  graphqlUrl: string;
  restUrl: string;
}

/** Starts the whole app in this process on the run's database; close it in afterAll. */
export async function startTestApp(overrides: Record<string, string> = {}, options: Partial<AppOptions> = {}): Promise<TestApp> {
  const env = testEnv(overrides);
  const app = await startApp({ env, secrets: TEST_SECRETS, databaseUrl: env.databaseUrl!, logger: createLogger(env.logLevel), ...options });
  return { ...app, env, graphqlUrl: app.urls.graphql, restUrl: app.urls.rest[0] };
}
