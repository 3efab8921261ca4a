import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteRow } from '../../rest-compat/route.types.js';
import { compileRoutes } from '../../rest-compat/router.js';
import { disposers, rawRequest, startTestServer, type TestServer } from './helpers/servers.js';

const row = (method: RouteRow['method'], path: string, extra: Partial<RouteRow> = {}): RouteRow => ({ surface: 'braindrive', method, path, ...extra });

describe('compileRoutes', () => {
  const router = compileRoutes([
    row('GET', '/api/v1/plugin-state/{state_id}'),
    row('GET', '/api/v1/plugin-state/stats'),
    row('GET', '/api/v1/plugins/{plugin_id}/info'),
    row('POST', '/api/v1/plugins/{plugin_slug}/register'),
    row('GET', '/api/files/{path:path}'),
    row('GET', '/api/entity/{type}/{id}'),
    row('POST', '/api/entity/sync/{type}'),
    row('GET', '/health', { surface: 'braindrive' }),
    row('GET', '/health/', { surface: 'studiobrain' }),
  ]);

  it('should prefer a literal segment even when the parameter row was declared first', () => {
    const match = router.match('GET', '/api/v1/plugin-state/stats');
    expect(match.kind === 'found' && match.row.path).toBe('/api/v1/plugin-state/stats');
  });

  it('should give each row its own parameter names where rows share a trie node', () => {
    expect(router.match('GET', '/api/v1/plugins/abc/info')).toMatchObject({ kind: 'found', params: { plugin_id: 'abc' } });
    expect(router.match('POST', '/api/v1/plugins/abc/register')).toMatchObject({ kind: 'found', params: { plugin_slug: 'abc' } });
  });

  it('should fall back to a parameter branch that has the method when the literal branch does not', () => {
    // Starlette would answer GET /api/entity/sync/x with GET /api/entity/{type}/{id}, not 405.
    expect(router.match('GET', '/api/entity/sync/x')).toMatchObject({ kind: 'found', params: { type: 'sync', id: 'x' } });
  });

  it('should URL-decode path parameters', () => {
    expect(router.match('GET', '/api/entity/char%20acter/rex%C3%A9')).toMatchObject({ params: { type: 'char acter', id: 'rexé' } });
  });

  it('should serve only the first of two rows with the same method and path shape', () => {
    const match = router.match('GET', '/health');
    expect(match.kind === 'found' && match.row.surface).toBe('braindrive');
    expect(router.shadowed.map((r) => r.surface)).toEqual(['studiobrain']);
  });

  it('should refuse a malformed percent-encoding as not found', () => {
    expect(router.match('GET', '/api/entity/%E0%A4%A/x').kind).toBe('not_found');
  });

  it('should list the methods a known path allows', () => {
    expect(router.match('DELETE', '/api/v1/plugins/abc/register')).toEqual({ kind: 'method_not_allowed', allow: ['POST'] });
  });
});

describe('routing over HTTP', () => {
  const stack = disposers();
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    stack.push(server.close);
  });
  afterAll(() => stack.dispose());

  const get = (path: string, init?: RequestInit) => fetch(server.url + path, init);

  it('should route /plugin-state/stats to its literal row, not to {state_id}', async () => {
    const res = await get('/api/v1/plugin-state/stats');
    expect(res.status).toBe(200);
    expect(await res.json()).toBe('stats');
    expect(await (await get('/api/v1/plugin-state/42')).json()).toEqual({ state_id: '42' });
  });

  it('should route /api/entity/hybrid-relationships to its literal row, not to {type}', async () => {
    expect(await (await get('/api/entity/hybrid-relationships', { method: 'POST' })).json()).toBe('hybrid');
    expect(await (await get('/api/entity/character', { method: 'POST' })).json()).toEqual({ type: 'character' });
  });

  it('should serve both trailing-slash variants of a route', async () => {
    for (const path of ['/api/v1/plugin-state/', '/api/v1/plugin-state', '/api/v1/plugin-state/stats/']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
    }
    expect(await (await get('/api/v1/plugin-state')).json()).toBe('list');
  });

  it('should capture the rest of the path in a {name:path} parameter', async () => {
    const res = await get('/api/files/Characters/rex%20marshall/images/portrait.png');
    expect(await res.json()).toEqual({ path: 'Characters/rex marshall/images/portrait.png' });
  });

  it('should refuse a {name:path} capture that climbs out of its folder or starts with a slash', async () => {
    const attempts = [
      '/api/files/a/../../etc/passwd',
      '/api/files/a/%2E%2E/%2E%2E/etc/passwd',
      '/api/files/%2e%2e%2fsecret',
      '/api/files/a%2F..%2F..%2Fsecret',
      '/api/files/..%5Csecret',
      '/api/files//etc/passwd',
      '/api/files/%2Fetc/passwd',
    ];
    for (const path of attempts) {
      const res = await rawRequest(server.url, { path });
      expect(res.status, path).toBe(404);
      expect(JSON.parse(res.text)).toEqual({ detail: 'Not Found' });
    }
    // A dot segment inside a name is not a climb.
    expect((await rawRequest(server.url, { path: '/api/files/a/..b/c' })).status).toBe(200);
  });

  it('should answer an unknown path 404 {"detail":"Not Found"}', async () => {
    const res = await get('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ detail: 'Not Found' });
    expect(res.headers.get('content-type')).toBe('application/json');
  });

  it('should answer a known path with another method 405 with an Allow header', async () => {
    const res = await get('/api/v1/plugin-state/cleanup', { method: 'PUT' });
    expect(res.status).toBe(405);
    expect(await res.json()).toEqual({ detail: 'Method Not Allowed' });
    expect(res.headers.get('allow')).toBe('DELETE, GET');
  });

  it('should answer an unbuilt row 501 before checking credentials', async () => {
    const res = await get('/api/v1/auth/me');
    expect(res.status).toBe(501);
    expect(await res.json()).toEqual({ detail: 'not implemented' });
    expect(server.executor.calls.some((c) => c.document.loc?.source.body.includes('me {'))).toBe(false);
  });

  it('should serve the first of duplicate rows across surfaces', async () => {
    expect(await (await get('/health')).json()).toBe('braindrive health');
  });
});
