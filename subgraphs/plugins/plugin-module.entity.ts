import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { JSONResolver } from 'graphql-scalars';

@ObjectType({ description: 'A component a plugin offers to the page designer, from its manifest; can be switched off on its own.' })
@Entity({ tableName: 'plugin_modules' })
export class PluginModule {
  [OptionalProps]?: 'id' | 'enabled' | 'displayName' | 'description' | 'category' | 'tags' | 'props' | 'configFields' | 'requiredServices' | 'layout';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @Property({ type: 'uuid' })
  pluginId: string;

  @Field(() => String, { description: "The module's id in the manifest." })
  @Property({ type: 'string', length: 100 })
  moduleId: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  displayName: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  category: string | null = null;

  @Field(() => [String])
  @Property({ type: 'json' })
  tags: string[] = [];

  @Field(() => JSONResolver)
  @Property({ type: 'json' })
  props: Record<string, unknown> = {};

  @Field(() => JSONResolver)
  @Property({ type: 'json' })
  configFields: Record<string, unknown> = {};

  @Field(() => JSONResolver)
  @Property({ type: 'json' })
  requiredServices: Record<string, unknown> = {};

  @Field(() => JSONResolver, { nullable: true })
  @Property({ type: 'json', nullable: true })
  layout: Record<string, unknown> | null = null;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  enabled: boolean = true;
}
