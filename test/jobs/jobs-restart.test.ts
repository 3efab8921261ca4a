import { afterAll, expect, inject, it } from 'vitest';
import pg from 'pg';
import { rest, signUp } from '../helpers/clients.js';
import { readSse } from '../helpers/sse.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

const apps: TestApp[] = [];
afterAll(async () => {
  for (const a of apps) await a.close().catch(() => {});
});

async function untilTerminal(restUrl: string, jobId: string, headers: Record<string, string>) {
  let last;
  for await (const f of readSse(`${restUrl}/api/v1/jobs/${jobId}/events/stream`, headers)) last = f.data;
  return last;
}

// Both apps of a test are one deployment restarted: they share the job queue.
const shared = () => ({ JOBS_QUEUE_SCHEMA: `pgboss_restart_${process.pid}` });

it('should re-queue a running job when its process stops, and finish it after a restart', async () => {
  const first = await startTestApp(shared());
  apps.push(first);
  const user = await signUp(first.restUrl, 'restart');
  const { body: job } = await rest(first.restUrl, 'POST', '/api/v1/jobs', { body: { job_type: 'system.sleep', payload: { seconds: 1 } }, headers: user.bearer });
  for await (const f of readSse(`${first.restUrl}/api/v1/jobs/${job.id}/events/stream`, user.bearer)) {
    if (f.data.type === 'event' && f.data.status === 'running') break;
  }
  await first.close();

  const second = await startTestApp(shared());
  apps.push(second);
  const terminal = await untilTerminal(second.restUrl, job.id, user.bearer);
  expect(terminal).toMatchObject({ type: 'terminal', status: 'completed', job: { result: { slept_seconds: 1 } } });
  const events = (await rest(second.restUrl, 'GET', `/api/v1/jobs/${job.id}/events`, { headers: user.bearer })).body;
  expect(events.some((e: any) => e.event_type === 'status' && e.data.requeued)).toBe(true);
  expect((await rest(second.restUrl, 'GET', `/api/v1/jobs/${job.id}`, { headers: user.bearer })).body.attempts).toBeGreaterThanOrEqual(2);
});

it('should re-queue at start-up a job whose process died without a word', async () => {
  const app = await startTestApp(shared());
  apps.push(app);
  const user = await signUp(app.restUrl, 'crash');
  const { body: job } = await rest(app.restUrl, 'POST', '/api/v1/jobs', { body: { job_type: 'system.sleep', payload: { seconds: 0 } }, headers: user.bearer });
  await untilTerminal(app.restUrl, job.id, user.bearer);
  // Make it look like a worker crashed mid-run: running, with a heartbeat long gone.
  const db = new pg.Client({ connectionString: inject('databaseUrl') });
  await db.connect();
  await db.query(`update jobs.jobs set status = 'running', heartbeat_at = now() - interval '5 minutes', completed_at = null where id = $1`, [job.id]);
  await db.end();
  const restarted = await startTestApp(shared());
  apps.push(restarted);
  const terminal = await untilTerminal(restarted.restUrl, job.id, user.bearer);
  expect(terminal).toMatchObject({ type: 'terminal', status: 'completed' });
});
