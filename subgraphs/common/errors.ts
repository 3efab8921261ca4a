import { GraphQLError } from 'graphql';

/** Error codes every subgraph answers with; rest-compat maps each to an HTTP status (DESIGN §7). */
export enum ErrorCode {
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  BadUserInput = 'BAD_USER_INPUT',
  Conflict = 'CONFLICT',
  RateLimited = 'RATE_LIMITED',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  InsufficientCredits = 'INSUFFICIENT_CREDITS',
  UpstreamUnavailable = 'UPSTREAM_UNAVAILABLE',
  NotImplemented = 'NOT_IMPLEMENTED',
}

/** HTTP status that each code stands for, used by rest-compat and by the subgraphs' own HTTP answers. */
export const httpStatusOf: Record<ErrorCode, number> = {
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.BadUserInput]: 400,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.RateLimited]: 429,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.InsufficientCredits]: 402,
  [ErrorCode.UpstreamUnavailable]: 502,
  [ErrorCode.NotImplemented]: 501,
};

/** A domain error: its message is meant for the client, its code for the transport. */
export class DomainError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export class UnauthenticatedError extends DomainError {
  /** @param reason `missing_credentials` when nothing was sent (BReact answers MISSING_API_KEY then). */
  constructor(message = 'Not authenticated', reason?: 'missing_credentials' | 'invalid_credentials') {
    super(ErrorCode.Unauthenticated, message, reason ? { reason } : {});
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'Forbidden') {
    super(ErrorCode.Forbidden, message);
  }
}

export class NotFoundError extends DomainError {
  constructor(message = 'Not found') {
    super(ErrorCode.NotFound, message);
  }
}

export class BadUserInputError extends DomainError {
  /** @param field the input field at fault, so REST can name it */
  constructor(message: string, field?: string) {
    super(ErrorCode.BadUserInput, message, field ? { field } : {});
  }
}

export class ConflictError extends DomainError {
  constructor(message: string) {
    super(ErrorCode.Conflict, message);
  }
}

export class RateLimitedError extends DomainError {
  constructor(retryAfterSeconds: number) {
    super(ErrorCode.RateLimited, 'Too Many Requests', { retryAfter: retryAfterSeconds });
  }
}

export class UpstreamUnavailableError extends DomainError {
  /** @param reason `not_configured` (503 on REST) or `unreachable` (502) */
  constructor(message: string, reason: 'not_configured' | 'unreachable' = 'unreachable') {
    super(ErrorCode.UpstreamUnavailable, message, { reason });
  }
}

/**
 * `extensions.reason` of the NOT_FOUND workspace answers when a plugin's setting definition is missing, so the
 * plugins subgraph (the caller) syncs it and asks again: a contract between the two, so it lives here.
 */
export const NO_PLUGIN_DEFINITION = 'no_plugin_definition';
