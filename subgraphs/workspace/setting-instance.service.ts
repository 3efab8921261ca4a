import type { FilterQuery } from '@mikro-orm/core';
import type { AuthContext } from '../common/auth-context.js';
import { requireAuth } from '../common/context.js';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../common/errors.js';
import { normalizeUuid } from '../common/ids.js';
import type { Page } from '../common/paginated.js';
import { offsetPage } from '../common/pagination.js';
import type { SubgraphContext } from '../common/subgraph.types.js';
import { SettingDefinition } from './setting-definition.entity.js';
import { isKeyDefinitionId } from './setting-definition.service.js';
import { SETTING_SCOPES, SettingInstance, type SettingScope } from './setting-instance.entity.js';
import type { SettingInstanceInput, SettingInstancePatch, SettingInstancesArgs } from './settings.inputs.js';
import type { SettingsLoaders } from './settings.loaders.js';
import { checkActingUser, checkPageId, checkPluginValue, checkScope, SETTINGS_MAX_LIMIT } from './settings.rules.js';
import { keepMaskedSecrets, openSecrets, sealSecrets } from './settings.secrets.js';

type Ctx = SubgraphContext<SettingsLoaders>;

const SYSTEM_ADMIN_ONLY = 'Admin privileges required for system settings';

/** What an upsert writes; the services above this one (provider keys, StudioBrain settings) build it too. */
export interface InstanceWrite {
  definitionId: string;
  name: string;
  value?: unknown;
  scope: string;
  userId?: string | null;
  pageId?: string | null;
}

/**
 * Setting instances. A caller sees the system instances and their own; others' are "not found". System instances
 * are written by platform admins only. Values of secret definitions are stored sealed (settings.secrets.ts).
 */
export class SettingInstanceService {
  constructor(private readonly ctx: Ctx) {}

  async list(args: SettingInstancesArgs): Promise<Page<SettingInstance>> {
    const auth = requireAuth(this.ctx);
    const { offset, limit } = offsetPage(args, 100, SETTINGS_MAX_LIMIT);
    const where: FilterQuery<SettingInstance>[] = [this.visibleTo(auth)];
    const scope = args.scope != null ? checkScope(args.scope) : undefined;
    const userId = args.userId != null ? checkActingUser(auth, args.userId) : undefined;
    if (args.definitionId != null) where.push({ definitionId: args.definitionId });
    if (scope) where.push({ scope });
    // A system instance belongs to nobody: the web client asks for `scope=system&user_id=current` and must get them.
    if (userId && scope !== 'system') where.push({ userId });
    if (args.pageId != null) where.push({ pageId: checkPageId(args.pageId) });
    const [items, total] = await this.ctx.em.findAndCount(
      SettingInstance,
      { $and: where },
      { orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }], offset, limit },
    );
    return { items, total, offset, limit };
  }

  /** A user's own instances (User.settings); anyone else's list is empty, so users can't be probed. */
  async listOfUser(userId: string, args: { definitionId?: string | null; offset?: number | null; limit?: number | null }) {
    const auth = requireAuth(this.ctx);
    if (normalizeUuid(userId) !== auth.userId) {
      const { offset, limit } = offsetPage(args, 100, SETTINGS_MAX_LIMIT);
      return { items: [], total: 0, offset, limit };
    }
    return this.list({ ...args, userId: auth.userId });
  }

  async get(id: string): Promise<SettingInstance> {
    return this.visible(requireAuth(this.ctx), id);
  }

  /**
   * Saves a value at (definition, scope, user, page): creates it, or updates the one already there. A definition
   * that does not exist yet is created (clients rely on it).
   */
  async upsert(input: InstanceWrite): Promise<SettingInstance> {
    const auth = requireAuth(this.ctx);
    const scope = checkScope(input.scope);
    if (scope === 'system' && !auth.isAdmin) throw new ForbiddenError(SYSTEM_ADMIN_ONLY);
    const userId = scope === 'system' ? null : checkActingUser(auth, input.userId);
    const pageId = scope === 'page' || scope === 'user_page' ? this.requiredPage(input.pageId, scope) : null;
    const name = checkName(input.name);
    if (!input.definitionId || input.definitionId.length > 200) throw new BadUserInputError('definition_id must be 1–200 characters', 'definition_id');
    const value = input.value === undefined ? null : input.value;

    const definition = await this.definitionFor(input.definitionId, name, value);
    if (!definition.allowedScopes.includes(scope)) {
      throw new BadUserInputError(
        `Scope ${scope} is not allowed for setting ${definition.id} (allowed: ${definition.allowedScopes.join(', ')})`,
        'scope',
      );
    }
    checkPluginValue(definition, value);
    const stored = definition.isSecret ? await this.storedValue({ definitionId: definition.id, scope, userId, pageId }) : null;
    const rows = await this.ctx.em.execute<Record<string, unknown>[]>(
      `insert into workspace.setting_instances (id, definition_id, name, value, scope, user_id, page_id)
       values (gen_random_uuid(), ?, ?, ?::jsonb, ?, ?, ?)
       on conflict on constraint setting_instances_upsert_key
       do update set name = excluded.name, value = excluded.value, updated_at = now()
       returning *`,
      [definition.id, name, JSON.stringify(this.toStored(definition, value, stored)), scope, userId, pageId],
    );
    return this.ctx.em.map(SettingInstance, rows[0]);
  }

  async update(id: string, patch: SettingInstancePatch): Promise<SettingInstance> {
    const auth = requireAuth(this.ctx);
    const instance = await this.visible(auth, id);
    if (instance.scope === 'system' && !auth.isAdmin) throw new ForbiddenError(SYSTEM_ADMIN_ONLY);
    if (patch.userId != null) checkActingUser(auth, patch.userId);
    if (patch.name != null) instance.name = checkName(patch.name);
    if (patch.value !== undefined) {
      const definition = await this.ctx.em.findOneOrFail(SettingDefinition, { id: instance.definitionId });
      checkPluginValue(definition, patch.value);
      const stored = definition.isSecret ? openSecrets(this.ctx.deps.secretBox, instance.value) : null;
      instance.value = this.toStored(definition, patch.value, stored);
    }
    await this.ctx.em.flush();
    return instance;
  }

  async delete(id: string): Promise<string> {
    const auth = requireAuth(this.ctx);
    const instance = await this.visible(auth, id);
    if (instance.scope === 'system' && !auth.isAdmin) throw new ForbiddenError(SYSTEM_ADMIN_ONLY);
    await this.ctx.em.remove(instance).flush();
    return instance.id;
  }

  /** The instance at an upsert key, opened; null when there is none. */
  async storedValue(key: { definitionId: string; scope: SettingScope; userId: string | null; pageId: string | null }): Promise<unknown> {
    const existing = await this.ctx.em.findOne(SettingInstance, key);
    return existing ? openSecrets(this.ctx.deps.secretBox, existing.value) : null;
  }

  private toStored(definition: SettingDefinition, value: unknown, storedClear: unknown): unknown {
    if (!definition.isSecret) return value;
    return sealSecrets(this.ctx.deps.secretBox, keepMaskedSecrets(value, storedClear));
  }

  private visibleTo(auth: AuthContext): FilterQuery<SettingInstance> {
    return { $or: [{ scope: 'system' }, { userId: auth.userId }] };
  }

  private async visible(auth: AuthContext, id: string): Promise<SettingInstance> {
    const instanceId = normalizeUuid(id);
    const instance = instanceId ? await this.ctx.em.findOne(SettingInstance, { $and: [{ id: instanceId }, this.visibleTo(auth)] }) : null;
    if (!instance) throw new NotFoundError(`Setting instance ${id} not found`);
    return instance;
  }

  private requiredPage(pageId: string | null | undefined, scope: SettingScope): string {
    if (pageId == null || pageId === '') throw new BadUserInputError(`page_id is required for scope ${scope}`, 'page_id');
    return checkPageId(pageId);
  }

  /** The definition, created as BrainDrive does when it does not exist: every scope, the value as its default. */
  private async definitionFor(id: string, name: string, value: unknown): Promise<SettingDefinition> {
    const found = await this.ctx.em.findOne(SettingDefinition, { id });
    if (found) return found;
    const secret = isKeyDefinitionId(id);
    await this.ctx.em.execute(
      `insert into workspace.setting_definitions (id, name, description, category, type, default_value, allowed_scopes, tags, is_secret)
       values (?, ?, ?, 'auto_generated', ?, ?::jsonb, ?::jsonb, '["auto_generated"]'::jsonb, ?)
       on conflict (id) do nothing`,
      [
        id,
        name,
        `Auto-generated definition for ${name}`,
        jsonType(value),
        // A key must never become a default every user can read.
        JSON.stringify(secret ? null : value),
        JSON.stringify(SETTING_SCOPES),
        secret,
      ],
    );
    return this.ctx.em.findOneOrFail(SettingDefinition, { id });
  }
}

function checkName(name: string): string {
  if (name.length < 1 || name.length > 200) throw new BadUserInputError('name must be 1–200 characters', 'name');
  return name;
}

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'object';
  return typeof value === 'object' ? 'object' : typeof value;
}
