import { createHmac, timingSafeEqual } from 'node:crypto';

/** Who is calling, decided once at the edge (gateway or rest-compat) and handed to every subgraph. */
export interface AuthContext {
  userId: string;
  /** The active tenant (every user has a personal one). */
  tenantId: string;
  /** The caller's role in the active tenant: owner, admin, member, viewer. */
  role: string;
  /** Platform administrator (the first user of a fresh install). */
  isAdmin: boolean;
  scopes: string[];
  via: 'jwt' | 'api_key';
  /** Set when `via` is `api_key`. */
  apiKeyId?: string;
  /** The refresh-token family of a JWT session, so logout can revoke it. */
  sessionId?: string;
}

/** The per-request identity a subgraph receives. */
export interface RequestIdentity {
  auth: AuthContext | null;
  /** Why credentials that were sent were refused (`Invalid token`, `Token has expired`), for a clear 401. */
  authError?: string;
  /** True only for internal operations called through the internal client (DESIGN §2). */
  internal?: boolean;
  ip?: string;
  requestId?: string;
}

/** Header carrying the signed identity from the gateway to HTTP subgraphs. */
export const CONTEXT_HEADER = 'x-braingraph-context';

/** How long a signed context stays valid: covers clock skew and slow hops, not replay across sessions. */
const MAX_AGE_MS = 5 * 60_000;

const b64 = (s: string) => Buffer.from(s).toString('base64url');

/** Signs an identity for an HTTP hop: `<payload>.<hmac>`. */
export function signIdentity(identity: RequestIdentity, secret: string, now = Date.now()): string {
  const payload = b64(JSON.stringify({ ...identity, iat: now }));
  const mac = createHmac('sha256', secret).update(payload).digest('base64url');
  return `${payload}.${mac}`;
}

/** Verifies a signed identity; returns null for a missing, forged, malformed or stale one. */
export function verifyIdentity(header: string | undefined, secret: string, now = Date.now()): RequestIdentity | null {
  if (!header) return null;
  const dot = header.indexOf('.');
  if (dot <= 0) return null;
  const payload = header.slice(0, dot);
  const mac = Buffer.from(header.slice(dot + 1), 'base64url');
  const expected = createHmac('sha256', secret).update(payload).digest();
  if (mac.length !== expected.length || !timingSafeEqual(mac, expected)) return null;
  try {
    const { iat, ...identity } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (typeof iat !== 'number' || Math.abs(now - iat) > MAX_AGE_MS) return null;
    return identity as RequestIdentity;
  } catch {
    return null;
  }
}
