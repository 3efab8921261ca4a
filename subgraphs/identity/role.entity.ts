import { randomUUID } from 'node:crypto';
import { Entity, PrimaryKey, Property, Unique, OptionalProps } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';

/** The roles a user can hold in a tenant, strongest first. */
export const TENANT_ROLES = ['owner', 'admin', 'member', 'viewer'] as const;
export type TenantRole = (typeof TENANT_ROLES)[number];

/** How strong a role is: owner 3 … viewer 0; anything else (no role) -1. */
export const roleRank = (role: string | null | undefined): number =>
  role && (TENANT_ROLES as readonly string[]).includes(role) ? TENANT_ROLES.length - 1 - TENANT_ROLES.indexOf(role as TenantRole) : -1;

export const isTenantRole = (role: string): role is TenantRole => (TENANT_ROLES as readonly string[]).includes(role);

@ObjectType({ description: "A user's role in one tenant." })
@Entity({ tableName: 'roles' })
@Unique({ properties: ['userId', 'tenantId'] })
export class Role {
  [OptionalProps]?: 'id' | 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @Property({ type: 'uuid' })
  userId: string;

  @Field(() => ID)
  @Property({ type: 'uuid' })
  tenantId: string;

  @Field(() => String, { description: 'owner, admin, member or viewer' })
  @Property({ type: 'string', length: 20 })
  name: TenantRole;

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
