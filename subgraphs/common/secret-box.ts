import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** Marks an encrypted value in a jsonb column: `{"$enc": "v1:<iv>:<tag>:<ciphertext>"}` (base64url parts). */
const ENVELOPE = '$enc';
const VERSION = 'v1';

export type Encrypted = { [ENVELOPE]: string };

/**
 * Encrypts secrets at rest (provider API keys in settings) with AES-256-GCM. The key is derived from a secret the
 * process already keeps (env or data directory), so a database dump alone does not reveal them.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHash('sha256').update(`braingraph:secret-box:${secret}`).digest();
  }

  /** Encrypts any JSON value. */
  seal(value: unknown): Encrypted {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url'));
    return { [ENVELOPE]: `${VERSION}:${parts.join(':')}` };
  }

  /** Decrypts a sealed value; anything else is returned as it is (values written before encryption). */
  open<T = unknown>(value: unknown): T {
    if (!SecretBox.isSealed(value)) return value as T;
    const [version, iv, tag, data] = value[ENVELOPE].split(':');
    if (version !== VERSION) throw new Error(`unknown secret envelope version ${version}`);
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const plain = Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as T;
  }

  static isSealed(value: unknown): value is Encrypted {
    return typeof value === 'object' && value !== null && typeof (value as Encrypted)[ENVELOPE] === 'string';
  }
}
