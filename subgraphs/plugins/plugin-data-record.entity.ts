import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeISOResolver, JSONResolver } from 'graphql-scalars';

@ObjectType({ description: "A JSON record a plugin keeps for a tenant, grouped by record type (StudioBrain's Plugin Data)." })
@Entity({ tableName: 'plugin_data_records' })
export class PluginDataRecord {
  [OptionalProps]?: 'id' | 'createdAt' | 'updatedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId: string;

  @Field(() => String, { description: "The plugin's id or slug, as the caller named it." })
  @Property({ type: 'string', length: 100 })
  pluginKey: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  recordType: string;

  @Field(() => JSONResolver)
  @Property({ type: 'json' })
  data: Record<string, unknown>;

  @Field(() => ID)
  @Property({ type: 'uuid' })
  createdBy: string;

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
