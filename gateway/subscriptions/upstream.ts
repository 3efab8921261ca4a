import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { GraphQLError, Kind, parse, print, subscribe, type DocumentNode, type ExecutionResult, type OperationDefinitionNode } from 'graphql';
import { CONTEXT_HEADER, signIdentity, type RequestIdentity } from '../../subgraphs/common/auth-context.js';
import type { DataSourceFactory } from '../gateway.js';

/** Opens an owner subgraph's event stream for one subscription. */
export type OpenUpstream = (subgraph: string, query: string, variables: Record<string, unknown>, identity: RequestIdentity) => Promise<AsyncIterable<ExecutionResult>>;

/**
 * A subscription's root allows exactly one field, so the planner's `__typename` beside it must go before the owner
 * sees the document (DESIGN §12.8); the event data gets no `__typename` at the root either, and needs none.
 */
function withoutRootTypename(document: DocumentNode): DocumentNode {
  return {
    ...document,
    definitions: document.definitions.map((d) =>
      d.kind === Kind.OPERATION_DEFINITION
        ? ({
            ...d,
            selectionSet: {
              ...d.selectionSet,
              selections: d.selectionSet.selections.filter((s) => !(s.kind === Kind.FIELD && s.name.value === '__typename')),
            },
          } as OperationDefinitionNode)
        : d,
    ),
  };
}

async function* single(result: ExecutionResult): AsyncGenerator<ExecutionResult> {
  yield result;
}

/**
 * In-process owners run graphql's `subscribe` on their schema with a context of their own; remote owners are reached
 * over graphql-ws, one shared connection per subgraph, the caller's identity signed into each subscribe message.
 */
export function createUpstream(sources: DataSourceFactory, routingUrl: (name: string) => string | undefined, internalSecret: string) {
  const documents = new Map<string, DocumentNode>();
  const clients = new Map<string, Client>();

  const documentOf = (query: string) => {
    let doc = documents.get(query);
    if (!doc) {
      doc = withoutRootTypename(parse(query));
      if (documents.size > 500) documents.clear();
      documents.set(query, doc);
    }
    return doc;
  };

  const clientFor = (name: string): Client => {
    let client = clients.get(name);
    if (client) return client;
    const url = sources.urlOf(name, routingUrl(name));
    if (!url) throw new GraphQLError(`Subgraph ${name} is not reachable`, { extensions: { code: 'UPSTREAM_UNAVAILABLE' } });
    client = createClient({
      url: url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      lazy: true,
      // The connection itself proves it comes from a gateway; each subscription carries its caller's identity.
      connectionParams: () => ({ [CONTEXT_HEADER]: signIdentity({ auth: null, internal: true }, internalSecret) }),
      retryAttempts: 3,
    });
    clients.set(name, client);
    return client;
  };

  const open: OpenUpstream = async (name, query, variables, identity) => {
    const runtime = sources.localRuntime(name);
    if (runtime) {
      const result = await subscribe({
        schema: runtime.schema,
        document: documentOf(query),
        variableValues: variables,
        contextValue: runtime.createContext(identity),
      });
      return Symbol.asyncIterator in result ? result : single(result);
    }
    const iterator = clientFor(name).iterate({
      query: print(documentOf(query)),
      variables,
      extensions: { [CONTEXT_HEADER]: signIdentity(identity, internalSecret) },
    });
    return relayErrors(iterator);
  };

  return {
    open,
    async close() {
      await Promise.all([...clients.values()].map((c) => c.dispose()));
      clients.clear();
    },
  };
}

/** graphql-ws's `iterate()` throws the subgraph's errors as an array (DESIGN §12.8): turn them into an event. */
async function* relayErrors(source: AsyncIterable<unknown>): AsyncGenerator<ExecutionResult> {
  try {
    for await (const event of source) yield event as ExecutionResult;
  } catch (e) {
    const errors = Array.isArray(e) ? e : [e];
    yield { errors: errors.map((err) => new GraphQLError(err?.message ?? 'upstream subscription failed', { extensions: err?.extensions })) };
  }
}
