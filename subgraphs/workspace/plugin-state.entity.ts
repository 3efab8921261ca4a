import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeISOResolver, JSONResolver } from 'graphql-scalars';

/** How long a plugin's state lives: only `persistent` states survive the cleanup of expired states. */
export enum PluginStateStrategy {
  PERSISTENT = 'persistent',
  SESSION = 'session',
  NONE = 'none',
  CUSTOM = 'custom',
}

/** Where a state stands between devices. */
export enum PluginStateSyncStatus {
  SYNCED = 'synced',
  PENDING = 'pending',
  CONFLICT = 'conflict',
}

registerEnumType(PluginStateStrategy, { name: 'PluginStateStrategy', description: 'How long a plugin state lives.' });
registerEnumType(PluginStateSyncStatus, { name: 'PluginStateSyncStatus' });

/** State a plugin keeps for a user, one per (user, plugin, page, key). `version` increments on every update. */
@ObjectType({ description: 'State a plugin keeps for a user, optionally per page and key.' })
@Entity({ tableName: 'plugin_states' })
export class PluginState {
  [OptionalProps]?:
    | 'id'
    | 'pageId'
    | 'stateKey'
    | 'stateStrategy'
    | 'stateSchemaVersion'
    | 'stateSize'
    | 'accessCount'
    | 'lastAccessed'
    | 'ttlExpiresAt'
    | 'isActive'
    | 'version'
    | 'deviceId'
    | 'syncStatus'
    | 'createdAt'
    | 'updatedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @Property({ type: 'uuid' })
  userId: string;

  @Field(() => String)
  @Property({ type: 'string', length: 255 })
  pluginId: string;

  @Field(() => String, { nullable: true, description: 'The page the state belongs to (a UUID is stored dashed).' })
  @Property({ type: 'string', length: 255, nullable: true })
  pageId: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 255, nullable: true })
  stateKey: string | null = null;

  @Field(() => PluginStateStrategy)
  @Property({ type: 'string', length: 20 })
  stateStrategy: PluginStateStrategy = PluginStateStrategy.PERSISTENT;

  @Field(() => JSONResolver)
  @Property({ type: 'json' })
  stateData: Record<string, unknown>;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 50, nullable: true })
  stateSchemaVersion: string | null = null;

  @Field(() => Int, { description: 'Bytes of the state data as JSON.' })
  @Property({ type: 'integer' })
  stateSize: number = 0;

  @Field(() => Int)
  @Property({ type: 'integer' })
  accessCount: number = 0;

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime' })
  lastAccessed: Date = new Date();

  @Field(() => DateTimeISOResolver, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  ttlExpiresAt: Date | null = null;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  isActive: boolean = true;

  @Field(() => Int, { description: 'Starts at 1 and increments on every update.' })
  @Property({ type: 'integer' })
  version: number = 1;

  @Field(() => String, { nullable: true, description: 'The device that last wrote it.' })
  @Property({ type: 'string', length: 255, nullable: true })
  deviceId: string | null = null;

  @Field(() => PluginStateSyncStatus)
  @Property({ type: 'string', length: 20 })
  syncStatus: PluginStateSyncStatus = PluginStateSyncStatus.SYNCED;

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
