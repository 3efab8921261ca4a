import { randomUUID } from 'node:crypto';
import { Entity, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateTimeISOResolver, JSONResolver } from 'graphql-scalars';

@ObjectType({ description: 'A workspace that owns rows; users belong to tenants through roles.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'tenants' })
export class Tenant {
  [OptionalProps]?: 'id' | 'personal' | 'settings' | 'createdAt' | 'updatedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name: string;

  @Field(() => Boolean, { description: 'Created for one user at registration.' })
  @Property({ type: 'boolean' })
  personal: boolean = false;

  @Field(() => JSONResolver, { description: "The tenant's own small settings object (owners and admins edit it)." })
  @Property({ type: 'json' })
  settings: Record<string, unknown> = {};

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
