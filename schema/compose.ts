import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { parse, printSchema } from 'graphql';
import { buildSubgraphSdl } from '../subgraphs/common/build-subgraph.js';
import type { SubgraphDefinition } from '../subgraphs/common/subgraph.types.js';

export interface Composed {
  /** Subgraph name → its SDL (with federation directives). */
  subgraphs: Record<string, string>;
  supergraph: string;
  /** The public API schema (no join__ types, no @inaccessible fields): what clients and codegen see. */
  apiSchema: string;
}

/** Composes the subgraphs into a supergraph; routing URLs are the subgraphs' own ports on localhost. */
export async function composeSupergraph(defs: SubgraphDefinition<any>[]): Promise<Composed> {
  const subgraphs: Record<string, string> = {};
  for (const def of defs) subgraphs[def.name] = (await buildSubgraphSdl(def)).sdl;
  const result = composeServices(
    defs.map((def) => ({ name: def.name, url: `http://localhost:${def.port}/graphql`, typeDefs: parse(subgraphs[def.name]) })),
  );
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  const apiSchema = printSchema(Supergraph.build(result.supergraphSdl).apiSchema().toGraphQLJSSchema());
  return { subgraphs, supergraph: result.supergraphSdl, apiSchema };
}
