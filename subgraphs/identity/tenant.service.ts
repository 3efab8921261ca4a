import { randomUUID } from 'node:crypto';
import { requireAdmin } from '../common/context.js';
import { BadUserInputError, NotFoundError } from '../common/errors.js';
import { normalizeUuid } from '../common/ids.js';
import type { SubgraphContext } from '../common/subgraph.types.js';
import type { IdentityLoaders } from './identity.loaders.js';
import { MembershipService } from './membership.service.js';
import { Role } from './role.entity.js';
import { Tenant } from './tenant.entity.js';
import { User } from './user.entity.js';

type Ctx = SubgraphContext<IdentityLoaders>;

/** Largest settings object a tenant keeps (serialised), so it stays a small preferences bag. */
const MAX_SETTINGS_BYTES = 16 * 1024;

/** Tenants: the caller's active one (read by members, edited by owners and admins) and creation by platform admins. */
export class TenantService {
  constructor(private readonly ctx: Ctx) {}

  async current(): Promise<Tenant> {
    const { auth } = await new MembershipService(this.ctx).member();
    return this.load(auth.tenantId);
  }

  /**
   * Renames the active tenant and/or merges `settings` into its settings: keys sent replace the stored ones, a key
   * sent as null is removed, keys not sent stay.
   */
  async updateCurrent(name?: string | null, settings?: unknown): Promise<Tenant> {
    const caller = await new MembershipService(this.ctx).tenantAdmin();
    const tenant = await this.load(caller.auth.tenantId);
    if (name != null) tenant.name = checkTenantName(name);
    if (settings != null) {
      if (typeof settings !== 'object' || Array.isArray(settings)) throw new BadUserInputError('settings must be an object', 'settings');
      const merged: Record<string, unknown> = { ...tenant.settings };
      for (const [k, v] of Object.entries(settings)) {
        if (v === null) delete merged[k];
        else merged[k] = v;
      }
      if (Buffer.byteLength(JSON.stringify(merged)) > MAX_SETTINGS_BYTES) {
        throw new BadUserInputError(`settings must be at most ${MAX_SETTINGS_BYTES} bytes of JSON`, 'settings');
      }
      tenant.settings = merged;
    }
    await this.ctx.em.flush();
    return tenant;
  }

  /** Platform admins create tenants; the owner is `ownerId` when given, else the admin. */
  async create(name: string, ownerId?: string | null): Promise<Tenant> {
    const auth = requireAdmin(this.ctx);
    const tenantName = checkTenantName(name);
    let owner = auth.userId;
    if (ownerId != null) {
      const id = normalizeUuid(ownerId);
      const user = id ? await this.ctx.em.findOne(User, { id }) : null;
      if (!user || !user.isActive) throw new NotFoundError('Owner user not found');
      owner = user.id;
    }
    return this.ctx.em.transactional(async (em) => {
      const tenant = em.create(Tenant, { id: randomUUID(), name: tenantName, personal: false });
      await em.flush();
      em.create(Role, { userId: owner, tenantId: tenant.id, name: 'owner' });
      await em.flush();
      return tenant;
    });
  }

  private async load(id: string): Promise<Tenant> {
    const tenant = await this.ctx.em.findOne(Tenant, { id });
    if (!tenant) throw new NotFoundError('Tenant not found');
    return tenant;
  }
}

export function checkTenantName(name: string): string {
  const n = name.trim();
  if (!n) throw new BadUserInputError('Tenant name must not be empty', 'name');
  if (n.length > 200) throw new BadUserInputError('Tenant name must be at most 200 characters', 'name');
  return n;
}
