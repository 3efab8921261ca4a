import { ApiKey } from './api-key.entity.js';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../common/errors.js';
import { normalizeUuid } from '../common/ids.js';
import type { Page } from '../common/paginated.js';
import { offsetPage } from '../common/pagination.js';
import type { SubgraphContext } from '../common/subgraph.types.js';
import { checkPassword, hashPassword } from './credentials.js';
import type { UpdateMemberInput } from './identity.inputs.js';
import type { IdentityLoaders } from './identity.loaders.js';
import type { MemberRemoval } from './identity.types.js';
import { MembershipService, type Caller } from './membership.service.js';
import { Role, roleRank, type TenantRole } from './role.entity.js';
import { SessionService } from './session.service.js';
import { TeamMember } from './team-member.entity.js';
import { Team } from './team.entity.js';
import { User } from './user.entity.js';

type Ctx = SubgraphContext<IdentityLoaders>;

interface Target {
  user: User;
  /** The target's role in the caller's active tenant. */
  role: TenantRole | null;
}

/**
 * StudioBrain's user administration. A tenant's owners and admins see and manage the members of their active tenant
 * (anyone else is "not found"); a platform admin sees every account and may act on any. Admins manage only members
 * weaker than themselves; owners manage everyone in their tenant; a tenant always keeps one owner.
 */
export class MemberService {
  private readonly members: MembershipService;

  constructor(private readonly ctx: Ctx) {
    this.members = new MembershipService(ctx);
  }

  async list(args: { offset?: number | null; limit?: number | null; search?: string | null }): Promise<Page<User>> {
    const caller = await this.members.tenantAdmin();
    const { offset, limit } = offsetPage(args, 50, 200);
    const search = args.search?.trim() ? `%${args.search.trim().replace(/[\\%_]/g, '\\$&')}%` : null;
    const scoped = !caller.isAdmin;
    const from = `from identity.users u ${scoped ? 'join identity.roles r on r.user_id = u.id and r.tenant_id = ?' : ''}
      where (?::text is null or u.email ilike ? or u.username ilike ? or u.full_name ilike ?)`;
    const params = [...(scoped ? [caller.auth.tenantId] : []), search, search, search, search];
    const [count] = await this.ctx.em.execute<{ total: string }[]>(`select count(*) as total ${from}`, params);
    const rows = await this.ctx.em.execute<{ id: string }[]>(
      `select u.id ${from} order by u.created_at, u.id limit ? offset ?`,
      [...params, limit, offset],
    );
    const users = await this.ctx.loaders.userById.loadMany(rows.map((r) => r.id));
    return { items: users.filter((u): u is User => u instanceof User), total: Number(count.total), offset, limit };
  }

  async get(id: string): Promise<User> {
    const caller = await this.members.tenantAdmin();
    return (await this.target(caller, id)).user;
  }

  async update(id: string, input: UpdateMemberInput): Promise<User> {
    const caller = await this.members.tenantAdmin();
    const target = await this.target(caller, id);
    const { user } = target;
    if (input.fullName !== undefined || input.role != null) this.checkManageable(caller, target);
    // An account spans tenants (everyone also owns a personal one): a tenant's admins manage the membership, while
    // the account itself — its name here, its password below — is the user's own or a platform admin's to change.
    if (input.fullName !== undefined && !caller.isAdmin && user.id !== caller.user.id) {
      throw new ForbiddenError("Only the user or a platform admin can change an account's name; tenant admins manage roles");
    }
    if (input.fullName != null && input.fullName.length > 255) throw new BadUserInputError('full_name must be at most 255 characters', 'full_name');
    if (input.isActive != null && input.isActive !== user.isActive) {
      // An account spans tenants: only a platform admin switches it off or on; a tenant admin removes members instead.
      if (!caller.isAdmin) throw new ForbiddenError('Only a platform admin can deactivate or reactivate an account');
      if (user.id === caller.user.id) throw new BadUserInputError('You cannot deactivate your own account', 'is_active');
    }
    const tenantId = caller.auth.tenantId;
    if (input.role != null && input.role !== target.role) {
      if (!target.role) throw new BadUserInputError('User is not a member of this tenant', 'role');
      const role = this.members.checkGrantable(caller, input.role);
      await this.ctx.em.transactional(async (em) => {
        if (target.role === 'owner') await this.members.keepAnOwner(em, tenantId, user.id);
        await em.nativeUpdate(Role, { userId: user.id, tenantId }, { name: role });
      });
      // The answer's role must be the new one, not the one this request's loader already read.
      this.ctx.loaders.rolesByUserId.clear(user.id);
    }
    if (input.fullName !== undefined) user.fullName = input.fullName;
    if (input.isActive != null) user.isActive = input.isActive;
    await this.ctx.em.flush();
    if (input.isActive === false) await this.revokeAccess(user.id);
    return user;
  }

  /** A tenant admin removes the member from the tenant; a platform admin deactivates the account. Rows stay. */
  async remove(id: string): Promise<MemberRemoval> {
    const caller = await this.members.tenantAdmin();
    const target = await this.target(caller, id);
    const { user } = target;
    if (user.id === caller.user.id) throw new BadUserInputError('You cannot remove yourself', 'id');
    if (caller.isAdmin) {
      user.isActive = false;
      await this.ctx.em.flush();
      await this.revokeAccess(user.id);
      return { userId: user.id, tenantId: null, deactivated: true };
    }
    this.checkManageable(caller, target);
    const tenantId = caller.auth.tenantId;
    await this.ctx.em.transactional(async (em) => {
      if (target.role === 'owner') await this.members.keepAnOwner(em, tenantId, user.id);
      await em.nativeDelete(Role, { userId: user.id, tenantId });
      const teams = await em.find(Team, { tenantId }, { fields: ['id'] });
      if (teams.length) await em.nativeDelete(TeamMember, { userId: user.id, teamId: { $in: teams.map((t) => t.id) } });
      await em.nativeUpdate(User, { id: user.id, activeTenantId: tenantId }, { activeTenantId: null });
    });
    await this.revokeAccess(user.id, tenantId);
    return { userId: user.id, tenantId, deactivated: false };
  }

  /**
   * A platform admin sets someone's password; every session of theirs ends. A tenant's owner may not: the account
   * reaches the user's other tenants, so that would hand them the user's data there (users change their own with
   * set-password, or reset it by email).
   */
  async setPassword(id: string, newPassword: string): Promise<boolean> {
    const caller = await this.members.tenantAdmin();
    const target = await this.target(caller, id);
    if (!caller.isAdmin) throw new ForbiddenError("Only a platform admin can set another account's password");
    const passwordHash = await hashPassword(checkPassword(newPassword, 'new_password'));
    await this.ctx.em.nativeUpdate(User, { id: target.user.id }, { passwordHash });
    await new SessionService(this.ctx).revokeAll(target.user.id);
    return true;
  }

  /** The user the caller may see: a member of their tenant, or anyone for a platform admin; else "not found". */
  private async target(caller: Caller, id: string): Promise<Target> {
    const userId = normalizeUuid(id);
    const user = userId ? await this.ctx.loaders.userById.load(userId) : null;
    const role = user ? await this.members.roleOf(user.id, caller.auth.tenantId) : null;
    if (!user || (!caller.isAdmin && !role)) throw new NotFoundError('User not found');
    return { user, role };
  }

  private checkManageable(caller: Caller, target: Target) {
    if (caller.isAdmin || caller.role === 'owner' || target.user.id === caller.user.id) return;
    if (roleRank(target.role) >= roleRank(caller.role)) {
      throw new ForbiddenError('You cannot manage a member whose role is equal to or higher than yours');
    }
  }

  /** Ends the user's sessions and API keys: everywhere, or only those in one tenant. */
  private async revokeAccess(userId: string, tenantId?: string) {
    await new SessionService(this.ctx).revokeAll(userId, { tenantId });
    await this.ctx.em.nativeUpdate(ApiKey, { userId, revokedAt: null, ...(tenantId ? { tenantId } : {}) }, { revokedAt: new Date() });
  }
}
