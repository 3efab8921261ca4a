import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { NotFoundError } from '../common/errors.js';
import { PluginModule } from './plugin-module.entity.js';
import { Plugin } from './plugin.entity.js';
import type { PluginsContext } from './plugins.loaders.js';

@Resolver(() => PluginModule)
export class PluginModuleResolver {
  @FieldResolver(() => Plugin, { description: 'The plugin that offers it (batched: one query per list).' })
  async plugin(@Root() mod: PluginModule, @Ctx() ctx: PluginsContext): Promise<Plugin> {
    const plugin = await ctx.loaders.pluginById.load(mod.pluginId);
    // Modules are only reached through the caller's own plugins; this guards the field all the same.
    if (!plugin || plugin.tenantId !== ctx.identity.auth?.tenantId) throw new NotFoundError('Plugin not found');
    return plugin;
  }
}
