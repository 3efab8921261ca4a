import { RemoteGraphQLDataSource, type GraphQLDataSource } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { execute, parse, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import { CONTEXT_HEADER, signIdentity } from '../subgraphs/common/auth-context.js';
import type { SubgraphContext } from '../subgraphs/common/subgraph.types.js';
import type { SubgraphRuntime } from '../subgraphs/common/runtime.js';
import type { GatewayContext } from './gateway.context.js';

/** Query plans reuse the same fetch documents, so each is parsed once. Bounded: a plan cache's worth. */
const MAX_DOCUMENTS = 2_000;

/**
 * Runs a subgraph in this process, with no network hop. One subgraph context (forked EntityManager, loaders) per
 * gateway request, shared by every fetch of that request's plan, so DataLoader batches across fetches.
 */
export class InProcessDataSource implements GraphQLDataSource<Record<string, any>> {
  private readonly contexts = new WeakMap<object, SubgraphContext>();
  private readonly documents = new Map<string, DocumentNode>();

  constructor(private readonly runtime: SubgraphRuntime) {}

  async process({ request, context }: { request: { query?: string; variables?: Record<string, unknown> }; context: Record<string, any> }): Promise<GatewayGraphQLResponse> {
    const gatewayContext = context as GatewayContext;
    let subgraphContext = this.contexts.get(context);
    if (!subgraphContext) {
      subgraphContext = this.runtime.createContext(gatewayContext.identity ?? { auth: null });
      this.contexts.set(context, subgraphContext);
    }
    const result = await execute({
      schema: this.runtime.schema,
      document: this.document(request.query ?? ''),
      variableValues: request.variables,
      contextValue: subgraphContext,
    });
    return {
      data: result.data as Record<string, unknown> | null | undefined,
      errors: result.errors?.map((e) => e.toJSON() as GraphQLFormattedError),
    };
  }

  private document(query: string): DocumentNode {
    let doc = this.documents.get(query);
    if (!doc) {
      doc = parse(query);
      if (this.documents.size >= MAX_DOCUMENTS) this.documents.delete(this.documents.keys().next().value!);
      this.documents.set(query, doc);
    }
    return doc;
  }
}

/** Reaches a subgraph over HTTP, carrying the edge's identity as a signed header (DESIGN §5). */
export class SignedRemoteDataSource extends RemoteGraphQLDataSource<Record<string, any>> {
  constructor(url: string, private readonly secret: string) {
    super({ url });
  }

  willSendRequest({ request, context }: { request: { http?: { headers: { set(name: string, value: string): void } } }; context: Record<string, any> }) {
    const identity = (context as GatewayContext).identity ?? { auth: null };
    request.http?.headers.set(CONTEXT_HEADER, signIdentity(identity, this.secret));
  }
}
