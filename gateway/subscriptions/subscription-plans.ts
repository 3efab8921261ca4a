import { buildOperationContext } from '@apollo/gateway';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner, type FetchNode, type PlanNode, type QueryPlan } from '@apollo/query-planner';
import { print, type DocumentNode, type GraphQLSchema } from 'graphql';

type OperationContext = ReturnType<typeof buildOperationContext>;

/** How one subscription document runs: the owner's fetch that opens the stream, then what fills each event. */
export interface SubscriptionPlan {
  /** The owning subgraph's subscription (its name and document). */
  primary: FetchNode;
  /** Entity fetches for the fields other subgraphs own, run on every event; absent when the owner has it all. */
  rest?: PlanNode;
  /** The whole plan as the gateway executes it per event: the primary fetch answered by the event itself. */
  perEvent: QueryPlan;
  operationContext: OperationContext;
}

/** The most plans kept; subscriptions are few distinct documents, so this is a guard, not a tuning knob. */
const MAX_PLANS = 500;

/**
 * Plans subscriptions with Apollo's own query planner over the same supergraph the gateway serves. @apollo/gateway
 * plans them but refuses to execute them; we run the primary fetch as a stream and the rest with executeQueryPlan.
 */
export class SubscriptionPlanner {
  readonly supergraph: Supergraph;
  readonly apiSchema: GraphQLSchema;
  readonly supergraphSchema: GraphQLSchema;
  private readonly planner: QueryPlanner;
  private readonly plans = new Map<string, SubscriptionPlan>();

  constructor(supergraphSdl: string) {
    this.supergraph = Supergraph.build(supergraphSdl);
    this.apiSchema = this.supergraph.apiSchema().toGraphQLJSSchema();
    this.supergraphSchema = this.supergraph.schema.toGraphQLJSSchema();
    this.planner = new QueryPlanner(this.supergraph);
  }

  plan(document: DocumentNode, operationName?: string | null): SubscriptionPlan {
    const key = `${operationName ?? ''}\n${print(document)}`;
    const cached = this.plans.get(key);
    if (cached) return cached;
    const operation = operationFromDocument(this.supergraph.apiSchema(), document, { operationName: operationName ?? undefined });
    const queryPlan = this.planner.buildQueryPlan(operation);
    const node = queryPlan.node;
    if (node?.kind !== 'Subscription') throw new Error('not a subscription operation');
    const plan: SubscriptionPlan = {
      primary: node.primary,
      rest: node.rest,
      perEvent: { kind: 'QueryPlan', node: node.rest ? { kind: 'Sequence', nodes: [node.primary, node.rest] } : node.primary },
      operationContext: buildOperationContext({ schema: this.apiSchema, operationDocument: document, operationName: operationName ?? undefined }),
    };
    if (this.plans.size >= MAX_PLANS) this.plans.delete(this.plans.keys().next().value!);
    this.plans.set(key, plan);
    return plan;
  }
}
