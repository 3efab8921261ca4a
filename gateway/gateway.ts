import { ApolloGateway, type GraphQLDataSource } from '@apollo/gateway';
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

/** Where a subgraph is reached: in-process where it runs here, signed HTTP otherwise. Queries and subscriptions agree. */
export function createDataSourceFactory({ local, remote, urls = {}, internalSecret }: Omit<GatewayOptions, 'supergraphSdl'>) {
  const forcedRemote = (name: string) => remote.includes('all') || remote.includes(name);
  return {
    /** The in-process runtime serving `name`, unless it is to be reached over HTTP. */
    localRuntime: (name: string) => (forcedRemote(name) ? undefined : local.get(name)),
    urlOf: (name: string, routingUrl?: string) => urls[name] ?? routingUrl,
    build(name: string, routingUrl?: string): GraphQLDataSource {
      const runtime = forcedRemote(name) ? undefined : local.get(name);
      if (runtime) return new InProcessDataSource(runtime);
      const target = urls[name] ?? routingUrl;
      if (!target) throw new Error(`Subgraph ${name} has no routing URL and does not run in this process`);
      return new SignedRemoteDataSource(target, internalSecret);
    },
  };
}

export type DataSourceFactory = ReturnType<typeof createDataSourceFactory>;

/** @apollo/gateway over a static supergraph. */
export function createApolloGateway(supergraphSdl: string, sources: DataSourceFactory): ApolloGateway {
  return new ApolloGateway({ supergraphSdl, buildService: ({ name, url }) => sources.build(name, url) });
}
