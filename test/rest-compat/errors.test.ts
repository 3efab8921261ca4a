import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerForGraphQLError } from '../../rest-compat/errors.js';
import { disposers, startTestServer, type TestServer } from './helpers/servers.js';

describe('GraphQL errors → HTTP', () => {
  const stack = disposers();
  let server: TestServer;
  const logged: unknown[] = [];
  beforeAll(async () => {
    server = await startTestServer({ logger: { info() {}, warn() {}, error: (obj) => void logged.push(obj) } });
    stack.push(server.close);
  });
  afterAll(() => stack.dispose());

  const fail = (query: Record<string, string>, path = '/api/v1/fail') => fetch(`${server.url}${path}?${new URLSearchParams(query)}`);

  it('should map each domain code to its status with the message as detail', async () => {
    const expected: [string, number][] = [
      ['UNAUTHENTICATED', 401],
      ['FORBIDDEN', 403],
      ['NOT_FOUND', 404],
      ['BAD_USER_INPUT', 400],
      ['CONFLICT', 409],
      ['RATE_LIMITED', 429],
      ['PAYLOAD_TOO_LARGE', 413],
      ['INSUFFICIENT_CREDITS', 402],
      ['UPSTREAM_UNAVAILABLE', 502],
      ['NOT_IMPLEMENTED', 501],
    ];
    for (const [code, status] of expected) {
      const res = await fail({ code, message: `${code} happened` });
      expect(res.status, code).toBe(status);
      expect(await res.json(), code).toEqual({ detail: `${code} happened` });
    }
  });

  it('should answer 503 when the upstream is not configured', async () => {
    const res = await fail({ code: 'UPSTREAM_UNAVAILABLE', message: 'Ollama is not configured', reason: 'not_configured' });
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ detail: 'Ollama is not configured' });
  });

  it('should mask unknown codes and internal errors as 500 and log them', async () => {
    for (const code of ['INTERNAL_SERVER_ERROR', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'SOMETHING_NEW']) {
      const res = await fail({ code, message: 'relation "users" does not exist' });
      expect(res.status, code).toBe(500);
      expect(await res.json(), code).toEqual({ detail: 'Internal Server Error' });
    }
    const crash = await fetch(server.url + '/api/v1/crash');
    expect(crash.status).toBe(500);
    const text = await crash.text();
    expect(text).toBe('{"detail":"Internal Server Error"}');
    expect(JSON.stringify(logged)).toContain('hunter2');
  });

  it('should answer 500 without details when a row mapper throws', async () => {
    const res = await fetch(server.url + '/api/v1/mapper-bug');
    expect(res.status).toBe(500);
    expect(await res.text()).toBe('{"detail":"Internal Server Error"}');
    expect(res.headers.get('x-request-id')).toBeTruthy();
    expect(JSON.stringify(logged, (_k, v: unknown) => (v instanceof Error ? v.message : v))).toContain('mapper bug');
  });

  it('should use extensions.detail verbatim as a structured detail', async () => {
    const res = await fail({ code: 'BAD_USER_INPUT', message: 'ignored', detail: JSON.stringify({ field: 'scope', valid: ['system', 'user'] }) });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ detail: { field: 'scope', valid: ['system', 'user'] } });
  });

  it('should let a row override the status of a code', async () => {
    const res = await fail({ code: 'CONFLICT', message: 'Page route already exists' }, '/api/v1/fail-dup');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ detail: 'Page route already exists' });
  });

  it('should send Retry-After when the graph refuses with RATE_LIMITED', async () => {
    const res = await fail({ code: 'RATE_LIMITED', message: 'Too Many Requests', retryAfter: '17' });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('17');
  });

  it('should answer breact rows in the BReact envelope with BReact codes', async () => {
    const cases: [Record<string, string>, number, string][] = [
      [{ code: 'UNAUTHENTICATED', message: 'No API key', reason: 'missing_credentials' }, 401, 'MISSING_API_KEY'],
      [{ code: 'UNAUTHENTICATED', message: 'Invalid API key' }, 401, 'UNAUTHORIZED'],
      [{ code: 'NOT_FOUND', message: 'Unknown service', reason: 'service_not_found' }, 404, 'SERVICE_NOT_FOUND'],
      [{ code: 'NOT_FOUND', message: 'Result not found' }, 404, 'NOT_FOUND'],
      [{ code: 'BAD_USER_INPUT', message: 'Bad parameters' }, 400, 'BAD_REQUEST'],
      [{ code: 'RATE_LIMITED', message: 'Slow down' }, 429, 'RATE_LIMIT_EXCEEDED'],
      [{ code: 'INSUFFICIENT_CREDITS', message: 'Top up' }, 402, 'INSUFFICIENT_CREDITS'],
    ];
    for (const [query, status, code] of cases) {
      const res = await fail(query, '/api/v1/services/fail');
      expect(res.status, code).toBe(status);
      expect(await res.json(), code).toEqual({ success: false, error: { code, message: query.message } });
    }
    const masked = await fail({ code: 'INTERNAL_SERVER_ERROR', message: 'secret' }, '/api/v1/services/fail');
    expect(await masked.json()).toEqual({ success: false, error: { code: 'INTERNAL_ERROR', message: 'Internal Server Error' } });
  });

  it('should answer breact 501 and 422 in the envelope too', async () => {
    const unbuilt = await fetch(server.url + '/api/v1/services/echo/run', { method: 'POST' });
    expect(unbuilt.status).toBe(501);
    expect(await unbuilt.json()).toEqual({ success: false, error: { code: 'NOT_IMPLEMENTED', message: 'not implemented' } });
    const invalid = await fetch(server.url + '/api/v1/services/result/p1?access_token=short');
    expect(invalid.status).toBe(422);
    const body = await invalid.json();
    expect(body).toMatchObject({ success: false, error: { code: 'BAD_REQUEST', message: 'query.access_token: String should have at least 8 characters' } });
    expect(body.error.details[0]).toMatchObject({ type: 'string_too_short', loc: ['query', 'access_token'] });
  });

  it('should map formatted errors (over HTTP) the same as GraphQLError instances', () => {
    expect(answerForGraphQLError({ message: 'Job not found', extensions: { code: 'NOT_FOUND' } }, undefined)).toEqual({ status: 404, body: { detail: 'Job not found' } });
    expect(answerForGraphQLError({ message: 'boom' }, undefined)).toEqual({ status: 500, body: { detail: 'Internal Server Error' } });
  });
});
