import { FlushMode, UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import { requireAuth } from '../common/context.js';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../common/errors.js';
import { normalizeUuid } from '../common/ids.js';
import type { Page as ListPage } from '../common/paginated.js';
import { offsetPage } from '../common/pagination.js';
import { NavigationRoute } from './navigation-route.entity.js';
import { Page } from './page.entity.js';
import type { CreatePageInput, PageHierarchyInput, PageListArgs, PagesArgs, UpdatePageInput } from './page.inputs.js';
import {
  idOrNotFound,
  jsonObject,
  lastSegment,
  normalizeRoute,
  optionalText,
  requiredText,
  routeKey,
  routeSpellings,
} from './page-route.js';
import type { PagesContext } from './pages.loaders.js';

/** What a page's parent may be (BrainDrive's reference says page or navigation; its model adds the rest). */
export const PARENT_TYPES = ['page', 'navigation', 'dashboard', 'plugin-studio', 'settings'] as const;

const PAGE_NOT_FOUND = 'Page not found';
const ROUTE_TAKEN = 'A page with this route already exists';

/** Pages: a user's own only; someone else's page is "not found". */
export class PageService {
  constructor(private readonly ctx: PagesContext) {}

  private get em() {
    return this.ctx.em;
  }

  /** The caller's pages, oldest first, with the filters BrainDrive's list takes. */
  async list(args: PagesArgs): Promise<ListPage<Page>> {
    const { userId } = requireAuth(this.ctx);
    const { offset, limit } = offsetPage(args, 100, 100);
    if (args.creatorId != null && normalizeUuid(args.creatorId) !== userId) {
      throw new ForbiddenError("Not allowed to list another user's pages");
    }
    return this.listFor(userId, args, offset, limit);
  }

  /** A user's pages, for `User.pages` (the caller's own only; checked by the resolver). */
  async listFor(userId: string, args: PageListArgs, offset: number, limit: number): Promise<ListPage<Page>> {
    const where: FilterQuery<Page> = { creatorId: userId };
    if (args.publishedOnly) where.isPublished = true;
    if (args.parentRoute != null) where.parentRoute = { $in: routeSpellings(args.parentRoute) };
    if (args.parentType != null) where.parentType = args.parentType;
    if (args.isParentPage != null) where.isParentPage = args.isParentPage;
    if (args.navigationRouteId != null) {
      const routeId = normalizeUuid(args.navigationRouteId);
      // No route has that id, so no page is on it.
      if (!routeId) return { items: [], total: 0, offset, limit };
      where.navigationRouteId = routeId;
    }
    const [items, total] = await this.em.findAndCount(Page, where, { orderBy: { createdAt: 'asc', id: 'asc' }, offset, limit });
    return { items, total, offset, limit };
  }

  get(id: string): Promise<Page> {
    return this.own(id);
  }

  /** The caller's page at this route, whether it was stored or is asked for with or without a leading slash. */
  async byRoute(route: string): Promise<Page> {
    const { userId } = requireAuth(this.ctx);
    if (routeKey(route) === '') throw new NotFoundError(PAGE_NOT_FOUND);
    const page = await this.em.findOne(Page, { creatorId: userId, route: { $in: routeSpellings(route) } });
    if (!page) throw new NotFoundError(PAGE_NOT_FOUND);
    return page;
  }

  async create(input: CreatePageInput): Promise<Page> {
    const { userId } = requireAuth(this.ctx);
    const route = normalizeRoute(input.route);
    const fields = {
      creatorId: userId,
      name: requiredText(input.name, 'name', 100),
      route,
      routeSegment: optionalText(input.routeSegment, 'route_segment', 255) ?? lastSegment(route),
      parentRoute: input.parentRoute ? normalizeRoute(input.parentRoute, 'parent_route') : null,
      parentType: checkParentType(input.parentType) ?? 'page',
      isParentPage: input.isParentPage ?? false,
      description: input.description ?? null,
      icon: optionalText(input.icon, 'icon', 100) ?? null,
      content: input.content != null ? jsonObject(input.content, 'content') : {},
      navigationRouteId: input.navigationRouteId ? await this.ownNavigationRouteId(input.navigationRouteId) : null,
    };
    await this.ensureRouteFree(userId, route);
    return this.save(this.em.create(Page, fields));
  }

  async update(id: string, input: UpdatePageInput): Promise<Page> {
    const page = await this.own(id);
    // Everything is checked before anything changes, so a refused update leaves nothing for a later flush to write.
    const changes: Partial<Page> = {};
    if (input.name != null) changes.name = requiredText(input.name, 'name', 100);
    if (input.route != null) {
      changes.route = normalizeRoute(input.route);
      if (routeKey(changes.route) !== routeKey(page.route)) await this.ensureRouteFree(page.creatorId, changes.route, page.id);
    }
    if (input.routeSegment !== undefined) changes.routeSegment = optionalText(input.routeSegment, 'route_segment', 255);
    if (input.parentRoute !== undefined) changes.parentRoute = input.parentRoute ? normalizeRoute(input.parentRoute, 'parent_route') : null;
    if (input.parentType !== undefined) changes.parentType = checkParentType(input.parentType) ?? null;
    if (input.isParentPage != null) changes.isParentPage = input.isParentPage;
    if (input.description !== undefined) changes.description = input.description;
    if (input.icon !== undefined) changes.icon = optionalText(input.icon, 'icon', 100);
    if (input.content != null) changes.content = jsonObject(input.content, 'content');
    if (input.navigationRouteId !== undefined) {
      changes.navigationRouteId = input.navigationRouteId ? await this.ownNavigationRouteId(input.navigationRouteId) : null;
    }
    if (input.isPublished != null && input.isPublished !== page.isPublished) Object.assign(changes, published(input.isPublished));
    return this.save(Object.assign(page, changes));
  }

  /**
   * Moves a page under one of the caller's parent pages (or to the top level) and rebuilds its route as
   * `/<parent>/<segment>`. Pages already under it keep their routes.
   */
  async updateHierarchy(id: string, input: PageHierarchyInput): Promise<Page> {
    const page = await this.own(id);
    const changes: Partial<Page> = {};
    const segment = input.routeSegment != null ? checkSegment(input.routeSegment) : undefined;
    let parentKey: string | null | undefined;
    if (input.parentRoute !== undefined) {
      parentKey = input.parentRoute ? routeKey(input.parentRoute) : null;
      if (parentKey) await this.checkParent(page, parentKey);
      changes.parentRoute = parentKey ? `/${parentKey}` : null;
    }
    if (input.parentType !== undefined) changes.parentType = checkParentType(input.parentType) ?? null;
    if (input.isParentPage != null) changes.isParentPage = input.isParentPage;
    if (segment !== undefined) changes.routeSegment = segment;
    if (parentKey !== undefined || segment !== undefined) {
      const own = segment ?? page.routeSegment ?? lastSegment(page.route);
      const parent = parentKey !== undefined ? parentKey : page.parentRoute ? routeKey(page.parentRoute) : null;
      changes.route = normalizeRoute(parent ? `/${parent}/${own}` : `/${own}`);
      if (routeKey(changes.route) !== routeKey(page.route)) await this.ensureRouteFree(page.creatorId, changes.route, page.id);
    }
    return this.save(Object.assign(page, changes));
  }

  async delete(id: string): Promise<string> {
    const page = await this.own(id);
    await this.em.remove(page).flush();
    return page.id;
  }

  async publish(id: string, publish: boolean): Promise<Page> {
    const page = await this.own(id);
    return this.save(Object.assign(page, published(publish)));
  }

  /** Copies the content aside; `createBackup: false` changes nothing (BrainDrive's flag). */
  async backup(id: string, createBackup: boolean): Promise<Page> {
    const page = await this.own(id);
    if (!createBackup) return page;
    page.contentBackup = structuredClone(page.content);
    page.backupDate = new Date();
    return this.save(page);
  }

  /** Puts the backed-up content back; the backup stays, so a restore can be repeated. */
  async restore(id: string): Promise<Page> {
    const page = await this.own(id);
    if (!page.contentBackup) throw new BadUserInputError('No backup available for this page');
    page.content = structuredClone(page.contentBackup);
    return this.save(page);
  }

  /** The caller's page; anyone else's is "not found", so ids can't be probed. */
  private async own(id: string): Promise<Page> {
    const { userId } = requireAuth(this.ctx);
    const page = await this.em.findOne(Page, { id: idOrNotFound(id, PAGE_NOT_FOUND), creatorId: userId });
    if (!page) throw new NotFoundError(PAGE_NOT_FOUND);
    return page;
  }

  private async ownNavigationRouteId(id: string): Promise<string> {
    const { userId } = requireAuth(this.ctx);
    const routeId = idOrNotFound(id, 'Navigation route not found');
    const route = await this.em.findOne(NavigationRoute, { id: routeId, creatorId: userId }, { fields: ['id'], flushMode: FlushMode.COMMIT });
    if (!route) throw new NotFoundError('Navigation route not found');
    return routeId;
  }

  private async checkParent(page: Page, parentKey: string) {
    const key = routeKey(page.route);
    if (parentKey === key) throw new BadUserInputError('A page cannot be its own parent', 'parent_route');
    if (parentKey.startsWith(`${key}/`)) throw new BadUserInputError('A page cannot move under its own child', 'parent_route');
    const parent = await this.em.findOne(Page, { creatorId: page.creatorId, route: { $in: routeSpellings(parentKey) } }, { flushMode: FlushMode.COMMIT });
    if (!parent) throw new BadUserInputError(`Parent route '/${parentKey}' not found`, 'parent_route');
    if (!parent.isParentPage) throw new BadUserInputError(`Page '${parent.name}' is not marked as a parent page`, 'parent_route');
  }

  private async ensureRouteFree(userId: string, route: string, exceptId?: string) {
    const where: FilterQuery<Page> = { creatorId: userId, route: { $in: routeSpellings(route) } };
    if (exceptId) where.id = { $ne: exceptId };
    // No auto-flush: the page being changed must not be written before its new route is known to be free.
    if ((await this.em.count(Page, where, { flushMode: FlushMode.COMMIT })) > 0) throw new ConflictError(ROUTE_TAKEN);
  }

  /** Flushes; a route taken by a concurrent request still answers CONFLICT, not a database error. */
  private async save(page: Page): Promise<Page> {
    try {
      await this.em.persist(page).flush();
    } catch (e) {
      if (e instanceof UniqueConstraintViolationException) throw new ConflictError(ROUTE_TAKEN);
      throw e;
    }
    return page;
  }
}

/** Publishing stamps the date; unpublishing clears it. */
const published = (publish: boolean): Pick<Page, 'isPublished' | 'publishDate'> => ({
  isPublished: publish,
  publishDate: publish ? new Date() : null,
});

function checkParentType(value: string | null | undefined): string | null | undefined {
  if (value == null) return value;
  if (!(PARENT_TYPES as readonly string[]).includes(value)) {
    throw new BadUserInputError(`Invalid parent type. Must be one of: ${PARENT_TYPES.join(', ')}`, 'parent_type');
  }
  return value;
}

function checkSegment(segment: string): string {
  const s = segment.trim();
  if (s === '' || s.includes('/')) throw new BadUserInputError('route_segment must be one path segment, without slashes', 'route_segment');
  return routeKey(normalizeRoute(s, 'route_segment'));
}
