import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';

/** An entry of a user's sidebar: a tree by `parentId`, ordered by `displayOrder` among siblings. */
@ObjectType({ description: "An entry in a user's navigation sidebar; entries form a tree." })
@Entity({ tableName: 'navigation_routes' })
export class NavigationRoute {
  [OptionalProps]?:
    | 'id'
    | 'icon'
    | 'description'
    | 'displayOrder'
    | 'isVisible'
    | 'isSystemRoute'
    | 'isCollapsible'
    | 'isExpanded'
    | 'defaultComponentId'
    | 'defaultPageId'
    | 'canChangeDefault'
    | 'parentId'
    | 'createdAt'
    | 'updatedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @Property({ type: 'uuid' })
  creatorId: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  name: string;

  @Field(() => String, { description: 'Path, unique per creator; found with or without its leading slash.' })
  @Property({ type: 'string', length: 255 })
  route: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  icon: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Field(() => Int, { description: 'Position among its siblings (BrainDrive also calls it `order`).' })
  @Property({ type: 'integer' })
  displayOrder: number = 0;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  isVisible: boolean = true;

  @Field(() => Boolean, { description: 'Set up by an administrator; cannot be deleted, renamed or re-routed.' })
  @Property({ type: 'boolean' })
  isSystemRoute: boolean = false;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  isCollapsible: boolean = true;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  isExpanded: boolean = true;

  @Field(() => String, { nullable: true, description: 'The `componentId` shown when the entry is opened.' })
  @Property({ type: 'string', length: 100, nullable: true })
  defaultComponentId: string | null = null;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  defaultPageId: string | null = null;

  @Field(() => Boolean, { description: 'Whether a default page or component, once set, may be changed.' })
  @Property({ type: 'boolean' })
  canChangeDefault: boolean = false;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  parentId: string | null = null;

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
