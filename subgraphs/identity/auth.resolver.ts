import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../common/subgraph.types.js';
import { requireAuth } from '../common/context.js';
import type { IdentityLoaders } from './identity.loaders.js';
import { LoginArgs, RegisterInput, UpdatePasswordArgs } from './identity.inputs.js';
import { AuthPayload, Session } from './identity.types.js';
import { PasswordResetService } from './password-reset.service.js';
import { SessionService } from './session.service.js';
import { Tenant } from './tenant.entity.js';
import { User } from './user.entity.js';
import { UserService } from './user.service.js';

type Context = SubgraphContext<IdentityLoaders>;

@Resolver()
export class AuthResolver {
  @Mutation(() => User, { description: 'Creates an account with a personal tenant. The first user becomes admin.' })
  register(@Arg('input', () => RegisterInput) input: RegisterInput, @Ctx() ctx: Context): Promise<User> {
    return new UserService(ctx).register(input);
  }

  @Mutation(() => AuthPayload)
  async login(@Args(() => LoginArgs) { email, password }: LoginArgs, @Ctx() ctx: Context): Promise<AuthPayload> {
    const user = await new UserService(ctx).authenticate(email, password);
    return new SessionService(ctx).start(user);
  }

  @Mutation(() => AuthPayload, { description: 'Rotates a refresh token; replaying a used one revokes its session.' })
  refreshToken(
    @Arg('refreshToken', () => String, { nullable: true }) refreshToken: string | null,
    @Ctx() ctx: Context,
  ): Promise<AuthPayload> {
    return new SessionService(ctx).refresh(refreshToken);
  }

  @Mutation(() => Boolean, { description: "Ends the session of the given refresh token, or the caller's." })
  logout(
    @Arg('refreshToken', () => String, { nullable: true }) refreshToken: string | null,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return new SessionService(ctx).end(refreshToken);
  }

  @Query(() => User, { description: 'The signed-in user.' })
  me(@Ctx() ctx: Context): Promise<User> {
    return new UserService(ctx).me();
  }

  @Query(() => Session, { description: 'Who the current credentials belong to, and how they were presented.' })
  async session(@Ctx() ctx: Context): Promise<Session> {
    const auth = requireAuth(ctx);
    const user = await new UserService(ctx).me();
    return { ...auth, role: auth.isAdmin ? 'admin' : auth.role, user };
  }

  @Mutation(() => User)
  updateUsername(@Arg('username', () => String) username: string, @Ctx() ctx: Context): Promise<User> {
    return new UserService(ctx).updateUsername(username);
  }

  @Mutation(() => AuthPayload, {
    description: "Switches the caller's session to another tenant they belong to (new tokens); later logins land there.",
  })
  selectTenant(@Arg('tenantId', () => ID) tenantId: string, @Ctx() ctx: Context): Promise<AuthPayload> {
    return new SessionService(ctx).selectTenant(tenantId);
  }

  @Mutation(() => AuthPayload, { description: 'Changes the password, ends every other session and answers a new one.' })
  setPassword(@Args(() => UpdatePasswordArgs) args: UpdatePasswordArgs, @Ctx() ctx: Context): Promise<AuthPayload> {
    return new UserService(ctx).setPassword(args);
  }

  @Mutation(() => Boolean, {
    description:
      'Mails a password-reset link to the address when it has an active account; answers true either way. ' +
      '`origin` is where the web app lives (the link is `<origin>/reset-password?token=…`).',
  })
  requestPasswordReset(
    @Arg('email', () => String) email: string,
    @Arg('origin', () => String, { nullable: true }) origin: string | null,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return new PasswordResetService(ctx).request(email, origin);
  }

  @Mutation(() => Boolean, { description: 'Sets a new password with a mailed reset token (once) and ends every session.' })
  resetPassword(
    @Arg('token', () => String) token: string,
    @Arg('newPassword', () => String) newPassword: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return new PasswordResetService(ctx).reset(token, newPassword);
  }

  @Mutation(() => Boolean)
  updatePassword(@Args(() => UpdatePasswordArgs) args: UpdatePasswordArgs, @Ctx() ctx: Context): Promise<boolean> {
    return new UserService(ctx).updatePassword(args);
  }
}

@Resolver(() => AuthPayload)
export class AuthPayloadFieldsResolver {
  @FieldResolver(() => Tenant, { description: 'The tenant the session is in.' })
  async tenant(@Root() payload: AuthPayload, @Ctx() ctx: Context): Promise<Tenant> {
    const tenant = await ctx.loaders.tenantById.load(payload.tenantId);
    if (!tenant) throw new Error(`tenant ${payload.tenantId} of a session is missing`);
    return tenant;
  }
}
