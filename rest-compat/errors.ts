import { ErrorCode, httpStatusOf } from '../subgraphs/common/errors.js';
import type { RouteRow } from './route.types.js';

/** What rest-compat sends for an error: status, JSON body, extra headers. */
export interface HttpErrorAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** An error as an executor returns it: a GraphQLError in-process, its formatted JSON over HTTP. */
export interface OperationError {
  message: string;
  extensions?: Readonly<Record<string, unknown>>;
}

type Envelope = Pick<RouteRow, 'envelope' | 'errorStatus'> | undefined;

/** HTTP status of each code the subgraphs answer with (DESIGN §7): one table, owned by the errors themselves. */
export const statusOfCode: Readonly<Record<string, number>> = httpStatusOf;

const BREACT_CODE_OF_STATUS: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  402: 'INSUFFICIENT_CREDITS',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'BAD_REQUEST',
  429: 'RATE_LIMIT_EXCEEDED',
  500: 'INTERNAL_ERROR',
  501: 'NOT_IMPLEMENTED',
  502: 'SERVICE_UNAVAILABLE',
  503: 'SERVICE_UNAVAILABLE',
};

/** The generic answer for any failure whose message must not reach the client. */
export const INTERNAL_ERROR_DETAIL = 'Internal Server Error';

/**
 * An error answer in the row's envelope: FastAPI's `{"detail": ...}`, or BReact's
 * `{"success": false, "error": {"code", "message"}}`.
 * @param detail the `detail` value (a string, or FastAPI's list of validation errors)
 * @param breactCode BReact's code; derived from the status when omitted
 */
export function errorAnswer(row: Envelope, status: number, detail: unknown, breactCode?: string): HttpErrorAnswer {
  if (row?.envelope !== 'breact') return { status, body: { detail } };
  const error: Record<string, unknown> = {
    code: breactCode ?? BREACT_CODE_OF_STATUS[status] ?? 'ERROR',
    message: typeof detail === 'string' ? detail : status === 422 ? validationSummary(detail) : 'Request failed',
  };
  if (status === 422 && Array.isArray(detail)) error.details = detail;
  return { status, body: { success: false, error } };
}

// "body.email: Field required" — the first validation problem, for envelopes that carry one message.
function validationSummary(detail: unknown): string {
  const first = Array.isArray(detail) ? (detail[0] as { loc?: unknown[]; msg?: string } | undefined) : undefined;
  return first?.msg ? `${(first.loc ?? []).join('.')}: ${first.msg}` : 'Invalid request';
}

/**
 * Maps the first GraphQL error of an operation to the row's HTTP answer. The error's message becomes `detail`
 * (or `extensions.detail`, verbatim, when the operation wants a structured detail); anything that is not a known
 * domain code is a 500 whose message is never shown.
 */
export function answerForGraphQLError(error: OperationError, row: Envelope): HttpErrorAnswer {
  const extensions = error.extensions ?? {};
  const code = typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR';
  let status = row?.errorStatus?.[code] ?? statusOfCode[code] ?? 500;
  if (code === ErrorCode.UpstreamUnavailable && extensions.reason === 'not_configured' && !row?.errorStatus?.[code]) {
    status = 503;
  }
  if (status >= 500 && !(code in statusOfCode)) {
    return errorAnswer(row, 500, INTERNAL_ERROR_DETAIL);
  }
  const detail = extensions.detail !== undefined ? extensions.detail : error.message;
  const answer = errorAnswer(row, status, detail, breactCode(code, extensions));
  if (status === 429 && typeof extensions.retryAfter === 'number') {
    answer.headers = { 'Retry-After': String(Math.max(1, Math.ceil(extensions.retryAfter))) };
  }
  return answer;
}

function breactCode(code: string, extensions: Readonly<Record<string, unknown>>): string | undefined {
  switch (code) {
    case ErrorCode.Unauthenticated:
      return extensions.reason === 'missing_credentials' ? 'MISSING_API_KEY' : 'UNAUTHORIZED';
    case ErrorCode.NotFound:
      return extensions.reason === 'service_not_found' ? 'SERVICE_NOT_FOUND' : 'NOT_FOUND';
    case ErrorCode.BadUserInput:
      return 'BAD_REQUEST';
    case ErrorCode.RateLimited:
      return 'RATE_LIMIT_EXCEEDED';
    case ErrorCode.InsufficientCredits:
      return 'INSUFFICIENT_CREDITS';
    default:
      return undefined;
  }
}
