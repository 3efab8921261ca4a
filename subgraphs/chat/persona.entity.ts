import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateTimeISOResolver, JSONResolver } from 'graphql-scalars';

@ObjectType({ description: 'A reusable AI configuration: system prompt and model settings.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'personas' })
export class Persona {
  [OptionalProps]?: 'id' | 'description' | 'systemPrompt' | 'modelSettings' | 'avatar' | 'tags' | 'sampleGreeting' | 'isActive' | 'createdAt' | 'updatedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @Property({ type: 'uuid' })
  userId: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  name: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Field(() => String)
  @Property({ type: 'text' })
  systemPrompt: string = '';

  @Field(() => JSONResolver)
  @Property({ type: 'json' })
  modelSettings: Record<string, unknown> = {};

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  avatar: string | null = null;

  @Field(() => [String])
  @Property({ type: 'json' })
  tags: string[] = [];

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  sampleGreeting: string | null = null;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  isActive: boolean = true;

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
