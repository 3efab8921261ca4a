import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { requireAuth } from '../common/context.js';
import { ForbiddenError, UnauthenticatedError } from '../common/errors.js';
import { normalizeUuid } from '../common/ids.js';
import { TokenError, nowSeconds } from '../common/jwt.js';
import type { SubgraphContext } from '../common/subgraph.types.js';
import type { IdentityLoaders } from './identity.loaders.js';
import type { AuthPayload } from './identity.types.js';
import { RefreshToken } from './refresh-token.entity.js';
import { Role } from './role.entity.js';
import { User } from './user.entity.js';

type Ctx = SubgraphContext<IdentityLoaders>;

/** The real web client wipes its storage on this prefix: right after a replayed token revoked the session. */
const REVOKED = 'BLOCKED_TOKEN_DETECTED: this session was revoked; sign in again';

/**
 * Sessions are refresh-token families (DESIGN §5): login starts one, each refresh rotates to a successor, a replay
 * of a used token outside the grace window revokes the family, and logout revokes it.
 */
export class SessionService {
  constructor(private readonly ctx: Ctx) {}

  private get em(): EntityManager {
    return this.ctx.em;
  }

  /**
   * Starts a new family for a user who just proved who they are, in `tenantId` when given; otherwise in the tenant
   * they last selected, their default one, or any they still belong to (in that order).
   */
  async start(user: User, tenantId?: string): Promise<AuthPayload> {
    const { tenantId: tid, role } = await this.landing(user, tenantId);
    const { jwt } = this.ctx.deps;
    const iat = nowSeconds();
    const token = this.em.create(RefreshToken, {
      id: randomUUID(),
      familyId: randomUUID(),
      userId: user.id,
      tenantId: tid,
      issuedAt: iat,
      expiresAt: iat + jwt.refreshTtl,
    });
    await this.em.persistAndFlush(token);
    return this.payload(user, token, role);
  }

  /**
   * Switches the caller's session to another tenant they belong to: a new session in that tenant replaces the
   * caller's current one, and later logins land there too.
   */
  async selectTenant(tenantId: string): Promise<AuthPayload> {
    const auth = requireAuth(this.ctx);
    const user = await this.em.findOne(User, { id: auth.userId });
    if (!user || !user.isActive) throw new UnauthenticatedError('User not found', 'invalid_credentials');
    const id = normalizeUuid(tenantId);
    const role = id ? await this.em.findOne(Role, { userId: user.id, tenantId: id }) : null;
    if (!role) throw new ForbiddenError('You are not a member of this tenant');
    user.activeTenantId = role.tenantId;
    await this.em.flush();
    if (auth.sessionId) await this.revokeFamily(auth.sessionId);
    return this.start(user, role.tenantId);
  }

  /**
   * Revokes every session of a user (a password change, deactivation), or only those in one tenant (removal from
   * it), except the family `keepFamilyId`.
   */
  async revokeAll(userId: string, options: { tenantId?: string; keepFamilyId?: string } = {}): Promise<void> {
    const where: Record<string, unknown> = { userId, revokedAt: null };
    if (options.tenantId) where.tenantId = options.tenantId;
    if (options.keepFamilyId) where.familyId = { $ne: options.keepFamilyId };
    await this.em.nativeUpdate(RefreshToken, where, { revokedAt: new Date() });
  }

  /** Rotates a refresh token; within the grace window a used one yields the same successor (concurrent tabs). */
  async refresh(refreshToken: string | null | undefined): Promise<AuthPayload> {
    if (!refreshToken) throw new UnauthenticatedError('Not authenticated', 'missing_credentials');
    const claims = await this.ctx.deps.jwt.verifyRefresh(refreshToken).catch((e: unknown) => {
      throw new UnauthenticatedError(e instanceof TokenError ? e.message : 'Invalid token', 'invalid_credentials');
    });
    const current = await this.em.findOne(RefreshToken, { id: claims.jti });
    if (!current || current.userId !== claims.sub || current.familyId !== claims.fam) {
      throw new UnauthenticatedError('Invalid token', 'invalid_credentials');
    }
    if (current.revokedAt) throw new UnauthenticatedError(REVOKED, 'invalid_credentials');
    const user = await this.em.findOne(User, { id: current.userId });
    if (!user || !user.isActive) throw new UnauthenticatedError('User not found', 'invalid_credentials');
    const successor = await this.rotate(current);
    return this.payload(user, successor, await this.roleIn(user, successor.tenantId));
  }

  /** Revokes the family of the given refresh token, or of the caller's session. Never fails: logout is idempotent. */
  async end(refreshToken: string | null | undefined): Promise<boolean> {
    let familyId = this.ctx.identity.auth?.sessionId;
    if (refreshToken) {
      const claims = await this.ctx.deps.jwt.verifyRefresh(refreshToken).catch(() => null);
      if (claims) familyId = claims.fam;
    }
    if (familyId) await this.revokeFamily(familyId);
    return true;
  }

  /** Marks `current` used and mints its successor, atomically; a lost race is handled like a concurrent refresh. */
  private async rotate(current: RefreshToken): Promise<RefreshToken> {
    const { jwt, env } = this.ctx.deps;
    const iat = nowSeconds();
    const next = {
      id: randomUUID(),
      familyId: current.familyId,
      userId: current.userId,
      tenantId: current.tenantId,
      issuedAt: iat,
      expiresAt: iat + jwt.refreshTtl,
    };
    const won = await this.em.transactional(async (em) => {
      const claimed = await em.nativeUpdate(
        RefreshToken,
        { id: current.id, usedAt: null, revokedAt: null },
        { usedAt: new Date(), successorId: next.id },
      );
      if (claimed === 0) return false;
      await em.insert(RefreshToken, next);
      return true;
    });
    if (won) return this.em.create(RefreshToken, next, { persist: false });

    // Someone used this token first: a concurrent refresh inside the grace window gets the same successor.
    const used = await this.em.fork().findOne(RefreshToken, { id: current.id });
    const graceMs = env.refreshGraceSeconds * 1000;
    if (used?.usedAt && used.successorId && !used.revokedAt && Date.now() - used.usedAt.getTime() <= graceMs) {
      const successor = await this.em.fork().findOne(RefreshToken, { id: used.successorId });
      if (successor && !successor.revokedAt) return successor;
    }
    await this.revokeFamily(current.familyId);
    throw new UnauthenticatedError(REVOKED, 'invalid_credentials');
  }

  private async revokeFamily(familyId: string) {
    await this.em.nativeUpdate(RefreshToken, { familyId, revokedAt: null }, { revokedAt: new Date() });
  }

  private async roleIn(user: User, tenantId: string): Promise<string> {
    const role = await this.em.findOne(Role, { userId: user.id, tenantId });
    if (!role) throw new UnauthenticatedError('User not found', 'invalid_credentials');
    return role.name;
  }

  /** Where a new session lands: the asked tenant, else the last selected, the default, or any membership. */
  private async landing(user: User, tenantId?: string): Promise<{ tenantId: string; role: string }> {
    if (tenantId) return { tenantId, role: await this.roleIn(user, tenantId) };
    const roles = await this.em.find(Role, { userId: user.id }, { orderBy: { createdAt: 'asc' } });
    const pick =
      roles.find((r) => r.tenantId === user.activeTenantId) ?? roles.find((r) => r.tenantId === user.defaultTenantId) ?? roles[0];
    if (!pick) throw new UnauthenticatedError('User not found', 'invalid_credentials');
    return { tenantId: pick.tenantId, role: pick.name };
  }

  private async payload(user: User, token: RefreshToken, role: string): Promise<AuthPayload> {
    const { jwt } = this.ctx.deps;
    const accessIat = nowSeconds();
    const [accessToken, refreshToken] = await Promise.all([
      jwt.signAccess({ sub: user.id, tid: token.tenantId, role, adm: user.isAdmin, sid: token.familyId }, accessIat),
      jwt.signRefresh({ sub: user.id, tid: token.tenantId, jti: token.id, fam: token.familyId }, token.issuedAt, token.expiresAt),
    ]);
    return {
      accessToken,
      refreshToken,
      tokenType: 'bearer',
      expiresIn: jwt.accessTtl,
      refreshExpiresIn: token.expiresAt - token.issuedAt,
      issuedAt: new Date(accessIat * 1000),
      userId: user.id,
      tenantId: token.tenantId,
      role: user.isAdmin ? 'admin' : role,
      user,
    };
  }
}
