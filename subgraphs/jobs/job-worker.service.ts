import type { EntityManager } from '@mikro-orm/postgresql';
import { HEARTBEAT_SECONDS } from '../common/jobs/job-runner.js';
import type { JobQueue } from '../common/jobs/job-queue.js';
import type { BraingraphPubSub } from '../common/pubsub.js';
import { recordJobEvent } from './job-events.js';
import type { JobClaim } from './jobs.types.js';

const STATUS_OF_FINISH = new Set(['completed', 'failed', 'cancelled']);

/**
 * The internal side of jobs (DESIGN §2): what workers of any domain call through the internal client to claim a
 * job, report progress and record how it ended; plus the start-up sweep that re-queues jobs of dead processes.
 */
export class JobWorkerService {
  constructor(private readonly em: EntityManager, private readonly pubsub: BraingraphPubSub) {}

  /** Takes a pending job for one worker, atomically; null when it was cancelled, finished or taken. */
  async claim(jobId: string, workerId: string): Promise<JobClaim | null> {
    const [row] = await this.em.getConnection().execute<{ id: string; job_type: string; payload: Record<string, unknown> }[]>(
      `update jobs.jobs set status = 'running', started_at = now(), heartbeat_at = now(), attempts = attempts + 1,
              worker_id = ?, updated_at = now()
        where id = ? and status = 'pending' returning id, job_type, payload`,
      [workerId, jobId],
    );
    if (!row) return null;
    await recordJobEvent(this.em, this.pubsub, jobId, 'status', { status: 'running' });
    return { id: row.id, jobType: row.job_type, payload: row.payload };
  }

  async report(jobId: string, eventType: string, v: { progressPercent?: number | null; stage?: string | null; message?: string | null; data?: unknown }) {
    const data: Record<string, unknown> = { ...((v.data as Record<string, unknown>) ?? {}) };
    if (v.progressPercent != null) data.progress_percent = v.progressPercent;
    if (v.stage != null) data.stage = v.stage;
    if (v.message != null) data.message = v.message;
    const stageChanged = v.stage != null ? { currentStage: v.stage } : {};
    const progress = v.progressPercent != null ? { progressPercent: Math.max(0, Math.min(100, v.progressPercent)) } : {};
    const message = v.message != null && eventType !== 'log' ? { message: v.message } : {};
    return (await recordJobEvent(this.em, this.pubsub, jobId, eventType, data, { ...progress, ...stageChanged, ...message })) !== null;
  }

  async finish(jobId: string, status: string, result: unknown, error: string | null | undefined): Promise<boolean> {
    if (!STATUS_OF_FINISH.has(status)) return false;
    const s = status as 'completed' | 'failed' | 'cancelled';
    if (error) await recordJobEvent(this.em, this.pubsub, jobId, 'error', { message: error });
    const patch = { status: s, completedAt: 'now' as const, result: result ?? null, error: error ?? null, ...(s === 'completed' ? { progressPercent: 100 } : {}) };
    return (await recordJobEvent(this.em, this.pubsub, jobId, 'status', { status: s }, patch)) !== null;
  }

  async heartbeat(jobId: string): Promise<boolean> {
    return (await this.em.getConnection().execute(`update jobs.jobs set heartbeat_at = now() where id = ? and status = 'running'`, [jobId])) !== undefined;
  }

  /** Puts a job back on the queue (its worker is shutting down); it runs again from the start. */
  async requeue(jobId: string, queue: JobQueue): Promise<boolean> {
    const [row] = await this.em.getConnection().execute<{ job_type: string; priority: number }[]>(
      `update jobs.jobs set status = 'pending', worker_id = null, updated_at = now() where id = ? and status = 'running' returning job_type, priority`,
      [jobId],
    );
    if (!row) return false;
    await recordJobEvent(this.em, this.pubsub, jobId, 'status', { status: 'pending', requeued: true });
    await queue.enqueue(row.job_type, jobId, { priority: row.priority });
    return true;
  }

  /** Jobs still marked running whose process stopped beating (crashed, killed) go back to the queue. */
  async requeueStale(queue: JobQueue): Promise<number> {
    const stale = await this.em.getConnection().execute<{ id: string }[]>(
      `select id from jobs.jobs where status = 'running' and (heartbeat_at is null or heartbeat_at < now() - make_interval(secs => ?))`,
      [HEARTBEAT_SECONDS * 3],
    );
    let n = 0;
    for (const { id } of stale) if (await this.requeue(id, queue)) n++;
    // Pending rows whose queue message was lost with a crash between insert and send are re-sent too.
    if (!/^[a-z_][a-z0-9_]*$/.test(queue.schema)) return n;
    const pending = await this.em.getConnection().execute<{ id: string; job_type: string; priority: number }[]>(
      `select id, job_type, priority from jobs.jobs j where status = 'pending' and updated_at < now() - interval '1 minute'
         and not exists (select 1 from "${queue.schema}".job q where q.data->>'jobId' = j.id::text and q.state in ('created','retry','active'))`,
    ).catch(() => []);
    for (const p of pending) {
      await queue.enqueue(p.job_type, p.id, { priority: p.priority });
      n++;
    }
    return n;
  }
}
