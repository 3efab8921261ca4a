import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { SubgraphContext } from '../common/subgraph.types.js';
import type { IdentityLoaders } from './identity.loaders.js';
import { UpdateMemberInput } from './identity.inputs.js';
import { MemberRemoval, UserPage } from './identity.types.js';
import { MemberService } from './member.service.js';
import { User } from './user.entity.js';

type Context = SubgraphContext<IdentityLoaders>;

/** User administration: tenant owners/admins over their tenant's members, platform admins over every account. */
@Resolver(() => User)
export class MemberResolver {
  @Query(() => UserPage)
  tenantUsers(
    @Arg('offset', () => Int, { nullable: true }) offset: number | null,
    @Arg('limit', () => Int, { nullable: true }) limit: number | null,
    @Arg('search', () => String, { nullable: true, description: 'Part of the email, username or full name.' }) search: string | null,
    @Ctx() ctx: Context,
  ): Promise<UserPage> {
    return new MemberService(ctx).list({ offset, limit, search });
  }

  @Query(() => User)
  tenantUser(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<User> {
    return new MemberService(ctx).get(id);
  }

  @Mutation(() => User)
  updateTenantUser(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateMemberInput) input: UpdateMemberInput,
    @Ctx() ctx: Context,
  ): Promise<User> {
    return new MemberService(ctx).update(id, input);
  }

  @Mutation(() => MemberRemoval, { description: 'Removes the user from the tenant; a platform admin deactivates the account.' })
  removeTenantUser(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<MemberRemoval> {
    return new MemberService(ctx).remove(id);
  }

  @Mutation(() => Boolean, { description: "Sets a user's password and ends their sessions." })
  setUserPassword(@Arg('id', () => ID) id: string, @Arg('newPassword', () => String) newPassword: string, @Ctx() ctx: Context): Promise<boolean> {
    return new MemberService(ctx).setPassword(id, newPassword);
  }
}
