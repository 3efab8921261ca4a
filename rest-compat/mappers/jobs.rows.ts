import { z } from 'zod';
import {
  CancelJobDocument,
  CreateJobDocument,
  DeleteJobDocument,
  JobDocument,
  JobEventsDocument,
  JobLogsDocument,
  JobProgressDocument,
  JobsDocument,
  RetryJobDocument,
  type JobEventFieldsFragment,
  type JobFieldsFragment,
  type JobProgressSubscription,
  type JobQuery,
} from '../../schema/generated/operations.js';
import { intParam, pageParams, uuidParams } from '../validation.js';
import { built } from './built.js';

/** BrainDrive's Job shape (reference + as-built). */
export const jobBody = (j: JobFieldsFragment) => ({
  id: j.id,
  job_type: j.jobType,
  status: j.status,
  priority: j.priority,
  payload: j.payload,
  progress_percent: j.progressPercent,
  current_stage: j.currentStage,
  message: j.message,
  result: j.result,
  error: j.error,
  created_at: j.createdAt,
  updated_at: j.updatedAt,
  started_at: j.startedAt,
  completed_at: j.completedAt,
  scheduled_for: j.scheduledFor,
  idempotency_key: j.idempotencyKey,
  attempts: j.attempts,
  cancel_requested: j.cancelRequested,
});

const eventBody = (e: JobEventFieldsFragment) => ({
  id: e.id,
  job_id: e.jobId,
  sequence_number: e.sequenceNumber,
  event_type: e.eventType,
  data: e.data,
  timestamp: e.timestamp,
});

const FINISHED = new Set(['completed', 'failed', 'cancelled']);
const jobId = uuidParams('job_id');

const createBody = z.object({
  job_type: z.string().min(1).max(100),
  payload: z.record(z.string(), z.unknown()).optional(),
  priority: z.number().int().optional(),
  scheduled_for: z.iso.datetime({ offset: true }).nullish(),
  idempotency_key: z.string().max(200).nullish(),
});

export const jobsRows = {
  create: built({
    operation: CreateJobDocument,
    body: createBody,
    variables: ({ body: b }) => ({
      input: { jobType: b.job_type, payload: b.payload, priority: b.priority, scheduledFor: b.scheduled_for, idempotencyKey: b.idempotency_key },
    }),
    response: (d) => jobBody(d.createJob),
    status: 202,
  }),
  list: built({
    operation: JobsDocument,
    query: pageParams(100).extend({ status: z.string().optional(), job_type: z.string().optional() }),
    variables: ({ query: q }) => ({ status: q.status, jobType: q.job_type, page: q.page, pageSize: q.page_size }),
    response: ({ jobs: l }) => ({ jobs: l.jobs.map(jobBody), total: l.total, page: l.page, page_size: l.pageSize, has_next: l.hasNext }),
  }),
  get: built({ operation: JobDocument, params: jobId, variables: (r) => ({ id: r.params.job_id }), response: (d) => jobBody(d.job) }),
  cancel: built({ operation: CancelJobDocument, params: jobId, variables: (r) => ({ id: r.params.job_id }), response: (d) => jobBody(d.cancelJob) }),
  retry: built({ operation: RetryJobDocument, params: jobId, variables: (r) => ({ id: r.params.job_id }), response: (d) => jobBody(d.retryJob) }),
  events: built({
    operation: JobEventsDocument,
    params: jobId,
    query: z.object({ since_sequence: intParam({ min: 0 }).optional() }),
    variables: (r) => ({ jobId: r.params.job_id, sinceSequence: r.query.since_sequence }),
    response: (d) => d.jobEvents.map(eventBody),
  }),
  logs: built({ operation: JobLogsDocument, params: jobId, variables: (r) => ({ jobId: r.params.job_id }), response: (d) => d.jobLogs.map(eventBody) }),
  delete: built({ operation: DeleteJobDocument, params: jobId, variables: (r) => ({ id: r.params.job_id }), status: 204 }),
  /**
   * SSE: a `snapshot` frame (sequence 0) with the job, one frame per event, a `terminal` frame, then the stream
   * closes. Frames carry no event names (plain `message`s), their kind in `type`; `id` is the sequence number.
   */
  stream: built({
    operation: JobDocument,
    params: jobId,
    variables: (r) => ({ id: r.params.job_id }),
    sse: {
      subscription: JobProgressDocument,
      variables: (d: JobQuery) => ({ jobId: d.job.id, sinceSequence: d.job.lastSequence }),
      open: (d: JobQuery) => {
        const snapshot = { id: 0, data: { type: 'snapshot', sequence_number: 0, job: jobBody(d.job) } };
        if (!FINISHED.has(d.job.status)) return { frames: [snapshot], done: false };
        return { frames: [snapshot, { id: d.job.lastSequence, data: { type: 'terminal', status: d.job.status, job: jobBody(d.job) } }], done: true };
      },
      event: ({ jobProgress: e }: JobProgressSubscription) => {
        const frame = {
          id: e.sequenceNumber,
          data: {
            type: 'event',
            sequence_number: e.sequenceNumber,
            event_type: e.eventType,
            status: e.status,
            progress_percent: e.progressPercent,
            stage: e.stage,
            message: e.message,
            timestamp: e.timestamp,
          },
        };
        const done = e.eventType === 'status' && FINISHED.has(e.status);
        const terminal = { id: e.sequenceNumber, data: { type: 'terminal', status: e.status, job: jobBody(e.job) } };
        return { frames: done ? [frame, terminal] : [frame], done };
      },
    },
  }),
};
