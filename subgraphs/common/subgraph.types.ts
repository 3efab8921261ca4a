import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityClass } from '@mikro-orm/core';
import type { NonEmptyArray } from 'type-graphql';
import type { RequestIdentity } from './auth-context.js';
import type { Migration } from './migrations.js';
import type { SubgraphDeps } from './deps.js';
import type { MikroORM } from '@mikro-orm/postgresql';

/** What every resolver of every subgraph receives. */
export interface SubgraphContext<TLoaders = unknown> {
  /** Forked per request: no identity map is shared between requests. */
  em: EntityManager;
  identity: RequestIdentity;
  /** Built per request, so batching and caching never cross callers. */
  loaders: TLoaders;
  deps: SubgraphDeps;
}

/** Resolves an entity that another subgraph refers to by `@key(fields: "id")`. */
export type ReferenceResolver<TLoaders> = (ref: { id: string }, ctx: SubgraphContext<TLoaders>) => unknown;

/** A domain, as its `index.ts` lists it: parts only, no plumbing. */
export interface SubgraphDefinition<TLoaders = unknown> {
  /** Also the Postgres schema it owns and its name in the supergraph. */
  name: string;
  // type-graphql takes resolver classes as constructors.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  /** GraphQL type name → reference resolver. */
  references?: Record<string, ReferenceResolver<TLoaders>>;
  entities: EntityClass<unknown>[];
  migrations: Migration[];
  createLoaders(em: EntityManager): TLoaders;
  /** Background work the domain runs while it is up (job handlers); returns how to stop it. */
  start?(runtime: { deps: SubgraphDeps; orm: MikroORM; createContext(identity: RequestIdentity): SubgraphContext<TLoaders> }): Promise<() => Promise<void>>;
  /** Port when it runs as its own process (`npm run start:subgraph -- <name>`). */
  port: number;
}
