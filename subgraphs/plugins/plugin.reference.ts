import type { Plugin } from './plugin.entity.js';
import type { PluginsContext } from './plugins.loaders.js';

/** Other subgraphs may refer to a plugin; only its own tenant sees it. */
export async function resolvePluginReference(ref: Pick<Plugin, 'id'>, ctx: PluginsContext) {
  const plugin = await ctx.loaders.pluginById.load(ref.id);
  return plugin && plugin.tenantId === ctx.identity.auth?.tenantId ? plugin : null;
}
