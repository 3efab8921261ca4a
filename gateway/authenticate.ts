import { parse, type DocumentNode } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { AuthContext, RequestIdentity } from '../subgraphs/common/auth-context.js';
import type { InternalClient } from '../subgraphs/common/internal-client.js';
import { TokenError, type JwtService } from '../subgraphs/common/jwt.js';

interface Principal {
  keyId: string;
  userId: string;
  tenantId: string;
  role: string;
  isAdmin: boolean;
}

const AUTHENTICATE_API_KEY = parse(
  'query AuthenticateApiKey($key: String!) { authenticateApiKey(key: $key) { keyId userId tenantId role isAdmin } }',
) as DocumentNode as TypedDocumentNode<{ authenticateApiKey: Principal | null }, { key: string }>;

/** The credentials a request carries, in the order they win (DESIGN §5). */
export interface Credentials {
  apiKey?: string;
  accessToken?: string;
}

/** Reads credentials from lower-cased headers and parsed cookies; no verification. */
export function readCredentials(headers: Record<string, string | string[] | undefined>, cookies: Record<string, string>): Credentials {
  const header = (name: string) => {
    const v = headers[name];
    return (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
  };
  const apiKey = header('x-api-key') ?? header('x-bg-api-key');
  if (apiKey) return { apiKey };
  const authorization = header('authorization');
  if (authorization) {
    const [scheme, value] = authorization.split(/\s+/, 2);
    if (scheme?.toLowerCase() === 'bearer' && value) return value.startsWith('bg_') ? { apiKey: value } : { accessToken: value };
  }
  if (cookies.access_token) return { accessToken: cookies.access_token };
  return {};
}

/** Parses a Cookie header into a map (first value of a name wins, as browsers send the most specific first). */
export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (name in out) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      out[name] = decodeURIComponent(value);
    } catch {
      out[name] = value;
    }
  }
  return out;
}

/**
 * Turns credentials into the identity every subgraph receives, once per request at the edge. JWTs are checked
 * here (no I/O); API keys are resolved by identity's internal operation.
 */
export class Authenticator {
  constructor(
    private readonly jwt: JwtService,
    private readonly internal: InternalClient,
  ) {}

  async authenticate(credentials: Credentials): Promise<RequestIdentity> {
    if (credentials.apiKey) {
      const { authenticateApiKey: p } = await this.internal.request('identity', AUTHENTICATE_API_KEY, { key: credentials.apiKey });
      if (!p) return { auth: null, authError: 'Invalid API key' };
      const auth: AuthContext = {
        userId: p.userId,
        tenantId: p.tenantId,
        role: p.role,
        isAdmin: p.isAdmin,
        scopes: [],
        via: 'api_key',
        apiKeyId: p.keyId,
      };
      return { auth };
    }
    if (credentials.accessToken) {
      try {
        const c = await this.jwt.verifyAccess(credentials.accessToken);
        return { auth: { userId: c.sub, tenantId: c.tid, role: c.role, isAdmin: c.adm, scopes: [], via: 'jwt', sessionId: c.sid } };
      } catch (e) {
        return { auth: null, authError: e instanceof TokenError ? e.message : 'Invalid token' };
      }
    }
    return { auth: null };
  }

  /** {@link identify} from raw request headers (rest-compat's per-user limits). */
  identifyHeaders(headers: Record<string, string | string[] | undefined>): Promise<string | null> {
    const cookie = headers.cookie;
    return this.identify(readCredentials(headers, parseCookies(Array.isArray(cookie) ? cookie.join('; ') : cookie)));
  }

  /**
   * A cheap caller id for per-user rate limits, without I/O: the verified JWT subject, or the API key's hash
   * prefix (the key is random, so its prefix identifies it without a lookup).
   */
  async identify(credentials: Credentials): Promise<string | null> {
    if (credentials.apiKey) return `key:${credentials.apiKey.slice(0, 24)}`;
    if (!credentials.accessToken) return null;
    try {
      return `user:${(await this.jwt.verifyAccess(credentials.accessToken)).sub}`;
    } catch {
      return null;
    }
  }
}
