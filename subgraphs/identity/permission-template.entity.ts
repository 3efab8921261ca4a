import { randomUUID } from 'node:crypto';
import { Entity, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';

@ObjectType({ description: 'A named set of permissions, per tenant, to hand to members.' })
@Entity({ tableName: 'permission_templates' })
export class PermissionTemplate {
  [OptionalProps]?: 'id' | 'description' | 'createdBy' | 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @Property({ type: 'uuid', index: true })
  tenantId: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Field(() => [String], { description: 'Permission names such as `entities:write` or `assets:*`.' })
  @Property({ type: 'json' })
  permissions: string[];

  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  createdBy: string | null = null;

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
