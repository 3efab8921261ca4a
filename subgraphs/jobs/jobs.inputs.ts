import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { DateTimeISOResolver, JSONResolver } from 'graphql-scalars';

@InputType()
export class CreateJobInput {
  @Field(() => String, { description: 'A known job type, e.g. `system.sleep`.' })
  jobType: string;

  @Field(() => JSONResolver, { nullable: true })
  payload?: Record<string, unknown> | null;

  @Field(() => Int, { nullable: true, description: 'Higher runs first.' })
  priority?: number | null;

  @Field(() => DateTimeISOResolver, { nullable: true })
  scheduledFor?: Date | null;

  @Field(() => String, { nullable: true, description: 'A second create with the same key returns the first job.' })
  idempotencyKey?: string | null;
}

@ArgsType()
export class JobsArgs {
  @Field(() => String, { nullable: true, description: 'pending|running|completed|failed|cancelled (queued, canceled accepted).' })
  status?: string | null;

  @Field(() => String, { nullable: true })
  jobType?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: 1 })
  page: number;

  @Field(() => Int, { nullable: true, defaultValue: 20 })
  pageSize: number;
}

@ArgsType()
export class JobEventsArgs {
  @Field(() => ID)
  jobId: string;

  @Field(() => Int, { nullable: true, description: 'Only events after this sequence number.' })
  sinceSequence?: number | null;
}
