import { Arg, Args, Ctx, Directive, Mutation, Query, Resolver } from 'type-graphql';
import { JSONResolver } from 'graphql-scalars';
import type { SubgraphContext } from '../common/subgraph.types.js';
import { PluginOwnedSettingsService } from './plugin-owned-settings.service.js';
import { SettingDefinition } from './setting-definition.entity.js';
import { PluginSettingDefinitionArgs, PluginUserSettingArgs } from './settings.inputs.js';
import type { SettingsLoaders } from './settings.loaders.js';
import { PluginUserSetting } from './settings.types.js';

type Context = SubgraphContext<SettingsLoaders>;

/** Internal operations for the plugins subgraph (DESIGN §2): hidden from the public graph. */
@Resolver()
export class PluginOwnedSettingsResolver {
  @Mutation(() => SettingDefinition, { description: "Internal: creates or refreshes a plugin's settings definition." })
  @Directive('@inaccessible')
  syncPluginSettingDefinition(@Args(() => PluginSettingDefinitionArgs) args: PluginSettingDefinitionArgs, @Ctx() ctx: Context) {
    return new PluginOwnedSettingsService(ctx).sync(args);
  }

  @Mutation(() => Boolean, { description: "Internal: removes a plugin's settings definition and every user's values of it." })
  @Directive('@inaccessible')
  dropPluginSettingDefinition(@Arg('slug', () => String) slug: string, @Ctx() ctx: Context): Promise<boolean> {
    return new PluginOwnedSettingsService(ctx).drop(slug);
  }

  @Query(() => PluginUserSetting, { description: "Internal: a user's own values of a plugin's settings." })
  @Directive('@inaccessible')
  pluginUserSetting(@Args(() => PluginUserSettingArgs) args: PluginUserSettingArgs, @Ctx() ctx: Context): Promise<PluginUserSetting> {
    return new PluginOwnedSettingsService(ctx).userValue(args);
  }

  @Mutation(() => PluginUserSetting, { description: "Internal: replaces a user's own values of a plugin's settings." })
  @Directive('@inaccessible')
  setPluginUserSetting(
    @Args(() => PluginUserSettingArgs) args: PluginUserSettingArgs,
    @Arg('value', () => JSONResolver) value: unknown,
    @Ctx() ctx: Context,
  ): Promise<PluginUserSetting> {
    return new PluginOwnedSettingsService(ctx).setUserValue(args, value);
  }
}
