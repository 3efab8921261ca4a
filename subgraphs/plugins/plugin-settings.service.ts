import { requireAuth } from '../common/context.js';
import { BadUserInputError } from '../common/errors.js';
import type { SubgraphContext } from '../common/subgraph.types.js';
import { PluginUserSettingDocument, SetPluginUserSettingDocument } from '../../schema/generated/internal-operations.js';
import type { PluginManifest } from './plugin-manifest.js';
import { configFieldsOf, isMissingDefinition, syncSettingDefinitions } from './plugin-setting-definitions.js';
import { PluginSetting } from './plugin-setting.entity.js';
import type { Plugin } from './plugin.entity.js';
import { requirePluginAdmin } from './plugins.access.js';
import { PluginsService } from './plugins.service.js';
import type { PluginSettings } from './plugins.types.js';

/**
 * A plugin's config fields (declared by its modules' `configFields`) and their values: defaults from the manifest,
 * overridden tenant-wide by an admin, then per user by the user. Only declared fields may be set.
 *
 * Tenant-wide values are rows of plugins.plugin_settings (workspace has no tenant scope). A user's own values are
 * their `user` instance of the plugin's workspace definition (plugin-setting-definitions.ts), read and written
 * through workspace's internal operations, so this route and BrainDrive's `/api/v1/settings/instances` share them;
 * being user-scoped, they follow the user into every tenant that has the plugin. Per-user rows this table held
 * before are moved to workspace the first time they are read (this subgraph can't write workspace's tables).
 */
export class PluginSettingsService {
  constructor(private readonly ctx: SubgraphContext) {}

  async get(idOrSlug: string, scope: 'tenant' | 'user'): Promise<PluginSettings> {
    const auth = requireAuth(this.ctx);
    const plugin = await new PluginsService(this.ctx).find(idOrSlug);
    return this.answer(plugin, scope, scope === 'user' ? await this.readMine(plugin, auth.userId) : {});
  }

  /** Replaces the tenant-wide values (admin) or the caller's own overrides. */
  async put(idOrSlug: string, scope: 'tenant' | 'user', values: Record<string, unknown>): Promise<PluginSettings> {
    const auth = scope === 'tenant' ? requirePluginAdmin(this.ctx) : requireAuth(this.ctx);
    const plugin = await new PluginsService(this.ctx).find(idOrSlug);
    if (!values || typeof values !== 'object' || Array.isArray(values)) throw new BadUserInputError('Settings are a JSON object', 'settings');
    const fields = fieldsOf(plugin);
    const unknown = Object.keys(values).filter((k) => !Object.hasOwn(fields, k));
    if (unknown.length) throw new BadUserInputError(`Unknown setting${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; declared: ${Object.keys(fields).sort().join(', ') || 'none'}`, 'settings');
    if (scope === 'tenant') {
      const row = (await this.ctx.em.findOne(PluginSetting, { pluginId: plugin.id, userId: null })) ?? this.ctx.em.create(PluginSetting, { pluginId: plugin.id, userId: null });
      row.values = values;
      await this.ctx.em.flush();
      return this.answer(plugin, scope, {});
    }
    const mine = await this.writeMine(plugin, auth.userId, values);
    // An old row left here would be carried back over these values at the next read.
    await this.ctx.em.nativeDelete(PluginSetting, { pluginId: plugin.id, userId: auth.userId });
    return this.answer(plugin, scope, mine);
  }

  private async answer(plugin: Plugin, scope: 'tenant' | 'user', mine: Record<string, unknown>): Promise<PluginSettings> {
    const fields = fieldsOf(plugin);
    const defaults = Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, (f as { default?: unknown })?.default ?? null]));
    const tenant = (await this.ctx.em.findOne(PluginSetting, { pluginId: plugin.id, userId: null }))?.values ?? {};
    const values = scope === 'tenant' ? tenant : mine;
    const effective = scope === 'tenant' ? { ...defaults, ...tenant } : { ...defaults, ...tenant, ...mine };
    return { pluginId: plugin.id, scope, values, effective, fields };
  }

  /**
   * The caller's own values. A row of theirs still in plugins.plugin_settings is moved to workspace first: its
   * declared fields are added under what workspace already holds (values saved there since win), then it is deleted.
   * Undeclared keys are not carried: workspace refuses them, and they had no effect.
   */
  private async readMine(plugin: Plugin, userId: string): Promise<Record<string, unknown>> {
    const { pluginUserSetting } = await this.viaWorkspace(plugin, () =>
      this.ctx.deps.internal.request('workspace', PluginUserSettingDocument, { slug: plugin.slug, userId }),
    );
    const current = asObject(pluginUserSetting.value);
    const old = await this.ctx.em.findOne(PluginSetting, { pluginId: plugin.id, userId });
    if (!old) return current;
    const declared = fieldsOf(plugin);
    const carried = Object.entries(old.values).filter(([k]) => Object.hasOwn(declared, k) && !Object.hasOwn(current, k));
    const mine = carried.length ? await this.writeMine(plugin, userId, { ...Object.fromEntries(carried), ...current }) : current;
    await this.ctx.em.nativeDelete(PluginSetting, { id: old.id });
    return mine;
  }

  private async writeMine(plugin: Plugin, userId: string, values: Record<string, unknown>): Promise<Record<string, unknown>> {
    const { setPluginUserSetting } = await this.viaWorkspace(plugin, () =>
      this.ctx.deps.internal.request('workspace', SetPluginUserSettingDocument, { slug: plugin.slug, userId, value: values }),
    );
    return asObject(setPluginUserSetting.value);
  }

  /**
   * Runs a workspace operation; when the plugin's definition is missing (installed before definitions were synced,
   * or raced the last tenant's uninstall) it is synced and the operation run again. That sync is strict: a
   * definition an admin made by hand under the same id is answered as workspace's 409.
   */
  private async viaWorkspace<T>(plugin: Plugin, op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (e) {
      if (!isMissingDefinition(e)) throw e;
      await syncSettingDefinitions(this.ctx, plugin.manifest as unknown as PluginManifest, { strict: true });
      return op();
    }
  }
}

const asObject = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** Every config field the plugin's modules declare, by name (a later module's declaration of a name wins). */
export function fieldsOf(plugin: Plugin): Record<string, unknown> {
  return configFieldsOf(plugin.manifest as unknown as PluginManifest);
}
