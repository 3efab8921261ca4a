import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { rest, signUp } from '../helpers/clients.js';
import { localServer } from '../helpers/local-server.js';
import { readSse } from '../helpers/sse.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let app: TestApp;
let site: Awaited<ReturnType<typeof localServer>>;
let user: Awaited<ReturnType<typeof signUp>>;
let key: string;

const PAGE = `<html><head><title>Field notes</title></head><body><nav>menu</nav><article><h1>Field notes</h1>
<p>The heron waited by the reeds for most of the morning, patient and grey, before it struck at last.</p>
<p>Later the wind turned and the water darkened under a long line of cloud moving in from the west.</p></article></body></html>`;

beforeAll(async () => {
  site = await localServer((req, res) => {
    if (req.url === '/redirect-to-metadata') return void res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' }).end();
    res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
  });
  // Tests admit loopback, as DESIGN §9 says; the metadata address stays refused whatever the list says.
  app = await startTestApp({ SSRF_ALLOWLIST: '127.0.0.1,169.254.169.254' });
  user = await signUp(app.restUrl, 'breact');
  key = (await rest(app.restUrl, 'POST', '/v1/auth/issue-key', { headers: user.bearer })).body.key;
});
afterAll(async () => {
  await app.close();
  await site.close();
});

const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = { 'x-api-key': key }) =>
  rest(app.restUrl, method, path, { body, headers });

async function finished(processId: string) {
  for await (const f of readSse(`${app.restUrl}/api/v1/jobs/${processId}/events/stream`, user.bearer)) if (f.data.type === 'terminal') return f.data;
}

describe('BReact OS services', () => {
  it('should list services keyed by id with endpoints and parameter specs', async () => {
    const res = await call('GET', '/api/v1/services');
    expect(res.status).toBe(200);
    expect(res.body.webscraper).toMatchObject({
      id: 'webscraper',
      status: 'active',
      endpoints: { scrape: { name: 'scrape', method: 'POST', is_async: true, parameters: { url: { type: 'string', required: true } } } },
    });
    expect(Object.keys(res.body)).toContain('aisummary');
  });

  it('should run webscraper.scrape and answer pending, then completed with the readable text, and record usage', async () => {
    const started = await call('POST', '/api/v1/services/webscraper/scrape', { url: `${site.url}/notes` });
    expect(started.status).toBe(200);
    expect(Object.keys(started.body).sort()).toEqual(['access_token', 'process_id']);
    const { process_id: pid, access_token: token } = started.body;
    const early = await call('GET', `/api/v1/services/result/${pid}?access_token=${token}`);
    expect(['pending', 'completed']).toContain(early.body.status);
    expect((await finished(pid))?.status).toBe('completed');
    const done = await call('GET', `/api/v1/services/result/${pid}?access_token=${token}`);
    expect(done.body).toMatchObject({ status: 'completed', service: 'webscraper', endpoint: 'scrape', result: { title: 'Field notes' } });
    expect(done.body.result.text).toContain('The heron waited by the reeds');
    expect(done.body.result.text).not.toContain('menu');
    const db = new pg.Client({ connectionString: inject('databaseUrl') });
    await db.connect();
    const usage = await db.query('select service_id, endpoint, cost from jobs.usage_events where process_id = $1', [pid]);
    expect(usage.rows).toEqual([{ service_id: 'webscraper', endpoint: 'scrape', cost: '1.0000' }]);
    // 60 s after completion the result is gone: age it instead of waiting.
    await db.query(`update jobs.jobs set completed_at = now() - interval '2 minutes' where id = $1`, [pid]);
    await db.end();
    const expired = await call('GET', `/api/v1/services/result/${pid}?access_token=${token}`);
    expect(expired).toMatchObject({ status: 404, body: { success: false, error: { code: 'NOT_FOUND' } } });
  });

  it('should answer a wrong access token exactly like an unknown process', async () => {
    const { process_id: pid } = (await call('POST', '/api/v1/services/webscraper/scrape', { url: `${site.url}/` })).body;
    const wrong = await call('GET', `/api/v1/services/result/${pid}?access_token=nope`);
    const unknown = await call('GET', `/api/v1/services/result/${crypto.randomUUID()}?access_token=nope`);
    for (const res of [wrong, unknown]) expect(res).toMatchObject({ status: 404, body: { success: false, error: { code: 'NOT_FOUND' } } });
  });

  it('should answer BReact error codes in its envelope', async () => {
    expect(await call('GET', '/api/v1/services', undefined, {})).toMatchObject({ status: 401, body: { success: false, error: { code: 'MISSING_API_KEY' } } });
    expect(await call('GET', '/api/v1/services', undefined, { 'x-api-key': 'bg_wrong' })).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHORIZED' } } });
    expect(await call('POST', '/api/v1/services/nothing/here', {})).toMatchObject({ status: 404, body: { error: { code: 'SERVICE_NOT_FOUND' } } });
    expect(await call('POST', '/api/v1/services/webscraper/scrape', {})).toMatchObject({ status: 400, body: { error: { code: 'BAD_REQUEST', message: expect.stringContaining('url') } } });
    expect(await call('POST', '/api/v1/services/webscraper/scrape', { url: 5 })).toMatchObject({ status: 400, body: { error: { code: 'BAD_REQUEST' } } });
    expect(await call('POST', '/api/v1/jobs', { job_type: 'breact.service', payload: { service: 'webscraper', endpoint: 'scrape', params: {} } }, user.bearer)).toMatchObject({ status: 400 });
  });

  it('should refuse the metadata address, directly and through a redirect, even when allowlisted', async () => {
    for (const url of ['http://169.254.169.254/latest/meta-data', `${site.url}/redirect-to-metadata`]) {
      const { process_id: pid, access_token: token } = (await call('POST', '/api/v1/services/webscraper/scrape', { url })).body;
      await finished(pid);
      const res = await call('GET', `/api/v1/services/result/${pid}?access_token=${token}`);
      expect(res.body).toMatchObject({ status: 'error' });
      expect(res.body.error).toMatch(/metadata/);
    }
  });

  it('should fail aisummary clearly while no AI generation is available', async () => {
    const { process_id: pid, access_token: token } = (await call('POST', '/api/v1/services/aisummary/summarize', { text: 'Long text.' })).body;
    await finished(pid);
    const res = await call('GET', `/api/v1/services/result/${pid}?access_token=${token}`);
    expect(res.body).toMatchObject({ status: 'error', error: expect.stringContaining('UPSTREAM_UNAVAILABLE') });
  });
});
