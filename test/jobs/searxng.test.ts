import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rest, signUp } from '../helpers/clients.js';
import { localServer } from '../helpers/local-server.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let searx: Awaited<ReturnType<typeof localServer>>;
let site: Awaited<ReturnType<typeof localServer>>;
let app: TestApp;
let unconfigured: TestApp;
let user: Awaited<ReturnType<typeof signUp>>;
const asked: URL[] = [];

beforeAll(async () => {
  // A small server speaking SearXNG's JSON API.
  searx = await localServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    asked.push(url);
    if (url.pathname === '/healthz') return void res.end('OK');
    if (url.searchParams.get('q') === 'boom') return void res.writeHead(500).end('error');
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({ query: url.searchParams.get('q'), number_of_results: 2, results: [
        { title: 'First', url: 'https://one.example/', content: 'one', engine: 'duckduckgo', score: 1.5 },
        { title: 'Second', url: 'https://two.example/', content: 'two', engine: 'wikipedia' },
      ] }),
    );
  });
  site = await localServer((req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(
    `<html><head><title>Page ${req.url}</title></head><body><article><p>${'Readable text about rivers and hills. '.repeat(20)}</p></article></body></html>`,
  ));
  app = await startTestApp({ SEARXNG_URL: searx.url, SSRF_ALLOWLIST: '127.0.0.1' });
  unconfigured = await startTestApp();
  user = await signUp(app.restUrl, 'searx');
});
afterAll(async () => {
  await Promise.all([app.close(), unconfigured.close()]);
  await Promise.all([searx.close(), site.close()]);
});

describe('SearXNG web search', () => {
  it('should proxy a search with its parameters and answer the results', async () => {
    const res = await rest(app.restUrl, 'GET', '/api/v1/searxng/web?q=rivers&categories=general&engines=duckduckgo', { headers: user.bearer });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ query: 'rivers', number_of_results: 2, results: [{ title: 'First', engine: 'duckduckgo', score: 1.5 }, { title: 'Second', score: null }] });
    const last = asked.at(-1)!;
    expect(Object.fromEntries(last.searchParams)).toMatchObject({ q: 'rivers', format: 'json', categories: 'general', engines: 'duckduckgo' });
  });

  it('should answer 503 when SearXNG is not configured and 502 when it fails or is down', async () => {
    const none = await rest(unconfigured.restUrl, 'GET', '/api/v1/searxng/web?q=x', { headers: user.bearer });
    expect(none).toMatchObject({ status: 503, body: { detail: expect.stringContaining('SEARXNG_URL') } });
    expect((await rest(unconfigured.restUrl, 'GET', '/api/v1/searxng/health', { headers: user.bearer })).status).toBe(503);
    const failing = await rest(app.restUrl, 'GET', '/api/v1/searxng/web?q=boom', { headers: user.bearer });
    expect(failing).toMatchObject({ status: 502, body: { detail: expect.stringContaining('SearXNG') } });
    expect((await rest(app.restUrl, 'GET', '/api/v1/searxng/web', { headers: user.bearer })).status).toBe(422);
  });

  it('should report health', async () => {
    const res = await rest(app.restUrl, 'GET', '/api/v1/searxng/health', { headers: user.bearer });
    expect(res.body).toMatchObject({ status: 'healthy', latency_ms: expect.any(Number) });
  });
});

describe('scrape', () => {
  it('should accept a bare array and {urls}, answering per-URL results with a summary', async () => {
    const urls = [`${site.url}/a`, `${site.url}/b`];
    for (const body of [urls, { urls }]) {
      const res = await rest(app.restUrl, 'POST', '/api/v1/searxng/scrape', { body, headers: user.bearer });
      expect(res.status).toBe(200);
      expect(res.body.summary).toEqual({ total: 2, succeeded: 2, failed: 0 });
      expect(res.body.results[0]).toMatchObject({ url: urls[0], success: true, title: 'Page /a', error: null });
      expect(res.body.results[0].content).toContain('rivers and hills');
      expect(res.body.results[0].summary.length).toBeLessThanOrEqual(300);
    }
  });

  it('should refuse more than 5 URLs, and report refused targets per URL', async () => {
    const six = Array.from({ length: 6 }, (_, i) => `${site.url}/${i}`);
    expect((await rest(app.restUrl, 'POST', '/api/v1/searxng/scrape', { body: six, headers: user.bearer })).status).toBe(400);
    const res = await rest(app.restUrl, 'POST', '/api/v1/searxng/scrape', { body: ['http://169.254.169.254/', 'ftp://x/', `${site.url}/ok`], headers: user.bearer });
    expect(res.body.summary).toEqual({ total: 3, succeeded: 1, failed: 2 });
    expect(res.body.results[0].error).toMatch(/metadata/);
    expect(res.body.results[1].error).toMatch(/http and https/);
    const denied = await rest(unconfigured.restUrl, 'POST', '/api/v1/searxng/scrape', { body: [`${site.url}/x`], headers: user.bearer });
    expect(denied.body.results[0]).toMatchObject({ success: false, error: expect.stringContaining('loopback') });
  });

  it('should need credentials', async () => {
    expect((await rest(app.restUrl, 'POST', '/api/v1/searxng/scrape', { body: [`${site.url}/x`] })).status).toBe(401);
  });
});
