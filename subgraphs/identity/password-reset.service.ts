import { createHash, randomBytes } from 'node:crypto';
import { BadUserInputError, UpstreamUnavailableError } from '../common/errors.js';
import type { SubgraphContext } from '../common/subgraph.types.js';
import { checkEmail, checkPassword, hashPassword } from './credentials.js';
import type { IdentityLoaders } from './identity.loaders.js';
import { PasswordReset } from './password-reset.entity.js';
import { SessionService } from './session.service.js';
import { User } from './user.entity.js';

type Ctx = SubgraphContext<IdentityLoaders>;

/** Every reset token starts so, which tells it apart from other secrets in logs and support tickets. */
const RESET_PREFIX = 'pwr_';
/** @default 1 hour */
const RESET_TTL_MS = 3_600_000;
/** One answer for unknown, used and expired tokens, so a caller learns nothing about which it was. */
const INVALID = 'Invalid or expired reset token';

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Password reset by email (StudioBrain's forgot/reset-password). A request for an address with an active account
 * stores a single-use, one-hour token (its SHA-256 only; earlier unused ones of that user stop working) and mails a
 * link with it; any other address gets the same answer and no mail, so accounts can't be probed. Using the token
 * sets the password and ends every session of the user.
 */
export class PasswordResetService {
  constructor(private readonly ctx: Ctx) {}

  /**
   * @param origin where the web app lives (the link is `<origin>/reset-password?token=…`), used only when it is one
   *   this deployment names (PUBLIC_WEB_URL, CORS_ORIGINS): a request must never aim the mailed token at another site.
   */
  async request(email: string, origin?: string | null): Promise<boolean> {
    const { mailer } = this.ctx.deps;
    // Checked before anything else and for every address: a deployment without mail fails loudly and alike for all.
    if (!mailer.configured) throw new UpstreamUnavailableError('Email delivery is not configured (set SMTP_URL)', 'not_configured');
    const address = checkEmail(email);
    const base = this.linkOrigin(origin);
    const user = await this.ctx.em.findOne(User, { email: address });
    if (!user || !user.isActive) return true;

    const token = `${RESET_PREFIX}${randomBytes(32).toString('base64url')}`;
    await this.ctx.em.transactional(async (em) => {
      const now = new Date();
      await em.nativeUpdate(PasswordReset, { userId: user.id, usedAt: null }, { usedAt: now });
      em.create(PasswordReset, { userId: user.id, tokenHash: sha256(token), expiresAt: new Date(now.getTime() + RESET_TTL_MS) });
      await em.flush();
    });
    // A failed send answers 502; the stored token simply expires unused.
    await mailer.send(resetMail(user.email, `${base}/reset-password?token=${encodeURIComponent(token)}`));
    return true;
  }

  /** Uses a reset token once: sets the password and revokes every session of its user. */
  async reset(token: string, newPassword: string): Promise<boolean> {
    checkPassword(newPassword, 'new_password');
    if (!token.startsWith(RESET_PREFIX) || token.length > 200) throw new BadUserInputError(INVALID, 'token');
    const passwordHash = await hashPassword(newPassword);
    const userId = await this.ctx.em.transactional(async (em) => {
      // Claims the token atomically: of two concurrent uses only one gets a row back.
      const claimed = await em.execute<{ user_id: string }[]>(
        `update identity.password_resets set used_at = now()
          where token_hash = ? and used_at is null and expires_at > now()
          returning user_id`,
        [sha256(token)],
      );
      if (claimed.length === 0) throw new BadUserInputError(INVALID, 'token');
      const id = claimed[0].user_id;
      const updated = await em.execute<{ id: string }[]>(
        `update identity.users set password_hash = ?, version = version + 1, updated_at = now()
          where id = ? and is_active returning id`,
        [passwordHash, id],
      );
      // A deactivated account keeps its password (deactivation is an admin's decision, not undone by email).
      if (updated.length === 0) throw new BadUserInputError(INVALID, 'token');
      return id;
    });
    await new SessionService(this.ctx).revokeAll(userId);
    return true;
  }

  private linkOrigin(origin: string | null | undefined): string {
    const { publicWebUrl, corsOrigins, restPorts } = this.ctx.deps.env;
    const allowed = [publicWebUrl, ...corsOrigins].filter((o): o is string => !!o).map((o) => new URL(o).origin);
    let asked: string | null = null;
    if (origin) {
      try {
        const u = new URL(origin);
        if (u.protocol === 'http:' || u.protocol === 'https:') asked = u.origin;
      } catch {
        // not a URL: treated as absent
      }
      if (!asked) throw new BadUserInputError('origin must be an http(s) URL', 'origin');
    }
    if (asked && allowed.includes(asked)) return asked;
    return allowed[0] ?? `http://localhost:${restPorts.at(-1) ?? 8201}`;
  }
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function resetMail(to: string, link: string) {
  const text = [
    'Someone asked to reset the password of your account.',
    '',
    'Open this link within one hour to choose a new one:',
    '',
    link,
    '',
    'If it was not you, ignore this message: your password stays as it is.',
  ].join('\n');
  const html =
    `<p>Someone asked to reset the password of your account.</p>` +
    `<p><a href="${escapeHtml(link)}">Choose a new password</a> (the link works once, within one hour).</p>` +
    `<p>If it was not you, ignore this message: your password stays as it is.</p>`;
  return { to, subject: 'Reset your password', text, html };
}
