import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import type { Env } from '../subgraphs/common/env.js';
import type { Logger } from '../subgraphs/common/logger.js';
import { startSubgraph, type SubgraphRuntime } from '../subgraphs/common/runtime.js';
import type { Secrets } from '../subgraphs/common/secrets.js';
import { subgraphs } from '../subgraphs/index.js';
import { createProcessDeps } from './process-deps.js';
import type { SubgraphDefinition } from '../subgraphs/common/subgraph.types.js';
import { Authenticator } from '../gateway/authenticate.js';
import { createApolloGateway, createDataSourceFactory } from '../gateway/gateway.js';
import { createGatewayServer, type GatewayServer } from '../gateway/server.js';
import { createFederatedSubscribe } from '../gateway/subscriptions/federated-subscribe.js';
import { SubscriptionPlanner } from '../gateway/subscriptions/subscription-plans.js';
import { createUpstream } from '../gateway/subscriptions/upstream.js';
import { createRateLimiter } from '../gateway/rate-limiter.js';
import { createRestCompat } from '../rest-compat/server.js';
import { allRows } from '../rest-compat/routes/index.js';

export const DEFAULT_SUPERGRAPH = fileURLToPath(new URL('../schema/supergraph.graphql', import.meta.url));

export interface AppOptions {
  env: Env;
  secrets: Secrets;
  databaseUrl: string;
  logger: Logger;
  /** Subgraphs to run in this process. @default every subgraph, less env.remoteSubgraphs */
  subgraphNames?: string[];
  /** Serve rest-compat (on env.restPorts). @default true */
  rest?: boolean;
  /** The domains this build knows. @default every subgraph of subgraphs/index.ts */
  definitions?: SubgraphDefinition<any>[];
  /** A composed supergraph to serve instead of SUPERGRAPH_PATH or the committed file (tests compose their own). */
  supergraphSdl?: string;
}

export interface App {
  gateway: GatewayServer;
  runtimes: Map<string, SubgraphRuntime<any>>;
  urls: { graphql: string; rest: string[] };
  close(): Promise<void>;
}

/** Builds and starts braingraph in this process: subgraphs, the gateway and rest-compat. */
export async function startApp({ env, secrets, databaseUrl, logger, subgraphNames, rest = true, definitions = subgraphs, supergraphSdl: givenSdl }: AppOptions): Promise<App> {
  // @apollo/gateway reports telemetry and probes cloud metadata unless told not to (DESIGN §12.13).
  if (!env.apolloTelemetry) process.env.APOLLO_TELEMETRY_DISABLED = 'true';

  const closers: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const fn of closers.reverse()) await fn().catch((e) => logger.error({ err: e }, 'shutdown step failed'));
  };

  try {
    const runtimes = new Map<string, SubgraphRuntime<any>>();
    const supergraphSdl = givenSdl ?? (await readFile(env.supergraphPath ?? DEFAULT_SUPERGRAPH, 'utf8'));
    const processDeps = createProcessDeps({ env, secrets, databaseUrl, logger, runtimes, routingUrl: (name) => routingUrl(supergraphSdl, name) });
    const { deps } = processDeps;
    closers.push(processDeps.close);
    const redis = env.redisUrl ? new Redis(env.redisUrl, { maxRetriesPerRequest: 3 }) : undefined;
    if (redis) closers.push(() => redis.quit());

    const wanted = subgraphNames ?? definitions.map((s) => s.name).filter((n) => !env.remoteSubgraphs.includes(n) && !env.remoteSubgraphs.includes('all'));
    for (const def of definitions.filter((s) => wanted.includes(s.name))) {
      const runtime = await startSubgraph(def, { clientUrl: databaseUrl, poolMax: env.dbPoolMax, deps });
      runtimes.set(def.name, runtime);
      closers.push(() => runtime.close());
    }
    for (const runtime of runtimes.values()) await runtime.startBackground();
    closers.push(processDeps.stopWorkers);

    const limiter = createRateLimiter(redis ? { redis, prefix: `${env.redisKeyPrefix}rl:` } : undefined);
    const minute = (name: string, limit: number) => ({ name, limit, windowSeconds: 60 });
    const authenticator = new Authenticator(deps.jwt, deps.internal);
    const sources = createDataSourceFactory({
      local: runtimes,
      remote: env.remoteSubgraphs,
      urls: env.subgraphUrls,
      internalSecret: secrets.internalSecret,
    });
    const planner = new SubscriptionPlanner(supergraphSdl);
    const upstream = createUpstream(sources, (name) => routingUrl(supergraphSdl, name), secrets.internalSecret);
    closers.push(upstream.close);
    const gateway = await createGatewayServer({
      subscriptions: { schema: planner.apiSchema, subscribe: createFederatedSubscribe(planner, sources, upstream.open) },
      gateway: createApolloGateway(supergraphSdl, sources),
      authenticator,
      limiter,
      limits: {
        auth: minute('auth', env.rateLimitAuthPerMin),
        perIp: minute('default', env.rateLimitPerMin),
        perUser: minute('user', env.rateLimitUserPerMin),
      },
      production: env.nodeEnv === 'production',
      introspection: env.introspection,
      maxBodyBytes: env.maxBodyBytes,
      corsOrigins: env.corsOrigins,
      trustProxy: env.trustProxy,
      logger,
    });
    const gatewayPort = await gateway.listen(env.gatewayPort, env.host);
    closers.push(() => gateway.close());

    const restUrls: string[] = [];
    if (rest) {
      const restCompat = createRestCompat({
        rows: allRows,
        executor: gateway.executor,
        identify: (headers) => authenticator.identifyHeaders(headers),
        rateLimiter: limiter,
        rateLimits: {
          auth: { perIp: env.rateLimitAuthPerMin },
          default: { perIp: env.rateLimitPerMin, perUser: env.rateLimitUserPerMin },
          braingarden: { perIp: env.rateLimitBrainGardenPerMin },
        },
        corsOrigins: env.corsOrigins,
        maxBodyBytes: env.maxBodyBytes,
        trustProxy: env.trustProxy,
        secureCookies: env.cookieSecure === 'auto' ? 'auto' : env.cookieSecure === 'true',
        blobs: deps.blobs,
        maxUploadBytes: env.maxUploadBytes,
        logger,
      });
      for (const port of env.restPorts) {
        const server = await restCompat.listen(port, env.host);
        closers.push(() => server.close());
        restUrls.push(`http://${hostForUrl(env.host)}:${server.port}`);
      }
    }

    return {
      gateway,
      runtimes,
      urls: { graphql: `http://${hostForUrl(env.host)}:${gatewayPort}/graphql`, rest: restUrls },
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}

const hostForUrl = (host: string) => (host === '0.0.0.0' || host === '127.0.0.1' ? 'localhost' : host);

/** The `@join__graph(name:, url:)` a supergraph gives a subgraph. */
export function routingUrl(supergraphSdl: string, name: string): string | undefined {
  const m = new RegExp(`@join__graph\\(name: "${name}", url: "([^"]*)"\\)`).exec(supergraphSdl);
  return m?.[1] || undefined;
}
