import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeISOResolver, JSONResolver } from 'graphql-scalars';

/** The reference's spellings (as-built: the real product says queued/canceled; filters accept both). */
export const JOB_STATUSES = ['pending', 'running', 'completed', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const FINISHED: readonly JobStatus[] = ['completed', 'failed', 'cancelled'];

@ObjectType({ description: 'Long-running work: durable, observable, cancellable.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'jobs' })
export class Job {
  [OptionalProps]?: 'id' | 'status' | 'priority' | 'progressPercent' | 'currentStage' | 'message' | 'result' | 'error' | 'createdAt'
    | 'startedAt' | 'completedAt' | 'scheduledFor' | 'idempotencyKey' | 'attempts' | 'lastSequence' | 'cancelRequested' | 'heartbeatAt' | 'workerId' | 'updatedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @Property({ type: 'uuid' })
  userId: string;

  @Property({ type: 'uuid' })
  tenantId: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  jobType: string;

  @Field(() => String, { description: 'pending, running, completed, failed or cancelled' })
  @Property({ type: 'string', length: 20 })
  status: JobStatus = 'pending';

  @Field(() => Int)
  @Property({ type: 'integer' })
  priority: number = 0;

  @Field(() => JSONResolver)
  @Property({ type: 'json' })
  payload: Record<string, unknown> = {};

  @Field(() => Int)
  @Property({ type: 'integer' })
  progressPercent: number = 0;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  currentStage: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  message: string | null = null;

  @Field(() => JSONResolver, { nullable: true })
  @Property({ type: 'json', nullable: true })
  result: unknown = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  error: string | null = null;

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Field(() => DateTimeISOResolver, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  startedAt: Date | null = null;

  @Field(() => DateTimeISOResolver, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  completedAt: Date | null = null;

  @Field(() => DateTimeISOResolver, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  scheduledFor: Date | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  idempotencyKey: string | null = null;

  @Field(() => Int, { description: 'Times a worker has started it.' })
  @Property({ type: 'integer' })
  attempts: number = 0;

  @Field(() => Int, { description: 'Sequence number of its latest event.' })
  @Property({ type: 'integer' })
  lastSequence: number = 0;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  cancelRequested: boolean = false;

  @Property({ type: 'datetime', nullable: true })
  heartbeatAt: Date | null = null;

  @Property({ type: 'string', nullable: true })
  workerId: string | null = null;
}
