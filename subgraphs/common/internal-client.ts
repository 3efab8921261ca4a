import { execute, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { CONTEXT_HEADER, signIdentity, type RequestIdentity } from './auth-context.js';
import { UpstreamUnavailableError } from './errors.js';

/** Where an internal operation's owner runs: in this process, or behind an HTTP URL. */
export type InternalTarget =
  | { kind: 'local'; schema: GraphQLSchema; contextFor(identity: RequestIdentity): unknown }
  | { kind: 'remote'; url: string };

/**
 * The only side door between domains (DESIGN §2): runs an owner's internal operation (hidden from the public
 * graph with `@inaccessible`) with the internal identity — in-process, or over HTTP with a signed context.
 */
export class InternalClient {
  constructor(
    private readonly targets: (subgraph: string) => InternalTarget | undefined,
    private readonly secret: string,
  ) {}

  async request<TData, TVars extends Record<string, unknown>>(
    subgraph: string,
    document: TypedDocumentNode<TData, TVars>,
    variables: TVars,
  ): Promise<TData> {
    const target = this.targets(subgraph);
    if (!target) throw new UpstreamUnavailableError(`Subgraph ${subgraph} is not available`, 'not_configured');
    const identity: RequestIdentity = { auth: null, internal: true };
    const result =
      target.kind === 'local'
        ? await execute({
            schema: target.schema,
            document: document as DocumentNode,
            variableValues: variables,
            contextValue: target.contextFor(identity),
          })
        : await this.overHttp(target.url, document as DocumentNode, variables, identity);
    if (result.errors?.length) {
      const [first] = result.errors;
      throw new GraphQLError(first.message, { extensions: first.extensions });
    }
    return result.data as TData;
  }

  private async overHttp(url: string, document: DocumentNode, variables: unknown, identity: RequestIdentity) {
    const { print } = await import('graphql');
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CONTEXT_HEADER]: signIdentity(identity, this.secret) },
        body: JSON.stringify({ query: print(document), variables }),
      });
    } catch {
      throw new UpstreamUnavailableError(`Subgraph at ${url} is unreachable`);
    }
    return (await res.json()) as ExecutionResult;
  }
}
