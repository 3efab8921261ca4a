import { Field, Int, ObjectType } from 'type-graphql';
import { Paginated } from '../common/paginated.js';
import { NavigationRoute } from './navigation-route.entity.js';

@ObjectType({ description: 'A page of navigation routes.' })
export class NavigationRoutePage extends Paginated(NavigationRoute) {}

/**
 * One entry of the navigation tree, in depth-first order: a route follows its parent and precedes its next
 * sibling, so the nesting can be rebuilt from `depthLevel` (or `route.parentId`) however deep it goes.
 */
@ObjectType({ description: 'A navigation route in tree order, with its depth (0 at the top level).' })
export class NavigationTreeEntry {
  @Field(() => Int)
  depthLevel: number;

  @Field(() => NavigationRoute)
  route: NavigationRoute;
}
