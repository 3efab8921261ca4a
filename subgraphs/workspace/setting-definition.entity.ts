import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { DateTimeISOResolver, JSONResolver } from 'graphql-scalars';

/**
 * What a setting is: its schema, default and where it may be set. BrainDrive plugins create definitions in their
 * lifecycle managers; an instance saved for a definition that does not exist yet creates it (as-built).
 */
@ObjectType({ description: 'A setting that exists: its type, default value and the scopes it may be set at.' })
@Entity({ tableName: 'setting_definitions' })
export class SettingDefinition {
  [OptionalProps]?: 'description' | 'defaultValue' | 'allowedScopes' | 'isMultiple' | 'validation' | 'tags' | 'isSecret' | 'createdAt' | 'updatedAt';

  @Field(() => String, { description: 'A slug, e.g. `theme_settings`.' })
  @PrimaryKey({ type: 'string', length: 200 })
  id: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  category: string;

  @Field(() => String, { description: 'string, number, boolean, object or array' })
  @Property({ type: 'string', length: 50 })
  type: string;

  @Field(() => JSONResolver, { nullable: true })
  @Property({ type: 'json', nullable: true })
  defaultValue: unknown = null;

  @Field(() => [String], { description: 'Scopes an instance may have: system, user, page, user_page.' })
  @Property({ type: 'json' })
  allowedScopes: string[] = [];

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  isMultiple: boolean = false;

  @Field(() => JSONResolver, { nullable: true })
  @Property({ type: 'json', nullable: true })
  validation: Record<string, unknown> | null = null;

  @Field(() => [String])
  @Property({ type: 'json' })
  tags: string[] = [];

  @Field(() => Boolean, {
    description: 'Its values hold provider API keys: the keys are encrypted at rest and answered masked.',
  })
  @Property({ type: 'boolean' })
  isSecret: boolean = false;

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
