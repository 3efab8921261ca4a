import type { EntityManager } from '@mikro-orm/postgresql';
import type { BraingraphPubSub } from '../common/pubsub.js';
import type { JobStatus } from './job.entity.js';
import { JobTopic, type JobProgressPayload } from './jobs.topics.js';

/** Columns an event may change on its job, in the same statement that numbers the event. */
export interface JobPatch {
  status?: JobStatus;
  progressPercent?: number;
  currentStage?: string | null;
  message?: string | null;
  result?: unknown;
  error?: string | null;
  startedAt?: 'now';
  completedAt?: 'now' | null;
  cancelRequested?: boolean;
}

const COLUMNS: Record<keyof JobPatch, string> = {
  status: 'status',
  progressPercent: 'progress_percent',
  currentStage: 'current_stage',
  message: 'message',
  result: 'result',
  error: 'error',
  startedAt: 'started_at',
  completedAt: 'completed_at',
  cancelRequested: 'cancel_requested',
};

/**
 * Appends one event to a job and applies its patch atomically (the sequence number comes from the job row, so
 * concurrent reporters never share one), then publishes it. Returns null when the job is gone.
 */
export async function recordJobEvent(
  em: EntityManager,
  pubsub: BraingraphPubSub,
  jobId: string,
  eventType: string,
  data: Record<string, unknown>,
  patch: JobPatch = {},
): Promise<JobProgressPayload | null> {
  const sets = ['last_sequence = last_sequence + 1', 'updated_at = now()'];
  const params: unknown[] = [];
  for (const [key, value] of Object.entries(patch) as [keyof JobPatch, unknown][]) {
    if (value === 'now') sets.push(`${COLUMNS[key]} = now()`);
    else {
      sets.push(`${COLUMNS[key]} = ?${key === 'result' ? '::jsonb' : ''}`);
      params.push(key === 'result' ? JSON.stringify(value ?? null) : value);
    }
  }
  const rows = await em.getConnection().execute<{ user_id: string; status: string; progress_percent: number; last_sequence: number; message: string | null; current_stage: string | null }[]>(
    `with bumped as (
       update jobs.jobs set ${sets.join(', ')} where id = ?
       returning id, user_id, status, progress_percent, last_sequence, message, current_stage
     ), ins as (
       insert into jobs.job_events (id, job_id, sequence_number, event_type, data, timestamp)
       select gen_random_uuid(), id, last_sequence, ?, ?::jsonb, now() from bumped
     )
     select * from bumped`,
    [...params, jobId, eventType, JSON.stringify(data)],
  );
  const [row] = rows;
  if (!row) return null;
  const payload: JobProgressPayload = {
    jobId,
    userId: row.user_id,
    eventType,
    status: row.status,
    progressPercent: row.progress_percent,
    sequenceNumber: row.last_sequence,
    message: (data.message as string | undefined) ?? row.message,
    stage: row.current_stage,
    timestamp: new Date().toISOString(),
  };
  pubsub.publish(JobTopic.job(jobId), payload);
  pubsub.publish(JobTopic.user(row.user_id), payload);
  return payload;
}
