import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityClass } from '@mikro-orm/core';
import type { Migration } from '../common/migrations.js';

/**
 * One area of the workspace domain (settings and layouts; pages, navigation, components and plugin state): its
 * resolvers, entities, migrations and loaders. index.ts merges the areas into one subgraph.
 */
export interface WorkspaceArea<TLoaders extends object> {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  entities: EntityClass<unknown>[];
  migrations: Migration[];
  createLoaders(em: EntityManager): TLoaders;
}
