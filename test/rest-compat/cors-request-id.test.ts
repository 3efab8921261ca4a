import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disposers, startTestServer, type TestServer } from './helpers/servers.js';

const ALLOWED = 'http://localhost:5173';

describe('CORS', () => {
  const stack = disposers();
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ corsOrigins: [ALLOWED, 'https://app.example.com/'] });
    stack.push(server.close);
  });
  afterAll(() => stack.dispose());

  const preflight = (origin: string) =>
    fetch(server.url + '/api/v1/auth/register', {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });

  it('should answer a preflight from a configured origin 204, echoing the exact origin with credentials', async () => {
    const res = await preflight(ALLOWED);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('access-control-allow-methods')).toBe('GET, POST, PUT, PATCH, DELETE, OPTIONS');
    const allowedHeaders = res.headers.get('access-control-allow-headers')!.split(', ');
    for (const h of ['authorization', 'content-type', 'accept', 'origin', 'x-requested-with', 'x-api-key', 'x-bg-api-key', 'x-byok-api-key', 'x-byok-provider', 'x-request-id']) {
      expect(allowedHeaders).toContain(h);
    }
    expect(res.headers.get('vary')).toContain('Origin');
  });

  it('should match a configured origin given with a trailing slash', async () => {
    expect((await preflight('https://app.example.com')).headers.get('access-control-allow-origin')).toBe('https://app.example.com');
  });

  it('should give an unconfigured origin no CORS headers, and never *', async () => {
    const res = await preflight('https://evil.example');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('access-control-allow-methods')).toBeNull();
    const simple = await fetch(server.url + '/api/v1/plugin-state/stats', { headers: { origin: 'https://evil.example' } });
    expect(simple.status).toBe(200);
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('should add CORS headers to actual answers for a configured origin, errors included', async () => {
    const res = await fetch(server.url + '/api/v1/nothing', { headers: { origin: ALLOWED } });
    expect(res.status).toBe(404);
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('access-control-expose-headers')).toContain('X-Request-ID');
  });
});

describe('X-Request-ID', () => {
  const stack = disposers();
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    stack.push(server.close);
  });
  afterAll(() => stack.dispose());

  it('should echo the caller’s X-Request-ID and hand it to the operation', async () => {
    const res = await fetch(server.url + '/api/v1/whoami/cookies', { headers: { 'x-request-id': 'req-abc.123' } });
    expect(res.headers.get('x-request-id')).toBe('req-abc.123');
    expect((await res.json()).requestId).toBe('req-abc.123');
    expect(server.executor.calls.at(-1)!.requestId).toBe('req-abc.123');
  });

  it('should generate a UUID when none is sent, on every kind of answer', async () => {
    for (const path of ['/api/v1/plugin-state/stats', '/api/v1/nothing', '/api/v1/auth/me']) {
      const id = (await fetch(server.url + path)).headers.get('x-request-id');
      expect(id, path).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('should replace an X-Request-ID that is too long or has odd characters', async () => {
    const res = await fetch(server.url + '/api/v1/plugin-state/stats', { headers: { 'x-request-id': 'a'.repeat(300) } });
    expect(res.headers.get('x-request-id')).toHaveLength(36);
  });
});
