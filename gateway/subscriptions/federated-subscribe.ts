import { executeQueryPlan, type GraphQLDataSource, type ServiceMap } from '@apollo/gateway';
import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { GraphQLError, print, type DocumentNode, type ExecutionResult } from 'graphql';
import type { DataSourceFactory } from '../gateway.js';
import type { GatewayRequestContext } from '../request-context.js';
import type { SubscriptionPlanner } from './subscription-plans.js';
import type { OpenUpstream } from './upstream.js';

export interface FederatedSubscribeArgs {
  document: DocumentNode;
  variableValues?: Record<string, unknown> | null;
  operationName?: string | null;
  contextValue: GatewayRequestContext;
}

/**
 * Runs a subscription across the graph (DESIGN §6): the owning subgraph streams events; each event is completed
 * by the gateway's own plan executor, which fetches the fields other subgraphs own (e.g. `Job.user { username }`)
 * exactly as it would for a query, with the event standing in for the owner's fetch.
 */
export function createFederatedSubscribe(planner: SubscriptionPlanner, sources: DataSourceFactory, open: OpenUpstream) {
  const services: ServiceMap = {};
  for (const subgraph of planner.supergraph.subgraphs()) services[subgraph.name] = sources.build(subgraph.name, subgraph.url);

  return async function subscribeFederated(args: FederatedSubscribeArgs): Promise<AsyncGenerator<ExecutionResult> | ExecutionResult> {
    let plan;
    try {
      plan = planner.plan(args.document, args.operationName);
    } catch (e) {
      return { errors: [e instanceof GraphQLError ? e : new GraphQLError((e as Error).message)] };
    }
    const variables = args.variableValues ?? {};
    const primaryVariables = Object.fromEntries((plan.primary.variableUsages ?? []).map((name) => [name, variables[name]]));
    const stream = await open(plan.primary.serviceName, plan.primary.operation, primaryVariables, args.contextValue.identity);
    const query = print(args.document);
    const owner = services[plan.primary.serviceName];

    async function* events(): AsyncGenerator<ExecutionResult> {
      const iterator = stream[Symbol.asyncIterator]();
      try {
        for (;;) {
          const next = await iterator.next();
          if (next.done) return;
          const event = next.value;
          if (!event.data) {
            yield { errors: event.errors ?? [new GraphQLError('subscription ended without data')] };
            continue;
          }
          yield await complete(event);
        }
      } finally {
        await iterator.return?.();
      }
    }

    // Even with nothing else to fetch, the executor shapes the event, so aliases and fragments come out as asked.
    async function complete(event: ExecutionResult): Promise<ExecutionResult> {
      const eventSource: GraphQLDataSource = {
        process: (options) =>
          options.request.query === plan!.primary.operation
            ? Promise.resolve({ data: event.data as Record<string, unknown>, errors: event.errors?.map((e) => e.toJSON?.() ?? e) as never })
            : owner.process(options),
      };
      const requestContext = {
        request: { query, variables, operationName: args.operationName ?? undefined },
        // A fresh context object per event: in-process subgraphs key their per-request context (EntityManager fork,
        // DataLoaders) on it, so no event sees another's cached rows.
        context: { ...args.contextValue },
        metrics: {},
        logger: undefined,
      } as unknown as GatewayGraphQLRequestContext;
      const result = await executeQueryPlan(
        plan!.perEvent,
        { ...services, [plan!.primary.serviceName]: eventSource },
        requestContext,
        plan!.operationContext,
        planner.supergraphSchema,
        planner.supergraph.apiSchema(),
      );
      return result as ExecutionResult;
    }

    return events();
  };
}
