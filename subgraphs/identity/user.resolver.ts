import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../common/subgraph.types.js';
import type { IdentityLoaders } from './identity.loaders.js';
import { Role } from './role.entity.js';
import { Tenant } from './tenant.entity.js';
import { User } from './user.entity.js';

type Context = SubgraphContext<IdentityLoaders>;

@Resolver(() => User)
export class UserFieldsResolver {
  @FieldResolver(() => [Role], { description: "The user's role in each tenant they belong to." })
  roles(@Root() user: User, @Ctx() ctx: Context): Promise<Role[]> {
    return ctx.loaders.rolesByUserId.load(user.id);
  }

  @FieldResolver(() => String, { nullable: true, description: "The user's role in the caller's active tenant, if any." })
  async tenantRole(@Root() user: User, @Ctx() ctx: Context): Promise<string | null> {
    const tenantId = ctx.identity.auth?.tenantId;
    if (!tenantId) return null;
    const roles = await ctx.loaders.rolesByUserId.load(user.id);
    return roles.find((r) => r.tenantId === tenantId)?.name ?? null;
  }
}

@Resolver(() => Role)
export class RoleFieldsResolver {
  @FieldResolver(() => Tenant)
  async tenant(@Root() role: Role, @Ctx() ctx: Context): Promise<Tenant> {
    const tenant = await ctx.loaders.tenantById.load(role.tenantId);
    if (!tenant) throw new Error(`tenant ${role.tenantId} of role ${role.id} is missing`);
    return tenant;
  }
}
