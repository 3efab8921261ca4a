import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disposers, rawRequest, startTestServer, type TestServer } from './helpers/servers.js';

const MAX = 64 * 1024;

describe('request bodies', () => {
  const stack = disposers();
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ maxBodyBytes: MAX });
    stack.push(server.close);
  });
  afterAll(() => stack.dispose());

  const bigJson = () => JSON.stringify({ name: 'x'.repeat(MAX + 10) });

  it('should answer 413 from Content-Length alone, before reading the body', async () => {
    const res = await fetch(server.url + '/api/v1/forms', { method: 'POST', headers: { 'content-type': 'application/json' }, body: bigJson() });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ detail: 'Request body too large' });
    expect(server.executor.calls).toHaveLength(0);
  });

  it('should answer 413 to a chunked body once the streamed bytes pass the cap', async () => {
    const payload = new TextEncoder().encode(bigJson());
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < payload.length; i += 8192) controller.enqueue(payload.slice(i, i + 8192));
        controller.close();
      },
    });
    const res = await fetch(server.url + '/api/v1/forms', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ detail: 'Request body too large' });
  });

  it('should still serve a chunked body under the cap', async () => {
    const raw = await rawRequest(server.url, {
      method: 'POST',
      path: '/api/v1/forms',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      body: JSON.stringify({ name: 'ada' }),
    });
    expect(raw.status).toBe(200);
    expect(JSON.parse(raw.text)).toEqual({ name: 'ada' });
  });

  it('should answer 415 to multipart on a row that does not declare it', async () => {
    const form = new FormData();
    form.set('name', 'ada');
    const res = await fetch(server.url + '/api/v1/forms', { method: 'POST', body: form });
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({ detail: 'Unsupported Media Type' });
  });

  it('should not answer 415 to multipart on a row that declares it', async () => {
    const form = new FormData();
    form.set('file', new Blob(['hello']), 'hello.txt');
    const res = await fetch(server.url + '/api/assets/upload', { method: 'POST', body: form });
    expect(res.status).toBe(501);
  });
});
