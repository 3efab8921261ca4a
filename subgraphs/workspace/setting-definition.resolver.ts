import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { SubgraphContext } from '../common/subgraph.types.js';
import { SettingDefinition } from './setting-definition.entity.js';
import { SettingDefinitionService } from './setting-definition.service.js';
import { SettingDefinitionInput, SettingDefinitionPatch, SettingDefinitionsArgs } from './settings.inputs.js';
import type { SettingsLoaders } from './settings.loaders.js';
import { SettingDefinitionPage } from './settings.types.js';

type Context = SubgraphContext<SettingsLoaders>;

@Resolver(() => SettingDefinition)
export class SettingDefinitionResolver {
  @Query(() => SettingDefinitionPage, { description: 'Setting definitions, by id.' })
  settingDefinitions(@Args(() => SettingDefinitionsArgs) args: SettingDefinitionsArgs, @Ctx() ctx: Context) {
    return new SettingDefinitionService(ctx).list(args);
  }

  @Query(() => SettingDefinition)
  settingDefinition(@Arg('id', () => String) id: string, @Ctx() ctx: Context): Promise<SettingDefinition> {
    return new SettingDefinitionService(ctx).get(id);
  }

  @Mutation(() => SettingDefinition, { description: 'Admins only.' })
  createSettingDefinition(@Arg('input', () => SettingDefinitionInput) input: SettingDefinitionInput, @Ctx() ctx: Context) {
    return new SettingDefinitionService(ctx).create(input);
  }

  @Mutation(() => SettingDefinition, { description: 'Admins only. Replaces every field (PUT).' })
  replaceSettingDefinition(
    @Arg('id', () => String) id: string,
    @Arg('input', () => SettingDefinitionInput) input: SettingDefinitionInput,
    @Ctx() ctx: Context,
  ) {
    return new SettingDefinitionService(ctx).replace(id, input);
  }

  @Mutation(() => SettingDefinition, { description: 'Admins only. Changes the fields given (PATCH).' })
  updateSettingDefinition(
    @Arg('id', () => String) id: string,
    @Arg('input', () => SettingDefinitionPatch) input: SettingDefinitionPatch,
    @Ctx() ctx: Context,
  ) {
    return new SettingDefinitionService(ctx).update(id, input);
  }

  @Mutation(() => String, { description: 'Admins only; refused while instances use it. Answers the id deleted.' })
  deleteSettingDefinition(@Arg('id', () => String) id: string, @Ctx() ctx: Context): Promise<string> {
    return new SettingDefinitionService(ctx).delete(id);
  }
}
