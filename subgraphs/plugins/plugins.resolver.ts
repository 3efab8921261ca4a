import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Plugin } from './plugin.entity.js';
import { PluginModule } from './plugin-module.entity.js';
import { InstallPluginInput, PluginsArgs } from './plugins.inputs.js';
import type { PluginsContext } from './plugins.loaders.js';
import { PluginsService } from './plugins.service.js';
import { declares } from './service-control.js';
import { AvailablePlugin, PluginActionResult, PluginAsset, PluginInstallResult, PluginModulePage, PluginPage, PluginService, PluginUpdateInfo } from './plugins.types.js';

@Resolver(() => Plugin)
export class PluginsResolver {
  @Query(() => PluginPage, { description: "The tenant's installed plugins, by name; search, category and tags filter." })
  plugins(@Args(() => PluginsArgs) args: PluginsArgs, @Ctx() ctx: PluginsContext): Promise<PluginPage> {
    return new PluginsService(ctx).list(args);
  }

  @Query(() => PluginModulePage, { description: "The tenant's modules across its plugins, by name; search, category and tags filter." })
  pluginModules(@Args(() => PluginsArgs) args: PluginsArgs, @Ctx() ctx: PluginsContext): Promise<PluginModulePage> {
    return new PluginsService(ctx).modulesPage(args);
  }

  @Query(() => Plugin, { description: 'By id (with or without dashes) or slug.' })
  plugin(@Arg('id', () => String) id: string, @Ctx() ctx: PluginsContext): Promise<Plugin> {
    return new PluginsService(ctx).find(id);
  }

  @Query(() => PluginModule)
  pluginModule(@Arg('pluginId', () => String) pluginId: string, @Arg('moduleId', () => String) moduleId: string, @Ctx() ctx: PluginsContext): Promise<PluginModule> {
    return new PluginsService(ctx).module(pluginId, moduleId);
  }

  @Query(() => [String])
  pluginCategories(@Ctx() ctx: PluginsContext): Promise<string[]> {
    return new PluginsService(ctx).categories();
  }

  @Query(() => [String])
  pluginTags(@Ctx() ctx: PluginsContext): Promise<string[]> {
    return new PluginsService(ctx).tags();
  }

  @Query(() => [AvailablePlugin], { description: 'The marketplace catalogue, with what the tenant has installed.' })
  availablePlugins(@Ctx() ctx: PluginsContext): Promise<AvailablePlugin[]> {
    return new PluginsService(ctx).available();
  }

  @Query(() => [PluginUpdateInfo], { description: 'Installed plugins against the catalogue; one plugin when `plugin` is given.' })
  pluginUpdates(@Arg('plugin', () => String, { nullable: true }) plugin: string | null, @Ctx() ctx: PluginsContext): Promise<PluginUpdateInfo[]> {
    return new PluginsService(ctx).updates(plugin);
  }

  @Query(() => PluginAsset, { description: 'A file of an enabled plugin (public: bundles load as scripts).' })
  pluginAsset(@Arg('pluginId', () => String) pluginId: string, @Arg('path', () => String) path: string, @Ctx() ctx: PluginsContext): Promise<PluginAsset> {
    return new PluginsService(ctx).asset(pluginId, path);
  }

  @Mutation(() => PluginInstallResult, { description: 'All or nothing; unknown methods are refused naming the supported ones.' })
  installPlugin(@Arg('input', () => InstallPluginInput) input: InstallPluginInput, @Ctx() ctx: PluginsContext): Promise<PluginInstallResult> {
    return new PluginsService(ctx).install(input);
  }

  @Mutation(() => PluginInstallResult, { description: 'From the given package, or from the marketplace when none is given.' })
  updatePlugin(
    @Arg('id', () => String) id: string,
    @Arg('input', () => InstallPluginInput, { nullable: true }) input: InstallPluginInput | null,
    @Ctx() ctx: PluginsContext,
  ): Promise<PluginInstallResult> {
    return new PluginsService(ctx).update(id, input);
  }

  @Mutation(() => Plugin, { description: 'Removes rows and files; answers the plugin as it was.' })
  uninstallPlugin(@Arg('id', () => String) id: string, @Ctx() ctx: PluginsContext): Promise<Plugin> {
    return new PluginsService(ctx).uninstall(id);
  }

  @Mutation(() => Plugin)
  setPluginEnabled(@Arg('id', () => String) id: string, @Arg('enabled', () => Boolean) enabled: boolean, @Ctx() ctx: PluginsContext): Promise<Plugin> {
    return new PluginsService(ctx).setEnabled(id, enabled);
  }

  @Mutation(() => PluginModule)
  setPluginModuleEnabled(
    @Arg('pluginId', () => String) pluginId: string,
    @Arg('moduleId', () => String) moduleId: string,
    @Arg('enabled', () => Boolean) enabled: boolean,
    @Ctx() ctx: PluginsContext,
  ): Promise<PluginModule> {
    return new PluginsService(ctx).setModuleEnabled(pluginId, moduleId, enabled);
  }

  @Mutation(() => PluginInstallResult, { description: "Re-reads an installed plugin's plugin.json into its rows." })
  registerPlugin(@Arg('id', () => String) id: string, @Ctx() ctx: PluginsContext): Promise<PluginInstallResult> {
    return new PluginsService(ctx).register(id);
  }

  @Mutation(() => Int, { description: 'Every installed plugin re-read from disk; answers how many.' })
  refreshPluginCache(@Ctx() ctx: PluginsContext): Promise<number> {
    return new PluginsService(ctx).refreshCache();
  }

  @Mutation(() => PluginActionResult, { description: "A fresh process for the plugin's backend service; answers once it runs." })
  restartPluginService(@Arg('id', () => String) id: string, @Ctx() ctx: PluginsContext): Promise<PluginActionResult> {
    return new PluginsService(ctx).restartService(id);
  }

  @FieldResolver(() => [PluginModule])
  modules(@Root() plugin: Plugin, @Ctx() ctx: PluginsContext): Promise<PluginModule[]> {
    return ctx.loaders.modulesByPlugin.load(plugin.id);
  }

  @FieldResolver(() => PluginService, { nullable: true, description: 'Its backend service, when its manifest declares one.' })
  async service(@Root() plugin: Plugin, @Ctx() ctx: PluginsContext): Promise<PluginService | null> {
    if (!declares(plugin)) return null;
    return (await ctx.loaders.servicesByPlugin.load(plugin.id))[0] ?? null;
  }

  @FieldResolver(() => String, { description: "The bundle's path inside the package (manifest `bundle.entry`)." })
  bundleLocation(@Root() plugin: Plugin): string {
    return String((plugin.manifest.bundle as { entry?: string } | undefined)?.entry ?? '');
  }
}
