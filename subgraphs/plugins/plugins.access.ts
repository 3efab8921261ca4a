import type { AuthContext } from '../common/auth-context.js';
import { requireAuth } from '../common/context.js';
import { ForbiddenError } from '../common/errors.js';
import type { SubgraphContext } from '../common/subgraph.types.js';

/**
 * "Admin" for plugin routes (StudioBrain marks install/enable/disable/update/uninstall/backup/settings as admin):
 * a platform administrator, or the owner or an admin of the caller's active tenant. Plugins are installed per
 * tenant, so a tenant's own admins manage its plugins; a BrainDrive user owns their personal tenant and may
 * install there, as in BrainDrive.
 */
export function requirePluginAdmin(ctx: SubgraphContext): AuthContext {
  const auth = requireAuth(ctx);
  if (auth.isAdmin || auth.role === 'owner' || auth.role === 'admin') return auth;
  throw new ForbiddenError('Admin required');
}
