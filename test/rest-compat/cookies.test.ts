import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCookies, serializeCookie } from '../../rest-compat/cookies.js';
import { disposers, startTestServer, type TestServer } from './helpers/servers.js';

describe('cookies and effects', () => {
  const stack = disposers();
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    stack.push(server.close);
  });
  afterAll(() => stack.dispose());

  const login = (password: string) =>
    fetch(server.url + '/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ada@example.com', password }),
    });

  it('should render a row’s cookies as Set-Cookie with HttpOnly, Path, SameSite and Max-Age, and its headers', async () => {
    const res = await login('correct horse');
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()).toEqual([
      'access_token=access.jwt; Path=/; Max-Age=1800; HttpOnly; SameSite=Lax',
      'refresh_token=refresh.jwt; Path=/; Max-Age=2592000; HttpOnly; SameSite=Strict',
    ]);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({
      access_token: 'access.jwt',
      refresh_token: 'refresh.jwt',
      token_type: 'bearer',
      user: { id: '2b1c0e8e-0000-4000-8000-000000000001', email: 'ada@example.com', username: 'ada' },
    });
  });

  it('should set no cookies when the operation fails', async () => {
    const res = await login('wrong');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ detail: 'Invalid email or password' });
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('should clear a cookie whose value is null with Max-Age=0', async () => {
    const res = await fetch(server.url + '/api/v1/auth/logout', { method: 'POST' });
    expect(await res.json()).toEqual({ message: 'Successfully logged out' });
    const cleared = res.headers.getSetCookie();
    expect(cleared).toHaveLength(2);
    for (const c of cleared) expect(c).toMatch(/^(access|refresh)_token=; Path=\/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax$/);
  });

  it('should mark cookies Secure when the request came over HTTPS through a trusted proxy', async () => {
    const proxied = await startTestServer({ trustProxy: true });
    stack.push(proxied.close);
    const res = await fetch(proxied.url + '/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' },
      body: JSON.stringify({ email: 'ada@example.com', password: 'correct horse' }),
    });
    for (const c of res.headers.getSetCookie()) expect(c.endsWith('; Secure')).toBe(true);
    expect(proxied.executor.calls.at(-1)!.ip).toBe('203.0.113.9');
  });

  it('should parse the Cookie header for rows and pass lower-cased headers to the executor', async () => {
    const res = await fetch(server.url + '/api/v1/whoami/cookies', { headers: { Cookie: 'access_token=abc; theme=dark%20mode', 'X-Custom-Thing': 'v' } });
    expect((await res.json()).cookies).toEqual({ access_token: 'abc', theme: 'dark mode' });
    const call = server.executor.calls.at(-1)!;
    expect(call.headers['x-custom-thing']).toBe('v');
    expect(call.headers.cookie).toBe('access_token=abc; theme=dark%20mode');
  });

  it('should pass credentials through to the operation', async () => {
    expect((await fetch(server.url + '/api/v1/me')).status).toBe(401);
    const res = await fetch(server.url + '/api/v1/me', { headers: { Authorization: 'Bearer good' } });
    expect(await res.json()).toEqual({ id: '2b1c0e8e-0000-4000-8000-000000000001', email: 'ada@example.com', username: 'ada' });
  });
});

describe('cookie helpers', () => {
  it('should refuse an invalid cookie name', () => {
    expect(() => serializeCookie({ name: 'bad name', value: 'x' }, { secure: false })).toThrow(/invalid cookie name/);
  });

  it('should keep the first of repeated cookie names and tolerate bad encoding', () => {
    expect(parseCookies('a=1; a=2; b=%E0%A4%A; c="quoted"')).toEqual({ a: '1', b: '%E0%A4%A', c: 'quoted' });
  });
});
