import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';

@ObjectType({ description: "A label on a user's conversations." })
@Entity({ tableName: 'tags' })
export class Tag {
  [OptionalProps]?: 'id' | 'color' | 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @Property({ type: 'uuid' })
  userId: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  name: string;

  @Field(() => String, { nullable: true, description: '#RRGGBB' })
  @Property({ type: 'string', length: 7, nullable: true })
  color: string | null = null;

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}

/** The link between a conversation and a tag. */
@Entity({ tableName: 'conversation_tags' })
export class ConversationTag {
  @PrimaryKey({ type: 'uuid' })
  conversationId: string;

  @PrimaryKey({ type: 'uuid' })
  tagId: string;
}
