import pg from 'pg';
import { openDatabase } from '../subgraphs/common/database.js';
import type { Env } from '../subgraphs/common/env.js';
import type { Logger } from '../subgraphs/common/logger.js';
import { loadSecrets } from '../subgraphs/common/secrets.js';

/** The machine's PostgreSQL as the tests use it (trust auth). */
const LOCAL_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query(sql);
  } finally {
    await client.end().catch(() => {});
  }
}

async function pickServer(env: Env, logger: Logger) {
  const none = async () => {};
  if (env.databaseUrl) return { adminUrl: env.databaseUrl, kind: 'DATABASE_URL', stop: none };
  if (await adminQuery(LOCAL_ADMIN_URL, 'select 1').then(() => true, () => false)) return { adminUrl: LOCAL_ADMIN_URL, kind: 'local', stop: none };
  // The embedded server's superuser password is kept in the data directory, next to its files.
  const { embeddedPgPassword } = await loadSecrets(env);
  const embedded = await openDatabase(env, embeddedPgPassword, logger);
  return { adminUrl: embedded.url, kind: 'embedded', stop: embedded.stop };
}

/**
 * A fresh database of its own on DATABASE_URL's server, the local PostgreSQL, or the embedded one (in that order),
 * so a bench run never reads or writes a user's data. `close` drops it and stops an embedded server.
 */
export async function openBenchDatabase(env: Env, logger: Logger) {
  const { adminUrl, kind, stop } = await pickServer(env, logger);
  const name = `braingraph_bench_${Date.now()}`;
  try {
    await adminQuery(adminUrl, `create database "${name}"`);
  } catch (e) {
    await stop();
    throw e;
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let closed: Promise<void> | undefined;
  return {
    url: url.toString(),
    description: `${kind} PostgreSQL ${url.host}, database ${name}`,
    // Once only: a signal and the normal end may both ask for it.
    close: () =>
      (closed ??= adminQuery(adminUrl, `drop database if exists "${name}" with (force)`).finally(stop)),
  };
}
