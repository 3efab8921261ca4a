import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Component } from './component.entity.js';
import { ComponentsArgs, CreateComponentInput, UpdateComponentInput } from './component.inputs.js';
import { ComponentService } from './component.service.js';
import { ComponentPage } from './component.types.js';
import type { PagesContext } from './pages.loaders.js';
import { User, userRef } from './user.entity.js';

@Resolver(() => Component)
export class ComponentResolver {
  @Query(() => ComponentPage, { description: 'The component catalogue.' })
  components(@Args(() => ComponentsArgs) args: ComponentsArgs, @Ctx() ctx: PagesContext): Promise<ComponentPage> {
    return new ComponentService(ctx).list(args);
  }

  @Query(() => Component)
  component(@Arg('componentId', () => String) componentId: string, @Ctx() ctx: PagesContext): Promise<Component> {
    return new ComponentService(ctx).get(componentId);
  }

  @Mutation(() => Component, { description: 'Platform administrators only.' })
  createComponent(@Arg('input', () => CreateComponentInput) input: CreateComponentInput, @Ctx() ctx: PagesContext): Promise<Component> {
    return new ComponentService(ctx).create(input);
  }

  @Mutation(() => Component, { description: 'Platform administrators only.' })
  updateComponent(
    @Arg('componentId', () => String) componentId: string,
    @Arg('input', () => UpdateComponentInput) input: UpdateComponentInput,
    @Ctx() ctx: PagesContext,
  ): Promise<Component> {
    return new ComponentService(ctx).update(componentId, input);
  }

  @Mutation(() => String, { description: 'Platform administrators only; system components stay. Answers the componentId.' })
  deleteComponent(@Arg('componentId', () => String) componentId: string, @Ctx() ctx: PagesContext): Promise<string> {
    return new ComponentService(ctx).delete(componentId);
  }

  @FieldResolver(() => User, { description: 'The administrator who registered it; resolved by identity.' })
  user(@Root() component: Component): User {
    return userRef(component.userId);
  }
}
