import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface StoredBlob {
  id: string;
  size: number;
  sha256: string;
}

/** Thrown when a stream passes its cap; nothing of it is kept. */
export class BlobTooLargeError extends Error {}

const ID = /^[0-9a-f-]{36}$/;

/**
 * Uploaded files (DESIGN §7: bytes never travel inside GraphQL variables): rest-compat streams an upload here and
 * hands the operation its id. A folder in the data directory by default; every process of a deployment must see the
 * same folder.
 */
export class BlobStore {
  private readonly root: string;

  constructor(dataDir: string) {
    this.root = resolve(dataDir, 'blobs');
  }

  /** Streams into a new blob; past `maxBytes` the partial file is removed and BlobTooLargeError thrown. */
  async put(source: Readable, maxBytes: number): Promise<StoredBlob> {
    await mkdir(this.root, { recursive: true });
    const id = randomUUID();
    const path = this.path(id);
    const hash = createHash('sha256');
    let size = 0;
    try {
      await pipeline(
        source,
        async function* (chunks: AsyncIterable<Buffer>) {
          for await (const chunk of chunks) {
            size += chunk.length;
            if (size > maxBytes) throw new BlobTooLargeError(`file larger than ${maxBytes} bytes`);
            hash.update(chunk);
            yield chunk;
          }
        },
        createWriteStream(path, { mode: 0o600 }),
      );
    } catch (e) {
      await rm(path, { force: true });
      throw e;
    }
    return { id, size, sha256: hash.digest('hex') };
  }

  read(id: string): Promise<Buffer> {
    return readFile(this.path(id));
  }

  stream(id: string): Readable {
    return createReadStream(this.path(id));
  }

  async size(id: string): Promise<number> {
    return (await stat(this.path(id))).size;
  }

  remove(id: string): Promise<void> {
    return rm(this.path(id), { force: true });
  }

  /** Only our own ids map to a path: an id can never name a file outside the store. */
  private path(id: string): string {
    if (!ID.test(id)) throw new Error(`not a blob id: ${id}`);
    return join(this.root, id);
  }
}
