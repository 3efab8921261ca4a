import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { GatewayContext } from './gateway.context.js';
import { rateLimitHeaders, type RateLimiter, type RateLimitPolicy } from './rate-limiter.js';

/** Root fields limited like the REST routes that sign in or create accounts (DESIGN §5). */
const AUTH_FIELDS = new Set([
  'login',
  'register',
  'refreshToken',
  'updatePassword',
  'setPassword',
  // Reset tokens are guessed through resetPassword, and requests send mail.
  'requestPasswordReset',
  'resetPassword',
  // Invitation tokens are guessed through these, and accepting one signs in.
  'invitation',
  'acceptInvite',
]);

export interface OperationLimits {
  auth: RateLimitPolicy;
  perIp: RateLimitPolicy;
  perUser: RateLimitPolicy;
}

/**
 * Rate limits per operation, not per HTTP request: each operation of a batch counts, and each `login` root field of
 * an operation counts against the auth limit, so neither batching nor aliases get around the REST limits.
 */
export function operationLimitsPlugin(limiter: RateLimiter, limits: OperationLimits): ApolloServerPlugin<GatewayContext & { ip: string; callerId: string | null }> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, contextValue, response }) {
          if (contextValue.preLimited || !operation) return;
          const ip = contextValue.ip;
          const checks: [string, RateLimitPolicy][] = [[`gql:ip:${ip}`, limits.perIp]];
          if (contextValue.callerId) checks.push([`gql:user:${contextValue.callerId}`, limits.perUser]);
          for (const field of rootFields(operation, document)) {
            if (AUTH_FIELDS.has(field)) checks.push([`gql:auth:${ip}`, limits.auth]);
          }
          for (const [key, policy] of checks) {
            const result = await limiter.consume(key, policy);
            if (!result.allowed) {
              const headers = rateLimitHeaders(policy, result);
              for (const [name, value] of Object.entries(headers)) response.http.headers.set(name, String(value));
              throw new GraphQLError('Too Many Requests', {
                extensions: { code: 'RATE_LIMITED', retryAfter: result.resetSeconds, http: { status: 429 } },
              });
            }
          }
        },
      };
    },
  };
}

/** Root field names, looking through inline fragments and fragment spreads so they can't hide a `login`. */
function rootFields(operation: OperationDefinitionNode, document: DocumentNode): string[] {
  const fragments = new Map<string, SelectionSetNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d.selectionSet);
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode): string[] =>
    set.selections.flatMap((s) => {
      if (s.kind === Kind.FIELD) return [s.name.value];
      if (s.kind === Kind.INLINE_FRAGMENT) return walk(s.selectionSet);
      if (seen.has(s.name.value)) return [];
      seen.add(s.name.value);
      const fragment = fragments.get(s.name.value);
      return fragment ? walk(fragment) : [];
    });
  return walk(operation.selectionSet);
}
