import { readFile } from 'node:fs/promises';
import type { Env } from '../subgraphs/common/env.js';
import type { Logger } from '../subgraphs/common/logger.js';
import { startSubgraph, type SubgraphRuntime } from '../subgraphs/common/runtime.js';
import type { Secrets } from '../subgraphs/common/secrets.js';
import { serveSubgraph } from '../subgraphs/common/subgraph-server.js';
import type { SubgraphDefinition } from '../subgraphs/common/subgraph.types.js';
import { DEFAULT_SUPERGRAPH, routingUrl } from './app.js';
import { createProcessDeps } from './process-deps.js';

export interface StandaloneOptions {
  def: SubgraphDefinition<any>;
  env: Env;
  secrets: Secrets;
  databaseUrl: string;
  logger: Logger;
  port: number;
}

/** One subgraph in its own process: its runtime, its HTTP endpoint, internal calls to others over HTTP. */
export async function startStandaloneSubgraph({ def, env, secrets, databaseUrl, logger, port }: StandaloneOptions) {
  const supergraphSdl = await readFile(env.supergraphPath ?? DEFAULT_SUPERGRAPH, 'utf8');
  const runtimes = new Map<string, SubgraphRuntime<any>>();
  const processDeps = createProcessDeps({ env, secrets, databaseUrl, logger, runtimes, routingUrl: (name) => routingUrl(supergraphSdl, name) });
  const runtime = await startSubgraph(def, { clientUrl: databaseUrl, poolMax: env.dbPoolMax, deps: processDeps.deps });
  runtimes.set(def.name, runtime);
  await runtime.startBackground();
  const server = await serveSubgraph(runtime, secrets.internalSecret, port, env.host);
  return {
    url: server.url,
    runtime,
    close: async () => {
      await server.close();
      await processDeps.stopWorkers();
      await runtime.close();
      await processDeps.close();
    },
  };
}
