import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuthContext } from '../common/auth-context.js';
import { requireAuth } from '../common/context.js';
import { BadUserInputError, ForbiddenError, UnauthenticatedError } from '../common/errors.js';
import type { SubgraphContext } from '../common/subgraph.types.js';
import type { IdentityLoaders } from './identity.loaders.js';
import { Role, roleRank, type TenantRole } from './role.entity.js';
import type { User } from './user.entity.js';

type Ctx = SubgraphContext<IdentityLoaders>;

/** Who is calling, as the database says now (a token's role may be up to one access lifetime old). */
export interface Caller {
  auth: AuthContext;
  user: User;
  /** The caller's role in their active tenant, or null when they no longer belong to it. */
  role: TenantRole | null;
  /** Platform administrator. */
  isAdmin: boolean;
}

export const LAST_OWNER = 'A tenant must keep at least one owner: make someone else owner first';

/**
 * Membership checks every tenant-scoped identity service shares. Roles are read from `identity.roles` on every call,
 * so a demoted or removed member loses their rights at once, not when their access token expires.
 */
export class MembershipService {
  constructor(private readonly ctx: Ctx) {}

  /** The signed-in, active caller and their current role in the active tenant. */
  async caller(): Promise<Caller> {
    const auth = requireAuth(this.ctx);
    const user = await this.ctx.loaders.userById.load(auth.userId);
    if (!user || !user.isActive) throw new UnauthenticatedError('User not found', 'invalid_credentials');
    const role = await this.roleOf(user.id, auth.tenantId);
    return { auth, user, role, isAdmin: user.isAdmin };
  }

  /** A member of the active tenant (any role). */
  async member(): Promise<Caller & { role: TenantRole }> {
    const caller = await this.caller();
    if (!caller.role) throw new ForbiddenError('You are not a member of this tenant');
    return caller as Caller & { role: TenantRole };
  }

  /** An owner or admin of the active tenant; a platform admin counts as one wherever they are. */
  async tenantAdmin(): Promise<Caller> {
    const caller = await this.caller();
    if (caller.isAdmin || roleRank(caller.role) >= roleRank('admin')) return caller;
    throw new ForbiddenError('Tenant owner or admin required');
  }

  /** How strong the caller acts in their tenant: a platform admin acts as an owner. */
  rankOf(caller: Caller): number {
    return caller.isAdmin ? roleRank('owner') : roleRank(caller.role);
  }

  /** Refuses to hand out a role stronger than the caller's own. */
  checkGrantable(caller: Caller, role: string, field = 'role'): TenantRole {
    const rank = roleRank(role);
    if (rank < 0) throw new BadUserInputError('role must be one of owner, admin, member, viewer', field);
    if (rank > this.rankOf(caller)) throw new ForbiddenError('You cannot grant a role higher than your own');
    return role as TenantRole;
  }

  async roleOf(userId: string, tenantId: string): Promise<TenantRole | null> {
    const roles = await this.ctx.loaders.rolesByUserId.load(userId);
    return roles.find((r) => r.tenantId === tenantId)?.name ?? null;
  }

  /**
   * Refuses a change that would leave `tenantId` without an owner. Locks the tenant's owner rows, so two admins
   * demoting two owners at once cannot both pass. Call it inside the transaction that makes the change.
   */
  async keepAnOwner(em: EntityManager, tenantId: string, leavingUserId: string): Promise<void> {
    const owners = await em.find(Role, { tenantId, name: 'owner' }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (owners.some((o) => o.userId === leavingUserId) && owners.length <= 1) throw new BadUserInputError(LAST_OWNER, 'role');
  }
}
