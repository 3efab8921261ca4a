import type { EntityManager } from '@mikro-orm/postgresql';
import { HEARTBEAT_SECONDS } from '../common/jobs/job-runner.js';
import type { JobQueue } from '../common/jobs/job-queue.js';
import type { BraingraphPubSub } from '../common/pubsub.js';
import { recordJobEvent } from './job-events.js';
import { jobTypes } from './job-types.js';
import { BadUserInputError } from '../common/errors.js';
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
    const [row] = await this.em.getConnection().execute<{ id: string; job_type: string; user_id: string; tenant_id: string; payload: Record<string, unknown> }[]>(
      `update jobs.jobs set status = 'running', started_at = now(), heartbeat_at = now(), attempts = attempts + 1,
              worker_id = ?, updated_at = now()
        where id = ? and status = 'pending' returning id, job_type, user_id, tenant_id, payload`,
      [workerId, jobId],
    );
    if (!row) return null;
    await recordJobEvent(this.em, this.pubsub, jobId, 'status', { status: 'running' });
    return { id: row.id, jobType: row.job_type, userId: row.user_id, tenantId: row.tenant_id, payload: row.payload };
  }

  /**
   * Creates a job for a user on behalf of the domain that owns the work (DESIGN §2: chat's Ollama installs). With a
   * dedup key, an identical job already pending or running is returned instead (the index makes that atomic).
   */
  async createFor(userId: string, tenantId: string, jobType: string, payload: Record<string, unknown>, dedupKey: string | null, queue: JobQueue): Promise<{ id: string; deduped: boolean }> {
    const schema = jobTypes[jobType];
    if (!schema) throw new BadUserInputError(`Unknown job type ${jobType}`, 'job_type');
    const parsed = schema.safeParse(payload);
    if (!parsed.success) throw new BadUserInputError(`Invalid payload for ${jobType}`, 'payload');
    const [created] = await this.em.getConnection().execute<{ id: string }[]>(
      `insert into jobs.jobs (id, user_id, tenant_id, job_type, status, payload, dedup_key)
       values (gen_random_uuid(), ?, ?, ?, 'pending', ?::jsonb, ?)
       on conflict (job_type, dedup_key) where dedup_key is not null and status in ('pending', 'running') do nothing
       returning id`,
      [userId, tenantId, jobType, JSON.stringify(parsed.data), dedupKey],
    );
    if (!created) {
      const [existing] = await this.em.getConnection().execute<{ id: string }[]>(
        `select id from jobs.jobs where job_type = ? and dedup_key = ? and status in ('pending', 'running')`,
        [jobType, dedupKey],
      );
      if (existing) return { id: existing.id, deduped: true };
      // It finished between the insert and the look-up: start a new one.
      return this.createFor(userId, tenantId, jobType, payload, dedupKey, queue);
    }
    await recordJobEvent(this.em, this.pubsub, created.id, 'status', { status: 'pending' });
    await queue.enqueue(jobType, created.id);
    return { id: created.id, deduped: false };
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
