import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { JSONResolver } from 'graphql-scalars';
import type { SubgraphContext } from '../common/subgraph.types.js';
import { SettingPreferencesService } from './setting-preferences.service.js';
import type { SettingsLoaders } from './settings.loaders.js';

type Context = SubgraphContext<SettingsLoaders>;

@Resolver()
export class SettingPreferencesResolver {
  @Query(() => JSONResolver, { description: "The caller's StudioBrain settings object." })
  mySettings(@Ctx() ctx: Context): Promise<Record<string, unknown>> {
    return new SettingPreferencesService(ctx).get();
  }

  @Mutation(() => JSONResolver, { description: 'Merges keys into the caller\'s settings object (null removes a key); answers the result.' })
  updateMySettings(@Arg('settings', () => JSONResolver) settings: unknown, @Ctx() ctx: Context): Promise<Record<string, unknown>> {
    return new SettingPreferencesService(ctx).update(settings);
  }
}
