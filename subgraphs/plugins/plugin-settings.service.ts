import { requireAuth } from '../common/context.js';
import { BadUserInputError } from '../common/errors.js';
import type { SubgraphContext } from '../common/subgraph.types.js';
import type { PluginManifest } from './plugin-manifest.js';
import { PluginSetting } from './plugin-setting.entity.js';
import type { Plugin } from './plugin.entity.js';
import { requirePluginAdmin } from './plugins.access.js';
import { PluginsService } from './plugins.service.js';
import type { PluginSettings } from './plugins.types.js';

/**
 * A plugin's config fields (declared by its modules' `configFields`) and their values: defaults from the manifest,
 * overridden tenant-wide by an admin, then per user by the user. Only declared fields may be set.
 */
export class PluginSettingsService {
  constructor(private readonly ctx: SubgraphContext) {}

  async get(idOrSlug: string, scope: 'tenant' | 'user'): Promise<PluginSettings> {
    const auth = requireAuth(this.ctx);
    const plugin = await new PluginsService(this.ctx).find(idOrSlug);
    return this.answer(plugin, scope, auth.userId);
  }

  /** Replaces the tenant-wide values (admin) or the caller's own overrides. */
  async put(idOrSlug: string, scope: 'tenant' | 'user', values: Record<string, unknown>): Promise<PluginSettings> {
    const auth = scope === 'tenant' ? requirePluginAdmin(this.ctx) : requireAuth(this.ctx);
    const plugin = await new PluginsService(this.ctx).find(idOrSlug);
    if (!values || typeof values !== 'object' || Array.isArray(values)) throw new BadUserInputError('Settings are a JSON object', 'settings');
    const fields = fieldsOf(plugin);
    const unknown = Object.keys(values).filter((k) => !(k in fields));
    if (unknown.length) throw new BadUserInputError(`Unknown setting${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; declared: ${Object.keys(fields).join(', ') || 'none'}`, 'settings');
    const userId = scope === 'tenant' ? null : auth.userId;
    const row = (await this.ctx.em.findOne(PluginSetting, { pluginId: plugin.id, userId })) ?? this.ctx.em.create(PluginSetting, { pluginId: plugin.id, userId });
    row.values = values;
    await this.ctx.em.flush();
    return this.answer(plugin, scope, auth.userId);
  }

  private async answer(plugin: Plugin, scope: 'tenant' | 'user', userId: string): Promise<PluginSettings> {
    const fields = fieldsOf(plugin);
    const defaults = Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, (f as { default?: unknown })?.default ?? null]));
    const rows = await this.ctx.em.find(PluginSetting, { pluginId: plugin.id, $or: [{ userId: null }, { userId }] });
    const tenant = rows.find((r) => r.userId === null)?.values ?? {};
    const mine = rows.find((r) => r.userId === userId)?.values ?? {};
    const values = scope === 'tenant' ? tenant : mine;
    const effective = scope === 'tenant' ? { ...defaults, ...tenant } : { ...defaults, ...tenant, ...mine };
    return { pluginId: plugin.id, scope, values, effective, fields };
  }
}

/** Every config field the plugin's modules declare, by name (a later module's declaration of a name wins). */
export function fieldsOf(plugin: Plugin): Record<string, unknown> {
  const m = plugin.manifest as unknown as PluginManifest;
  return Object.assign({}, ...m.modules.map((mod) => mod.configFields ?? {}));
}
