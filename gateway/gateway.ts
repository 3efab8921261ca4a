import { ApolloGateway } from '@apollo/gateway';
import type { SubgraphRuntime } from '../subgraphs/common/runtime.js';
import { InProcessDataSource, SignedRemoteDataSource } from './data-sources.js';

export interface GatewayOptions {
  /** The composed supergraph (static: the committed file, or SUPERGRAPH_PATH). */
  supergraphSdl: string;
  /** Subgraphs running in this process, by name. */
  local: Map<string, SubgraphRuntime<any>>;
  /** Subgraph names to reach over HTTP even when they run here; `all` forces every one remote. */
  remote: string[];
  /** Routing URL overrides by subgraph name (otherwise the supergraph's `@join__graph(url:)`). */
  urls?: Record<string, string>;
  internalSecret: string;
}

/** @apollo/gateway over a static supergraph: in-process subgraphs where they run here, signed HTTP otherwise. */
export function createApolloGateway({ supergraphSdl, local, remote, urls = {}, internalSecret }: GatewayOptions): ApolloGateway {
  const forcedRemote = (name: string) => remote.includes('all') || remote.includes(name);
  return new ApolloGateway({
    supergraphSdl,
    buildService({ name, url }) {
      const runtime = local.get(name);
      if (runtime && !forcedRemote(name)) return new InProcessDataSource(runtime);
      const target = urls[name] ?? url;
      if (!target) throw new Error(`Subgraph ${name} has no routing URL and does not run in this process`);
      return new SignedRemoteDataSource(target, internalSecret);
    },
  });
}
