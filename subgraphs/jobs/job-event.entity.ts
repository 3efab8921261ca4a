import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeISOResolver, JSONResolver } from 'graphql-scalars';

/** Event types the reference names; logs are `log` and `error` events. */
export const JOB_EVENT_TYPES = ['status', 'stage', 'progress', 'log', 'error', 'cancel_requested'] as const;

@ObjectType({ description: "One step of a job's history, numbered per job from 1." })
@Entity({ tableName: 'job_events' })
export class JobEvent {
  [OptionalProps]?: 'id' | 'timestamp' | 'data';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @Property({ type: 'uuid' })
  jobId: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  sequenceNumber: number;

  @Field(() => String)
  @Property({ type: 'string', length: 40 })
  eventType: string;

  @Field(() => JSONResolver)
  @Property({ type: 'json' })
  data: Record<string, unknown> = {};

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime' })
  timestamp: Date = new Date();
}
