import { createHash, randomBytes } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { BadUserInputError, ConflictError, NotFoundError, UnauthenticatedError } from '../common/errors.js';
import { normalizeUuid } from '../common/ids.js';
import type { SubgraphContext } from '../common/subgraph.types.js';
import { checkEmail, DUMMY_HASH, verifyPassword } from './credentials.js';
import type { AcceptInviteArgs } from './identity.inputs.js';
import type { IdentityLoaders } from './identity.loaders.js';
import type { AuthPayload, IssuedInvite } from './identity.types.js';
import { Invite } from './invite.entity.js';
import { MembershipService } from './membership.service.js';
import { Role } from './role.entity.js';
import { SessionService } from './session.service.js';
import { User } from './user.entity.js';
import { checkAccount, createAccount, EMAIL_TAKEN, type NewAccount } from './user.service.js';

type Ctx = SubgraphContext<IdentityLoaders>;

/** Every invitation token starts so, which tells it apart from other secrets in logs and support tickets. */
const INVITE_PREFIX = 'inv_';
/** @default 7 days; an inviter may choose 1–30. */
const DEFAULT_EXPIRY_DAYS = 7;
const MAX_EXPIRY_DAYS = 30;

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** Used and expired invitations answer CONFLICT; the invite rows map it to 410 Gone. */
const USED = 'Invitation has already been used';
const EXPIRED = 'Invitation has expired';
const UNKNOWN = 'Invitation not found';

/**
 * Invitations into a tenant: created by its owners and admins for an email and a role no stronger than their own,
 * shown once, stored as a SHA-256, single use, expiring. Accepting one either creates the account for that email
 * (with its own personal tenant, like any registration) or — when the email already has an account — signs that
 * account in with its password; either way the user joins the tenant with the invitation's role and the answer is
 * a session in that tenant.
 */
export class InviteService {
  constructor(private readonly ctx: Ctx) {}

  async create(email: string, role?: string | null, expiresInDays?: number | null): Promise<IssuedInvite> {
    const members = new MembershipService(this.ctx);
    const caller = await members.tenantAdmin();
    const grant = members.checkGrantable(caller, role ?? 'member');
    const address = checkEmail(email);
    const days = expiresInDays ?? DEFAULT_EXPIRY_DAYS;
    if (!Number.isInteger(days) || days < 1 || days > MAX_EXPIRY_DAYS) {
      throw new BadUserInputError(`expires_in_days must be between 1 and ${MAX_EXPIRY_DAYS}`, 'expires_in_days');
    }
    const tenantId = caller.auth.tenantId;
    const [member] = await this.ctx.em.execute<{ yes: boolean }[]>(
      `select exists(select 1 from identity.users u join identity.roles r on r.user_id = u.id
                      where u.email = ? and r.tenant_id = ?) as yes`,
      [address, tenantId],
    );
    if (member.yes) throw new ConflictError('User is already a member of this tenant');
    const token = `${INVITE_PREFIX}${randomBytes(32).toString('base64url')}`;
    const invite = this.ctx.em.create(Invite, {
      tenantId,
      email: address,
      role: grant,
      tokenHash: sha256(token),
      invitedBy: caller.user.id,
      expiresAt: new Date(Date.now() + days * 86_400_000),
    });
    await this.ctx.em.flush();
    return { token, invite };
  }

  /** Invites an existing account, by id, into the caller's tenant. */
  async inviteUser(userId: string, role?: string | null, expiresInDays?: number | null): Promise<IssuedInvite> {
    await new MembershipService(this.ctx).tenantAdmin();
    const id = normalizeUuid(userId);
    const user = id ? await this.ctx.loaders.userById.load(id) : null;
    if (!user || !user.isActive) throw new NotFoundError('User not found');
    return this.create(user.email, role, expiresInDays);
  }

  /** Public: what an unused, unexpired invitation offers; anything else is 404 (unknown) or 410 (used, expired). */
  async info(token: string): Promise<Invite> {
    return this.usable(token);
  }

  async accept(args: AcceptInviteArgs): Promise<AuthPayload> {
    const invite = await this.usable(args.token);
    const existing = await this.ctx.em.findOne(User, { email: invite.email }, { populate: ['passwordHash'] });
    let account: NewAccount | null = null;
    if (existing) {
      // The address already has an account: the password must be that account's, so an invite never hands one over.
      const ok = await verifyPassword(existing.passwordHash ?? DUMMY_HASH, args.password);
      if (!ok) throw new UnauthenticatedError('Invalid email or password', 'invalid_credentials');
      if (!existing.isActive) throw new UnauthenticatedError('Inactive user', 'invalid_credentials');
    } else {
      if (!args.username) throw new BadUserInputError('username is required for a new account', 'username');
      account = await checkAccount({
        email: invite.email,
        username: args.username,
        password: args.password,
        fullName: args.fullName ?? null,
      });
    }
    try {
      const user = await this.ctx.em.transactional(async (em) => {
        // Claims the invitation first, atomically: of two concurrent acceptances only one gets past this.
        const claimed = await em.nativeUpdate(
          Invite,
          { id: invite.id, usedAt: null, expiresAt: { $gt: new Date() } },
          { usedAt: new Date() },
        );
        if (claimed === 0) throw new ConflictError(USED);
        const u = existing ? await em.findOneOrFail(User, { id: existing.id }) : await createAccount(em, account!);
        if (!(await em.findOne(Role, { userId: u.id, tenantId: invite.tenantId }))) {
          em.create(Role, { userId: u.id, tenantId: invite.tenantId, name: invite.role });
        }
        u.activeTenantId = invite.tenantId;
        await em.flush();
        await em.nativeUpdate(Invite, { id: invite.id }, { usedBy: u.id });
        return u;
      });
      return await new SessionService(this.ctx).start(user, invite.tenantId);
    } catch (e) {
      throw e instanceof UniqueConstraintViolationException ? new BadUserInputError(EMAIL_TAKEN, 'email') : e;
    }
  }

  private async usable(token: string): Promise<Invite> {
    const invite =
      token.startsWith(INVITE_PREFIX) && token.length <= 200 ? await this.ctx.em.findOne(Invite, { tokenHash: sha256(token) }) : null;
    if (!invite) throw new NotFoundError(UNKNOWN);
    if (invite.usedAt) throw new ConflictError(USED);
    if (invite.expiresAt.getTime() <= Date.now()) throw new ConflictError(EXPIRED);
    return invite;
  }
}
