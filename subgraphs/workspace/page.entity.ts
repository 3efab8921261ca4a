import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateTimeISOResolver, JSONResolver } from 'graphql-scalars';

/** A user-built view holding plugin components; its route is unique among its creator's pages. */
@ObjectType({ description: 'A page a user composes from plugin components, reachable by its route.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'pages' })
export class Page {
  [OptionalProps]?:
    | 'id'
    | 'routeSegment'
    | 'parentRoute'
    | 'parentType'
    | 'isParentPage'
    | 'description'
    | 'icon'
    | 'content'
    | 'contentBackup'
    | 'backupDate'
    | 'isPublished'
    | 'publishDate'
    | 'navigationRouteId'
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

  @Field(() => String, { description: 'Full path, unique per creator; found with or without its leading slash.' })
  @Property({ type: 'string', length: 255 })
  route: string;

  @Field(() => String, { nullable: true, description: "The last part of the route, under the parent's." })
  @Property({ type: 'string', length: 255, nullable: true })
  routeSegment: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 255, nullable: true })
  parentRoute: string | null = null;

  @Field(() => String, { nullable: true, description: 'page, navigation, dashboard, plugin-studio or settings' })
  @Property({ type: 'string', length: 50, nullable: true })
  parentType: string | null = 'page';

  @Field(() => Boolean, { description: 'Whether other pages may sit under this one.' })
  @Property({ type: 'boolean' })
  isParentPage: boolean = false;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  icon: string | null = null;

  @Field(() => JSONResolver, { description: 'Layout and components, as the page designer stores them.' })
  @Property({ type: 'json' })
  content: Record<string, unknown> = {};

  @Field(() => JSONResolver, { nullable: true, description: 'The content as it was at the last backup.' })
  @Property({ type: 'json', nullable: true })
  contentBackup: Record<string, unknown> | null = null;

  @Field(() => DateTimeISOResolver, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  backupDate: Date | null = null;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  isPublished: boolean = false;

  @Field(() => DateTimeISOResolver, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  publishDate: Date | null = null;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  navigationRouteId: string | null = null;

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
