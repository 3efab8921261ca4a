import type { GraphQLSchema } from 'graphql';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { RequestIdentity } from './auth-context.js';
import { buildFederatedSchema } from './build-subgraph.js';
import type { SubgraphDeps } from './deps.js';
import { migrate } from './migrations.js';
import { openOrm } from './orm.js';
import type { SubgraphContext, SubgraphDefinition } from './subgraph.types.js';

/** A subgraph ready to execute: its schema, its ORM, and how to build a request's context. */
export interface SubgraphRuntime<TLoaders = unknown> {
  def: SubgraphDefinition<TLoaders>;
  schema: GraphQLSchema;
  orm: MikroORM;
  createContext(identity: RequestIdentity): SubgraphContext<TLoaders>;
  /**
   * Starts the domain's background work (job handlers). Separate from start-up: handlers call their own subgraph
   * through the internal client, so the process must know this runtime first.
   */
  startBackground(): Promise<void>;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  clientUrl: string;
  poolMax: number;
  deps: SubgraphDeps;
}

/** Opens the subgraph's ORM, runs its migrations and builds its federated schema. */
export async function startSubgraph<TLoaders>(
  def: SubgraphDefinition<TLoaders>,
  { clientUrl, poolMax, deps }: RuntimeOptions,
): Promise<SubgraphRuntime<TLoaders>> {
  const orm = await openOrm({ schema: def.name, entities: def.entities, clientUrl, poolMax });
  try {
    await migrate(orm, def.name, def.migrations);
    const schema = await buildFederatedSchema(def as SubgraphDefinition, deps.pubsub);
    let stopBackground: (() => Promise<void>) | undefined;
    const createContext = (identity: RequestIdentity): SubgraphContext<TLoaders> => {
      const em = orm.em.fork();
      return { em, identity, loaders: def.createLoaders(em), deps };
    };
    return {
      def,
      schema,
      orm,
      createContext,
      async startBackground() {
        if (def.start && !stopBackground) stopBackground = await def.start({ deps, orm, createContext });
      },
      close: async () => {
        await stopBackground?.();
        await orm.close();
      },
    };
  } catch (e) {
    await orm.close();
    throw e;
  }
}
