import { z } from 'zod';
import { uuidParam } from '../validation.js';
import type {
  ApiKeyFieldsFragment,
  AuthPayloadFieldsFragment,
  InviteFieldsFragment,
  MemberFieldsFragment,
  PermissionTemplateFieldsFragment,
  SessionQuery,
  TeamFieldsFragment,
  TenantFieldsFragment,
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

/** StudioBrain's login answer plus the tenant the session is in (select-tenant, register, invites). */
export const studioTokenBody = (p: AuthPayloadFieldsFragment) => ({
  ...tokenBody(p),
  tenant_name: p.tenant.name,
  tenant: { id: p.tenant.id, name: p.tenant.name },
});

export const tenantBody = (t: TenantFieldsFragment) => ({
  id: t.id,
  name: t.name,
  personal: t.personal,
  settings: t.settings,
  created_at: t.createdAt,
  updated_at: t.updatedAt,
});

/** A user as tenant admins see them: the account plus their role in the caller's active tenant. */
export const memberBody = (u: MemberFieldsFragment) => ({ ...userBody(u), role: u.tenantRole });

export const inviteBody = (i: InviteFieldsFragment) => ({
  id: i.id,
  email: i.email,
  role: i.role,
  tenant_id: i.tenantId,
  tenant_name: i.tenant.name,
  invited_by: i.invitedBy,
  expires_at: i.expiresAt,
  created_at: i.createdAt,
});

/**
 * Where the invitee goes: the web app's register page with the token, on the origin the inviter called from
 * (a browser's `Origin`), else this server's host.
 */
export function inviteLink(req: RestRequest, token: string): string {
  return `${requestOrigin(req)}/register?invite=${encodeURIComponent(token)}`;
}

/** The web app's origin as the request shows it: a browser's `Origin`, else this server's host. */
export function requestOrigin(req: RestRequest): string {
  const origin = req.headers.origin ?? `http://${req.headers.host ?? 'localhost'}`;
  return origin.replace(/\/+$/, '');
}

export const issuedInviteBody = (issued: { token: string; invite: InviteFieldsFragment }, req: RestRequest) => ({
  ...inviteBody(issued.invite),
  token: issued.token,
  invite_token: issued.token,
  invite_url: inviteLink(req, issued.token),
});

export const teamBody = (t: TeamFieldsFragment) => ({
  id: t.id,
  tenant_id: t.tenantId,
  name: t.name,
  description: t.description,
  created_by: t.createdBy,
  created_at: t.createdAt,
  members: t.members.map((m) => ({ id: m.id, email: m.email, username: m.username, full_name: m.fullName })),
  member_count: t.members.length,
});

export const permissionTemplateBody = (p: PermissionTemplateFieldsFragment) => ({
  id: p.id,
  tenant_id: p.tenantId,
  name: p.name,
  description: p.description,
  permissions: p.permissions,
  created_by: p.createdBy,
  created_at: p.createdAt,
});

const role = z.enum(['owner', 'admin', 'member', 'viewer']);

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
  /** StudioBrain's register of a tenant + user: the studio register plus the new tenant's name. */
  studioRegisterTenant: z.object({
    email: z.email(),
    password: z.string().min(8),
    tenant_name: z.string().min(1).max(200),
    username: z.string().min(3).max(50).optional(),
    full_name: z.string().nullish(),
    name: z.string().nullish(),
  }),
  selectTenant: z.object({ tenant_id: uuidParam }),
  tenant: z.object({ name: z.string().min(1).max(200).optional(), settings: z.record(z.string(), z.unknown()).nullish() }),
  newTenant: z.object({ name: z.string().min(1).max(200), owner_id: uuidParam.nullish() }),
  invite: z.object({ email: z.email(), role: role.optional(), expires_in_days: z.int().min(1).max(30).optional() }),
  inviteUser: z.object({ role: role.optional(), expires_in_days: z.int().min(1).max(30).optional() }).optional(),
  acceptInvite: z.object({
    token: z.string().min(1).max(200),
    password: z.string().min(8),
    username: z.string().min(3).max(50).optional(),
    full_name: z.string().nullish(),
    name: z.string().nullish(),
  }),
  member: z.object({
    full_name: z.string().max(255).nullish(),
    name: z.string().max(255).nullish(),
    role: role.optional(),
    is_active: z.boolean().optional(),
  }),
  adminPassword: z.object({ new_password: z.string().min(8) }),
  forgotPassword: z.object({ email: z.email() }),
  /** StudioBrain sends `new_password`; `password` is accepted too. */
  resetPassword: z
    .object({ token: z.string().min(1).max(200), new_password: z.string().min(8).optional(), password: z.string().min(8).optional() })
    .refine((b) => b.new_password !== undefined || b.password !== undefined, { message: 'Field required', path: ['new_password'] }),
  team: z.object({
    name: z.string().min(1).max(200),
    description: z.string().max(2000).nullish(),
    member_ids: z.array(uuidParam).max(500).optional(),
  }),
  permissionTemplate: z.object({
    name: z.string().min(1).max(200),
    description: z.string().max(2000).nullish(),
    permissions: z.array(z.string().max(100)).max(200),
  }),
  apiKey: z
    .object({ name: z.string().max(200).optional(), label: z.string().max(200).optional(), expires_at: z.iso.datetime({ offset: true }).nullish() })
    .optional(),
};

/** A username for a StudioBrain registration without one: the email's local part, made valid. */
export function usernameFromEmail(email: string): string {
  const local = email.split('@')[0].replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 40);
  return local.length >= 3 ? local : `${local}___`.slice(0, 3);
}
