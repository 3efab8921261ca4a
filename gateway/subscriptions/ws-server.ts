import type { Server } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { print, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { Authenticator } from '../authenticate.js';
import { buildRequestContext, type GatewayRequestContext } from '../request-context.js';
import type { createFederatedSubscribe } from './federated-subscribe.js';

export interface SubscriptionServerOptions {
  httpServer: Server;
  /** The public API schema: what clients may ask, validated before anything runs. */
  schema: GraphQLSchema;
  authenticator: Authenticator;
  subscribe: ReturnType<typeof createFederatedSubscribe>;
  apollo: ApolloServer<GatewayRequestContext>;
}

/** Lower-cased credential headers from connectionParams (`authorization`, `x-api-key`, …), as browsers can't set headers. */
function paramsAsHeaders(params: Readonly<Record<string, unknown>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params ?? {})) if (typeof v === 'string') out[k.toLowerCase()] = v;
  return out;
}

/**
 * graphql-ws on the gateway's `/graphql` (DESIGN §6): authenticates once per connection (connectionParams, else the
 * upgrade request's headers and cookie; credentials that fail close with 4403), runs subscriptions across the graph
 * and hands queries and mutations sent over the socket to the gateway. graphql-ws owns the protocol: 4400, 4401,
 * 4408, 4409, 4429 and ping/pong.
 */
export function attachSubscriptionServer(o: SubscriptionServerOptions) {
  const wss = new WebSocketServer({ server: o.httpServer, path: '/graphql' });
  const contexts = new WeakMap<object, GatewayRequestContext>();
  const server = useServer<Record<string, unknown>>(
    {
      schema: o.schema,
      async onConnect(ctx) {
        const request = ctx.extra.request;
        const headers = { ...request.headers, ...paramsAsHeaders(ctx.connectionParams) };
        const context = await buildRequestContext(o.authenticator, headers, request.socket.remoteAddress ?? 'unknown');
        if (context.identity.authError) return false;
        contexts.set(ctx, context);
        return true;
      },
      context: (ctx) => contexts.get(ctx) as unknown as Record<string, unknown>,
      subscribe: (args) =>
        o.subscribe({
          document: args.document,
          variableValues: args.variableValues as Record<string, unknown> | undefined,
          operationName: args.operationName,
          contextValue: args.contextValue as unknown as GatewayRequestContext,
        }),
      async execute(args): Promise<ExecutionResult> {
        const response = await o.apollo.executeOperation(
          { query: print(args.document), variables: args.variableValues as Record<string, unknown>, operationName: args.operationName ?? undefined },
          { contextValue: { ...(args.contextValue as unknown as GatewayRequestContext) } },
        );
        return response.body.kind === 'single' ? (response.body.singleResult as ExecutionResult) : { errors: [] };
      },
    },
    wss,
  );
  return {
    async close() {
      await server.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
