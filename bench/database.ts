import pg from 'pg';
import { openDatabase } from '../subgraphs/common/database.js';
import type { Env } from '../subgraphs/common/env.js';
import type { Logger } from '../subgraphs/common/logger.js';
import { loadSecrets } from '../subgraphs/common/secrets.js';

/** The machine's PostgreSQL as the tests use it (trust auth). */
const LOCAL_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  url: string;
  server: string;
  /** Drops the bench database and stops an embedded server; safe to call once whatever happened before. */
  close(): Promise<void>;
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query(sql);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * A fresh database of its own on DATABASE_URL's server, the local PostgreSQL, or the embedded one (in that order),
 * so a bench run never reads or writes a user's data.
 */
export async function openBenchDatabase(env: Env, logger: Logger): Promise<BenchDatabase> {
  let adminUrl = env.databaseUrl;
  let kind = 'DATABASE_URL';
  let stop = async () => {};
  if (!adminUrl && (await adminQuery(LOCAL_ADMIN_URL, 'select 1').then(() => true, () => false))) {
    adminUrl = LOCAL_ADMIN_URL;
    kind = 'local';
  }
  if (!adminUrl) {
    kind = 'embedded';
    // The embedded server's superuser password lives in the data directory, next to its files.
    const { embeddedPgPassword } = await loadSecrets(env);
    const embedded = await openDatabase(env, embeddedPgPassword, logger);
    adminUrl = embedded.url;
    stop = embedded.stop;
  }
  const admin = adminUrl;
  const name = `braingraph_bench_${Date.now()}`;
  try {
    await adminQuery(admin, `create database "${name}"`);
  } catch (e) {
    await stop();
    throw e;
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    server: `${kind} PostgreSQL ${url.host}, database ${name}`,
    close: async () => {
      try {
        await adminQuery(admin, `drop database if exists "${name}" with (force)`);
      } finally {
        await stop();
      }
    },
  };
}
