import type { EntityManager } from '@mikro-orm/postgresql';
import { loaderById, loaderGroupedBy } from '../common/loaders.js';
import { Role } from './role.entity.js';
import { TeamMember } from './team-member.entity.js';
import { Tenant } from './tenant.entity.js';
import { User } from './user.entity.js';

export function createIdentityLoaders(em: EntityManager) {
  return {
    userById: loaderById(em, User),
    tenantById: loaderById(em, Tenant),
    rolesByUserId: loaderGroupedBy(em, Role, 'userId'),
    membersByTeamId: loaderGroupedBy(em, TeamMember, 'teamId'),
  };
}

export type IdentityLoaders = ReturnType<typeof createIdentityLoaders>;
