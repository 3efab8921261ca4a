import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';

@ObjectType({ description: 'A plugin in the marketplace catalogue (platform-wide): where its package archive is fetched from.' })
@Entity({ tableName: 'marketplace_listings' })
export class MarketplaceListing {
  [OptionalProps]?: 'id' | 'description' | 'category' | 'tags' | 'author' | 'createdAt' | 'updatedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String)
  @Property({ type: 'string', length: 64 })
  slug: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name: string;

  @Field(() => String)
  @Property({ type: 'string', length: 64 })
  version: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  category: string | null = null;

  @Field(() => [String])
  @Property({ type: 'json' })
  tags: string[] = [];

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  author: string | null = null;

  @Field(() => String, { description: 'http(s) URL of the package archive, fetched through the SSRF guard.' })
  @Property({ type: 'text' })
  packageUrl: string;

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
