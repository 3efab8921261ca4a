import { createServer, type Server } from 'node:http';
import { createGraphiql } from './graphiql.js';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { ApolloGateway } from '@apollo/gateway';
import express from 'express';
import { GraphQLError, print, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { Logger } from '../subgraphs/common/logger.js';
import type { OperationExecutor } from '../rest-compat/route.types.js';
import type { Authenticator } from './authenticate.js';
import { createErrorFormatter } from './format-error.js';
import { operationLimitsPlugin, type OperationLimits } from './operation-limits.js';
import type { RateLimiter } from './rate-limiter.js';
import { buildRequestContext, type GatewayRequestContext } from './request-context.js';
import type { createFederatedSubscribe } from './subscriptions/federated-subscribe.js';
import { attachSubscriptionServer } from './subscriptions/ws-server.js';

export interface GatewayServerOptions {
  gateway: ApolloGateway;
  authenticator: Authenticator;
  limiter: RateLimiter;
  limits: OperationLimits;
  production: boolean;
  introspection: boolean;
  maxBodyBytes: number;
  corsOrigins: string[];
  trustProxy: boolean;
  logger: Logger;
  /** Subscriptions over graphql-ws on /graphql, when the supergraph has any. */
  subscriptions?: { schema: GraphQLSchema; subscribe: ReturnType<typeof createFederatedSubscribe> };
}

export interface GatewayServer {
  apollo: ApolloServer<GatewayRequestContext>;
  httpServer: Server;
  /** Runs operations in this process for rest-compat, which has already rate-limited the route. */
  executor: OperationExecutor;
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
}

/**
 * The gateway's HTTP face: POST/GET /graphql (Sandbox landing page on GET), a local GraphiQL on /graphiql, CSRF
 * prevention, error masking.
 */
export async function createGatewayServer(o: GatewayServerOptions): Promise<GatewayServer> {
  const app = express();
  app.disable('x-powered-by');
  if (o.trustProxy) app.set('trust proxy', true);
  const httpServer = createServer(app);
  const apollo = new ApolloServer<GatewayRequestContext>({
    gateway: o.gateway,
    csrfPrevention: true,
    // bin/shutdown.ts owns SIGINT/SIGTERM and stops everything in order; Apollo's own handler would race it.
    stopOnTerminationSignals: false,
    introspection: o.introspection,
    includeStacktraceInErrorResponses: !o.production,
    formatError: createErrorFormatter(o.production),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: true }),
      operationLimitsPlugin(o.limiter, o.limits),
    ],
  });
  await apollo.start();

  const graphiql = createGraphiql();
  app.use((req, res, next) => (req.path.startsWith('/graphiql') && graphiql.handle(req, res, req.path) ? undefined : next()));

  app.use('/graphql', (req, res, next) => {
    const origin = req.headers.origin;
    if (origin && o.corsOrigins.includes(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Vary', 'Origin');
      if (req.method === 'OPTIONS') {
        res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
        res.setHeader(
          'Access-Control-Allow-Headers',
          'authorization, content-type, accept, apollo-require-preflight, x-apollo-operation-name, x-api-key, x-bg-api-key',
        );
        res.status(204).end();
        return;
      }
    }
    next();
  });
  app.use(
    '/graphql',
    express.json({ limit: o.maxBodyBytes }),
    expressMiddleware(apollo, {
      context: ({ req }) => buildRequestContext(o.authenticator, req.headers, req.ip ?? 'unknown', req.get('x-request-id')),
    }),
  );

  const ws = o.subscriptions?.schema.getSubscriptionType()
    ? attachSubscriptionServer({ httpServer, schema: o.subscriptions.schema, authenticator: o.authenticator, subscribe: o.subscriptions.subscribe, apollo })
    : undefined;

  const printed = new WeakMap<DocumentNode, string>();
  const executor: OperationExecutor = {
    async execute({ document, variables, headers, ip, requestId }): Promise<ExecutionResult> {
      let query = printed.get(document);
      if (!query) printed.set(document, (query = print(document)));
      const contextValue = await buildRequestContext(o.authenticator, headers, ip, requestId, true);
      const response = await apollo.executeOperation({ query, variables }, { contextValue });
      if (response.body.kind !== 'single') throw new Error('incremental delivery is not used by rest-compat');
      return response.body.singleResult as ExecutionResult;
    },
    async subscribe({ document, variables, headers, ip, requestId }) {
      if (!o.subscriptions) return { errors: [new GraphQLError('subscriptions are not served here')] };
      const contextValue = await buildRequestContext(o.authenticator, headers, ip, requestId, true);
      return o.subscriptions.subscribe({ document, variableValues: variables, contextValue });
    },
  };

  return {
    apollo,
    httpServer,
    executor,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => resolve((httpServer.address() as AddressInfo).port));
      }),
    close: async () => {
      // Sockets first: the drain plugin waits for open connections, and a subscription never ends by itself.
      await ws?.close();
      await apollo.stop();
    },
  };
}
