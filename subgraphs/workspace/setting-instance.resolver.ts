import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { JSONResolver } from 'graphql-scalars';
import type { SubgraphContext } from '../common/subgraph.types.js';
import { SettingDefinition } from './setting-definition.entity.js';
import { SettingInstance } from './setting-instance.entity.js';
import { SettingInstanceService } from './setting-instance.service.js';
import { SettingInstanceInput, SettingInstancePatch, SettingInstancesArgs, UserSettingsArgs } from './settings.inputs.js';
import type { SettingsLoaders } from './settings.loaders.js';
import { maskSecrets, openSecrets } from './settings.secrets.js';
import { SettingInstancePage } from './settings.types.js';
import { User, userRef } from './user.entity.js';

type Context = SubgraphContext<SettingsLoaders>;

@Resolver(() => SettingInstance)
export class SettingInstanceResolver {
  @Query(() => SettingInstancePage, { description: 'The system instances and the caller\'s own, newest first.' })
  settingInstances(@Args(() => SettingInstancesArgs) args: SettingInstancesArgs, @Ctx() ctx: Context) {
    return new SettingInstanceService(ctx).list(args);
  }

  @Query(() => SettingInstance)
  settingInstance(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<SettingInstance> {
    return new SettingInstanceService(ctx).get(id);
  }

  @Mutation(() => SettingInstance, { description: 'Creates the instance at (definition, scope, user, page), or updates it.' })
  upsertSettingInstance(@Arg('input', () => SettingInstanceInput) input: SettingInstanceInput, @Ctx() ctx: Context) {
    return new SettingInstanceService(ctx).upsert(input);
  }

  @Mutation(() => SettingInstance)
  updateSettingInstance(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => SettingInstancePatch) input: SettingInstancePatch,
    @Ctx() ctx: Context,
  ) {
    return new SettingInstanceService(ctx).update(id, input);
  }

  @Mutation(() => ID, { description: 'Answers the id deleted.' })
  deleteSettingInstance(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<string> {
    return new SettingInstanceService(ctx).delete(id);
  }

  @FieldResolver(() => JSONResolver, {
    nullable: true,
    description: 'The value; provider API keys in it are masked (`sk-abcd...wxyz`) and flagged `_has_key`.',
  })
  async value(@Root() instance: SettingInstance, @Ctx() ctx: Context): Promise<unknown> {
    const definition = await ctx.loaders.settingDefinitionById.load(instance.definitionId);
    if (!definition?.isSecret) return instance.value;
    return maskSecrets(definition.id, openSecrets(ctx.deps.secretBox, instance.value));
  }

  @FieldResolver(() => SettingDefinition)
  async definition(@Root() instance: SettingInstance, @Ctx() ctx: Context): Promise<SettingDefinition> {
    const definition = await ctx.loaders.settingDefinitionById.load(instance.definitionId);
    if (!definition) throw new Error(`definition ${instance.definitionId} of setting instance ${instance.id} is missing`);
    return definition;
  }

  @FieldResolver(() => User, { nullable: true, description: 'The owner; null for a system instance.' })
  user(@Root() instance: SettingInstance): User | null {
    return instance.userId ? userRef(instance.userId) : null;
  }
}

@Resolver(() => User)
export class UserSettingsResolver {
  @FieldResolver(() => SettingInstancePage, {
    description: "The user's own setting instances; only the signed-in user sees theirs (anyone else's list is empty).",
  })
  settings(@Root() user: User, @Args(() => UserSettingsArgs) args: UserSettingsArgs, @Ctx() ctx: Context) {
    return new SettingInstanceService(ctx).listOfUser(user.id, args);
  }
}
