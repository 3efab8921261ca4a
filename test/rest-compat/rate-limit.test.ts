import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRateLimiter,
  MemoryRateLimitStore,
  rateLimitHeaders,
  RedisRateLimitStore,
  type RateLimiter,
  type RateLimitPolicy,
} from '../../gateway/rate-limiter.js';
import { disposers, startTestServer } from './helpers/servers.js';

const policy = (limit: number, windowSeconds = 60, name = 'default'): RateLimitPolicy => ({ name, limit, windowSeconds });

/** A clock the test moves by hand. */
function manualClock(start = 1_700_000_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

async function exhaust(limiter: RateLimiter, key: string, p: RateLimitPolicy) {
  const results = [];
  for (let i = 0; i <= p.limit; i++) results.push(await limiter.consume(key, p));
  return results;
}

describe('RateLimiter with the memory store', () => {
  it('should allow `limit` requests per fixed window, refuse the next, and count down remaining', async () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ now: clock.now });
    const results = await exhaust(limiter, 'ip:1', policy(3));
    expect(results.map((r) => [r.allowed, r.remaining])).toEqual([[true, 2], [true, 1], [true, 0], [false, 0]]);
    expect(results[3].resetSeconds).toBe(60);
    clock.advance(45_000);
    expect((await limiter.consume('ip:1', policy(3))).resetSeconds).toBe(15);
    clock.advance(15_000);
    expect((await limiter.consume('ip:1', policy(3))).allowed).toBe(true);
  });

  it('should keep separate counters per key and per policy name', async () => {
    const limiter = createRateLimiter();
    await exhaust(limiter, 'ip:1', policy(1));
    expect((await limiter.consume('ip:2', policy(1))).allowed).toBe(true);
    expect((await limiter.consume('ip:1', policy(1, 60, 'auth'))).allowed).toBe(true);
  });

  it('should weigh the previous window in sliding mode', async () => {
    const clock = manualClock(0);
    const limiter = createRateLimiter({ algorithm: 'sliding', now: clock.now });
    const p = policy(10);
    for (let i = 0; i < 10; i++) expect((await limiter.consume('k', p)).allowed).toBe(true);
    clock.advance(60_000 + 30_000); // halfway into the next window: half of the 10 still count
    const results = await exhaust(limiter, 'k', p);
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    expect(results.at(-1)!.resetSeconds).toBeGreaterThan(0);
  });

  it('should drop expired windows and cap the number of keys', async () => {
    const clock = manualClock();
    const store = new MemoryRateLimitStore({ maxKeys: 50, sweepIntervalMs: 1000 });
    const limiter = createRateLimiter({ store, now: clock.now });
    for (let i = 0; i < 200; i++) await limiter.consume(`ip:${i}`, policy(5, 1));
    expect(store.size).toBe(50);
    clock.advance(5_000);
    await limiter.consume('ip:new', policy(5, 1));
    expect(store.size).toBe(1);
  });
});

describe('RateLimiter with the Redis store', () => {
  const redis = new Redis({ host: '127.0.0.1', port: 6379, lazyConnect: true, maxRetriesPerRequest: 1 });
  const prefix = `bg:rl:test:${randomUUID()}:`;
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    expect(await redis.keys(`${prefix}*`)).toEqual([]);
    await redis.quit();
  });

  it('should refuse past the limit atomically, even under concurrent hits', async () => {
    const limiter = createRateLimiter({ store: new RedisRateLimitStore(redis, { keyPrefix: prefix }) });
    const results = await Promise.all(Array.from({ length: 12 }, () => limiter.consume('ip:concurrent', policy(5))));
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    const refused = results.find((r) => !r.allowed)!;
    expect(refused.resetSeconds).toBeGreaterThan(0);
    expect(refused.resetSeconds).toBeLessThanOrEqual(60);
    const ttl = await redis.pttl(`${prefix}default:ip:concurrent`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it('should agree with the memory store in sliding mode', async () => {
    const clock = manualClock(0);
    const limiter = createRateLimiter({ store: new RedisRateLimitStore(redis, { keyPrefix: prefix }), algorithm: 'sliding', now: clock.now });
    const p = policy(10);
    for (let i = 0; i < 10; i++) await limiter.consume('sliding', p);
    clock.advance(90_000);
    const results = await exhaust(limiter, 'sliding', p);
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
  });

  it('should be built from a client by createRateLimiter({ redis, prefix })', async () => {
    const limiter = createRateLimiter({ redis, prefix });
    await limiter.consume('shorthand', policy(2));
    expect(await redis.get(`${prefix}default:shorthand`)).toBe('1');
  });

  it('should answer 429 with Retry-After and the RateLimit headers over HTTP', async () => {
    const stack = disposers();
    const limiter = createRateLimiter({ store: new RedisRateLimitStore(redis, { keyPrefix: prefix }) });
    const server = await startTestServer({ rateLimiter: limiter, rateLimits: { auth: { perIp: 2 }, default: { perIp: 100, perUser: 100 }, braingarden: { perIp: 2 } } });
    stack.push(server.close);
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await fetch(server.url + '/v1/models')).status);
      expect(statuses).toEqual([200, 200, 429]);
      expect(await redis.get(`${prefix}braingarden:ip:127.0.0.1`)).toBe('2');
    } finally {
      await stack.dispose();
    }
  });
});

describe('rate limits over HTTP (memory store)', () => {
  const stack = disposers();
  afterAll(() => stack.dispose());
  let url: string;
  beforeAll(async () => {
    const server = await startTestServer({
      rateLimits: { auth: { perIp: 2 }, default: { perIp: 600, perUser: 3 }, braingarden: { perIp: 30 } },
      identify: (headers) => (headers.authorization === 'Bearer good' ? 'user-1' : null),
    });
    stack.push(server.close);
    url = server.url;
  });

  const register = () =>
    fetch(url + '/api/v1/auth/register', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'ada', email: 'ada@example.com', password: 'long enough' }),
    });

  it('should limit the auth bucket per IP and answer 429 with Retry-After and the draft headers', async () => {
    const first = await register();
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-policy')).toBe('"auth";q=2;w=60');
    expect(first.headers.get('ratelimit')).toMatch(/^"auth";r=1;t=\d+$/);
    await register();
    const refused = await register();
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({ detail: 'Too Many Requests' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('ratelimit')).toMatch(/^"auth";r=0;t=\d+$/);
    // Other buckets are unaffected.
    expect((await fetch(url + '/api/v1/plugin-state/stats')).status).toBe(200);
  });

  it('should limit per user as well as per IP once identify names the caller', async () => {
    const me = () => fetch(url + '/api/v1/me', { headers: { authorization: 'Bearer good' } });
    const first = await me();
    expect(first.headers.get('ratelimit-policy')).toBe('"default";q=600;w=60, "user";q=3;w=60');
    await me();
    await me();
    const refused = await me();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('ratelimit')).toContain('"user";r=0');
  });

  it('should not count or limit unbuilt rows, which answer 501 first', async () => {
    for (let i = 0; i < 5; i++) expect((await fetch(url + '/api/v1/auth/me')).status).toBe(501);
  });
});

describe('rateLimitHeaders', () => {
  it('should render one policy given as (policy, result), as the gateway calls it', () => {
    const p = policy(600);
    expect(rateLimitHeaders(p, { allowed: false, limit: 600, remaining: 0, resetSeconds: 30 })).toEqual({
      'RateLimit-Policy': '"default";q=600;w=60',
      RateLimit: '"default";r=0;t=30',
      'Retry-After': '30',
    });
  });
});
