import { Arg, Ctx, Directive, ID, Int, Mutation, Resolver } from 'type-graphql';
import { JSONResolver } from 'graphql-scalars';
import { requireInternal } from '../common/context.js';
import type { SubgraphContext } from '../common/subgraph.types.js';
import { JobWorkerService } from './job-worker.service.js';
import { CreatedJob, JobClaim } from './jobs.types.js';

const worker = (ctx: SubgraphContext) => {
  requireInternal(ctx);
  return new JobWorkerService(ctx.em, ctx.deps.pubsub);
};

/** Internal operations for workers of any domain (DESIGN §2): hidden from the public graph. */
@Resolver()
export class JobInternalResolver {
  @Mutation(() => JobClaim, { nullable: true })
  @Directive('@inaccessible')
  claimJob(@Arg('jobId', () => ID) jobId: string, @Arg('workerId', () => String) workerId: string, @Ctx() ctx: SubgraphContext) {
    return worker(ctx).claim(jobId, workerId);
  }

  @Mutation(() => Boolean)
  @Directive('@inaccessible')
  reportJob(
    @Arg('jobId', () => ID) jobId: string,
    @Arg('eventType', () => String) eventType: string,
    @Arg('progressPercent', () => Int, { nullable: true }) progressPercent: number | null,
    @Arg('stage', () => String, { nullable: true }) stage: string | null,
    @Arg('message', () => String, { nullable: true }) message: string | null,
    @Arg('data', () => JSONResolver, { nullable: true }) data: unknown,
    @Ctx() ctx: SubgraphContext,
  ) {
    return worker(ctx).report(jobId, eventType, { progressPercent, stage, message, data });
  }

  @Mutation(() => Boolean)
  @Directive('@inaccessible')
  finishJob(
    @Arg('jobId', () => ID) jobId: string,
    @Arg('status', () => String) status: string,
    @Arg('result', () => JSONResolver, { nullable: true }) result: unknown,
    @Arg('error', () => String, { nullable: true }) error: string | null,
    @Ctx() ctx: SubgraphContext,
  ) {
    return worker(ctx).finish(jobId, status, result, error);
  }

  @Mutation(() => CreatedJob)
  @Directive('@inaccessible')
  createJobFor(
    @Arg('userId', () => ID) userId: string,
    @Arg('tenantId', () => ID) tenantId: string,
    @Arg('jobType', () => String) jobType: string,
    @Arg('payload', () => JSONResolver) payload: Record<string, unknown>,
    @Arg('dedupKey', () => String, { nullable: true }) dedupKey: string | null,
    @Ctx() ctx: SubgraphContext,
  ) {
    return worker(ctx).createFor(userId, tenantId, jobType, payload, dedupKey, ctx.deps.jobs.queue);
  }

  @Mutation(() => Boolean)
  @Directive('@inaccessible')
  heartbeatJob(@Arg('jobId', () => ID) jobId: string, @Ctx() ctx: SubgraphContext) {
    return worker(ctx).heartbeat(jobId);
  }

  @Mutation(() => Boolean)
  @Directive('@inaccessible')
  requeueJob(@Arg('jobId', () => ID) jobId: string, @Ctx() ctx: SubgraphContext) {
    return worker(ctx).requeue(jobId, ctx.deps.jobs.queue);
  }
}
