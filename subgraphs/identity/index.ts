import type { SubgraphDefinition } from '../common/subgraph.types.js';
import { ApiKey } from './api-key.entity.js';
import { ApiKeyResolver } from './api-key.resolver.js';
import { AuthPayloadFieldsResolver, AuthResolver } from './auth.resolver.js';
import { createIdentityLoaders, type IdentityLoaders } from './identity.loaders.js';
import { Invite } from './invite.entity.js';
import { InviteResolver } from './invite.resolver.js';
import { MemberResolver } from './member.resolver.js';
import { m0001Identity } from './migrations/0001-identity.js';
import { m0002Tenancy } from './migrations/0002-tenancy.js';
import { m0003PasswordResets } from './migrations/0003-password-resets.js';
import { PasswordReset } from './password-reset.entity.js';
import { PermissionTemplate } from './permission-template.entity.js';
import { PermissionTemplateResolver } from './permission-template.resolver.js';
import { RefreshToken } from './refresh-token.entity.js';
import { Role } from './role.entity.js';
import { TeamMember } from './team-member.entity.js';
import { Team } from './team.entity.js';
import { TeamResolver } from './team.resolver.js';
import { Tenant } from './tenant.entity.js';
import { resolveTenantReference } from './tenant.reference.js';
import { TenantResolver } from './tenant.resolver.js';
import { RoleFieldsResolver, UserFieldsResolver } from './user.resolver.js';
import { User } from './user.entity.js';
import { resolveUserReference } from './user.reference.js';

export const identity: SubgraphDefinition<IdentityLoaders> = {
  name: 'identity',
  port: 4001,
  resolvers: [
    AuthResolver,
    AuthPayloadFieldsResolver,
    ApiKeyResolver,
    UserFieldsResolver,
    RoleFieldsResolver,
    TenantResolver,
    InviteResolver,
    MemberResolver,
    TeamResolver,
    PermissionTemplateResolver,
  ],
  references: { User: resolveUserReference, Tenant: resolveTenantReference },
  entities: [User, Tenant, Role, RefreshToken, ApiKey, Invite, Team, TeamMember, PermissionTemplate, PasswordReset],
  migrations: [m0001Identity, m0002Tenancy, m0003PasswordResets],
  createLoaders: createIdentityLoaders,
};
