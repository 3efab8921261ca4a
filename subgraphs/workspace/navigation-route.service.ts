import { FlushMode, LockMode, UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { requireAuth } from '../common/context.js';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../common/errors.js';
import { normalizeUuid } from '../common/ids.js';
import type { Page as ListPage } from '../common/paginated.js';
import { offsetPage } from '../common/pagination.js';
import { NavigationRoute } from './navigation-route.entity.js';
import type {
  CreateNavigationRouteInput,
  NavigationRouteBatchUpdateInput,
  NavigationRoutesArgs,
  UpdateNavigationRouteInput,
} from './navigation-route.inputs.js';
import type { NavigationTreeEntry } from './navigation-route.types.js';
import { Page } from './page.entity.js';
import { idOrNotFound, normalizeRoute, optionalText, requiredText, routeKey } from './page-route.js';
import type { PagesContext } from './pages.loaders.js';

const NOT_FOUND = 'Navigation route not found';
const PARENT_NOT_FOUND = 'Parent route not found';
const ORDER = { displayOrder: 'asc', createdAt: 'asc', id: 'asc' } as const;

/** The caller's routes, locked for the length of a tree change, by id. */
type Tree = Map<string, NavigationRoute>;

/**
 * Navigation routes: a user's own tree. Every change to it runs in one transaction over the user's routes, locked,
 * so concurrent moves can't build a cycle and a batch applies entirely or not at all.
 */
export class NavigationRouteService {
  constructor(private readonly ctx: PagesContext) {}

  async list(args: NavigationRoutesArgs): Promise<ListPage<NavigationRoute>> {
    const { userId } = requireAuth(this.ctx);
    const { offset, limit } = offsetPage(args, 1000, 1000);
    const where: FilterQuery<NavigationRoute> = { creatorId: userId };
    if (args.visibleOnly) where.isVisible = true;
    const [items, total] = await this.ctx.em.findAndCount(NavigationRoute, where, { orderBy: ORDER, offset, limit });
    return { items, total, offset, limit };
  }

  /** All of the caller's routes, in sidebar order. */
  all(): Promise<NavigationRoute[]> {
    const { userId } = requireAuth(this.ctx);
    return this.ctx.em.find(NavigationRoute, { creatorId: userId }, { orderBy: ORDER });
  }

  async get(id: string): Promise<NavigationRoute> {
    const { userId } = requireAuth(this.ctx);
    const route = await this.ctx.em.findOne(NavigationRoute, { id: idOrNotFound(id, NOT_FOUND), creatorId: userId });
    if (!route) throw new NotFoundError(NOT_FOUND);
    return route;
  }

  /**
   * The caller's routes depth-first, siblings by `displayOrder`, each with its depth.
   * @param visibleOnly leave out hidden routes and everything under them
   */
  async tree(visibleOnly = false): Promise<NavigationTreeEntry[]> {
    const routes = await this.all();
    const present = new Set(routes.map((r) => r.id));
    const children = new Map<string | null, NavigationRoute[]>();
    for (const route of routes) {
      const parent = route.parentId && present.has(route.parentId) ? route.parentId : null;
      children.set(parent, [...(children.get(parent) ?? []), route]);
    }
    const entries: NavigationTreeEntry[] = [];
    const seen = new Set<string>();
    const walk = (parent: string | null, depthLevel: number) => {
      for (const route of children.get(parent) ?? []) {
        if (seen.has(route.id) || (visibleOnly && !route.isVisible)) continue;
        seen.add(route.id);
        entries.push({ depthLevel, route });
        walk(route.id, depthLevel + 1);
      }
    };
    walk(null, 0);
    return entries;
  }

  async create(input: CreateNavigationRouteInput): Promise<NavigationRoute> {
    const { userId, isAdmin } = requireAuth(this.ctx);
    // BrainDrive seeds system routes itself; here only an administrator may make one.
    if (input.isSystemRoute && !isAdmin) throw new ForbiddenError('Admin required');
    const fields = {
      creatorId: userId,
      name: requiredText(input.name, 'name', 100),
      route: normalizeRoute(input.route),
      icon: optionalText(input.icon, 'icon', 100) ?? null,
      description: input.description ?? null,
      isVisible: input.isVisible ?? true,
      isCollapsible: input.isCollapsible ?? true,
      isExpanded: input.isExpanded ?? true,
      isSystemRoute: input.isSystemRoute ?? false,
      defaultComponentId: optionalText(input.defaultComponentId, 'default_component_id', 100) ?? null,
      defaultPageId: input.defaultPageId ? await this.ownPageId(input.defaultPageId) : null,
      canChangeDefault: input.canChangeDefault ?? false,
    };
    return this.changeTree(userId, (tree, em) => {
      ensureRouteFree(tree, fields.route);
      const parentId = input.parentId ? parentIn(tree, input.parentId) : null;
      const displayOrder = input.displayOrder ?? nextOrder(tree, parentId);
      return em.create(NavigationRoute, { ...fields, parentId, displayOrder });
    });
  }

  async update(id: string, input: UpdateNavigationRouteInput): Promise<NavigationRoute> {
    const { userId } = requireAuth(this.ctx);
    const routeId = idOrNotFound(id, NOT_FOUND);
    const defaultPageId = input.defaultPageId ? await this.ownPageId(input.defaultPageId) : input.defaultPageId;
    return this.changeTree(userId, (tree) => {
      const route = inTree(tree, routeId);
      const changes: Partial<NavigationRoute> = {};
      if (input.name != null) {
        changes.name = requiredText(input.name, 'name', 100);
        if (route.isSystemRoute && changes.name !== route.name) throw new BadUserInputError('Cannot change name for system routes', 'name');
      }
      if (input.route != null) {
        changes.route = normalizeRoute(input.route);
        if (routeKey(changes.route) !== routeKey(route.route)) {
          if (route.isSystemRoute) throw new BadUserInputError('Cannot change route path for system routes', 'route');
          ensureRouteFree(tree, changes.route);
        }
      }
      if (input.icon !== undefined) changes.icon = optionalText(input.icon, 'icon', 100);
      if (input.description !== undefined) changes.description = input.description;
      if (input.isVisible != null) changes.isVisible = input.isVisible;
      if (input.isCollapsible != null) changes.isCollapsible = input.isCollapsible;
      if (input.isExpanded != null) changes.isExpanded = input.isExpanded;
      // A default that is set stays unless the route allows changing it (BrainDrive's rule).
      if (input.defaultComponentId !== undefined && input.defaultComponentId !== route.defaultComponentId) {
        if (!route.canChangeDefault && route.defaultComponentId != null) {
          throw new BadUserInputError('Cannot change default component for this route', 'default_component_id');
        }
        changes.defaultComponentId = optionalText(input.defaultComponentId, 'default_component_id', 100);
      }
      if (defaultPageId !== undefined && defaultPageId !== route.defaultPageId) {
        if (!route.canChangeDefault && route.defaultPageId != null) {
          throw new BadUserInputError('Cannot change default page for this route', 'default_page_id');
        }
        changes.defaultPageId = defaultPageId;
      }
      if (input.canChangeDefault != null) changes.canChangeDefault = input.canChangeDefault;
      if (input.parentId !== undefined) {
        changes.parentId = input.parentId === null ? null : parentIn(tree, input.parentId);
        checkNoCycle(tree, route.id, changes.parentId);
      }
      if (input.displayOrder != null) changes.displayOrder = input.displayOrder;
      return Object.assign(route, changes);
    });
  }

  /** Moves a route under another of the caller's routes (or to the top level); without a position, last. */
  async move(id: string, parentId: string | null | undefined, displayOrder: number | null | undefined): Promise<NavigationRoute> {
    const { userId } = requireAuth(this.ctx);
    const routeId = idOrNotFound(id, NOT_FOUND);
    return this.changeTree(userId, (tree) => {
      const route = inTree(tree, routeId);
      const parent = parentId ? parentIn(tree, parentId) : null;
      checkNoCycle(tree, route.id, parent);
      const order = displayOrder ?? nextOrder(tree, parent, route.id);
      return Object.assign(route, { parentId: parent, displayOrder: order });
    });
  }

  /**
   * Applies every update or none: an unknown or someone else's id, a missing parent or a cycle refuses the
   * whole batch before anything is written. Answers the updated routes in the order given.
   */
  async batchUpdate(updates: NavigationRouteBatchUpdateInput[]): Promise<NavigationRoute[]> {
    const { userId } = requireAuth(this.ctx);
    return this.changeTree(userId, (tree) => {
      const touched = new Map<string, NavigationRoute>();
      for (const update of updates) {
        const route = inTree(tree, idOrNotFound(update.id, NOT_FOUND));
        if (update.parentId !== undefined) route.parentId = update.parentId === null ? null : parentIn(tree, update.parentId);
        if (update.displayOrder != null) route.displayOrder = update.displayOrder;
        if (update.isExpanded != null) route.isExpanded = update.isExpanded;
        if (update.isVisible != null) route.isVisible = update.isVisible;
        touched.set(route.id, route);
      }
      // Checked once all moves are applied: a batch may rearrange a tree through intermediate shapes.
      for (const route of touched.values()) checkNoCycle(tree, route.id, route.parentId);
      return [...touched.values()];
    });
  }

  /**
   * Deletes a route of the caller's. System routes and routes pages are on stay (400, as BrainDrive answers);
   * the routes under it move up to its parent rather than disappear with it.
   */
  async delete(id: string): Promise<string> {
    const { userId } = requireAuth(this.ctx);
    const routeId = idOrNotFound(id, NOT_FOUND);
    return this.changeTree(userId, async (tree, em) => {
      const route = inTree(tree, routeId);
      if (route.isSystemRoute) throw new BadUserInputError('Cannot delete system routes');
      const pages = await em.count(Page, { navigationRouteId: route.id });
      if (pages > 0) throw new BadUserInputError(`Cannot delete route: ${pages} page(s) are using this route`);
      for (const child of tree.values()) if (child.parentId === route.id) child.parentId = route.parentId;
      em.remove(route);
      return route.id;
    });
  }

  /** Runs a change over the caller's locked routes in one transaction; a throw writes nothing. */
  private async changeTree<T>(userId: string, change: (tree: Tree, em: EntityManager) => T | Promise<T>): Promise<T> {
    try {
      // A fresh identity map: a refused change must not leave half-changed routes for a later flush to write.
      return await this.ctx.em.fork().transactional(async (em) => {
        const routes = await em.find(NavigationRoute, { creatorId: userId }, {
          lockMode: LockMode.PESSIMISTIC_WRITE,
          orderBy: ORDER,
          flushMode: FlushMode.COMMIT,
        });
        return change(new Map(routes.map((r) => [r.id, r])), em as EntityManager);
      });
    } catch (e) {
      // The tree was checked under lock, so only a route created by another transaction can still collide.
      if (e instanceof UniqueConstraintViolationException) throw new ConflictError('Route with this path already exists');
      throw e;
    }
  }

  private async ownPageId(id: string): Promise<string> {
    const { userId } = requireAuth(this.ctx);
    const pageId = idOrNotFound(id, 'Page not found');
    const page = await this.ctx.em.findOne(Page, { id: pageId, creatorId: userId }, { fields: ['id'], flushMode: FlushMode.COMMIT });
    if (!page) throw new NotFoundError('Page not found');
    return pageId;
  }
}

function inTree(tree: Tree, id: string): NavigationRoute {
  const route = tree.get(id);
  if (!route) throw new NotFoundError(NOT_FOUND);
  return route;
}

function parentIn(tree: Tree, id: string): string {
  const parentId = normalizeUuid(id);
  if (!parentId || !tree.has(parentId)) throw new NotFoundError(PARENT_NOT_FOUND);
  return parentId;
}

/** Refuses a parent that is the route itself or sits under it. */
function checkNoCycle(tree: Tree, routeId: string, parentId: string | null) {
  let current = parentId;
  for (let steps = 0; current && steps <= tree.size; steps++) {
    if (current === routeId) {
      throw new BadUserInputError('Invalid hierarchy move: a route cannot be moved under itself or its descendants', 'parent_id');
    }
    current = tree.get(current)?.parentId ?? null;
  }
}

/** After the last of the parent's children. */
function nextOrder(tree: Tree, parentId: string | null, exceptId?: string): number {
  let max = -1;
  for (const r of tree.values()) if (r.parentId === parentId && r.id !== exceptId) max = Math.max(max, r.displayOrder);
  return max + 1;
}

function ensureRouteFree(tree: Tree, route: string) {
  const key = routeKey(route);
  for (const r of tree.values()) {
    if (routeKey(r.route) === key) throw new ConflictError(`Route with path '${route}' already exists`);
  }
}
