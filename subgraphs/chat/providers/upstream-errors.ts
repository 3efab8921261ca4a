import { UpstreamUnavailableError } from '../../common/errors.js';

/** Thrown when a generation was cancelled: callers save the partial answer instead of failing. */
export class GenerationCancelled extends Error {
  constructor() {
    super('Generation cancelled');
    this.name = 'GenerationCancelled';
  }
}

/**
 * Turns whatever an SDK threw into a message a user can act on, naming the provider and server (DESIGN §9): never a
 * stack trace, never the SDK's internals.
 */
export function upstreamError(provider: string, server: string, e: unknown, signal?: AbortSignal): Error {
  if (signal?.aborted) return new GenerationCancelled();
  if (e instanceof UpstreamUnavailableError || e instanceof GenerationCancelled) return e;
  const status = (e as { status?: unknown; status_code?: unknown }).status ?? (e as { status_code?: unknown }).status_code;
  if (typeof status === 'number') {
    if (status === 401 || status === 403) return new UpstreamUnavailableError(`${provider} at ${server} rejected the credentials (HTTP ${status})`);
    if (status === 404) return new UpstreamUnavailableError(`${provider} at ${server} does not know that model or endpoint (HTTP 404)`);
    if (status === 429) return new UpstreamUnavailableError(`${provider} at ${server} is rate-limiting requests (HTTP 429)`);
    return new UpstreamUnavailableError(`${provider} at ${server} failed to answer (HTTP ${status})`);
  }
  return new UpstreamUnavailableError(`${provider} server ${server} is unreachable`);
}
