import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ExecutionResult } from 'graphql';
import { rateLimitHeaders, type RateLimiter } from '../gateway/rate-limiter.js';
import { DEFAULT_MAX_BODY_BYTES, readBody } from './body.js';
import { clientIp, isHttps } from './client-ip.js';
import { parseCookies, serializeCookie } from './cookies.js';
import { createCors } from './cors.js';
import { createDocs } from './docs.js';
import { answerForGraphQLError, errorAnswer, INTERNAL_ERROR_DETAIL, type HttpErrorAnswer } from './errors.js';
import { buildOpenApi, type OpenApiDocument, type OpenApiOptions } from './openapi.js';
import { createRestRateLimits, type RestRateLimits } from './rate-limits.js';
import { requestIdOf } from './request-id.js';
import type { OperationExecutor, RestRequest, RouteRow } from './route.types.js';
import { compileRoutes, type Router } from './router.js';
import { streamSse } from './sse.js';
import { readMultipart, uploadedFileIds } from './multipart.js';
import type { BlobStore } from '../subgraphs/common/blob-store.js';
import { jsonInvalidError, validateRequest, type QueryValues } from './validation.js';

/** The pino methods rest-compat logs with. */
export interface RestCompatLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface RestCompatOptions {
  /** The route table (`allRows`). A later row with the same method and path shape as an earlier one is not served. */
  rows: readonly RouteRow[];
  /** Runs the rows' GraphQL operations (in-process, or over HTTP to the gateway). */
  executor: OperationExecutor;
  /**
   * A cheap caller id for per-user limits, from the lower-cased headers (no database: e.g. the JWT `sub`).
   * @default no per-user limits
   */
  identify?: (headers: Record<string, string>) => string | null | Promise<string | null>;
  /** Shared with the gateway, so REST and GraphQL count against the same store. */
  rateLimiter: RateLimiter;
  /** Requests per minute. */
  rateLimits: RestRateLimits;
  /** Origins allowed cross-origin with credentials, e.g. `http://localhost:5173`. */
  corsOrigins: readonly string[];
  /** Largest request body, in bytes. @default 5 MiB */
  maxBodyBytes?: number;
  /** Take the client IP and scheme from `X-Forwarded-For`/`-Proto` (only behind your own proxy). @default false */
  trustProxy?: boolean;
  /** `Secure` on cookies: always, never, or when the request came over HTTPS. @default 'auto' */
  secureCookies?: boolean | 'auto';
  /** @default no logging */
  logger?: RestCompatLogger;
  /** Where multipart uploads are streamed; rows with `multipart: true` need it. */
  blobs?: BlobStore;
  /** Largest uploaded file, per file. @default 20 MiB */
  maxUploadBytes?: number;
  /** Title and version of the OpenAPI document. */
  openapi?: OpenApiOptions;
}

export interface RestCompatListener {
  port: number;
  /** Stops accepting connections and resolves when open requests have finished. */
  close(): Promise<void>;
}

export interface RestCompat {
  /** A Node `request` listener: mount it on any HTTP server. Never throws. */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Starts a server of its own (port 0 picks a free port). */
  listen(port: number, host?: string): Promise<RestCompatListener>;
  /** The OpenAPI document, built once at creation. */
  readonly openapi: OpenApiDocument;
  readonly router: Router;
}

const silent: RestCompatLogger = { info() {}, warn() {}, error() {} };

/**
 * The generic REST→GraphQL engine: every documented route is a row; this executes rows.
 * Per request: request id → CORS → docs → route (404/405) → 501 for unbuilt rows → rate limits → body → validation
 * (422) → operation → error mapping or response mapping, effects and cookies.
 */
export function createRestCompat(options: RestCompatOptions): RestCompat {
  const router = compileRoutes(options.rows);
  const openapi = buildOpenApi(router.rows, options.openapi);
  const docs = createDocs(openapi, { title: options.openapi?.title });
  const cors = createCors(options.corsOrigins);
  const limit = createRestRateLimits(options.rateLimiter, options.rateLimits);
  const logger = options.logger ?? silent;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const trustProxy = options.trustProxy ?? false;
  const secureCookies = options.secureCookies ?? 'auto';

  // A credential the identifier can't read only loses the per-user limit; the operation still authenticates it.
  const identify = async (headers: Record<string, string>): Promise<string | null> => {
    try {
      return (await options.identify?.(headers)) ?? null;
    } catch {
      return null;
    }
  };

  const readUpload = async (req: IncomingMessage, blobs: BlobStore) => {
    const r = await readMultipart(req, blobs, { maxFileBytes: options.maxUploadBytes ?? 20 * 1024 * 1024, maxFiles: 10 });
    if (r.kind === 'ok') return { kind: 'ok' as const, body: r.body as unknown };
    return r.kind === 'too_large' ? { kind: 'upload_too_large' as const, detail: r.detail } : { kind: 'bad_upload' as const, detail: r.detail };
  };

  async function serve(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    if (cors.handle(req, res)) return;
    const url = req.url ?? '/';
    const queryAt = url.indexOf('?');
    const path = queryAt < 0 ? url : url.slice(0, queryAt);
    if (docs.handle(req, res, path)) return;

    const match = router.match(req.method ?? 'GET', path);
    if (match.kind === 'not_found') return send(res, 404, { detail: 'Not Found' });
    if (match.kind === 'method_not_allowed') {
      res.setHeader('Allow', match.allow.join(', '));
      return send(res, 405, { detail: 'Method Not Allowed' });
    }
    const { row } = match;
    if (!row.operation) return sendError(res, errorAnswer(row, 501, 'not implemented'));

    const headers = flattenHeaders(req);
    const ip = clientIp(req, trustProxy);
    const limited = await limit(row.rateLimit ?? 'default', ip, await identify(headers));
    for (const [name, value] of Object.entries(rateLimitHeaders(limited.results))) res.setHeader(name, value);
    if (!limited.allowed) return sendError(res, errorAnswer(row, 429, 'Too Many Requests'));

    const isMultipart = (req.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/');
    const read = row.multipart && isMultipart && options.blobs
      ? await readUpload(req, options.blobs)
      : await readBody(req, { maxBytes: maxBodyBytes, multipart: row.multipart === true });
    switch (read.kind) {
      case 'too_large':
        // The rest of the body is unread: close rather than keep a connection that still has bytes in flight.
        res.setHeader('Connection', 'close');
        return sendError(res, errorAnswer(row, 413, 'Request body too large'));
      case 'unsupported_media_type':
        return sendError(res, errorAnswer(row, 415, 'Unsupported Media Type'));
      case 'multipart_not_implemented':
        return sendError(res, errorAnswer(row, 501, 'multipart uploads are not implemented yet'));
      case 'json_invalid':
        return sendError(res, errorAnswer(row, 422, [jsonInvalidError(read.pos, read.error)]));
      case 'upload_too_large':
        res.setHeader('Connection', 'close');
        return sendError(res, errorAnswer(row, 413, read.detail));
      case 'bad_upload':
        return sendError(res, errorAnswer(row, 400, read.detail));
    }
    // File references come only from our own multipart reader: a JSON body naming a stored file is refused.
    if (!isMultipart && uploadedFileIds(read.body).length > 0) {
      return sendError(res, errorAnswer(row, 400, 'Files must be uploaded as multipart/form-data'));
    }
    // Uploads live only as long as the request: an operation that keeps a file copies it.
    if (isMultipart && options.blobs) res.once('close', () => void Promise.all(uploadedFileIds(read.body).map((id) => options.blobs!.remove(id))));

    const validated = validateRequest(row, { params: match.params, query: parseQuery(url, queryAt), body: read.body });
    if (!validated.ok) return sendError(res, errorAnswer(row, 422, validated.detail));

    const request: RestRequest = {
      method: row.method,
      path,
      params: validated.params,
      query: validated.query,
      body: validated.body,
      headers,
      cookies: parseCookies(headers.cookie),
      ip,
      requestId,
    };
    const variables = (row.variables?.(request) ?? {}) as Record<string, unknown>;
    const result: ExecutionResult = await options.executor.execute({ document: row.operation, variables, headers, ip, requestId });

    if (result.errors && result.errors.length > 0) {
      const answer = answerForGraphQLError(result.errors[0], row);
      if (answer.status >= 500) {
        logger.error({ requestId, route: `${row.method} ${row.path}`, errors: result.errors.map((e) => ({ message: e.message, extensions: e.extensions })) }, 'operation failed');
      }
      return sendError(res, answer);
    }

    const data = (result.data ?? {}) as Record<string, unknown>;
    if (row.sse && (row.sse.when?.(request) ?? true)) return streamSse(res, row.sse, data, request, options.executor, { headers, ip, requestId });
    const body = row.response ? row.response(data, request) : firstRootField(data);
    const effects = row.effects?.(data, request) ?? {};
    for (const [name, value] of Object.entries(effects.headers ?? {})) res.setHeader(name, value);
    if (effects.cookies && effects.cookies.length > 0) {
      const secure = secureCookies === 'auto' ? isHttps(req, trustProxy) : secureCookies;
      res.appendHeader('Set-Cookie', effects.cookies.map((c) => serializeCookie(c, { secure })));
    }
    const status = effects.status ?? row.status ?? 200;
    send(res, status, status === 204 ? undefined : body);
  }

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const requestId = requestIdOf(req);
    res.setHeader('X-Request-ID', requestId);
    serve(req, res, requestId).catch((error: unknown) => {
      logger.error({ requestId, method: req.method, url: req.url, err: error }, 'rest-compat request failed');
      if (!res.headersSent) {
        // A row's effects may already have set cookies or a content type; none of that belongs on a 500.
        res.removeHeader('Set-Cookie');
        res.removeHeader('Content-Type');
        send(res, 500, { detail: INTERNAL_ERROR_DETAIL });
      }
      else res.destroy();
    });
  };

  return {
    handle,
    openapi,
    router,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        const server = createServer(handle);
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const actual = (server.address() as AddressInfo).port;
          logger.info({ port: actual, host, routes: router.rows.length }, 'rest-compat listening');
          resolve({
            port: actual,
            close: () =>
              new Promise<void>((done, fail) => {
                server.close((error) => (error ? fail(error) : done()));
                server.closeIdleConnections();
              }),
          });
        });
      }),
  };
}

function sendError(res: ServerResponse, answer: HttpErrorAnswer): void {
  for (const [name, value] of Object.entries(answer.headers ?? {})) res.setHeader(name, value);
  send(res, answer.status, answer.body);
}

/**
 * Writes the answer: JSON unless a row set another content type for a string or bytes; no body for `undefined`,
 * 204 and 304.
 */
function send(res: ServerResponse, status: number, body: unknown): void {
  if (body === undefined || status === 204 || status === 304) {
    res.writeHead(status);
    res.end();
    return;
  }
  const type = res.getHeader('Content-Type');
  const raw = Buffer.isBuffer(body) || (typeof body === 'string' && typeof type === 'string' && !type.includes('json'));
  const payload = raw ? (body as Buffer | string) : JSON.stringify(body);
  if (!raw) res.setHeader('Content-Type', 'application/json');
  res.setHeader('Content-Length', Buffer.byteLength(payload));
  res.writeHead(status);
  res.end(payload);
}

/** Header values as single strings, under the lower-case names Node already gives them. */
function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function parseQuery(url: string, queryAt: number): QueryValues {
  // No prototype, so a parameter named __proto__ stays a parameter.
  const query: QueryValues = Object.create(null);
  if (queryAt < 0) return query;
  for (const [key, value] of new URLSearchParams(url.slice(queryAt + 1))) {
    const previous = query[key];
    if (previous === undefined) query[key] = value;
    else if (Array.isArray(previous)) previous.push(value);
    else query[key] = [previous, value];
  }
  return query;
}

/** The default response: the value of the operation's first root field. */
function firstRootField(data: Record<string, unknown>): unknown {
  for (const key in data) return data[key];
  return undefined;
}

export type { RestRateLimits } from './rate-limits.js';
