import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { gql, rest, signUp } from '../helpers/clients.js';
import { readSse } from '../helpers/sse.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let app: TestApp;
let owner: Awaited<ReturnType<typeof signUp>>;
let other: Awaited<ReturnType<typeof signUp>>;
const clients: Client[] = [];

beforeAll(async () => {
  app = await startTestApp();
  owner = await signUp(app.restUrl, 'jobs');
  other = await signUp(app.restUrl, 'jobs2');
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await app.close();
});

const create = (body: unknown, who = owner) => rest(app.restUrl, 'POST', '/api/v1/jobs', { body, headers: who.bearer });
const sleepJob = (seconds: number, extra: Record<string, unknown> = {}) => create({ job_type: 'system.sleep', payload: { seconds }, ...extra });

async function framesUntilEnd(jobId: string, who = owner) {
  const frames = [];
  for await (const f of readSse(`${app.restUrl}/api/v1/jobs/${jobId}/events/stream`, who.bearer)) frames.push(f);
  return frames;
}

function wsClient(token: string): Client {
  const c = createClient({ url: app.graphqlUrl.replace(/^http/, 'ws'), connectionParams: { authorization: `Bearer ${token}` }, webSocketImpl: WebSocket, retryAttempts: 0 });
  clients.push(c);
  return c;
}

describe('jobs over REST', () => {
  it('should create a job (202), run it, and stream snapshot, events and a terminal frame over SSE', async () => {
    const created = await sleepJob(0.3);
    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({ job_type: 'system.sleep', status: 'pending', progress_percent: 0 });
    const frames = await framesUntilEnd(created.body.id);
    expect(frames[0]).toMatchObject({ id: '0', data: { type: 'snapshot', sequence_number: 0, job: { id: created.body.id } } });
    const events = frames.filter((f) => f.data.type === 'event').map((f) => f.data);
    expect(events.length).toBeGreaterThan(2);
    const sequences = events.map((e) => e.sequence_number);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    expect(new Set(sequences).size).toBe(sequences.length);
    expect(events.some((e) => e.event_type === 'progress' && e.progress_percent > 0)).toBe(true);
    expect(frames.at(-1)!.data).toMatchObject({ type: 'terminal', status: 'completed', job: { progress_percent: 100, result: { slept_seconds: 0.3 } } });

    const job = await rest(app.restUrl, 'GET', `/api/v1/jobs/${created.body.id.replace(/-/g, '')}`, { headers: owner.bearer });
    expect(job.body).toMatchObject({ status: 'completed', progress_percent: 100 });
    expect(job.body.started_at).toBeTruthy();
    expect(job.body.completed_at).toBeTruthy();
    const all = await rest(app.restUrl, 'GET', `/api/v1/jobs/${created.body.id}/events`, { headers: owner.bearer });
    expect(all.body[0]).toMatchObject({ sequence_number: 1, event_type: 'status', data: { status: 'pending' } });
    const since = await rest(app.restUrl, 'GET', `/api/v1/jobs/${created.body.id}/events?since_sequence=3`, { headers: owner.bearer });
    expect(since.body.every((e: { sequence_number: number }) => e.sequence_number > 3)).toBe(true);
    expect(since.body.length).toBe(all.body.length - 3);
  });

  it('should answer a finished job stream with snapshot and terminal at once', async () => {
    const created = await sleepJob(0);
    await framesUntilEnd(created.body.id);
    const again = await framesUntilEnd(created.body.id);
    expect(again.map((f) => f.data.type)).toEqual(['snapshot', 'terminal']);
  });

  it('should cancel a running job for real, refuse a second cancel, retry it, and delete only when finished', async () => {
    const created = await sleepJob(60);
    const id = created.body.id;
    const c = wsClient(owner.accessToken);
    // Wait for the worker to pick it up: the subscription replays from 0, so no event is missed.
    for await (const e of c.iterate({ query: 'subscription($id: ID!) { jobProgress(jobId: $id, sinceSequence: 0) { status eventType } }', variables: { id } })) {
      if ((e.data as any)?.jobProgress.status === 'running') break;
    }
    expect((await rest(app.restUrl, 'DELETE', `/api/v1/jobs/${id}`, { headers: owner.bearer })).status).toBe(400);
    const cancel = await rest(app.restUrl, 'POST', `/api/v1/jobs/${id}/cancel`, { headers: owner.bearer });
    expect(cancel.status).toBe(200);
    const frames = await framesUntilEnd(id);
    expect(frames.at(-1)!.data).toMatchObject({ type: 'terminal', status: 'cancelled' });
    expect(frames.at(-1)!.data.job.progress_percent).toBeLessThan(100);
    const again = await rest(app.restUrl, 'POST', `/api/v1/jobs/${id}/cancel`, { headers: owner.bearer });
    expect(again.status).toBe(400);
    const retried = await rest(app.restUrl, 'POST', `/api/v1/jobs/${id}/retry`, { headers: owner.bearer });
    expect(retried.body).toMatchObject({ status: 'pending', progress_percent: 0, error: null });
    await rest(app.restUrl, 'POST', `/api/v1/jobs/${id}/cancel`, { headers: owner.bearer });
    const types = (await rest(app.restUrl, 'GET', `/api/v1/jobs/${id}/events`, { headers: owner.bearer })).body.map((e: any) => e.event_type);
    expect(types).toContain('cancel_requested');
    expect((await rest(app.restUrl, 'POST', `/api/v1/jobs/${id}/retry`, { headers: owner.bearer })).status).toBe(200);
    await rest(app.restUrl, 'POST', `/api/v1/jobs/${id}/cancel`, { headers: owner.bearer });
    await framesUntilEnd(id);
    expect((await rest(app.restUrl, 'DELETE', `/api/v1/jobs/${id}`, { headers: owner.bearer })).status).toBe(204);
    expect((await rest(app.restUrl, 'GET', `/api/v1/jobs/${id}`, { headers: owner.bearer })).status).toBe(404);
  });

  it('should return the existing job for a repeated idempotency key', async () => {
    const key = `k-${Date.now()}`;
    const [a, b] = await Promise.all([sleepJob(0, { idempotency_key: key }), sleepJob(0, { idempotency_key: key })]);
    expect(a.body.id).toBe(b.body.id);
  });

  it('should list with paging and both status spellings', async () => {
    const done = await sleepJob(0);
    await framesUntilEnd(done.body.id);
    const list = await rest(app.restUrl, 'GET', '/api/v1/jobs?page=1&page_size=2&status=completed', { headers: owner.bearer });
    expect(list.body).toMatchObject({ page: 1, page_size: 2 });
    expect(list.body.jobs.length).toBeLessThanOrEqual(2);
    expect(list.body.jobs.every((j: any) => j.status === 'completed')).toBe(true);
    expect(list.body.has_next).toBe(list.body.total > 2);
    const canceled = await rest(app.restUrl, 'GET', '/api/v1/jobs?status=canceled', { headers: owner.bearer });
    expect(canceled.status).toBe(200);
    expect((await rest(app.restUrl, 'GET', '/api/v1/jobs?status=exploded', { headers: owner.bearer })).status).toBe(400);
    expect((await rest(app.restUrl, 'GET', '/api/v1/jobs?page_size=101', { headers: owner.bearer })).status).toBe(422);
  });

  it('should refuse bad input with nothing queued', async () => {
    const before = (await rest(app.restUrl, 'GET', '/api/v1/jobs', { headers: owner.bearer })).body.total;
    expect((await create({ payload: {} })).status).toBe(422);
    const unknown = await create({ job_type: 'rm.rf' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.detail).toContain('system.sleep');
    expect((await create({ job_type: 'system.sleep', payload: { seconds: 'ten' } })).status).toBe(400);
    expect((await rest(app.restUrl, 'GET', '/api/v1/jobs', { headers: owner.bearer })).body.total).toBe(before);
  });

  it("should hide a job from another user everywhere", async () => {
    const { body } = await sleepJob(0);
    for (const [method, path] of [['GET', ''], ['POST', '/cancel'], ['POST', '/retry'], ['GET', '/events'], ['GET', '/logs'], ['DELETE', '']]) {
      const res = await rest(app.restUrl, method, `/api/v1/jobs/${body.id}${path}`, { headers: other.bearer });
      expect(res, `${method} ${path}`).toMatchObject({ status: 404, body: { detail: 'Job not found' } });
    }
    const frames = await framesUntilEnd(body.id, other);
    expect(frames).toEqual([{ data: { httpStatus: 404, body: { detail: 'Job not found' } } }]);
    const events: unknown[] = [];
    try {
      for await (const e of wsClient(other.accessToken).iterate({ query: 'subscription($id: ID!) { jobProgress(jobId: $id) { status } }', variables: { id: body.id } })) events.push(e);
    } catch (e) {
      events.push(e);
    }
    expect(JSON.stringify(events)).toContain('Job not found');
    expect(JSON.stringify(events)).not.toContain('"status"');
  });
});

describe('jobProgress through the gateway', () => {
  it('should fill job.user from identity in every event', async () => {
    const { body } = await sleepJob(0.2);
    const seen: any[] = [];
    for await (const e of wsClient(owner.accessToken).iterate({
      query: 'subscription($id: ID!) { jobProgress(jobId: $id, sinceSequence: 0) { jobId eventType status progressPercent sequenceNumber message job { id status user { id username } } } }',
      variables: { id: body.id },
    })) {
      seen.push(e);
      if ((e.data as any).jobProgress.status === 'completed' && (e.data as any).jobProgress.eventType === 'status') break;
    }
    expect(seen.length).toBeGreaterThan(3);
    for (const e of seen) {
      expect(e.errors).toBeUndefined();
      expect(e.data.jobProgress.job.user).toEqual({ id: owner.id, username: owner.username });
      expect(e.data.jobProgress.jobId).toBe(body.id);
    }
  });

  it('should stream all my jobs on myJobs', async () => {
    const c = wsClient(owner.accessToken);
    const it = c.iterate({ query: 'subscription { myJobs { jobId eventType status } }' })[Symbol.asyncIterator]();
    const first = it.next();
    // myJobs has no replay; if the socket subscribes after `pending` was published, `running` or later still comes.
    const { body } = await sleepJob(0);
    const event = await first;
    expect((event.value as any).data.myJobs.jobId).toBe(body.id);
    expect(['status', 'progress']).toContain((event.value as any).data.myJobs.eventType);
    await it.return?.();
  });

  it('should answer jobs through GraphQL with the same rules', async () => {
    const res = await gql(app.graphqlUrl, '{ jobs(pageSize: 1) { total jobs { id user { username } } } }', {}, owner.bearer);
    expect(res.data.jobs.jobs[0].user.username).toBe(owner.username);
  });
});
