import type { NonEmptyArray } from 'type-graphql';
import type { SubgraphDefinition } from '../common/subgraph.types.js';
import { pagesArea } from './pages.area.js';
import { settingsArea } from './settings.area.js';
import { User } from './user.entity.js';
import { resolveUserReference } from './user.reference.js';
import { resolvePageReference } from './page.reference.js';
import { createWorkspaceLoaders, type WorkspaceLoaders } from './workspace.loaders.js';

const areas = [settingsArea, pagesArea];

export const workspace: SubgraphDefinition<WorkspaceLoaders> = {
  name: 'workspace',
  port: 4002,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: areas.flatMap((a) => a.resolvers) as NonEmptyArray<Function>,
  orphanedTypes: [User, ...areas.flatMap((a) => a.orphanedTypes ?? [])],
  references: { User: resolveUserReference, Page: resolvePageReference },
  entities: areas.flatMap((a) => a.entities),
  migrations: areas.flatMap((a) => a.migrations),
  createLoaders: createWorkspaceLoaders,
};
