import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { JSONResolver } from 'graphql-scalars';
import type { SubgraphContext } from '../common/subgraph.types.js';
import { LayoutService } from './layout.service.js';
import { EntityLayout } from './layout.types.js';

type Context = SubgraphContext<unknown>;

@Resolver(() => EntityLayout)
export class LayoutResolver {
  @Query(() => [EntityLayout], { description: "Every entity type's layout (the built-in ones when signed out)." })
  entityLayouts(@Ctx() ctx: Context): Promise<EntityLayout[]> {
    return new LayoutService(ctx).list();
  }

  @Query(() => EntityLayout)
  entityLayout(@Arg('entityType', () => String) entityType: string, @Ctx() ctx: Context): Promise<EntityLayout> {
    return new LayoutService(ctx).get(entityType);
  }

  @Mutation(() => EntityLayout, { description: "Sets the tenant's own layout for a type (tenant owner or admin)." })
  updateEntityLayout(
    @Arg('entityType', () => String) entityType: string,
    @Arg('layout', () => JSONResolver) layout: unknown,
    @Ctx() ctx: Context,
  ): Promise<EntityLayout> {
    return new LayoutService(ctx).update(entityType, layout);
  }

  @Mutation(() => EntityLayout, { description: 'Returns a type to its built-in layout.' })
  resetEntityLayout(@Arg('entityType', () => String) entityType: string, @Ctx() ctx: Context): Promise<EntityLayout> {
    return new LayoutService(ctx).reset(entityType);
  }

  @Mutation(() => EntityLayout, { description: "Deletes the tenant's own layout (NOT_FOUND without one); answers the built-in one." })
  deleteEntityLayout(@Arg('entityType', () => String) entityType: string, @Ctx() ctx: Context): Promise<EntityLayout> {
    return new LayoutService(ctx).delete(entityType);
  }
}
