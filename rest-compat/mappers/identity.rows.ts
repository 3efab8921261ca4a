import {
  AcceptInviteDocument,
  ApiKeysDocument,
  CreateInviteDocument,
  CreatePermissionTemplateDocument,
  CreateTeamDocument,
  CreateTenantDocument,
  CurrentTenantDocument,
  InvitationDocument,
  InviteUserDocument,
  PermissionTemplatesDocument,
  RegisterTenantAndLoginDocument,
  RemoveTenantUserDocument,
  RequestPasswordResetDocument,
  ResetPasswordDocument,
  SelectTenantDocument,
  SetPasswordDocument,
  SetUserPasswordDocument,
  TeamDocument,
  TeamsDocument,
  TenantUserDocument,
  TenantUsersDocument,
  UpdateCurrentTenantDocument,
  UpdateTenantUserDocument,
  IssueApiKeyDocument,
  LoginDocument,
  LogoutDocument,
  MeDocument,
  RefreshTokenDocument,
  RegisterAndLoginDocument,
  RegisterDocument,
  RevokeApiKeyDocument,
  SessionDocument,
  UpdateApiKeyDocument,
  UpdatePasswordDocument,
  UpdateUsernameDocument,
} from '../../schema/generated/operations.js';
import { z } from 'zod';
import { built } from './built.js';
import { offsetParams, uuidParams } from '../validation.js';
import {
  apiKeyBody,
  bodies,
  clearedSessionCookies,
  currentUserBody,
  inviteBody,
  issuedInviteBody,
  memberBody,
  permissionTemplateBody,
  refreshTokenOf,
  requestOrigin,
  sessionCookies,
  studioTokenBody,
  teamBody,
  tenantBody,
  tokenBody,
  userBody,
  usernameFromEmail,
} from './identity.mappers.js';


const login = built({
  operation: LoginDocument,
  body: bodies.login,
  variables: (r) => ({ email: r.body.email, password: r.body.password }),
  response: (d) => tokenBody(d.login),
  effects: (d) => sessionCookies(d.login),
});

const refresh = built({
  operation: RefreshTokenDocument,
  body: bodies.refresh,
  variables: (r) => ({ refreshToken: refreshTokenOf(r) }),
  response: (d) => tokenBody(d.refreshToken),
  effects: (d) => sessionCookies(d.refreshToken),
});

const logout = built({
  operation: LogoutDocument,
  body: bodies.refresh,
  variables: (r) => ({ refreshToken: refreshTokenOf(r) }),
  response: () => ({ message: 'Successfully logged out' }),
  effects: () => clearedSessionCookies,
});

/** Used and expired invitations answer CONFLICT; StudioBrain's invite routes say 410 Gone. */
const inviteGone = { CONFLICT: 410 };

/** Identity rows, by product. Each is spread into its documented line in `routes/<surface>.routes.ts`. */
export const identityRows = {
  braindrive: {
    register: built({
      operation: RegisterDocument,
      body: bodies.register,
      variables: ({ body: b }) => ({
        input: { email: b.email, username: b.username, password: b.password, fullName: b.full_name, profilePicture: b.profile_picture },
      }),
      response: (d) => userBody(d.register),
    }),
    login,
    refresh,
    logout,
    me: built({ operation: MeDocument, response: (d) => userBody(d.me) }),
    username: built({
      operation: UpdateUsernameDocument,
      body: bodies.username,
      variables: (r) => ({ username: r.body.username }),
      response: (d) => userBody(d.updateUsername),
    }),
    password: built({
      operation: UpdatePasswordDocument,
      body: bodies.password,
      variables: ({ body: b }) => ({ currentPassword: b.current_password, newPassword: b.new_password, confirmPassword: b.confirm_password }),
      response: () => ({ message: 'Password updated successfully' }),
    }),
  },
  studiobrain: {
    register: built({
      operation: RegisterAndLoginDocument,
      body: bodies.studioRegister,
      variables: ({ body: b }) => ({
        input: { email: b.email, username: b.username ?? usernameFromEmail(b.email), password: b.password, fullName: b.full_name ?? b.name },
        email: b.email,
        password: b.password,
      }),
      response: (d) => tokenBody(d.login),
      effects: (d) => sessionCookies(d.login),
    }),
    login,
    refresh,
    logout,
    me: built({ operation: SessionDocument, response: currentUserBody }),
    session: built({
      operation: SessionDocument,
      response: (d) => ({ authenticated: true, ...currentUserBody(d), user: userBody(d.session.user), via: d.session.via }),
    }),
    listApiKeys: built({ operation: ApiKeysDocument, response: (d) => d.apiKeys.map(apiKeyBody) }),
    createApiKey: built({
      operation: IssueApiKeyDocument,
      body: bodies.apiKey,
      variables: (r) => ({ label: r.body?.name ?? r.body?.label, expiresAt: r.body?.expires_at }),
      response: (d) => ({ ...apiKeyBody(d.issueApiKey.apiKey), key: d.issueApiKey.key }),
      status: 201,
    }),
    selectTenant: built({
      operation: SelectTenantDocument,
      body: bodies.selectTenant,
      variables: (r) => ({ tenantId: r.body.tenant_id }),
      response: (d) => studioTokenBody(d.selectTenant),
      effects: (d) => sessionCookies(d.selectTenant),
    }),
    setPassword: built({
      operation: SetPasswordDocument,
      body: bodies.password,
      variables: ({ body: b }) => ({ currentPassword: b.current_password, newPassword: b.new_password, confirmPassword: b.confirm_password }),
      response: (d) => ({ message: 'Password updated successfully', ...studioTokenBody(d.setPassword) }),
      effects: (d) => sessionCookies(d.setPassword),
    }),
    forgotPassword: built({
      operation: RequestPasswordResetDocument,
      body: bodies.forgotPassword,
      variables: (r) => ({ email: r.body.email, origin: requestOrigin(r) }),
      // The same answer whether or not the address has an account.
      response: () => ({ message: 'If an account exists for this email, a password reset link has been sent.' }),
    }),
    resetPassword: built({
      operation: ResetPasswordDocument,
      body: bodies.resetPassword,
      variables: ({ body: b }) => ({ token: b.token, newPassword: b.new_password ?? b.password }),
      response: () => ({ message: 'Password has been reset; sign in with the new password.' }),
    }),
    registerTenant: built({
      operation: RegisterTenantAndLoginDocument,
      body: bodies.studioRegisterTenant,
      variables: ({ body: b }) => ({
        input: {
          email: b.email,
          username: b.username ?? usernameFromEmail(b.email),
          password: b.password,
          fullName: b.full_name ?? b.name,
          tenantName: b.tenant_name,
        },
        email: b.email,
        password: b.password,
      }),
      response: (d) => studioTokenBody(d.login),
      effects: (d) => sessionCookies(d.login),
    }),
    currentTenant: built({ operation: CurrentTenantDocument, response: (d) => ({ ...tenantBody(d.currentTenant), role: d.session.role }) }),
    updateTenant: built({
      operation: UpdateCurrentTenantDocument,
      body: bodies.tenant,
      variables: (r) => ({ name: r.body.name, settings: r.body.settings }),
      response: (d) => tenantBody(d.updateCurrentTenant),
    }),
    createTenant: built({
      operation: CreateTenantDocument,
      body: bodies.newTenant,
      variables: (r) => ({ name: r.body.name, ownerId: r.body.owner_id }),
      response: (d) => tenantBody(d.createTenant),
      status: 201,
    }),
    createInvite: built({
      operation: CreateInviteDocument,
      body: bodies.invite,
      variables: (r) => ({ email: r.body.email, role: r.body.role, expiresInDays: r.body.expires_in_days }),
      response: (d, r) => issuedInviteBody(d.createInvite, r),
      status: 201,
    }),
    inviteUser: built({
      operation: InviteUserDocument,
      params: uuidParams('id'),
      body: bodies.inviteUser,
      variables: (r) => ({ userId: r.params.id, role: r.body?.role, expiresInDays: r.body?.expires_in_days }),
      response: (d, r) => issuedInviteBody(d.inviteUser, r),
      status: 201,
    }),
    validateInvite: built({
      operation: InvitationDocument,
      variables: (r) => ({ token: String(r.params.token) }),
      response: (d) => ({ valid: true, ...inviteBody(d.invitation) }),
      errorStatus: inviteGone,
    }),
    registerWithInvite: built({
      operation: AcceptInviteDocument,
      body: bodies.acceptInvite,
      variables: ({ body: b }) => ({ token: b.token, password: b.password, username: b.username, fullName: b.full_name ?? b.name }),
      response: (d) => studioTokenBody(d.acceptInvite),
      effects: (d) => sessionCookies(d.acceptInvite),
      errorStatus: inviteGone,
    }),
    listUsers: built({
      operation: TenantUsersDocument,
      query: offsetParams(200).extend({ search: z.string().max(200).optional() }),
      variables: (r) => ({ offset: r.query.offset, limit: r.query.limit, search: r.query.search }),
      response: ({ tenantUsers: p }) => ({ users: p.items.map(memberBody), total: p.total, offset: p.offset, limit: p.limit }),
    }),
    getUser: built({
      operation: TenantUserDocument,
      params: uuidParams('id'),
      variables: (r) => ({ id: r.params.id }),
      response: (d) => memberBody(d.tenantUser),
    }),
    updateUser: built({
      operation: UpdateTenantUserDocument,
      params: uuidParams('id'),
      body: bodies.member,
      variables: ({ params, body: b }) => ({
        id: params.id,
        input: { fullName: b.full_name !== undefined ? b.full_name : (b.name ?? undefined), role: b.role, isActive: b.is_active },
      }),
      response: (d) => memberBody(d.updateTenantUser),
    }),
    deleteUser: built({
      operation: RemoveTenantUserDocument,
      params: uuidParams('id'),
      variables: (r) => ({ id: r.params.id }),
      response: ({ removeTenantUser: x }) => ({
        message: x.deactivated ? 'User deactivated' : 'User removed from tenant',
        user_id: x.userId,
        tenant_id: x.tenantId,
        deactivated: x.deactivated,
      }),
    }),
    setUserPassword: built({
      operation: SetUserPasswordDocument,
      params: uuidParams('id'),
      body: bodies.adminPassword,
      variables: (r) => ({ id: r.params.id, newPassword: r.body.new_password }),
      response: () => ({ message: 'Password updated successfully' }),
    }),
    createTeam: built({
      operation: CreateTeamDocument,
      body: bodies.team,
      variables: ({ body: b }) => ({ input: { name: b.name, description: b.description, memberIds: b.member_ids } }),
      response: (d) => teamBody(d.createTeam),
      status: 201,
    }),
    listTeams: built({ operation: TeamsDocument, response: (d) => ({ teams: d.teams.map(teamBody), total: d.teams.length }) }),
    getTeam: built({
      operation: TeamDocument,
      params: uuidParams('id'),
      variables: (r) => ({ id: r.params.id }),
      response: (d) => teamBody(d.team),
    }),
    createPermissionTemplate: built({
      operation: CreatePermissionTemplateDocument,
      body: bodies.permissionTemplate,
      variables: ({ body: b }) => ({ input: { name: b.name, description: b.description, permissions: b.permissions } }),
      response: (d) => permissionTemplateBody(d.createPermissionTemplate),
      status: 201,
    }),
    listPermissionTemplates: built({
      operation: PermissionTemplatesDocument,
      response: (d) => ({ templates: d.permissionTemplates.map(permissionTemplateBody), total: d.permissionTemplates.length }),
    }),
  },
  braingarden: {
    whoami: built({
      operation: SessionDocument,
      response: ({ session: s }) => ({
        user_id: s.userId,
        email: s.user.email,
        username: s.user.username,
        tenant_id: s.tenantId,
        role: s.role,
        auth: s.via,
        key_id: s.apiKeyId,
      }),
    }),
    issueKey: built({
      operation: IssueApiKeyDocument,
      body: bodies.apiKey,
      query: z.object({ label: z.string().max(200).optional() }),
      variables: (r) => ({ label: r.query.label ?? r.body?.label ?? r.body?.name, expiresAt: r.body?.expires_at }),
      response: (d) => ({ ...apiKeyBody(d.issueApiKey.apiKey), key: d.issueApiKey.key }),
    }),
    listKeys: built({ operation: ApiKeysDocument, response: (d) => ({ keys: d.apiKeys.map(apiKeyBody) }) }),
    revokeKey: built({
      operation: RevokeApiKeyDocument,
      params: uuidParams('key_id'),
      variables: (r) => ({ id: r.params.key_id }),
      response: (d) => ({ ok: true, id: d.revokeApiKey.id }),
    }),
    updateKey: built({
      operation: UpdateApiKeyDocument,
      params: uuidParams('key_id'),
      // Brain Garden takes these as query parameters (its reference's PATCH example).
      query: z.object({ label: z.string().max(200).optional(), expires_at: z.iso.datetime({ offset: true }).optional() }),
      variables: (r) => ({ id: r.params.key_id, label: r.query.label, expiresAt: r.query.expires_at }),
      response: (d) => apiKeyBody(d.updateApiKey),
    }),
  },
};
