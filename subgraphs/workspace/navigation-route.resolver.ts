import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { NavigationRoute } from './navigation-route.entity.js';
import {
  CreateNavigationRouteInput,
  NavigationRouteBatchUpdateInput,
  NavigationRoutesArgs,
  UpdateNavigationRouteInput,
} from './navigation-route.inputs.js';
import { NavigationRouteService } from './navigation-route.service.js';
import { NavigationRoutePage, NavigationTreeEntry } from './navigation-route.types.js';
import { Page } from './page.entity.js';
import type { PagesContext } from './pages.loaders.js';
import { User, userRef } from './user.entity.js';

const bySidebarOrder = (a: NavigationRoute, b: NavigationRoute) =>
  a.displayOrder - b.displayOrder || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);

@Resolver(() => NavigationRoute)
export class NavigationRouteResolver {
  @Query(() => NavigationRoutePage, { description: "The caller's navigation routes in sidebar order." })
  navigationRoutes(@Args(() => NavigationRoutesArgs) args: NavigationRoutesArgs, @Ctx() ctx: PagesContext): Promise<NavigationRoutePage> {
    return new NavigationRouteService(ctx).list(args);
  }

  @Query(() => NavigationRoute)
  navigationRoute(@Arg('id', () => ID) id: string, @Ctx() ctx: PagesContext): Promise<NavigationRoute> {
    return new NavigationRouteService(ctx).get(id);
  }

  @Query(() => [NavigationTreeEntry], { description: "The caller's navigation tree, depth-first, each entry with its depth." })
  navigationTree(
    @Arg('visibleOnly', () => Boolean, { defaultValue: false }) visibleOnly: boolean,
    @Ctx() ctx: PagesContext,
  ): Promise<NavigationTreeEntry[]> {
    return new NavigationRouteService(ctx).tree(visibleOnly);
  }

  @Mutation(() => NavigationRoute)
  createNavigationRoute(
    @Arg('input', () => CreateNavigationRouteInput) input: CreateNavigationRouteInput,
    @Ctx() ctx: PagesContext,
  ): Promise<NavigationRoute> {
    return new NavigationRouteService(ctx).create(input);
  }

  @Mutation(() => NavigationRoute)
  updateNavigationRoute(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateNavigationRouteInput) input: UpdateNavigationRouteInput,
    @Ctx() ctx: PagesContext,
  ): Promise<NavigationRoute> {
    return new NavigationRouteService(ctx).update(id, input);
  }

  @Mutation(() => NavigationRoute, { description: 'Moves a route under another (null: top level); without a position, last.' })
  moveNavigationRoute(
    @Arg('id', () => ID) id: string,
    @Arg('parentId', () => ID, { nullable: true }) parentId: string | null,
    @Arg('displayOrder', () => Int, { nullable: true }) displayOrder: number | null,
    @Ctx() ctx: PagesContext,
  ): Promise<NavigationRoute> {
    return new NavigationRouteService(ctx).move(id, parentId, displayOrder);
  }

  @Mutation(() => [NavigationRoute], { description: 'Applies every update in one transaction, or none of them.' })
  batchUpdateNavigationRoutes(
    @Arg('updates', () => [NavigationRouteBatchUpdateInput]) updates: NavigationRouteBatchUpdateInput[],
    @Ctx() ctx: PagesContext,
  ): Promise<NavigationRoute[]> {
    return new NavigationRouteService(ctx).batchUpdate(updates);
  }

  @Mutation(() => ID, { description: 'Deletes a route (not a system route, nor one pages are on); answers its id.' })
  deleteNavigationRoute(@Arg('id', () => ID) id: string, @Ctx() ctx: PagesContext): Promise<string> {
    return new NavigationRouteService(ctx).delete(id);
  }

  @FieldResolver(() => User, { description: 'Resolved by identity.' })
  creator(@Root() route: NavigationRoute): User {
    return userRef(route.creatorId);
  }

  @FieldResolver(() => NavigationRoute, { nullable: true })
  async parent(@Root() route: NavigationRoute, @Ctx() ctx: PagesContext): Promise<NavigationRoute | null> {
    if (!route.parentId) return null;
    const parent = await ctx.loaders.navigationRouteById.load(route.parentId);
    return parent && parent.creatorId === route.creatorId ? parent : null;
  }

  @FieldResolver(() => [NavigationRoute], { description: 'The routes directly under this one, in sidebar order.' })
  async children(@Root() route: NavigationRoute, @Ctx() ctx: PagesContext): Promise<NavigationRoute[]> {
    const children = await ctx.loaders.navigationRoutesByParentId.load(route.id);
    return children.filter((c) => c.creatorId === route.creatorId).sort(bySidebarOrder);
  }

  @FieldResolver(() => Page, { nullable: true })
  async defaultPage(@Root() route: NavigationRoute, @Ctx() ctx: PagesContext): Promise<Page | null> {
    if (!route.defaultPageId) return null;
    const page = await ctx.loaders.pageById.load(route.defaultPageId);
    return page && page.creatorId === route.creatorId ? page : null;
  }

  @FieldResolver(() => [Page], { description: "The creator's pages on this route." })
  async pages(@Root() route: NavigationRoute, @Ctx() ctx: PagesContext): Promise<Page[]> {
    const pages = await ctx.loaders.pagesByNavigationRouteId.load(route.id);
    return pages.filter((p) => p.creatorId === route.creatorId);
  }
}
