import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { JSONResolver } from 'graphql-scalars';
import type { SubgraphContext } from '../common/subgraph.types.js';
import type { IdentityLoaders } from './identity.loaders.js';
import { Tenant } from './tenant.entity.js';
import { TenantService } from './tenant.service.js';

type Context = SubgraphContext<IdentityLoaders>;

@Resolver(() => Tenant)
export class TenantResolver {
  @Query(() => Tenant, { description: "The caller's active tenant." })
  currentTenant(@Ctx() ctx: Context): Promise<Tenant> {
    return new TenantService(ctx).current();
  }

  @Mutation(() => Tenant, {
    description: 'Owners and admins rename the active tenant and/or merge keys into its settings (a null value removes a key).',
  })
  updateCurrentTenant(
    @Arg('name', () => String, { nullable: true }) name: string | null,
    @Arg('settings', () => JSONResolver, { nullable: true }) settings: unknown,
    @Ctx() ctx: Context,
  ): Promise<Tenant> {
    return new TenantService(ctx).updateCurrent(name, settings);
  }

  @Mutation(() => Tenant, { description: 'Platform admins: a new tenant owned by `ownerId`, or by the admin.' })
  createTenant(
    @Arg('name', () => String) name: string,
    @Arg('ownerId', () => ID, { nullable: true }) ownerId: string | null,
    @Ctx() ctx: Context,
  ): Promise<Tenant> {
    return new TenantService(ctx).create(name, ownerId);
  }
}
