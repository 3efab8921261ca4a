import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { z } from 'zod';
import { BlobTooLargeError, type BlobStore } from '../subgraphs/common/blob-store.js';

/** An uploaded file as operations see it: stored already, referred to by id. */
export const uploadedFile = z.object({ fileId: z.string(), filename: z.string(), contentType: z.string(), size: z.number() });
export type UploadedFile = z.infer<typeof uploadedFile>;

export interface MultipartLimits {
  /** Per file. */
  maxFileBytes: number;
  maxFiles: number;
  /** Non-file fields. @default 1 MiB in all */
  maxFieldBytes?: number;
}

export type MultipartResult =
  | { kind: 'ok'; body: Record<string, unknown> }
  | { kind: 'too_large'; detail: string }
  | { kind: 'bad_request'; detail: string };

/** Every file id in a multipart body, to remove them once the operation is done with them. */
export function uploadedFileIds(body: unknown): string[] {
  if (!body || typeof body !== 'object') return [];
  return Object.values(body).flatMap((v) => (Array.isArray(v) ? v : [v])).flatMap((v) => (v && typeof v === 'object' && 'fileId' in v ? [String((v as UploadedFile).fileId)] : []));
}

/**
 * Reads a multipart body (DESIGN §7): every file is streamed to the blob store, size-capped, and the body becomes
 * `{...fields, <field>: UploadedFile | UploadedFile[]}`. On any failure the files already stored are removed.
 */
export function readMultipart(req: IncomingMessage, blobs: BlobStore, limits: MultipartLimits): Promise<MultipartResult> {
  return new Promise((resolve) => {
    const fields: Record<string, unknown> = {};
    const files: Record<string, UploadedFile[]> = {};
    const stored: string[] = [];
    const pending: Promise<void>[] = [];
    let failure: MultipartResult | undefined;
    const fail = (f: MultipartResult) => (failure ??= f);
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { files: limits.maxFiles, fieldSize: limits.maxFieldBytes ?? 1024 * 1024, fields: 100 },
      });
    } catch (e) {
      return resolve({ kind: 'bad_request', detail: `Malformed multipart body: ${(e as Error).message}` });
    }
    parser.on('field', (name, value) => {
      const existing = fields[name];
      fields[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
    });
    parser.on('file', (name, stream, info) => {
      if (failure) return void stream.resume();
      // Files keep the order they arrived in, whichever finishes storing first.
      const list = (files[name] ??= []);
      const slot = list.length;
      list.length++;
      pending.push(
        blobs.put(stream, limits.maxFileBytes).then(
          (blob) => {
            stored.push(blob.id);
            list[slot] = { fileId: blob.id, filename: info.filename || 'upload', contentType: info.mimeType, size: blob.size };
          },
          (e) => {
            fail(e instanceof BlobTooLargeError ? { kind: 'too_large', detail: `File ${info.filename} is larger than ${limits.maxFileBytes} bytes` } : { kind: 'bad_request', detail: 'Upload failed' });
            // The file stream was destroyed, so the parser would wait for it forever: stop reading and answer now
            // (the answer closes the connection, dropping whatever is still in flight).
            req.unpipe(parser);
            req.resume();
            void finish();
          },
        ),
      );
    });
    parser.on('filesLimit', () => fail({ kind: 'bad_request', detail: `At most ${limits.maxFiles} files per request` }));
    let finished = false;
    const finish = async () => {
      if (finished) return;
      finished = true;
      await Promise.allSettled(pending);
      if (failure) {
        await Promise.all(stored.map((id) => blobs.remove(id)));
        return resolve(failure);
      }
      const body: Record<string, unknown> = { ...fields };
      for (const [name, list] of Object.entries(files)) body[name] = list.length === 1 ? list[0] : list;
      resolve({ kind: 'ok', body });
    };
    // A malformed body may end in 'error' without 'close': both finish, once.
    parser.on('error', (e: Error) => {
      fail({ kind: 'bad_request', detail: `Malformed multipart body: ${e.message}` });
      void finish();
    });
    parser.on('close', () => void finish());
    req.pipe(parser);
  });
}
