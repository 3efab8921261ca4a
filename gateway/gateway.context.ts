import type { RequestIdentity } from '../subgraphs/common/auth-context.js';

/** What the gateway knows of a request once it has authenticated it. */
export interface GatewayContext {
  identity: RequestIdentity;
  /**
   * True when the operation comes from rest-compat in this process, which has already applied the REST rate limits
   * for the route; counting it again here would halve them.
   */
  preLimited?: boolean;
}
