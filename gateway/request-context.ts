import type { Authenticator } from './authenticate.js';
import { parseCookies, readCredentials } from './authenticate.js';
import type { GatewayContext } from './gateway.context.js';

/** The gateway's per-request context: the authenticated identity plus what the rate limits key on. */
export interface GatewayRequestContext extends GatewayContext {
  ip: string;
  /** Stable id of the caller for per-user limits, when authenticated. */
  callerId: string | null;
}

/** Authenticates once per request at the edge; shared by the HTTP endpoint and rest-compat's in-process calls. */
export async function buildRequestContext(
  authenticator: Authenticator,
  headers: Record<string, string | string[] | undefined>,
  ip: string,
  requestId?: string,
  preLimited = false,
): Promise<GatewayRequestContext> {
  const cookieHeader = headers.cookie;
  const cookies = parseCookies(Array.isArray(cookieHeader) ? cookieHeader.join('; ') : cookieHeader);
  const identity = await authenticator.authenticate(readCredentials(headers, cookies));
  identity.ip = ip;
  identity.requestId = requestId;
  const callerId = identity.auth ? `user:${identity.auth.userId}` : null;
  return { identity, ip, callerId, preLimited };
}
