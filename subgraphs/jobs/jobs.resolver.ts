import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../common/subgraph.types.js';
import { Job } from './job.entity.js';
import { JobEvent } from './job-event.entity.js';
import { CreateJobInput, JobEventsArgs, JobsArgs } from './jobs.inputs.js';
import type { JobsLoaders } from './jobs.loaders.js';
import { JobsService } from './jobs.service.js';
import { JobList } from './jobs.types.js';
import { User, userRef } from './user.entity.js';

type Context = SubgraphContext<JobsLoaders>;
const service = (ctx: Context) => new JobsService(ctx, { queue: ctx.deps.jobs.queue });

@Resolver(() => Job)
export class JobsResolver {
  @Query(() => JobList, { description: "The caller's jobs, newest first." })
  jobs(@Args(() => JobsArgs) args: JobsArgs, @Ctx() ctx: Context): Promise<JobList> {
    return service(ctx).list(args);
  }

  @Query(() => Job)
  job(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Job> {
    return service(ctx).get(id);
  }

  @Query(() => [JobEvent], { description: 'Events in order; `sinceSequence` skips those already seen.' })
  jobEvents(@Args(() => JobEventsArgs) { jobId, sinceSequence }: JobEventsArgs, @Ctx() ctx: Context): Promise<JobEvent[]> {
    return service(ctx).events(jobId, sinceSequence);
  }

  @Query(() => [JobEvent], { description: 'The log and error events of a job.' })
  jobLogs(@Arg('jobId', () => ID) jobId: string, @Ctx() ctx: Context): Promise<JobEvent[]> {
    return service(ctx).events(jobId, 0, true);
  }

  @Mutation(() => Job, { description: 'Queues a job; the same idempotency key returns the existing job.' })
  createJob(@Arg('input', () => CreateJobInput) input: CreateJobInput, @Ctx() ctx: Context): Promise<Job> {
    return service(ctx).create(input);
  }

  @Mutation(() => Job, { description: 'Cancels a pending job, or asks a running one to stop.' })
  cancelJob(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Job> {
    return service(ctx).cancel(id);
  }

  @Mutation(() => Job, { description: 'Runs a failed or cancelled job again.' })
  retryJob(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Job> {
    return service(ctx).retry(id);
  }

  @Mutation(() => Boolean, { description: 'Deletes a finished job and its events.' })
  deleteJob(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<boolean> {
    return service(ctx).delete(id);
  }

  @FieldResolver(() => User)
  user(@Root() job: Job): User {
    return userRef(job.userId);
  }
}
