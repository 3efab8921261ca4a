import { BadUserInputError, NotFoundError } from '../common/errors.js';
import { requireAuth } from '../common/context.js';
import { normalizeUuid } from '../common/ids.js';
import { JOB_CANCEL_TOPIC } from '../common/jobs/job-runner.js';
import { pageToOffset } from '../common/pagination.js';
import type { SubgraphContext } from '../common/subgraph.types.js';
import { FINISHED, Job, JOB_STATUSES, type JobStatus } from './job.entity.js';
import { recordJobEvent } from './job-events.js';
import { JobEvent } from './job-event.entity.js';
import { internalJobTypes, jobTypes } from './job-types.js';
import type { JobsDeps } from './jobs.deps.js';
import type { CreateJobInput, JobsArgs } from './jobs.inputs.js';
import type { JobsLoaders } from './jobs.loaders.js';
import type { JobList } from './jobs.types.js';

type Ctx = SubgraphContext<JobsLoaders>;

/** The real product's spellings, accepted in filters (as-built). */
const STATUS_ALIASES: Record<string, JobStatus> = { queued: 'pending', canceled: 'cancelled' };

/** The jobs API: every operation acts on the caller's own jobs; someone else's is "Job not found". */
export class JobsService {
  constructor(private readonly ctx: Ctx, private readonly jobs: JobsDeps) {}

  /** @param internal the platform itself creates it (types like `breact.service` are not for clients) */
  async create(input: CreateJobInput, internal = false): Promise<Job> {
    const auth = requireAuth(this.ctx);
    const schema = internal || !internalJobTypes.has(input.jobType) ? jobTypes[input.jobType] : undefined;
    if (!schema) throw new BadUserInputError(`Unknown job_type "${input.jobType}"; known: ${Object.keys(jobTypes).filter((t) => !internalJobTypes.has(t)).join(', ')}`, 'job_type');
    const parsed = schema.safeParse(input.payload ?? {});
    if (!parsed.success) throw new BadUserInputError(`Invalid payload for ${input.jobType}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ')}`, 'payload');
    if (input.idempotencyKey) {
      const existing = await this.ctx.em.findOne(Job, { userId: auth.userId, idempotencyKey: input.idempotencyKey });
      if (existing) return existing;
    }
    const job = this.ctx.em.create(Job, {
      userId: auth.userId,
      tenantId: auth.tenantId,
      jobType: input.jobType,
      payload: parsed.data,
      priority: input.priority ?? 0,
      scheduledFor: input.scheduledFor ?? null,
      idempotencyKey: input.idempotencyKey ?? null,
    });
    try {
      await this.ctx.em.flush();
    } catch (e) {
      // A concurrent create with the same key won the insert: answer its job.
      if (input.idempotencyKey && String(e).includes('jobs_idempotency_key')) {
        return (await this.ctx.em.fork().findOneOrFail(Job, { userId: auth.userId, idempotencyKey: input.idempotencyKey }));
      }
      throw e;
    }
    await recordJobEvent(this.ctx.em, this.ctx.deps.pubsub, job.id, 'status', { status: 'pending' });
    await this.jobs.queue.enqueue(job.jobType, job.id, { priority: job.priority, startAfter: job.scheduledFor ?? undefined });
    return this.reload(job.id);
  }

  async list(args: JobsArgs): Promise<JobList> {
    const { userId } = requireAuth(this.ctx);
    const { offset, limit } = pageToOffset(args.page, args.pageSize);
    const where: Record<string, unknown> = { userId };
    if (args.status) where.status = this.status(args.status);
    if (args.jobType) where.jobType = args.jobType;
    const [jobs, total] = await this.ctx.em.findAndCount(Job, where, { orderBy: { createdAt: 'desc', id: 'desc' }, offset, limit });
    return { jobs, total, page: args.page, pageSize: args.pageSize, hasNext: offset + jobs.length < total };
  }

  async get(id: string): Promise<Job> {
    const { userId } = requireAuth(this.ctx);
    const jobId = normalizeUuid(id);
    const job = jobId ? await this.ctx.loaders.jobById.load(jobId) : null;
    if (!job || job.userId !== userId) throw new NotFoundError('Job not found');
    return job;
  }

  async cancel(id: string): Promise<Job> {
    const job = await this.get(id);
    if (FINISHED.includes(job.status)) throw new BadUserInputError(`Job is already ${job.status}`);
    if (job.status === 'pending') {
      // Not started: it ends here, and the worker that later receives it finds nothing to claim.
      await recordJobEvent(this.ctx.em, this.ctx.deps.pubsub, job.id, 'status', { status: 'cancelled' }, { status: 'cancelled', completedAt: 'now' });
    } else {
      await recordJobEvent(this.ctx.em, this.ctx.deps.pubsub, job.id, 'cancel_requested', {}, { cancelRequested: true });
      this.ctx.deps.pubsub.publish(JOB_CANCEL_TOPIC, { jobId: job.id });
    }
    return this.reload(job.id);
  }

  async retry(id: string): Promise<Job> {
    const job = await this.get(id);
    if (job.status !== 'failed' && job.status !== 'cancelled') throw new BadUserInputError(`Only a failed or cancelled job can be retried; this one is ${job.status}`);
    await recordJobEvent(this.ctx.em, this.ctx.deps.pubsub, job.id, 'status', { status: 'pending', retry: true }, {
      status: 'pending', progressPercent: 0, currentStage: null, message: null, result: null, error: null, completedAt: null, cancelRequested: false,
    });
    await this.jobs.queue.enqueue(job.jobType, job.id, { priority: job.priority });
    return this.reload(job.id);
  }

  async delete(id: string): Promise<boolean> {
    const job = await this.get(id);
    if (!FINISHED.includes(job.status)) throw new BadUserInputError('Only a finished job can be deleted; cancel it first');
    await this.ctx.em.nativeDelete(Job, { id: job.id, status: { $in: [...FINISHED] } });
    return true;
  }

  async events(id: string, sinceSequence?: number | null, logsOnly = false): Promise<JobEvent[]> {
    const job = await this.get(id);
    const where: Record<string, unknown> = { jobId: job.id, sequenceNumber: { $gt: sinceSequence ?? 0 } };
    if (logsOnly) where.eventType = { $in: ['log', 'error'] };
    return this.ctx.em.find(JobEvent, where, { orderBy: { sequenceNumber: 'asc' } });
  }

  private status(value: string): JobStatus {
    const s = STATUS_ALIASES[value] ?? value;
    if (!(JOB_STATUSES as readonly string[]).includes(s)) {
      throw new BadUserInputError(`Unknown status "${value}"; use one of ${JOB_STATUSES.join(', ')}`, 'status');
    }
    return s as JobStatus;
  }

  private async reload(id: string): Promise<Job> {
    this.ctx.loaders.jobById.clear(id);
    return this.ctx.em.fork().findOneOrFail(Job, { id });
  }
}
