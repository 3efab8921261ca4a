import { randomUUID } from 'node:crypto';
import { Entity, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';

@ObjectType({ description: 'A person who signs in. Every user has a personal tenant.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'users' })
export class User {
  [OptionalProps]?: 'id' | 'fullName' | 'profilePicture' | 'isActive' | 'isVerified' | 'isAdmin' | 'activeTenantId' | 'version' | 'createdAt' | 'updatedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String)
  @Property({ type: 'string', length: 320 })
  email: string;

  @Field(() => String)
  @Property({ type: 'string', length: 50 })
  username: string;

  @Property({ type: 'string', hidden: true, lazy: true })
  passwordHash: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  fullName: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  profilePicture: string | null = null;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  isActive: boolean = true;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  isVerified: boolean = false;

  @Field(() => Boolean, { description: 'Platform administrator (the first user of a fresh install).' })
  @Property({ type: 'boolean' })
  isAdmin: boolean = false;

  @Field(() => ID, { description: 'The personal tenant created with the user.' })
  @Property({ type: 'uuid' })
  defaultTenantId: string;

  /** The tenant the user last selected; login lands there while they are still a member of it. */
  @Property({ type: 'uuid', nullable: true })
  activeTenantId: string | null = null;

  @Field(() => Int, { description: 'Increments on every change (optimistic concurrency).' })
  @Property({ type: 'integer', version: true })
  version: number = 1;

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
