import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { BadUserInputError, UnauthenticatedError } from '../common/errors.js';
import { requireAuth } from '../common/context.js';
import type { SubgraphContext } from '../common/subgraph.types.js';
import { checkEmail, checkPassword, checkUsername, DUMMY_HASH, hashPassword, verifyPassword } from './credentials.js';
import type { IdentityLoaders } from './identity.loaders.js';
import type { RegisterInput, UpdatePasswordArgs } from './identity.inputs.js';
import { Role } from './role.entity.js';
import { Tenant } from './tenant.entity.js';
import { User } from './user.entity.js';

type Ctx = SubgraphContext<IdentityLoaders>;

const EMAIL_TAKEN = 'Email already registered';
const USERNAME_TAKEN = 'Username already taken';

/** Accounts: registration (personal tenant, owner role, first user admin), profile and password. */
export class UserService {
  constructor(private readonly ctx: Ctx) {}

  async register(input: RegisterInput): Promise<User> {
    const email = checkEmail(input.email);
    const username = checkUsername(input.username);
    const passwordHash = await hashPassword(checkPassword(input.password));
    try {
      return await this.ctx.em.transactional(async (em) => {
        // Serialises registrations so exactly one user — the first — becomes admin.
        await em.execute(`select pg_advisory_xact_lock(hashtext('braingraph:register'))`);
        const [taken] = await em.execute<{ email: boolean; username: boolean; any: boolean }[]>(
          `select exists(select 1 from identity.users where email = ?) as email,
                  exists(select 1 from identity.users where lower(username) = lower(?)) as username,
                  exists(select 1 from identity.users) as any`,
          [email, username],
        );
        if (taken.email) throw new BadUserInputError(EMAIL_TAKEN, 'email');
        if (taken.username) throw new BadUserInputError(USERNAME_TAKEN, 'username');
        const tenant = em.create(Tenant, { id: randomUUID(), name: `${username}'s workspace`, personal: true });
        const user = em.create(User, {
          email,
          username,
          passwordHash,
          fullName: input.fullName ?? null,
          profilePicture: input.profilePicture ?? null,
          isAdmin: !taken.any,
          defaultTenantId: tenant.id,
        });
        // Rows refer to each other by id, not ORM relations, so flush parents before the role that points at them.
        await em.flush();
        em.create(Role, { userId: user.id, tenantId: tenant.id, name: 'owner' });
        await em.flush();
        return user;
      });
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
