import { createHash } from 'node:crypto';

/** A named limit: `limit` requests per `windowSeconds`. The name appears in the RateLimit headers. */
export interface RateLimitPolicy {
  name: string;
  limit: number;
  windowSeconds: number;
}

export interface RateLimitResult {
  policy: RateLimitPolicy;
  allowed: boolean;
  limit: number;
  /** Requests left in the window after this one. */
  remaining: number;
  /** Seconds until the quota frees up (on a refusal: until a retry can succeed). */
  resetSeconds: number;
}

/**
 * `fixed`: a counter per window, reset when the window expires (cheap, allows a burst of 2× at a boundary).
 * `sliding`: the sliding-window counter, weighting the previous window by how much of it still overlaps.
 */
export type RateLimitAlgorithm = 'fixed' | 'sliding';

/** What a store answers for one hit. */
export interface StoreHit {
  allowed: boolean;
  /** Requests counted in the window, including this one when allowed (weighted for `sliding`). */
  used: number;
  resetMs: number;
}

/** Where counters live. Each `hit` must be atomic: check and count in one step, so replicas can't overshoot. */
export interface RateLimitStore {
  /** Counts one request against `key` unless that would exceed `limit`; a refused request is not counted. */
  hit(key: string, limit: number, windowMs: number, algorithm: RateLimitAlgorithm, nowMs: number): Promise<StoreHit>;
}

// Shared by both stores so they agree to the millisecond. `cur`/`prev` are the current and previous windows' counts
// before this request; `elapsed` is how far into the current window we are.
function slidingDecision(cur: number, prev: number, elapsed: number, windowMs: number, limit: number): StoreHit {
  const weight = (windowMs - elapsed) / windowMs;
  const used = prev * weight + cur;
  const untilWindowEnd = windowMs - elapsed;
  if (used + 1 <= limit) return { allowed: true, used: used + 1, resetMs: untilWindowEnd };
  // How long until the weighted count drops enough for one more request.
  let wait: number;
  if (cur + 1 <= limit && prev > 0) {
    wait = windowMs * (1 - (limit - 1 - cur) / prev) - elapsed;
  } else {
    wait = untilWindowEnd + (cur > 0 ? Math.max(0, windowMs * (1 - (limit - 1) / cur)) : 0);
  }
  return { allowed: false, used, resetMs: Math.max(1, Math.ceil(wait)) };
}

export interface MemoryStoreOptions {
  /** Most keys kept; past it the least recently started windows are dropped. @default 100_000 */
  maxKeys?: number;
  /** How often expired windows are swept, at most. @default 10_000 */
  sweepIntervalMs?: number;
}

interface MemoryEntry {
  /** Fixed: when the window ends. Sliding: index of the current window. */
  window: number;
  count: number;
  prevCount: number;
  expiresAt: number;
}

/**
 * Counters in this process's memory: the default for one process. Expired windows are swept as requests arrive
 * (no timer keeps the process alive) and the key count is capped, so memory stays bounded under any traffic.
 */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly entries = new Map<string, MemoryEntry>();
  private readonly maxKeys: number;
  private readonly sweepIntervalMs: number;
  private nextSweepAt = 0;

  constructor(options: MemoryStoreOptions = {}) {
    this.maxKeys = options.maxKeys ?? 100_000;
    this.sweepIntervalMs = options.sweepIntervalMs ?? 10_000;
  }

  /** Keys currently held (for tests and metrics). */
  get size(): number {
    return this.entries.size;
  }

  async hit(key: string, limit: number, windowMs: number, algorithm: RateLimitAlgorithm, nowMs: number): Promise<StoreHit> {
    this.sweep(nowMs);
    return algorithm === 'fixed' ? this.hitFixed(key, limit, windowMs, nowMs) : this.hitSliding(key, limit, windowMs, nowMs);
  }

  private hitFixed(key: string, limit: number, windowMs: number, now: number): StoreHit {
    let entry = this.entries.get(key);
    if (!entry || entry.window <= now) {
      entry = { window: now + windowMs, count: 0, prevCount: 0, expiresAt: now + windowMs };
      this.put(key, entry);
    }
    const resetMs = entry.window - now;
    if (entry.count >= limit) return { allowed: false, used: entry.count, resetMs };
    entry.count++;
    return { allowed: true, used: entry.count, resetMs };
  }

  private hitSliding(key: string, limit: number, windowMs: number, now: number): StoreHit {
    const index = Math.floor(now / windowMs);
    let entry = this.entries.get(key);
    if (!entry || entry.window !== index) {
      const prevCount = entry && entry.window === index - 1 ? entry.count : 0;
      entry = { window: index, count: 0, prevCount, expiresAt: (index + 2) * windowMs };
      this.put(key, entry);
    }
    const decision = slidingDecision(entry.count, entry.prevCount, now - index * windowMs, windowMs, limit);
    if (decision.allowed) entry.count++;
    return decision;
  }

  // Re-inserting keeps the Map's order close to "oldest window first", which is what the cap evicts.
  private put(key: string, entry: MemoryEntry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.maxKeys) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  private sweep(now: number): void {
    if (now < this.nextSweepAt) return;
    this.nextSweepAt = now + this.sweepIntervalMs;
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }
}

/** The subset of an ioredis client the Redis store uses. */
export interface RedisScriptClient {
  evalsha(sha: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
}

// Check and count in one script, so concurrent replicas never both take the last slot.
const FIXED_SCRIPT = `
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then ttl = window end
if count >= limit then return {0, count, ttl} end
count = redis.call('INCR', KEYS[1])
if count == 1 or redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], window) end
return {1, count, ttl}
`;

// KEYS[1] current window, KEYS[2] previous window. The decision repeats slidingDecision's first test.
const SLIDING_SCRIPT = `
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local elapsed = tonumber(ARGV[3])
local cur = tonumber(redis.call('GET', KEYS[1]) or '0')
local prev = tonumber(redis.call('GET', KEYS[2]) or '0')
if prev * (window - elapsed) / window + cur + 1 > limit then return {0, cur, prev} end
redis.call('INCR', KEYS[1])
if cur == 0 then redis.call('PEXPIRE', KEYS[1], window * 2) end
return {1, cur, prev}
`;

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

export interface RedisStoreOptions {
  /** Prefix of every key this store writes. @default 'bg:rl:' */
  keyPrefix?: string;
}

/**
 * Counters in Redis, shared by every replica. Each hit is one Lua script (check + INCR + PEXPIRE, atomic).
 * Sliding windows take the window index from the caller's clock, so keep replicas' clocks in sync (NTP).
 */
export class RedisRateLimitStore implements RateLimitStore {
  private readonly prefix: string;

  constructor(
    private readonly redis: RedisScriptClient,
    options: RedisStoreOptions = {},
  ) {
    this.prefix = options.keyPrefix ?? 'bg:rl:';
  }

  async hit(key: string, limit: number, windowMs: number, algorithm: RateLimitAlgorithm, nowMs: number): Promise<StoreHit> {
    if (algorithm === 'fixed') {
      const [allowed, count, ttl] = await this.run(FIXED_SCRIPT, [`${this.prefix}${key}`], [limit, windowMs]);
      return { allowed: allowed === 1, used: count, resetMs: ttl };
    }
    const index = Math.floor(nowMs / windowMs);
    const elapsed = nowMs - index * windowMs;
    const base = `${this.prefix}${key}:`;
    const [, cur, prev] = await this.run(SLIDING_SCRIPT, [`${base}${index}`, `${base}${index - 1}`], [limit, windowMs, elapsed]);
    return slidingDecision(cur, prev, elapsed, windowMs, limit);
  }

  private async run(script: string, keys: string[], args: number[]): Promise<number[]> {
    const sha = sha1(script);
    let reply: unknown;
    try {
      reply = await this.redis.evalsha(sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.includes('NOSCRIPT')) throw error;
      reply = await this.redis.eval(script, keys.length, ...keys, ...args);
    }
    return (reply as unknown[]).map(Number);
  }
}

export interface RateLimiterOptions {
  /** Where counters live. @default a RedisRateLimitStore when `redis` is given, else a new MemoryRateLimitStore */
  store?: RateLimitStore;
  /** Shorthand for `store: new RedisRateLimitStore(redis, { keyPrefix: prefix })`. */
  redis?: RedisScriptClient;
  /** Key prefix of the Redis store made from `redis`. @default 'bg:rl:' */
  prefix?: string;
  /** @default 'fixed' */
  algorithm?: RateLimitAlgorithm;
  /** Clock, in milliseconds. @default Date.now */
  now?: () => number;
}

/** Counts requests per key and policy; one instance serves rest-compat and the gateway's per-operation limits. */
export class RateLimiter {
  readonly store: RateLimitStore;
  private readonly algorithm: RateLimitAlgorithm;
  private readonly now: () => number;

  constructor(options: RateLimiterOptions = {}) {
    this.store =
      options.store ??
      (options.redis ? new RedisRateLimitStore(options.redis, { keyPrefix: options.prefix }) : new MemoryRateLimitStore());
    this.algorithm = options.algorithm ?? 'fixed';
    this.now = options.now ?? Date.now;
  }

  /**
   * Counts one request by `key` (an IP, a user id…) against `policy`. Keys are namespaced by policy name, so the
   * same key may be limited by several policies independently.
   */
  async consume(key: string, policy: RateLimitPolicy): Promise<RateLimitResult> {
    const windowMs = policy.windowSeconds * 1000;
    const hit = await this.store.hit(`${policy.name}:${key}`, policy.limit, windowMs, this.algorithm, this.now());
    return {
      policy,
      allowed: hit.allowed,
      limit: policy.limit,
      remaining: Math.max(0, Math.floor(policy.limit - hit.used)),
      resetSeconds: Math.max(hit.allowed ? 0 : 1, Math.ceil(hit.resetMs / 1000)),
    };
  }
}

/**
 * Creates a limiter.
 * @param options store (memory by default, `new RedisRateLimitStore(redis)` for several replicas), algorithm, clock
 */
export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  return new RateLimiter(options);
}

const quote = (name: string) => `"${name.replace(/["\\]/g, '')}"`;

/**
 * The IETF draft headers (draft-ietf-httpapi-ratelimit-headers) for the policies a request was counted against:
 * `RateLimit-Policy: "default";q=600;w=60` and `RateLimit: "default";r=0;t=30`, plus `Retry-After` (seconds) when
 * any of them refused the request. Accepts several results, one result, or a policy and its result.
 */
export function rateLimitHeaders(results: RateLimitResult | readonly RateLimitResult[]): Record<string, string>;
export function rateLimitHeaders(policy: RateLimitPolicy, result: Omit<RateLimitResult, 'policy'>): Record<string, string>;
export function rateLimitHeaders(
  first: RateLimitResult | readonly RateLimitResult[] | RateLimitPolicy,
  second?: Omit<RateLimitResult, 'policy'>,
): Record<string, string> {
  const results: readonly RateLimitResult[] = second
    ? [{ ...second, policy: first as RateLimitPolicy }]
    : Array.isArray(first)
      ? (first as readonly RateLimitResult[])
      : [first as RateLimitResult];
  if (results.length === 0) return {};
  const headers: Record<string, string> = {
    'RateLimit-Policy': results.map((r) => `${quote(r.policy.name)};q=${r.policy.limit};w=${r.policy.windowSeconds}`).join(', '),
    RateLimit: results.map((r) => `${quote(r.policy.name)};r=${r.remaining};t=${r.resetSeconds}`).join(', '),
  };
  const refused = results.filter((r) => !r.allowed);
  if (refused.length > 0) headers['Retry-After'] = String(Math.max(...refused.map((r) => r.resetSeconds)));
  return headers;
}
