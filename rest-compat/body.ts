import type { IncomingMessage } from 'node:http';
import { findJsonSyntaxError } from './json-error.js';

/** 5 MiB, the products' documented cap. */
export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;

export type BodyResult =
  /** `body` is undefined for an empty request. */
  | { kind: 'ok'; body: unknown }
  | { kind: 'too_large' }
  | { kind: 'unsupported_media_type' }
  /** The row accepts multipart, but the multipart reader is not written yet. */
  | { kind: 'multipart_not_implemented' }
  | { kind: 'json_invalid'; pos: number; error: string };

export interface ReadBodyOptions {
  /** Largest body accepted, in bytes. @default DEFAULT_MAX_BODY_BYTES */
  maxBytes?: number;
  /** Whether the row declares `multipart: true`. @default false */
  multipart?: boolean;
}

/**
 * Reads and parses a request body: JSON (no content type, `application/json`, `+json`), form-urlencoded (repeated
 * keys become arrays), text as a string. The cap is checked against `Content-Length` before reading and against the
 * bytes actually streamed, so a chunked upload can't get past it. On `too_large` the rest of the body is left
 * unread: answer with `Connection: close`.
 */
export async function readBody(req: IncomingMessage, options: ReadBodyOptions = {}): Promise<BodyResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BODY_BYTES;
  const declared = req.headers['content-length'];
  const chunked = req.headers['transfer-encoding'] !== undefined;
  if (declared === undefined && !chunked) return { kind: 'ok', body: undefined };
  if (declared !== undefined && Number(declared) > maxBytes) return { kind: 'too_large' };

  const mediaType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (mediaType.startsWith('multipart/')) {
    return options.multipart ? { kind: 'multipart_not_implemented' } : { kind: 'unsupported_media_type' };
  }

  const raw = await collect(req, maxBytes);
  if (raw === undefined) return { kind: 'too_large' };
  if (raw.length === 0) return { kind: 'ok', body: undefined };
  const text = raw.toString('utf8');

  if (mediaType === '' || mediaType === 'application/json' || mediaType.endsWith('+json')) return parseJson(text);
  if (mediaType === 'application/x-www-form-urlencoded') return { kind: 'ok', body: parseForm(text) };
  // FastAPI hands other bodies to validation as they are; a row expecting an object then answers 422.
  return { kind: 'ok', body: text };
}

function collect(req: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    if (req.destroyed) return reject(new Error('request closed before its body was read'));
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        cleanup();
        // Stop buffering; what is still in flight is discarded until the answer closes the connection.
        req.on('data', discard);
        req.on('error', discard);
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    // A client that hangs up mid-body may end the stream without 'end' or 'error'; don't wait for it forever.
    const onClose = () => onError(new Error('request closed before its body was read'));
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

const discard = () => {};

function parseJson(text: string): BodyResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { kind: 'ok', body: JSON.parse(source) };
  } catch {
    const found = findJsonSyntaxError(source) ?? { pos: 0, error: 'Expecting value' };
    return { kind: 'json_invalid', pos: found.pos, error: found.error };
  }
}

/** Form fields; a repeated key gives an array of its values. */
export function parseForm(text: string): Record<string, string | string[]> {
  // No prototype, so a field named __proto__ stays a field.
  const fields: Record<string, string | string[]> = Object.create(null);
  for (const [key, value] of new URLSearchParams(text)) {
    const previous = fields[key];
    if (previous === undefined) fields[key] = value;
    else if (Array.isArray(previous)) previous.push(value);
    else fields[key] = [previous, value];
  }
  return fields;
}
