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

    // A hand-written iterator, not an async generator: a generator's return() waits for the pending next(), so a
    // client that leaves would keep a quiet upstream open until its next event. Here return() ends it at once.
    const iterator = stream[Symbol.asyncIterator]();
    let finished = false;
    const end = async (): Promise<IteratorReturnResult<undefined>> => {
      if (!finished) {
        finished = true;
        await iterator.return?.();
      }
      return { done: true, value: undefined };
    };
    const events: AsyncGenerator<ExecutionResult> = {
      [Symbol.asyncIterator]() {
        return this;
      },
      async next() {
        if (finished) return { done: true, value: undefined };
        const next = await iterator.next();
        if (finished) return { done: true, value: undefined };
        if (next.done) return end();
        const event = next.value;
        if (!event.data) return { done: false, value: { errors: event.errors ?? [new GraphQLError('subscription ended without data')] } };
        return { done: false, value: await complete(event) };
      },
      return: () => {
        // Not awaited by the caller's unsubscribe: the upstream's own return may wait for its pending read.
        void end();
        return Promise.resolve({ done: true, value: undefined });
      },
      async throw(e) {
        await end();
        throw e;
      },
    };

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

    return events;
  };
}
