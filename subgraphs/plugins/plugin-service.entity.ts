import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';

/** What a supervised backend service is doing: written by the process that runs it, read by every replica. */
export const SERVICE_STATUSES = ['stopped', 'starting', 'running', 'restarting', 'failed'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

/**
 * The backend service of a plugin that declares one (`backendService` in plugin.json). The row exists while the
 * plugin is installed; the plugin's `enabled` flag says whether it should run, `generation` is bumped by every
 * restart request and update, and `runningGeneration` is the generation the running process was started for.
 * Only processes whose data directory is `dataDir` run it: the files it runs from live there.
 */
@ObjectType('PluginServiceStatus', { description: "A plugin's supervised backend service: its state, process and last failure." })
@Entity({ tableName: 'plugin_services' })
export class PluginService {
  [OptionalProps]?: 'generation' | 'runningGeneration' | 'status' | 'pid' | 'host' | 'port' | 'startedAt' | 'restarts' | 'lastExitCode' | 'lastSignal' | 'lastError' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  pluginId: string;

  @Property({ type: 'uuid' })
  tenantId: string;

  @Property({ type: 'text' })
  dataDir: string;

  @Property({ type: 'integer' })
  generation: number = 1;

  @Property({ type: 'integer', nullable: true })
  runningGeneration: number | null = null;

  @Field(() => String, { description: 'stopped, starting, running, restarting (after a crash, backing off) or failed (gave up; restart it).' })
  @Property({ type: 'string', length: 16 })
  status: ServiceStatus = 'stopped';

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  pid: number | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 255, nullable: true })
  host: string | null = null;

  @Field(() => Int, { nullable: true, description: 'The port it listens on (given to it as PORT).' })
  @Property({ type: 'integer', nullable: true })
  port: number | null = null;

  @Field(() => DateTimeISOResolver, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  startedAt: Date | null = null;

  @Field(() => Int, { description: 'Automatic restarts after crashes since it was last started on request.' })
  @Property({ type: 'integer' })
  restarts: number = 0;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  lastExitCode: number | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 16, nullable: true })
  lastSignal: string | null = null;

  @Field(() => String, { nullable: true, description: 'Why it last stopped unasked or failed to start, with the end of its stderr.' })
  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
