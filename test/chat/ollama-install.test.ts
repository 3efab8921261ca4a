import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rest, signUp } from '../helpers/clients.js';
import { readSse } from '../helpers/sse.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { fakeOllama } from './fake-providers.js';

let app: TestApp;
let ollama: Awaited<ReturnType<typeof fakeOllama>>;
let user: Awaited<ReturnType<typeof signUp>>;

beforeAll(async () => {
  ollama = await fakeOllama();
  app = await startTestApp({ PROVIDER_HOST_ALLOWLIST: '127.0.0.1' });
  user = await signUp(app.restUrl, 'pull');
});
afterAll(async () => {
  await app.close();
  await ollama.server.close();
});

const install = (name: string, who = user) =>
  rest(app.restUrl, 'POST', '/api/v1/ollama/install', { body: { name, server_url: ollama.server.url }, headers: who.bearer });

async function framesOf(taskId: string) {
  const frames = [];
  for await (const f of readSse(`${app.restUrl}/api/v1/ollama/install/${taskId}/events`, user.bearer)) frames.push(f.data);
  return frames;
}

describe('Ollama model install as a job', () => {
  it('should pull a model with progress from the pull stream and finish', async () => {
    const res = await install('llama3');
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ deduped: false, status: 'queued' });
    const frames = await framesOf(res.body.task_id);
    expect(frames[0].type).toBe('snapshot');
    const stages = frames.filter((f) => f.type === 'event' && f.event_type === 'progress').map((f) => [f.stage, f.progress_percent]);
    expect(stages).toContainEqual(['pulling 6a0746a1ec1a', 50]);
    expect(frames.at(-1)).toMatchObject({ type: 'terminal', status: 'completed', job: { result: { model: 'llama3', status: 'success' } } });
    expect(ollama.received.some((r) => r.path === '/api/pull' && (r.body.model ?? r.body.name) === 'llama3')).toBe(true);
    const status = await rest(app.restUrl, 'GET', `/api/v1/ollama/install/${res.body.task_id}`, { headers: user.bearer });
    expect(status.body).toMatchObject({ task_id: res.body.task_id, status: 'completed', progress: 100, model: 'llama3' });
  });

  it('should answer the running install again, deduped, and cancel it for real', async () => {
    const first = await install('slow');
    const second = await install('slow');
    expect(second.body).toMatchObject({ task_id: first.body.task_id, deduped: true });
    // Wait until the worker has the pull open upstream.
    for await (const f of readSse(`${app.restUrl}/api/v1/ollama/install/${first.body.task_id}/events`, user.bearer)) {
      if (f.data.type === 'event' && f.data.stage === 'pulling manifest') break;
    }
    const cancel = await rest(app.restUrl, 'DELETE', `/api/v1/ollama/install/${first.body.task_id}`, { headers: user.bearer });
    expect(cancel.status).toBe(200);
    await ollama.aborted();
    const frames = await framesOf(first.body.task_id);
    expect(frames.at(-1)).toMatchObject({ type: 'terminal', status: 'cancelled' });
    const again = await install('slow');
    expect(again.body.deduped).toBe(false);
    expect(again.body.task_id).not.toBe(first.body.task_id);
    await rest(app.restUrl, 'DELETE', `/api/v1/ollama/install/${again.body.task_id}`, { headers: user.bearer });
  });

  it("should refuse another user's task and bad input", async () => {
    const other = await signUp(app.restUrl, 'pull2');
    const { body } = await install('llama3');
    expect((await rest(app.restUrl, 'GET', `/api/v1/ollama/install/${body.task_id}`, { headers: other.bearer })).status).toBe(404);
    expect((await rest(app.restUrl, 'DELETE', `/api/v1/ollama/install/${body.task_id}`, { headers: other.bearer })).status).toBe(404);
    expect((await rest(app.restUrl, 'POST', '/api/v1/ollama/install', { body: { server_url: ollama.server.url }, headers: user.bearer })).status).toBe(422);
    const blocked = await rest(app.restUrl, 'POST', '/api/v1/ollama/install', { body: { name: 'x', server_url: 'http://10.9.9.9:11434' }, headers: user.bearer });
    expect(blocked.status).toBe(400);
  });
});
