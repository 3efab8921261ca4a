import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';

/** What a backup holds: the plugin's data records and its tenant-wide settings at one moment. */
export interface PluginBackupSnapshot {
  settings: Record<string, unknown>;
  records: { id: string; pluginKey: string; recordType: string; data: Record<string, unknown>; createdBy: string; createdAt: string }[];
}

@ObjectType({ description: "A snapshot of a plugin's data (records and tenant settings), restorable later." })
@Entity({ tableName: 'plugin_backups' })
export class PluginBackup {
  [OptionalProps]?: 'id' | 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @Property({ type: 'uuid' })
  pluginId: string;

  @Property({ type: 'uuid' })
  tenantId: string;

  @Field(() => String, { description: 'The plugin version it was taken from.' })
  @Property({ type: 'string', length: 64 })
  pluginVersion: string;

  @Property({ type: 'json', lazy: true })
  snapshot: PluginBackupSnapshot;

  @Field(() => Int)
  @Property({ type: 'integer' })
  recordCount: number;

  @Field(() => ID)
  @Property({ type: 'uuid' })
  createdBy: string;

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
