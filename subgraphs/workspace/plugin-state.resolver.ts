import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { normalizeUuid } from '../common/ids.js';
import { Page } from './page.entity.js';
import type { PagesContext } from './pages.loaders.js';
import { PluginState } from './plugin-state.entity.js';
import { CreatePluginStateInput, PluginStatesArgs, SyncPluginStatesInput, UpdatePluginStateInput } from './plugin-state.inputs.js';
import { PluginStateService } from './plugin-state.service.js';
import {
  PluginStateBulkResult,
  PluginStateCleanupResult,
  PluginStatePage,
  PluginStateStats,
  PluginStateSyncResult,
} from './plugin-state.types.js';
import { User, userRef } from './user.entity.js';

@Resolver(() => PluginState)
export class PluginStateResolver {
  @Query(() => PluginStatePage, { description: "The caller's plugin states, most recently used first." })
  pluginStates(@Args(() => PluginStatesArgs) args: PluginStatesArgs, @Ctx() ctx: PagesContext): Promise<PluginStatePage> {
    return new PluginStateService(ctx).list(args);
  }

  @Query(() => PluginState, { description: 'One of the caller\'s states; reading it counts as an access.' })
  pluginState(@Arg('id', () => ID) id: string, @Ctx() ctx: PagesContext): Promise<PluginState> {
    return new PluginStateService(ctx).get(id);
  }

  @Query(() => PluginStateStats)
  pluginStateStats(@Ctx() ctx: PagesContext): Promise<PluginStateStats> {
    return new PluginStateService(ctx).stats();
  }

  @Mutation(() => PluginState, { description: 'CONFLICT when the (plugin, page, key) state exists: update it instead.' })
  createPluginState(@Arg('input', () => CreatePluginStateInput) input: CreatePluginStateInput, @Ctx() ctx: PagesContext): Promise<PluginState> {
    return new PluginStateService(ctx).create(input);
  }

  @Mutation(() => PluginState, { description: 'Every update increments `version`.' })
  updatePluginState(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdatePluginStateInput) input: UpdatePluginStateInput,
    @Ctx() ctx: PagesContext,
  ): Promise<PluginState> {
    return new PluginStateService(ctx).update(id, input);
  }

  @Mutation(() => ID, { description: 'Deletes a state; answers its id.' })
  deletePluginState(@Arg('id', () => ID) id: string, @Ctx() ctx: PagesContext): Promise<string> {
    return new PluginStateService(ctx).delete(id);
  }

  @Mutation(() => PluginStateBulkResult, { description: 'Creates the states that do not exist yet; reports the others.' })
  bulkCreatePluginStates(
    @Arg('states', () => [CreatePluginStateInput]) states: CreatePluginStateInput[],
    @Ctx() ctx: PagesContext,
  ): Promise<PluginStateBulkResult> {
    return new PluginStateService(ctx).bulkCreate(states);
  }

  @Mutation(() => PluginStateSyncResult, { description: "Writes a device's states; another device's newer writes are conflicts." })
  syncPluginStates(@Arg('input', () => SyncPluginStatesInput) input: SyncPluginStatesInput, @Ctx() ctx: PagesContext): Promise<PluginStateSyncResult> {
    return new PluginStateService(ctx).sync(input);
  }

  @Mutation(() => PluginStateCleanupResult, { description: "Deletes the caller's expired states that are not persistent." })
  async cleanupPluginStates(@Ctx() ctx: PagesContext): Promise<PluginStateCleanupResult> {
    return { deletedCount: await new PluginStateService(ctx).cleanup() };
  }

  @FieldResolver(() => User, { description: 'Resolved by identity.' })
  user(@Root() state: PluginState): User {
    return userRef(state.userId);
  }

  @FieldResolver(() => Page, { nullable: true, description: "The page, when `pageId` is one of the user's pages." })
  async page(@Root() state: PluginState, @Ctx() ctx: PagesContext): Promise<Page | null> {
    const pageId = state.pageId ? normalizeUuid(state.pageId) : null;
    if (!pageId) return null;
    const page = await ctx.loaders.pageById.load(pageId);
    return page && page.creatorId === state.userId ? page : null;
  }
}
