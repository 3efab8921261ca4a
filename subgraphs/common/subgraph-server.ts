import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { AddressInfo } from 'node:net';
import { execute, GraphQLError, parse, validate, type DocumentNode } from 'graphql';
import { CONTEXT_HEADER, verifyIdentity } from './auth-context.js';
import type { SubgraphRuntime } from './runtime.js';

/** Bodies the gateway sends are small query plans; anything bigger is not from it. */
const MAX_BODY = 1024 * 1024;

export interface SubgraphServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves one subgraph over HTTP for the gateway. Only requests carrying a valid signed identity are executed
 * (DESIGN §5): a subgraph is never a public endpoint.
 */
export async function serveSubgraph(runtime: SubgraphRuntime<any>, secret: string, port: number, host: string): Promise<SubgraphServer> {
  const documents = new Map<string, DocumentNode>();
  const answer = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST' || !req.url?.startsWith('/graphql')) return answer(res, 404, { errors: [{ message: 'Not Found' }] });
    const identity = verifyIdentity(req.headers[CONTEXT_HEADER] as string | undefined, secret);
    if (!identity) return answer(res, 401, { errors: [{ message: 'unsigned or badly signed context', extensions: { code: 'UNAUTHENTICATED' } }] });
    let raw = '';
    for await (const chunk of req) {
      raw += chunk;
      if (raw.length > MAX_BODY) return answer(res, 413, { errors: [{ message: 'Request body too large' }] });
    }
    let body: { query?: string; variables?: Record<string, unknown> };
    try {
      body = JSON.parse(raw);
    } catch {
      return answer(res, 400, { errors: [{ message: 'Body is not JSON' }] });
    }
    let document = documents.get(body.query ?? '');
    if (!document) {
      try {
        document = parse(body.query ?? '');
      } catch (e) {
        return answer(res, 400, { errors: [{ message: (e as GraphQLError).message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } }] });
      }
      const errors = validate(runtime.schema, document);
      if (errors.length) return answer(res, 400, { errors: errors.map((e) => ({ message: e.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })) });
      if (documents.size > 2000) documents.clear();
      documents.set(body.query!, document);
    }
    const result = await execute({ schema: runtime.schema, document, variableValues: body.variables, contextValue: runtime.createContext(identity) });
    answer(res, 200, { data: result.data, errors: result.errors?.map((e) => e.toJSON()) });
  };
  const server = createServer((req, res) => {
    handle(req, res).catch(() => answer(res, 500, { errors: [{ message: 'Internal server error' }] }));
  });
  const ws = serveSubgraphSubscriptions(server, runtime, secret);
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, host, resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${bound}/graphql`,
    close: async () => {
      await ws.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
    },
  };
}

/**
 * graphql-ws for gateways that subscribe to this subgraph (distributed mode). The connection must be opened with a
 * signed internal identity; each subscription carries its caller's signed identity in `extensions`.
 */
function serveSubgraphSubscriptions(server: Server, runtime: SubgraphRuntime<any>, secret: string) {
  const wss = new WebSocketServer({ server, path: '/graphql' });
  const handle = useServer(
    {
      schema: runtime.schema,
      onConnect: (ctx) => verifyIdentity(ctx.connectionParams?.[CONTEXT_HEADER] as string | undefined, secret)?.internal === true,
      onSubscribe(_ctx, _id, payload) {
        if (!verifyIdentity(payload.extensions?.[CONTEXT_HEADER] as string | undefined, secret)) {
          return [new GraphQLError('unsigned or badly signed context', { extensions: { code: 'UNAUTHENTICATED' } })];
        }
      },
      context: (_ctx, _id, payload) =>
        runtime.createContext(verifyIdentity(payload.extensions?.[CONTEXT_HEADER] as string | undefined, secret)!) as unknown as Record<string, unknown>,
    },
    wss,
  );
  return {
    async close() {
      await handle.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
