import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeISOResolver, JSONResolver } from 'graphql-scalars';

/** BrainDrive's senders; `assistant` is accepted on input and stored as `llm` (as-built). */
export const SENDERS = ['user', 'llm', 'system'] as const;
export type Sender = (typeof SENDERS)[number];

@ObjectType({ description: 'One turn of a conversation.' })
@Entity({ tableName: 'messages' })
export class Message {
  [OptionalProps]?: 'id' | 'messageMetadata' | 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @Property({ type: 'uuid' })
  conversationId: string;

  @Field(() => String, { description: 'user, llm or system' })
  @Property({ type: 'string', length: 20 })
  sender: Sender;

  @Field(() => String)
  @Property({ type: 'text' })
  message: string;

  @Field(() => JSONResolver, { nullable: true })
  @Property({ type: 'json', nullable: true })
  messageMetadata: Record<string, unknown> | null = null;

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
