import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { requireAuth } from '../common/context.js';
import { offsetPage } from '../common/pagination.js';
import { NavigationRoute } from './navigation-route.entity.js';
import { NavigationRouteService } from './navigation-route.service.js';
import { PageListArgs } from './page.inputs.js';
import { PageService } from './page.service.js';
import { PagePage } from './page.types.js';
import type { PagesContext } from './pages.loaders.js';
import { User } from './user.entity.js';

/** What workspace adds to identity's User: a user's pages and navigation, shown to that user only. */
@Resolver(() => User)
export class PageUserFieldsResolver {
  @FieldResolver(() => PagePage, { nullable: true, description: "The user's pages; null for anyone but the user." })
  pages(@Root() user: User, @Args(() => PageListArgs) args: PageListArgs, @Ctx() ctx: PagesContext): Promise<PagePage> | null {
    const { userId } = requireAuth(ctx);
    if (user.id !== userId) return null;
    const { offset, limit } = offsetPage(args, 100, 100);
    return new PageService(ctx).listFor(userId, args, offset, limit);
  }

  @FieldResolver(() => [NavigationRoute], { nullable: true, description: "The user's navigation routes in sidebar order; null for anyone but the user." })
  navigationRoutes(@Root() user: User, @Ctx() ctx: PagesContext): Promise<NavigationRoute[]> | null {
    const { userId } = requireAuth(ctx);
    if (user.id !== userId) return null;
    return new NavigationRouteService(ctx).all();
  }
}
