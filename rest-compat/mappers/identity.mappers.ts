import { z } from 'zod';
import type {
  ApiKeyFieldsFragment,
  AuthPayloadFieldsFragment,
  SessionQuery,
  UserFieldsFragment,
} from '../../schema/generated/operations.js';
import type { CookieSpec, RestEffects, RestRequest } from '../route.types.js';

/** Shapes shared by the identity rows of every product: how GraphQL's answers read in each product's JSON. */

/** BrainDrive's UserResponse (plus fields the other products read). */
export const userBody = (u: UserFieldsFragment) => ({
  id: u.id,
  username: u.username,
  email: u.email,
  full_name: u.fullName,
  profile_picture: u.profilePicture,
  is_active: u.isActive,
  is_verified: u.isVerified,
  is_admin: u.isAdmin,
  version: u.version,
  created_at: u.createdAt,
  updated_at: u.updatedAt,
});

/** The union of what BrainDrive's and StudioBrain's login answers carry (as-built: serve both). */
export const tokenBody = (p: AuthPayloadFieldsFragment) => ({
  access_token: p.accessToken,
  token_type: p.tokenType,
  refresh_token: p.refreshToken,
  expires_in: p.expiresIn,
  refresh_expires_in: p.refreshExpiresIn,
  issued_at: p.issuedAt,
  user_id: p.userId,
  tenant_id: p.tenantId,
  role: p.role,
  user: userBody(p.user),
});

/** Both tokens as HttpOnly cookies, with the tokens' own lifetimes. */
export const sessionCookies = (p: AuthPayloadFieldsFragment): RestEffects => ({
  cookies: [
    { name: 'access_token', value: p.accessToken, maxAgeSeconds: p.expiresIn },
    { name: 'refresh_token', value: p.refreshToken, maxAgeSeconds: p.refreshExpiresIn },
  ],
});

export const clearedSessionCookies: RestEffects = {
  cookies: (['access_token', 'refresh_token'] as const).map((name): CookieSpec => ({ name, value: null })),
};

/** The refresh token from the body (real clients) or the cookie (browsers). */
export const refreshTokenOf = (req: RestRequest): string | null =>
  (req.body as { refresh_token?: string } | undefined)?.refresh_token ?? req.cookies.refresh_token ?? null;

/** StudioBrain's current user: the user plus the active tenant and role. */
export const currentUserBody = ({ session: s }: SessionQuery) => ({
  ...userBody(s.user),
  user_id: s.userId,
  tenant_id: s.tenantId,
  role: s.role,
});

export const apiKeyBody = (k: ApiKeyFieldsFragment) => ({
  id: k.id,
  name: k.label,
  label: k.label,
  prefix: k.prefix,
  created_at: k.createdAt,
  expires_at: k.expiresAt,
  last_used_at: k.lastUsedAt,
  revoked_at: k.revokedAt,
});

/** Request bodies, validated before any operation runs (422 in FastAPI's shape). */
export const bodies = {
  register: z.object({
    username: z.string().min(3).max(50),
    email: z.email(),
    password: z.string().min(8),
    full_name: z.string().nullish(),
    profile_picture: z.string().nullish(),
  }),
  /** StudioBrain registers by email; a username is derived when none is sent. */
  studioRegister: z.object({
    email: z.email(),
    password: z.string().min(8),
    username: z.string().min(3).max(50).optional(),
    full_name: z.string().nullish(),
    name: z.string().nullish(),
  }),
  login: z.object({ email: z.string(), password: z.string() }),
  refresh: z.object({ refresh_token: z.string().optional() }).optional(),
  username: z.object({ username: z.string().min(3).max(50) }),
  password: z.object({ current_password: z.string(), new_password: z.string().min(8), confirm_password: z.string().optional() }),
  apiKey: z
    .object({ name: z.string().max(200).optional(), label: z.string().max(200).optional(), expires_at: z.iso.datetime({ offset: true }).nullish() })
    .optional(),
};

/** A username for a StudioBrain registration without one: the email's local part, made valid. */
export function usernameFromEmail(email: string): string {
  const local = email.split('@')[0].replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 40);
  return local.length >= 3 ? local : `${local}___`.slice(0, 3);
}
