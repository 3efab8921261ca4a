import type { DocumentNode, ExecutionResult } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The four documented products, plus routes every product shares (health). */
export type Surface = 'braindrive' | 'studiobrain' | 'braingarden' | 'breact';

/** Which rate-limit bucket a row counts against. */
export type RateLimitBucket = 'auth' | 'default' | 'braingarden';

/** What a row's mappers see of the HTTP request, after validation. */
export interface RestRequest {
  method: HttpMethod;
  /** The path as requested, without the query string. */
  path: string;
  /** Path parameters, after the row's `params` schema (strings when it has none). */
  params: Record<string, any>;
  /** Query parameters, after the row's `query` schema. */
  query: Record<string, any>;
  /** Parsed JSON body (or multipart fields), after the row's `body` schema. */
  body: any;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  cookies: Record<string, string>;
  ip: string;
  requestId: string;
}

export interface CookieSpec {
  name: string;
  /** `null` clears the cookie. */
  value: string | null;
  maxAgeSeconds?: number;
  httpOnly?: boolean;
  path?: string;
  sameSite?: 'Lax' | 'Strict' | 'None';
  secure?: boolean;
}

/** Side effects on the HTTP answer that a row derives from the operation's data. */
export interface RestEffects {
  status?: number;
  headers?: Record<string, string>;
  cookies?: CookieSpec[];
}

/**
 * One documented route. A row without `operation` answers 501 `{"detail":"not implemented"}` before any auth check.
 * Rows hold mapping only — never business logic.
 */
export interface RouteRow<TData = any, TVars = any> {
  surface: Surface;
  method: HttpMethod;
  /** OpenAPI-style template: `/api/v1/pages/{page_id}`; `{name:path}` captures the rest of the path. */
  path: string;
  /** Section heading in the product's reference, used as the OpenAPI tag. */
  section?: string;
  summary?: string;
  /** The named GraphQL operation this route executes; absent → 501. */
  operation?: TypedDocumentNode<TData, TVars> | DocumentNode;
  /** Not in the reference docs: a route the real clients call (`as-built.md`). */
  asBuilt?: true;
  /** Documentation only: whether the product requires credentials (the subgraph enforces it). */
  auth?: boolean;
  rateLimit?: RateLimitBucket;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Request → operation variables. Default: `{}`. */
  variables?: (req: RestRequest) => TVars;
  /** Operation data → documented body. Default: the first root field's value. `undefined` → no body. */
  response?: (data: TData, req: RestRequest) => unknown;
  /** Status, headers and cookies derived from the data (login sets cookies). */
  effects?: (data: TData, req: RestRequest) => RestEffects;
  /** Success status. @default 200 */
  status?: number;
  /** Per-row overrides of the error-code → status mapping (a duplicate page route is 400 in BrainDrive). */
  errorStatus?: Partial<Record<string, number>>;
  /** Answer as a Server-Sent Events stream after the operation (job events, chat with `stream: true`). */
  sse?: SseSpec<TData>;
  /** Error body shape. @default 'detail' */
  envelope?: 'detail' | 'breact';
  /**
   * Reserved for uploads: the row accepts `multipart/form-data`. Rows without it answer 415 to multipart bodies;
   * the multipart reader is not written yet, so a row declaring it answers 501 to multipart for now.
   */
  multipart?: true;
  /** OpenAPI `operationId`, when the one derived from the operation's name does not suit. */
  operationId?: string;
}

export interface ExecuteArgs {
  document: DocumentNode;
  variables: Record<string, unknown>;
  headers: Record<string, string>;
  ip: string;
  requestId: string;
}

/** Executes a GraphQL operation as the caller whose credentials are in `headers`. */
export interface OperationExecutor {
  execute(args: ExecuteArgs): Promise<ExecutionResult>;
  /** Runs a subscription through the gateway (SSE rows re-encode its events). */
  subscribe?(args: ExecuteArgs): Promise<AsyncGenerator<ExecutionResult> | ExecutionResult>;
}

/** One Server-Sent Events frame: `data` is sent as JSON. */
export interface SseFrame {
  id?: string | number;
  event?: string;
  data: unknown;
}

/** What frames to send, and whether the stream ends after them. */
export interface SseStep {
  frames: SseFrame[];
  done: boolean;
}

/**
 * A streaming row (DESIGN §6: REST streams are the same subscriptions, re-encoded): the row's `operation` gives the
 * opening frames; then `subscription` runs and each event maps to frames until one says `done`.
 */
export interface SseSpec<TData = any, TEvent = any> {
  subscription: DocumentNode;
  open(data: TData, req: RestRequest): SseStep;
  variables(data: TData, req: RestRequest): Record<string, unknown>;
  event(data: TEvent, req: RestRequest): SseStep;
  /** Whether this request streams; otherwise the row answers JSON (chat's `stream: false`). @default always */
  when?(req: RestRequest): boolean;
}
