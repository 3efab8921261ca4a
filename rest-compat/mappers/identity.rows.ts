import {
  ApiKeysDocument,
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
import { uuidParams } from '../validation.js';
import {
  apiKeyBody,
  bodies,
  clearedSessionCookies,
  currentUserBody,
  refreshTokenOf,
  sessionCookies,
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
