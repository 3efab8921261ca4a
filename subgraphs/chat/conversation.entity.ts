import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';

/** A chat between a user and a model; `page` (from `pageId`) is workspace's Page, joined through the gateway. */
@ObjectType({ description: 'A conversation with a model; its messages are ordered oldest first.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'conversations' })
export class Conversation {
  [OptionalProps]?: 'id' | 'title' | 'pageContext' | 'pageId' | 'model' | 'server' | 'conversationType' | 'personaId' | 'createdAt' | 'updatedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @Property({ type: 'uuid' })
  userId: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  title: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  pageContext: string | null = null;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  pageId: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  model: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  server: string | null = null;

  @Field(() => String)
  @Property({ type: 'string', length: 50 })
  conversationType: string = 'chat';

  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  personaId: string | null = null;

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
