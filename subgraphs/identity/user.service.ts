import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError, UnauthenticatedError } from '../common/errors.js';
import { requireAuth } from '../common/context.js';
import type { SubgraphContext } from '../common/subgraph.types.js';
import { checkEmail, checkPassword, checkUsername, DUMMY_HASH, hashPassword, verifyPassword } from './credentials.js';
import type { IdentityLoaders } from './identity.loaders.js';
import type { AuthPayload } from './identity.types.js';
import type { RegisterInput, UpdatePasswordArgs } from './identity.inputs.js';
import { Role } from './role.entity.js';
import { SessionService } from './session.service.js';
import { Tenant } from './tenant.entity.js';
import { User } from './user.entity.js';

type Ctx = SubgraphContext<IdentityLoaders>;

export const EMAIL_TAKEN = 'Email already registered';
export const USERNAME_TAKEN = 'Username already taken';

/** What a new account is made of, checked and hashed before any transaction. */
export interface NewAccount {
  email: string;
  username: string;
  passwordHash: string;
  fullName: string | null;
  profilePicture: string | null;
  /** Names the new user's own tenant (StudioBrain's register of a tenant + user); else `<username>'s workspace`. */
  tenantName: string | null;
}

/** Validates a registration and hashes its password (slow: keep it out of transactions). */
export async function checkAccount(input: RegisterInput): Promise<NewAccount> {
  const tenantName = input.tenantName?.trim() || null;
  if (tenantName && tenantName.length > 200) throw new BadUserInputError('Tenant name must be at most 200 characters', 'tenant_name');
  return {
    email: checkEmail(input.email),
    username: checkUsername(input.username),
    passwordHash: await hashPassword(checkPassword(input.password)),
    fullName: input.fullName ?? null,
    profilePicture: input.profilePicture ?? null,
    tenantName,
  };
}

/**
 * Creates a user with their own tenant and the owner role in it, inside the caller's transaction; the first user of
 * an install becomes platform admin. Taken emails and usernames are the documented 400s.
 */
export async function createAccount(em: EntityManager, a: NewAccount): Promise<User> {
  // Serialises registrations so exactly one user — the first — becomes admin.
  await em.execute(`select pg_advisory_xact_lock(hashtext('braingraph:register'))`);
  const [taken] = await em.execute<{ email: boolean; username: boolean; any: boolean }[]>(
    `select exists(select 1 from identity.users where email = ?) as email,
            exists(select 1 from identity.users where lower(username) = lower(?)) as username,
            exists(select 1 from identity.users) as any`,
    [a.email, a.username],
  );
  if (taken.email) throw new BadUserInputError(EMAIL_TAKEN, 'email');
  if (taken.username) throw new BadUserInputError(USERNAME_TAKEN, 'username');
  const tenant = em.create(Tenant, { id: randomUUID(), name: a.tenantName ?? `${a.username}'s workspace`, personal: !a.tenantName });
  const user = em.create(User, {
    email: a.email,
    username: a.username,
    passwordHash: a.passwordHash,
    fullName: a.fullName,
    profilePicture: a.profilePicture,
    isAdmin: !taken.any,
    defaultTenantId: tenant.id,
  });
  // Rows refer to each other by id, not ORM relations, so flush parents before the role that points at them.
  await em.flush();
  em.create(Role, { userId: user.id, tenantId: tenant.id, name: 'owner' });
  await em.flush();
  return user;
}

/** Accounts: registration (personal tenant, owner role, first user admin), profile and password. */
export class UserService {
  constructor(private readonly ctx: Ctx) {}

  async register(input: RegisterInput): Promise<User> {
    const account = await checkAccount(input);
    try {
      return await this.ctx.em.transactional((em) => createAccount(em, account));
    } catch (e) {
      throw e instanceof UniqueConstraintViolationException ? new BadUserInputError(EMAIL_TAKEN, 'email') : e;
    }
  }

  /** The user whose email and password these are; one message for every failure, so accounts can't be probed. */
  async authenticate(email: string, password: string): Promise<User> {
    const user = await this.ctx.em.findOne(User, { email: email.trim().toLowerCase() }, { populate: ['passwordHash'] });
    const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
    if (!user || !ok) throw new UnauthenticatedError('Invalid email or password', 'invalid_credentials');
    if (!user.isActive) throw new UnauthenticatedError('Inactive user', 'invalid_credentials');
    return user;
  }

  /** The signed-in user; a deleted or deactivated one is "not found" so clients return to login. */
  async me(): Promise<User> {
    const auth = requireAuth(this.ctx);
    const user = await this.ctx.loaders.userById.load(auth.userId);
    if (!user || !user.isActive) throw new UnauthenticatedError('User not found', 'invalid_credentials');
    return user;
  }

  async updateUsername(username: string): Promise<User> {
    const user = await this.me();
    checkUsername(username);
    if (user.username === username) return user;
    const [clash] = await this.ctx.em.execute<{ taken: boolean }[]>(
      'select exists(select 1 from identity.users where lower(username) = lower(?) and id <> ?) as taken',
      [username, user.id],
    );
    if (clash.taken) throw new BadUserInputError(USERNAME_TAKEN, 'username');
    user.username = username;
    try {
      await this.ctx.em.flush();
    } catch (e) {
      throw e instanceof UniqueConstraintViolationException ? new BadUserInputError(USERNAME_TAKEN, 'username') : e;
    }
    return user;
  }

  /**
   * StudioBrain's set-password: like {@link updatePassword}, then every other session of the user is revoked and
   * the caller's is replaced by a new one (new tokens), so a stolen refresh token dies with the old password.
   */
  async setPassword(args: UpdatePasswordArgs): Promise<AuthPayload> {
    const auth = requireAuth(this.ctx);
    await this.updatePassword(args);
    const sessions = new SessionService(this.ctx);
    await sessions.revokeAll(auth.userId);
    const user = await this.me();
    return sessions.start(user, auth.tenantId);
  }

  async updatePassword(args: UpdatePasswordArgs): Promise<boolean> {
    const { userId } = requireAuth(this.ctx);
    const user = await this.ctx.em.findOne(User, { id: userId }, { populate: ['passwordHash'] });
    if (!user || !user.isActive) throw new UnauthenticatedError('User not found', 'invalid_credentials');
    if (args.confirmPassword != null && args.confirmPassword !== args.newPassword) {
      throw new BadUserInputError('New password and confirmation do not match', 'confirm_password');
    }
    checkPassword(args.newPassword, 'new_password');
    if (!(await verifyPassword(user.passwordHash, args.currentPassword))) {
      throw new BadUserInputError('Current password is incorrect', 'current_password');
    }
    user.passwordHash = await hashPassword(args.newPassword);
    await this.ctx.em.flush();
    return true;
  }
}
