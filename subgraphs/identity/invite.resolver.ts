import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../common/subgraph.types.js';
import type { IdentityLoaders } from './identity.loaders.js';
import { AcceptInviteArgs, CreateInviteArgs } from './identity.inputs.js';
import { AuthPayload, IssuedInvite } from './identity.types.js';
import { Invite } from './invite.entity.js';
import { InviteService } from './invite.service.js';
import { Tenant } from './tenant.entity.js';

type Context = SubgraphContext<IdentityLoaders>;

@Resolver(() => Invite)
export class InviteResolver {
  @Mutation(() => IssuedInvite, { description: "Owners and admins invite an email into the active tenant." })
  createInvite(@Args(() => CreateInviteArgs) { email, role, expiresInDays }: CreateInviteArgs, @Ctx() ctx: Context): Promise<IssuedInvite> {
    return new InviteService(ctx).create(email, role, expiresInDays);
  }

  @Mutation(() => IssuedInvite, { description: "Owners and admins invite an existing account into the active tenant." })
  inviteUser(
    @Arg('userId', () => ID) userId: string,
    @Arg('role', () => String, { nullable: true }) role: string | null,
    @Arg('expiresInDays', () => Int, { nullable: true }) expiresInDays: number | null,
    @Ctx() ctx: Context,
  ): Promise<IssuedInvite> {
    return new InviteService(ctx).inviteUser(userId, role, expiresInDays);
  }

  @Query(() => Invite, { description: 'Public: an unused, unexpired invitation (used or expired → CONFLICT).' })
  invitation(@Arg('token', () => String) token: string, @Ctx() ctx: Context): Promise<Invite> {
    return new InviteService(ctx).info(token);
  }

  @Mutation(() => AuthPayload, {
    description: 'Public: accepts an invitation (a new account for its email, or the existing one by its password).',
  })
  acceptInvite(@Args(() => AcceptInviteArgs) args: AcceptInviteArgs, @Ctx() ctx: Context): Promise<AuthPayload> {
    return new InviteService(ctx).accept(args);
  }

  @FieldResolver(() => Tenant)
  async tenant(@Root() invite: Invite, @Ctx() ctx: Context): Promise<Tenant> {
    const tenant = await ctx.loaders.tenantById.load(invite.tenantId);
    if (!tenant) throw new Error(`tenant ${invite.tenantId} of invite ${invite.id} is missing`);
    return tenant;
  }
}
