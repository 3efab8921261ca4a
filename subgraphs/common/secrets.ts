import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Env } from './env.js';

export interface Secrets {
  jwtSecret: string;
  internalSecret: string;
  /** Derives the key that encrypts secrets at rest (provider API keys in settings). */
  encryptionSecret: string;
  /** Password of the embedded PostgreSQL's superuser (unused with DATABASE_URL). */
  embeddedPgPassword: string;
}

/**
 * Secrets from the environment, or — on the embedded default — generated once and kept in the data directory
 * (mode 0600), so tokens survive a restart and every process sharing the directory agrees on them.
 */
export async function loadSecrets(env: Env): Promise<Secrets> {
  const file = join(env.dataDir, 'secrets.json');
  let stored: Partial<Secrets> = {};
  try {
    stored = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const secrets: Secrets = {
    jwtSecret: env.jwtSecret ?? stored.jwtSecret ?? randomBytes(48).toString('base64url'),
    internalSecret: env.internalSecret ?? stored.internalSecret ?? randomBytes(48).toString('base64url'),
    encryptionSecret: env.encryptionSecret ?? stored.encryptionSecret ?? randomBytes(48).toString('base64url'),
    embeddedPgPassword: stored.embeddedPgPassword ?? randomBytes(24).toString('base64url'),
  };
  const generated = (Object.keys(secrets) as (keyof Secrets)[]).some((k) => secrets[k] !== stored[k]);
  // Secrets given by the environment are not written to disk; only generated ones are kept.
  if (generated) {
    await mkdir(env.dataDir, { recursive: true });
    await writeFile(
      file,
      JSON.stringify({
        jwtSecret: env.jwtSecret ? stored.jwtSecret : secrets.jwtSecret,
        internalSecret: env.internalSecret ? stored.internalSecret : secrets.internalSecret,
        encryptionSecret: env.encryptionSecret ? stored.encryptionSecret : secrets.encryptionSecret,
        embeddedPgPassword: secrets.embeddedPgPassword,
      }),
      { mode: 0o600 },
    );
  }
  return secrets;
}
