import { buildSchema, execute, GraphQLError, type ExecutionResult } from 'graphql';
import type { OperationExecutor } from '../../../rest-compat/route.types.js';

/**
 * A tiny real GraphQL schema for rest-compat's tests: rows execute real operations against it with graphql's own
 * `execute`, so parsing, variables, errors and data shapes are the genuine article.
 */
export const testSchema = buildSchema(`
  type User { id: ID! email: String! username: String! }
  type Session { accessToken: String! refreshToken: String! user: User! }
  type Query {
    "Returns its argument: rows pass JSON through it to show what reached the operation."
    echo(value: String): String
    "The caller, when the authorization header is 'Bearer good'."
    me: User
    "Fails with a GraphQLError carrying extensions { code, reason, detail, retryAfter }."
    fail(code: String!, message: String!, reason: String, detail: String, retryAfter: Int): String
    "Fails with a plain Error, as a bug would."
    crash: String
  }
  type Mutation {
    login(email: String!, password: String!): Session
    logout: Boolean
  }
`);

interface Context {
  headers: Record<string, string>;
}

const user = { id: '2b1c0e8e-0000-4000-8000-000000000001', email: 'ada@example.com', username: 'ada' };

const rootValue = {
  echo: ({ value }: { value?: string }) => value ?? null,
  me: (_: unknown, ctx: Context) => {
    if (ctx.headers.authorization !== 'Bearer good') {
      throw new GraphQLError('Not authenticated', { extensions: { code: 'UNAUTHENTICATED' } });
    }
    return user;
  },
  fail: (args: { code: string; message: string; reason?: string; detail?: string; retryAfter?: number }) => {
    const extensions: Record<string, unknown> = { code: args.code };
    if (args.reason) extensions.reason = args.reason;
    if (args.detail) extensions.detail = JSON.parse(args.detail);
    if (args.retryAfter !== undefined && args.retryAfter !== null) extensions.retryAfter = args.retryAfter;
    throw new GraphQLError(args.message, { extensions });
  },
  crash: () => {
    throw new Error('connection to db-internal:5432 refused (password=hunter2)');
  },
  login: ({ email, password }: { email: string; password: string }) => {
    if (password !== 'correct horse') {
      throw new GraphQLError('Invalid email or password', { extensions: { code: 'UNAUTHENTICATED' } });
    }
    return { accessToken: 'access.jwt', refreshToken: 'refresh.jwt', user: { ...user, email } };
  },
  logout: () => true,
};

/** Records what each call received, so tests can assert on headers and variables. */
export interface RecordingExecutor extends OperationExecutor {
  calls: Parameters<OperationExecutor['execute']>[0][];
}

/** An executor running operations on `testSchema` in-process. */
export function createTestExecutor(): RecordingExecutor {
  const calls: RecordingExecutor['calls'] = [];
  return {
    calls,
    async execute(args): Promise<ExecutionResult> {
      calls.push(args);
      return execute({
        schema: testSchema,
        document: args.document,
        variableValues: args.variables,
        rootValue,
        contextValue: { headers: args.headers } satisfies Context,
      });
    },
  };
}
