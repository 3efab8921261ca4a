import { readFile } from 'node:fs/promises';
import type { Env } from '../subgraphs/common/env.js';
import { InternalClient } from '../subgraphs/common/internal-client.js';
import { JwtService } from '../subgraphs/common/jwt.js';
import type { Logger } from '../subgraphs/common/logger.js';
import { createBraingraphPubSub } from '../subgraphs/common/pubsub.js';
import { startSubgraph } from '../subgraphs/common/runtime.js';
import type { Secrets } from '../subgraphs/common/secrets.js';
import { SecretBox } from '../subgraphs/common/secret-box.js';
import { serveSubgraph } from '../subgraphs/common/subgraph-server.js';
import type { SubgraphDefinition } from '../subgraphs/common/subgraph.types.js';
import { DEFAULT_SUPERGRAPH, routingUrl } from './app.js';

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
  const bus = createBraingraphPubSub(env.redisUrl);
  let self: Awaited<ReturnType<typeof startSubgraph>> | undefined;
  const internal = new InternalClient((name) => {
    if (name === def.name && self) {
      const rt = self;
      return { kind: 'local', schema: rt.schema, contextFor: (identity) => rt.createContext(identity) };
    }
    const url = env.subgraphUrls[name] ?? routingUrl(supergraphSdl, name);
    return url ? { kind: 'remote', url } : undefined;
  }, secrets.internalSecret);
  const jwt = new JwtService(secrets.jwtSecret, env.accessTokenTtl, env.refreshTokenTtl);
  self = await startSubgraph(def, { clientUrl: databaseUrl, poolMax: env.dbPoolMax, deps: { env, jwt, pubsub: bus.pubsub, internal, logger, secretBox: new SecretBox(secrets.encryptionSecret) } });
  const server = await serveSubgraph(self, secrets.internalSecret, port, env.host);
  const runtime = self;
  return {
    url: server.url,
    runtime,
    close: async () => {
      await server.close();
      await runtime.close();
      await bus.close();
    },
  };
}
