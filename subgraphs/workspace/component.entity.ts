import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';

/** A reusable UI component of the platform's catalogue, known by its `componentId`. Administrators maintain it. */
@ObjectType({ description: 'A reusable UI component pages and navigation entries can show.' })
@Entity({ tableName: 'components' })
export class Component {
  [OptionalProps]?: 'id' | 'description' | 'icon' | 'isSystem' | 'createdAt' | 'updatedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String, { description: 'Unique identifier clients address the component by.' })
  @Property({ type: 'string', length: 100 })
  componentId: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  name: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  icon: string | null = null;

  @Field(() => Boolean, { description: 'Part of the platform: cannot be deleted.' })
  @Property({ type: 'boolean' })
  isSystem: boolean = false;

  @Field(() => ID, { description: 'The administrator who registered it.' })
  @Property({ type: 'uuid' })
  userId: string;

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
