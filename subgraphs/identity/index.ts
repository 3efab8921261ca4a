import type { SubgraphDefinition } from '../common/subgraph.types.js';
import { ApiKey } from './api-key.entity.js';
import { ApiKeyResolver } from './api-key.resolver.js';
import { AuthResolver } from './auth.resolver.js';
import { createIdentityLoaders, type IdentityLoaders } from './identity.loaders.js';
import { m0001Identity } from './migrations/0001-identity.js';
import { RefreshToken } from './refresh-token.entity.js';
import { Role } from './role.entity.js';
import { Tenant } from './tenant.entity.js';
import { resolveTenantReference } from './tenant.reference.js';
import { RoleFieldsResolver, UserFieldsResolver } from './user.resolver.js';
import { User } from './user.entity.js';
import { resolveUserReference } from './user.reference.js';

export const identity: SubgraphDefinition<IdentityLoaders> = {
  name: 'identity',
  port: 4001,
  resolvers: [AuthResolver, ApiKeyResolver, UserFieldsResolver, RoleFieldsResolver],
  references: { User: resolveUserReference, Tenant: resolveTenantReference },
  entities: [User, Tenant, Role, RefreshToken, ApiKey],
  migrations: [m0001Identity],
  createLoaders: createIdentityLoaders,
};
