import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { NavigationRoute } from './navigation-route.entity.js';
import { Page } from './page.entity.js';
import { CreatePageInput, PageHierarchyInput, PagesArgs, UpdatePageInput } from './page.inputs.js';
import { PageService } from './page.service.js';
import { PagePage } from './page.types.js';
import type { PagesContext } from './pages.loaders.js';
import { User, userRef } from './user.entity.js';

@Resolver(() => Page)
export class PageResolver {
  @Query(() => PagePage, { description: "The caller's pages, oldest first." })
  pages(@Args(() => PagesArgs) args: PagesArgs, @Ctx() ctx: PagesContext): Promise<PagePage> {
    return new PageService(ctx).list(args);
  }

  @Query(() => Page)
  page(@Arg('id', () => ID) id: string, @Ctx() ctx: PagesContext): Promise<Page> {
    return new PageService(ctx).get(id);
  }

  @Query(() => Page, { description: 'The caller\'s page at a route; "/a/b" and "a/b" find the same page.' })
  pageByRoute(@Arg('route', () => String) route: string, @Ctx() ctx: PagesContext): Promise<Page> {
    return new PageService(ctx).byRoute(route);
  }

  @Mutation(() => Page)
  createPage(@Arg('input', () => CreatePageInput) input: CreatePageInput, @Ctx() ctx: PagesContext): Promise<Page> {
    return new PageService(ctx).create(input);
  }

  @Mutation(() => Page)
  updatePage(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdatePageInput) input: UpdatePageInput,
    @Ctx() ctx: PagesContext,
  ): Promise<Page> {
    return new PageService(ctx).update(id, input);
  }

  @Mutation(() => Page, { description: 'Moves a page under another page (or to the top level), rebuilding its route.' })
  updatePageHierarchy(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => PageHierarchyInput) input: PageHierarchyInput,
    @Ctx() ctx: PagesContext,
  ): Promise<Page> {
    return new PageService(ctx).updateHierarchy(id, input);
  }

  @Mutation(() => ID, { description: 'Deletes a page; answers its id.' })
  deletePage(@Arg('id', () => ID) id: string, @Ctx() ctx: PagesContext): Promise<string> {
    return new PageService(ctx).delete(id);
  }

  @Mutation(() => Page)
  publishPage(
    @Arg('id', () => ID) id: string,
    @Arg('publish', () => Boolean) publish: boolean,
    @Ctx() ctx: PagesContext,
  ): Promise<Page> {
    return new PageService(ctx).publish(id, publish);
  }

  @Mutation(() => Page, { description: 'Copies the content aside, to be restored by `restorePage`.' })
  backupPage(
    @Arg('id', () => ID) id: string,
    @Arg('createBackup', () => Boolean, { defaultValue: true }) createBackup: boolean,
    @Ctx() ctx: PagesContext,
  ): Promise<Page> {
    return new PageService(ctx).backup(id, createBackup);
  }

  @Mutation(() => Page, { description: 'Puts the content of the last backup back.' })
  restorePage(@Arg('id', () => ID) id: string, @Ctx() ctx: PagesContext): Promise<Page> {
    return new PageService(ctx).restore(id);
  }

  @FieldResolver(() => User, { description: 'Resolved by identity.' })
  creator(@Root() page: Page): User {
    return userRef(page.creatorId);
  }

  @FieldResolver(() => NavigationRoute, { nullable: true })
  async navigationRoute(@Root() page: Page, @Ctx() ctx: PagesContext): Promise<NavigationRoute | null> {
    if (!page.navigationRouteId) return null;
    const route = await ctx.loaders.navigationRouteById.load(page.navigationRouteId);
    return route && route.creatorId === page.creatorId ? route : null;
  }
}
