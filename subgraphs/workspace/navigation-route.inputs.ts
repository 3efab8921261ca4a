import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';

@ArgsType()
export class NavigationRoutesArgs {
  @Field(() => Int, { nullable: true, description: '@default 0' })
  offset?: number | null;

  @Field(() => Int, { nullable: true, description: 'At most 1000. @default 1000' })
  limit?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Only routes shown in the sidebar.' })
  visibleOnly?: boolean | null;
}

@InputType()
export class CreateNavigationRouteInput {
  @Field(() => String, { description: '1–100 characters.' })
  name: string;

  @Field(() => String, { description: 'Unique among your navigation routes.' })
  route: string;

  @Field(() => String, { nullable: true })
  icon?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Int, { nullable: true, description: 'Position among siblings. @default after the last sibling' })
  displayOrder?: number | null;

  @Field(() => ID, { nullable: true, description: 'One of your navigation routes; none: top level.' })
  parentId?: string | null;

  @Field(() => Boolean, { nullable: true })
  isVisible?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  isCollapsible?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  isExpanded?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Only a platform administrator may create a system route.' })
  isSystemRoute?: boolean | null;

  @Field(() => String, { nullable: true })
  defaultComponentId?: string | null;

  @Field(() => ID, { nullable: true, description: 'One of your pages.' })
  defaultPageId?: string | null;

  @Field(() => Boolean, { nullable: true })
  canChangeDefault?: boolean | null;
}

/** Every field optional: absent is unchanged; `parentId: null` moves to the top level, `defaultPageId: null` clears. */
@InputType()
export class UpdateNavigationRouteInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  route?: string | null;

  @Field(() => String, { nullable: true })
  icon?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Int, { nullable: true })
  displayOrder?: number | null;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => Boolean, { nullable: true })
  isVisible?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  isCollapsible?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  isExpanded?: boolean | null;

  @Field(() => String, { nullable: true })
  defaultComponentId?: string | null;

  @Field(() => ID, { nullable: true })
  defaultPageId?: string | null;

  @Field(() => Boolean, { nullable: true })
  canChangeDefault?: boolean | null;
}

/** One entry of a batch update: absent fields are unchanged, `parentId: null` moves the route to the top level. */
@InputType()
export class NavigationRouteBatchUpdateInput {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => Int, { nullable: true })
  displayOrder?: number | null;

  @Field(() => Boolean, { nullable: true })
  isExpanded?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  isVisible?: boolean | null;
}
