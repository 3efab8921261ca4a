import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';

/** Where an instance applies. A system instance belongs to nobody; every other one to the user who saved it. */
export const SETTING_SCOPES = ['system', 'user', 'page', 'user_page'] as const;
export type SettingScope = (typeof SETTING_SCOPES)[number];

/**
 * A saved value of a setting. `value` is stored as written except for the API keys of a secret definition, which are
 * sealed (SecretBox); GraphQL answers it through a field resolver that opens and masks them.
 */
@ObjectType({ description: 'A saved value of a setting, at one scope.' })
@Entity({ tableName: 'setting_instances' })
export class SettingInstance {
  [OptionalProps]?: 'id' | 'value' | 'userId' | 'pageId' | 'createdAt' | 'updatedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  definitionId: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name: string;

  /** As stored: secret fields sealed. Never a GraphQL field itself (see SettingInstanceFieldsResolver.value). */
  @Property({ type: 'json', nullable: true })
  value: unknown = null;

  @Field(() => String, { description: 'system, user, page or user_page' })
  @Property({ type: 'string', length: 20 })
  scope: SettingScope;

  @Field(() => ID, { nullable: true, description: 'The owner; null for a system instance.' })
  @Property({ type: 'uuid', nullable: true })
  userId: string | null = null;

  @Field(() => ID, { nullable: true, description: 'The page of a page or user_page instance.' })
  @Property({ type: 'uuid', nullable: true })
  pageId: string | null = null;

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
