import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

// Echoed into a response header and logs: keep it short and free of anything that could split a header or a log line.
const ACCEPTABLE = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/** The caller's `X-Request-ID` when it is a sane token, else a fresh UUID. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  const value = Array.isArray(given) ? given[0] : given;
  return value && ACCEPTABLE.test(value) ? value : randomUUID();
}
