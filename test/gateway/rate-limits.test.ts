import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, newUser, rest } from '../helpers/clients.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ RATE_LIMIT_AUTH_PER_MIN: '3', RATE_LIMIT_PER_MIN: '20' });
});
afterAll(() => app.close());

describe('rate limits', () => {
  it('should answer 429 with Retry-After and RateLimit headers past the REST login limit', async () => {
    const body = { email: 'nobody@example.com', password: 'not-the-password' };
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await rest(app.restUrl, 'POST', '/api/v1/auth/login', { body }));
    expect(answers.slice(0, 3).map((a) => a.status)).toEqual([401, 401, 401]);
    const limited = answers[3];
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ detail: 'Too Many Requests' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('ratelimit-policy')).toMatch(/q=3;w=60/);
    expect(limited.headers.get('ratelimit')).toMatch(/r=0/);
  });

  it('should count each aliased login of one GraphQL operation against the same auth limit', async () => {
    const res = await gql(
      app.graphqlUrl,
      `mutation { a: login(email: "x@example.com", password: "p") { userId } b: login(email: "x@example.com", password: "p") { userId }
                  c: login(email: "x@example.com", password: "p") { userId } d: login(email: "x@example.com", password: "p") { userId } }`,
    );
    expect(res.status).toBe(429);
    expect(res.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect(res.headers.get('retry-after')).toBeTruthy();
  });

  it('should count every operation of a batch', async () => {
    const ops = Array.from({ length: 25 }, () => ({ query: '{ health { status } }' }));
    const res = await fetch(app.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ops) });
    const text = await res.text();
    // Either batching is refused outright or the limit stops it part-way: never 25 answers past a limit of 20.
    if (res.status === 400) expect(text).toMatch(/batch/i);
    else expect((text.match(/"status":"healthy"/g) ?? []).length).toBeLessThanOrEqual(20);
  });

  it('should not let registration past the auth limit write a user', async () => {
    const u = newUser('rl');
    const res = await rest(app.restUrl, 'POST', '/api/v1/auth/register', { body: u });
    expect(res.status).toBe(429);
    const login = await gql(app.graphqlUrl, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { userId } }`, { e: u.email, p: u.password });
    expect(login.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
  });
});
