import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { JSONResolver } from 'graphql-scalars';

/** Paging and filters of a page list (`User.pages`). */
@ArgsType()
export class PageListArgs {
  @Field(() => Int, { nullable: true, description: 'Items to skip. @default 0' })
  offset?: number | null;

  @Field(() => Int, { nullable: true, description: 'At most 100. @default 100' })
  limit?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Only published pages.' })
  publishedOnly?: boolean | null;

  @Field(() => ID, { nullable: true })
  navigationRouteId?: string | null;

  @Field(() => String, { nullable: true, description: 'Pages under this route (with or without its leading slash).' })
  parentRoute?: string | null;

  @Field(() => String, { nullable: true })
  parentType?: string | null;

  @Field(() => Boolean, { nullable: true })
  isParentPage?: boolean | null;
}

/** The `pages` query's arguments: a page list, plus BrainDrive's `creator_id`. */
@ArgsType()
export class PagesArgs extends PageListArgs {
  @Field(() => ID, { nullable: true, description: "Only the caller's own id is allowed (BrainDrive's `creator_id`)." })
  creatorId?: string | null;
}

@InputType()
export class CreatePageInput {
  @Field(() => String, { description: '1–100 characters.' })
  name: string;

  @Field(() => String, { description: 'Unique among your pages; "/a/b" and "a/b" are the same route.' })
  route: string;

  @Field(() => String, { nullable: true, description: "Defaults to the route's last segment." })
  routeSegment?: string | null;

  @Field(() => String, { nullable: true })
  parentRoute?: string | null;

  @Field(() => String, { nullable: true, description: 'page, navigation, dashboard, plugin-studio or settings. @default page' })
  parentType?: string | null;

  @Field(() => Boolean, { nullable: true })
  isParentPage?: boolean | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  icon?: string | null;

  @Field(() => JSONResolver, { nullable: true, description: '@default {}' })
  content?: Record<string, unknown> | null;

  @Field(() => ID, { nullable: true, description: 'One of your navigation routes.' })
  navigationRouteId?: string | null;
}

/** Every field optional: an absent field is left as it is; `navigationRouteId: null` detaches the page. */
@InputType()
export class UpdatePageInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  route?: string | null;

  @Field(() => String, { nullable: true })
  routeSegment?: string | null;

  @Field(() => String, { nullable: true })
  parentRoute?: string | null;

  @Field(() => String, { nullable: true })
  parentType?: string | null;

  @Field(() => Boolean, { nullable: true })
  isParentPage?: boolean | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  icon?: string | null;

  @Field(() => JSONResolver, { nullable: true })
  content?: Record<string, unknown> | null;

  @Field(() => ID, { nullable: true })
  navigationRouteId?: string | null;

  @Field(() => Boolean, { nullable: true })
  isPublished?: boolean | null;
}

/** Moves a page under another (or to the top): its route becomes `/<parent route>/<segment>`. */
@InputType()
export class PageHierarchyInput {
  @Field(() => String, { nullable: true, description: 'A page of yours marked as a parent page; "" or null: none.' })
  parentRoute?: string | null;

  @Field(() => String, { nullable: true })
  parentType?: string | null;

  @Field(() => String, { nullable: true, description: "The page's own segment, without slashes." })
  routeSegment?: string | null;

  @Field(() => Boolean, { nullable: true })
  isParentPage?: boolean | null;
}
