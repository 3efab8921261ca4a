import type { AuthContext } from './auth-context.js';
import { ForbiddenError, UnauthenticatedError } from './errors.js';
import type { SubgraphContext } from './subgraph.types.js';

/** The caller, or UNAUTHENTICATED with the reason the edge found (`Invalid token`, `Token has expired`). */
export function requireAuth(ctx: SubgraphContext): AuthContext {
  const { auth, authError } = ctx.identity;
  if (auth) return auth;
  throw new UnauthenticatedError(authError ?? 'Not authenticated', authError ? 'invalid_credentials' : 'missing_credentials');
}

/** The caller, who must be a platform administrator. */
export function requireAdmin(ctx: SubgraphContext): AuthContext {
  const auth = requireAuth(ctx);
  if (!auth.isAdmin) throw new ForbiddenError('Admin required');
  return auth;
}

/** Internal operations answer only the internal client (DESIGN §2). */
export function requireInternal(ctx: SubgraphContext): void {
  if (!ctx.identity.internal) throw new ForbiddenError('Internal operation');
}
