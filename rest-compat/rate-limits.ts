import type { RateLimiter, RateLimitPolicy, RateLimitResult } from '../gateway/rate-limiter.js';
import type { RateLimitBucket } from './route.types.js';

/** Requests per minute for each bucket (DESIGN §7). */
export interface RestRateLimits {
  /** Login, register, refresh and password-reset rows, per client IP. */
  auth: { perIp: number };
  default: { perIp: number; perUser: number };
  /** Brain Garden documents about 30 requests a minute per client IP. */
  braingarden: { perIp: number };
}

export interface RateLimitOutcome {
  allowed: boolean;
  /** Every policy the request was counted against, for the RateLimit headers. */
  results: RateLimitResult[];
}

const minute = (name: string, limit: number): RateLimitPolicy => ({ name, limit, windowSeconds: 60 });

/**
 * Counts a request against its bucket's per-IP policy and, when the caller is known, the per-user policy.
 * Policies are built once; keys are namespaced by policy inside the limiter.
 */
export function createRestRateLimits(limiter: RateLimiter, limits: RestRateLimits) {
  const perIp: Record<RateLimitBucket, RateLimitPolicy> = {
    auth: minute('auth', limits.auth.perIp),
    default: minute('default', limits.default.perIp),
    braingarden: minute('braingarden', limits.braingarden.perIp),
  };
  const perUser = minute('user', limits.default.perUser);
  return async (bucket: RateLimitBucket, ip: string, userId: string | null): Promise<RateLimitOutcome> => {
    const checks = [limiter.consume(`ip:${ip}`, perIp[bucket])];
    if (userId) checks.push(limiter.consume(`user:${userId}`, perUser));
    const results = await Promise.all(checks);
    return { allowed: results.every((r) => r.allowed), results };
  };
}
