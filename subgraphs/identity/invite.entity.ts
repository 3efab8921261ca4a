import { randomUUID } from 'node:crypto';
import { Entity, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import type { TenantRole } from './role.entity.js';

/**
 * An invitation to join a tenant with a role. The token is shown once, to the inviter; only its SHA-256 is stored.
 * Single use: accepting it sets `usedAt`.
 */
@ObjectType({ description: 'An invitation to join a tenant (the token itself is shown only when created).' })
@Entity({ tableName: 'invites' })
export class Invite {
  [OptionalProps]?: 'id' | 'invitedBy' | 'usedAt' | 'usedBy' | 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @Property({ type: 'uuid', index: true })
  tenantId: string;

  @Field(() => String)
  @Property({ type: 'string', length: 320 })
  email: string;

  @Field(() => String, { description: 'owner, admin, member or viewer' })
  @Property({ type: 'string', length: 20 })
  role: TenantRole;

  @Property({ type: 'string', length: 64, hidden: true })
  tokenHash: string;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  invitedBy: string | null = null;

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime' })
  expiresAt: Date;

  @Field(() => DateTimeISOResolver, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  usedAt: Date | null = null;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  usedBy: string | null = null;

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
