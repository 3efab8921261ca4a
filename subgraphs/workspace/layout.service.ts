import type { AuthContext } from '../common/auth-context.js';
import { requireAuth } from '../common/context.js';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../common/errors.js';
import type { SubgraphContext } from '../common/subgraph.types.js';
import { defaultLayout, ENTITY_TYPES, isEntityType, type EntityType } from './layout.defaults.js';
import { EntityLayoutOverride } from './layout.entity.js';
import type { EntityLayout } from './layout.types.js';

type Ctx = SubgraphContext<unknown>;

/** Roles of a tenant that may change its layouts. */
const EDITOR_ROLES = ['owner', 'admin'];

/**
 * StudioBrain layouts: built-in defaults plus a tenant's overrides. Reads need no sign-in (anonymous callers get the
 * defaults); writes need the tenant's owner or admin role.
 */
export class LayoutService {
  constructor(private readonly ctx: Ctx) {}

  async list(): Promise<EntityLayout[]> {
    const auth = this.ctx.identity.auth;
    const overrides = auth ? await this.ctx.em.find(EntityLayoutOverride, { tenantId: auth.tenantId }) : [];
    return ENTITY_TYPES.map((type) => this.answer(type, overrides.find((o) => o.entityType === type) ?? null));
  }

  async get(type: string): Promise<EntityLayout> {
    const entityType = checkType(type);
    const auth = this.ctx.identity.auth;
    const override = auth ? await this.ctx.em.findOne(EntityLayoutOverride, { tenantId: auth.tenantId, entityType }) : null;
    return this.answer(entityType, override);
  }

  async update(type: string, layout: unknown): Promise<EntityLayout> {
    const auth = this.editor();
    const entityType = checkType(type);
    if (typeof layout !== 'object' || layout === null || Array.isArray(layout)) {
      throw new BadUserInputError('layout must be a JSON object', 'layout');
    }
    const rows = await this.ctx.em.execute<Record<string, unknown>[]>(
      `insert into workspace.entity_layouts (id, tenant_id, entity_type, layout, updated_by)
       values (gen_random_uuid(), ?, ?, ?::jsonb, ?)
       on conflict (tenant_id, entity_type)
       do update set layout = excluded.layout, updated_by = excluded.updated_by, updated_at = now()
       returning *`,
      [auth.tenantId, entityType, JSON.stringify(layout), auth.userId],
    );
    return this.answer(entityType, this.ctx.em.map(EntityLayoutOverride, rows[0]));
  }

  /** Back to the built-in layout; resetting a type without an override is not an error. */
  async reset(type: string): Promise<EntityLayout> {
    const auth = this.editor();
    const entityType = checkType(type);
    await this.ctx.em.nativeDelete(EntityLayoutOverride, { tenantId: auth.tenantId, entityType });
    return this.answer(entityType, null);
  }

  /** Deletes the tenant's own layout; there must be one. Answers the built-in layout now in effect. */
  async delete(type: string): Promise<EntityLayout> {
    const auth = this.editor();
    const entityType = checkType(type);
    const deleted = await this.ctx.em.nativeDelete(EntityLayoutOverride, { tenantId: auth.tenantId, entityType });
    if (deleted === 0) throw new NotFoundError(`No custom layout for ${entityType}`);
    return this.answer(entityType, null);
  }

  private editor(): AuthContext {
    const auth = requireAuth(this.ctx);
    if (!auth.isAdmin && !EDITOR_ROLES.includes(auth.role)) throw new ForbiddenError('Tenant owner or admin required');
    return auth;
  }

  private answer(entityType: EntityType, override: EntityLayoutOverride | null): EntityLayout {
    return {
      entityType,
      layout: override?.layout ?? defaultLayout(entityType),
      isCustom: override !== null,
      tenantId: override?.tenantId ?? this.ctx.identity.auth?.tenantId ?? null,
      updatedAt: override?.updatedAt ?? null,
      updatedBy: override?.updatedBy ?? null,
    };
  }
}

function checkType(type: string): EntityType {
  if (!isEntityType(type)) throw new NotFoundError(`Unknown entity type: ${type}`);
  return type;
}
