import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeISOResolver, JSONResolver } from 'graphql-scalars';
import { Job } from './job.entity.js';

@ObjectType({ description: 'A job event as it happens: progress, stage, status, log.' })
export class JobProgressEvent {
  @Field(() => ID)
  jobId: string;

  @Field(() => String)
  eventType: string;

  @Field(() => String)
  status: string;

  @Field(() => Int)
  progressPercent: number;

  @Field(() => Int)
  sequenceNumber: number;

  @Field(() => String, { nullable: true })
  message: string | null;

  @Field(() => String, { nullable: true })
  stage: string | null;

  @Field(() => DateTimeISOResolver)
  timestamp: Date;
}

@ObjectType({ description: "A page of the caller's jobs (BrainDrive's page/page_size paging)." })
export class JobList {
  @Field(() => [Job])
  jobs: Job[];

  @Field(() => Int)
  total: number;

  @Field(() => Int)
  page: number;

  @Field(() => Int)
  pageSize: number;

  @Field(() => Boolean)
  hasNext: boolean;
}

@ObjectType({ description: 'Internal: a job a worker has just claimed.' })
@Directive('@inaccessible')
export class JobClaim {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  jobType: string;

  @Field(() => ID)
  userId: string;

  @Field(() => ID)
  tenantId: string;

  @Field(() => JSONResolver)
  payload: Record<string, unknown>;
}

@ObjectType({ description: 'Internal: a job created for a user, or the one already running for the same work.' })
@Directive('@inaccessible')
export class CreatedJob {
  @Field(() => ID)
  id: string;

  @Field(() => Boolean, { description: 'True when an identical job was already pending or running.' })
  deduped: boolean;
}
