import { buildSchema, createResolversMap } from 'type-graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { lexicographicSortSchema, parse, type GraphQLSchema } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import type { SubgraphDefinition } from './subgraph.types.js';
import { createPubSub } from '@graphql-yoga/subscription';
import type { BraingraphPubSub } from './pubsub.js';

/** Federation 2 header every subgraph shares; `@inaccessible` hides internal operations from the public graph. */
const LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7",
  import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible"])`;

/** The subgraph's SDL with federation directives, as composition and `schema/subgraphs/*.graphql` see it. */
export async function buildSubgraphSdl(
  def: SubgraphDefinition,
  pubSub: BraingraphPubSub = createPubSub() as BraingraphPubSub,
): Promise<{ sdl: string; typeSchema: GraphQLSchema }> {
  const typeSchema = await buildSchema({
    // `@Subscription({ topics })` resolvers read the shared bus (Redis across replicas when configured).
    pubSub,
    resolvers: def.resolvers,
    orphanedTypes: def.orphanedTypes,
    // A subgraph may have no Query of its own, and federation adds _entities/_service later.
    skipCheck: true,
    validate: false,
    emitSchemaFile: false,
  });
  // Sorted: type-graphql orders fields by when resolver modules were evaluated, which differs between Node and
  // vitest once a module has a top-level await; the committed schema must not depend on it.
  return { sdl: `${LINK}\n\n${printSchemaWithDirectives(lexicographicSortSchema(typeSchema))}`, typeSchema };
}

/** Builds an executable federated subgraph schema: type-graphql resolvers plus the reference resolvers. */
export async function buildFederatedSchema(def: SubgraphDefinition, pubSub: BraingraphPubSub): Promise<GraphQLSchema> {
  const { sdl, typeSchema } = await buildSubgraphSdl(def, pubSub);
  const resolvers = createResolversMap(typeSchema) as GraphQLResolverMap<unknown>;
  for (const [typeName, resolve] of Object.entries(def.references ?? {})) {
    const existing = (resolvers[typeName] ?? {}) as Record<string, unknown>;
    resolvers[typeName] = { ...existing, __resolveReference: resolve } as never;
  }
  return buildSubgraphSchema({ typeDefs: parse(sdl), resolvers });
}
