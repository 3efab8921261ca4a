import type { IncomingMessage, ServerResponse } from 'node:http';

/** Methods a preflight may ask for. */
export const CORS_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';

/** Request headers the products' clients send cross-origin (BrainDrive web client, BReact SDK, Brain Garden). */
export const CORS_HEADERS =
  'authorization, content-type, accept, origin, x-requested-with, x-api-key, x-bg-api-key, x-byok-api-key, x-byok-provider, x-request-id';

// Response headers a browser script may read: the request id and the rate-limit state.
const EXPOSED = 'X-Request-ID, RateLimit, RateLimit-Policy, Retry-After';

export interface Cors {
  /**
   * Adds CORS headers for a configured origin and answers preflights.
   * @returns true when the request has been answered (a preflight), false when routing should continue
   */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
}

/**
 * CORS for an explicit list of origins. A configured origin is echoed exactly with credentials allowed; any other
 * origin gets no CORS headers at all — never `*`, since every client sends credentials.
 * @param origins allowed origins, e.g. `http://localhost:5173` (scheme, host and port; a trailing slash is ignored)
 */
export function createCors(origins: readonly string[]): Cors {
  const allowed = new Set(origins.map(normalizeOrigin));
  return {
    handle(req, res) {
      const origin = req.headers.origin;
      if (!origin) return false;
      res.setHeader('Vary', 'Origin');
      const ok = allowed.has(normalizeOrigin(origin));
      const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
      if (ok) {
        res.setHeader('Access-Control-Allow-Origin', origin);
        res.setHeader('Access-Control-Allow-Credentials', 'true');
      }
      if (!preflight) {
        if (ok) res.setHeader('Access-Control-Expose-Headers', EXPOSED);
        return false;
      }
      if (!ok) {
        // Starlette's answer to a preflight from an origin it does not know.
        const body = JSON.stringify({ detail: 'Disallowed CORS origin' });
        res.writeHead(400, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
        res.end(body);
        return true;
      }
      res.setHeader('Access-Control-Allow-Methods', CORS_METHODS);
      res.setHeader('Access-Control-Allow-Headers', CORS_HEADERS);
      res.setHeader('Access-Control-Max-Age', '600');
      res.writeHead(204);
      res.end();
      return true;
    },
  };
}

function normalizeOrigin(origin: string): string {
  return origin.trim().replace(/\/+$/, '').toLowerCase();
}
