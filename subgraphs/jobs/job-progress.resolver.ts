import { Arg, Ctx, FieldResolver, ID, Int, Resolver, Root, Subscription } from 'type-graphql';
import { NotFoundError } from '../common/errors.js';
import { requireAuth } from '../common/context.js';
import { normalizeUuid } from '../common/ids.js';
import type { SubgraphContext } from '../common/subgraph.types.js';
import { Job } from './job.entity.js';
import { JobEvent } from './job-event.entity.js';
import type { JobsLoaders } from './jobs.loaders.js';
import { JobTopic, type JobProgressPayload } from './jobs.topics.js';
import { JobProgressEvent } from './jobs.types.js';

type Context = SubgraphContext<JobsLoaders>;

const toEvent = (p: JobProgressPayload): JobProgressEvent => ({ ...p, timestamp: new Date(p.timestamp) });

/**
 * Live events of one job: stored events after `sinceSequence` first (so a client resumes without a gap), then live
 * ones, each sequence number once. The live topic is opened before the stored events are read, so nothing falls
 * between the two.
 */
async function* jobStream(ctx: Context, jobId: string, sinceSequence: number | null): AsyncGenerator<JobProgressPayload> {
  const live = ctx.deps.pubsub.subscribe(JobTopic.job(jobId))[Symbol.asyncIterator]();
  let pending = live.next();
  try {
    let last = sinceSequence ?? -1;
    if (sinceSequence != null) {
      const [job, events] = await Promise.all([
        ctx.em.fork().findOneOrFail(Job, { id: jobId }),
        ctx.em.fork().find(JobEvent, { jobId, sequenceNumber: { $gt: sinceSequence } }, { orderBy: { sequenceNumber: 'asc' } }),
      ]);
      for (const e of events) {
        last = e.sequenceNumber;
        yield {
          jobId, userId: job.userId, eventType: e.eventType, status: job.status, progressPercent: job.progressPercent,
          sequenceNumber: e.sequenceNumber, message: (e.data.message as string) ?? null, stage: (e.data.stage as string) ?? job.currentStage,
          timestamp: e.timestamp.toISOString(),
        };
      }
    }
    for (;;) {
      const next = await pending;
      if (next.done) return;
      pending = live.next();
      const p = next.value as JobProgressPayload;
      if (p.sequenceNumber <= last) continue;
      last = p.sequenceNumber;
      yield p;
    }
  } finally {
    await live.return?.();
  }
}

@Resolver(() => JobProgressEvent)
export class JobProgressResolver {
  @Subscription(() => JobProgressEvent, {
    description: "Progress of one of the caller's jobs.",
    subscribe: async ({ args, context }) => {
      const ctx = context as Context;
      const { userId } = requireAuth(ctx);
      const jobId = normalizeUuid(String((args as { jobId: string }).jobId));
      const job = jobId ? await ctx.em.fork().findOne(Job, { id: jobId }) : null;
      // Someone else's job is "not found", as everywhere: ids can't be probed.
      if (!job || job.userId !== userId) throw new NotFoundError('Job not found');
      return jobStream(ctx, job.id, (args as { sinceSequence?: number | null }).sinceSequence ?? null);
    },
  })
  jobProgress(
    @Arg('jobId', () => ID) _jobId: string,
    @Arg('sinceSequence', () => Int, { nullable: true, description: 'Replay stored events after this number first.' }) _since: number | null,
    @Root() payload: JobProgressPayload,
  ): JobProgressEvent {
    return toEvent(payload);
  }

  @Subscription(() => JobProgressEvent, {
    description: "Events of all the caller's jobs.",
    subscribe: ({ context }) => {
      const ctx = context as Context;
      return ctx.deps.pubsub.subscribe(JobTopic.user(requireAuth(ctx).userId));
    },
  })
  myJobs(@Root() payload: JobProgressPayload): JobProgressEvent {
    return toEvent(payload);
  }

  /** Read fresh on every event: a subscription's context lives as long as the subscription. */
  @FieldResolver(() => Job)
  job(@Root() event: JobProgressEvent, @Ctx() ctx: Context): Promise<Job> {
    return ctx.em.fork().findOneOrFail(Job, { id: event.jobId });
  }
}
