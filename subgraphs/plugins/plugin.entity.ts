import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateTimeISOResolver, JSONResolver } from 'graphql-scalars';

/** How a plugin came to be installed. */
export const INSTALL_SOURCES = ['upload', 'url', 'marketplace'] as const;
export type InstallSource = (typeof INSTALL_SOURCES)[number];

@ObjectType({ description: "A plugin installed in a tenant: its manifest, and its files under the data directory's plugins folder." })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'plugins' })
export class Plugin {
  [OptionalProps]?: 'id' | 'enabled' | 'description' | 'category' | 'tags' | 'author' | 'sourceUrl' | 'createdAt' | 'updatedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId: string;

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

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  enabled: boolean = true;

  @Field(() => JSONResolver, { description: 'plugin.json as installed.' })
  @Property({ type: 'json' })
  manifest: Record<string, unknown>;

  @Field(() => String, { description: 'upload, url or marketplace' })
  @Property({ type: 'string', length: 20 })
  installSource: InstallSource;

  @Field(() => String, { nullable: true, description: 'The URL it was fetched from (url and marketplace installs).' })
  @Property({ type: 'text', nullable: true })
  sourceUrl: string | null = null;

  @Field(() => ID)
  @Property({ type: 'uuid' })
  installedBy: string;

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
