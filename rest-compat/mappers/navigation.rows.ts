import {
  BatchUpdateNavigationRoutesDocument,
  CreateNavigationRouteDocument,
  DeleteNavigationRouteDocument,
  MoveNavigationRouteDocument,
  NavigationRouteDocument,
  NavigationRoutesDocument,
  NavigationTreeDocument,
  UpdateNavigationRouteDocument,
} from '../../schema/generated/operations.js';
import type { z } from 'zod';
import { uuidParams } from '../validation.js';
import { built } from './built.js';
import { navigationRouteBody, navigationRouteInput, navigationSchemas as s, navigationTreeBody } from './navigation.mappers.js';

const routeId = uuidParams('route_id');

type BatchBody = z.infer<typeof s.batch>;

// BrainDrive answers a taken route path with 400 "Route with path '…' already exists".
const pathTaken = { CONFLICT: 400 };

/**
 * BrainDrive `/api/v1/navigation-routes` rows. Deleting a system route answers 400 "Cannot delete system routes",
 * as BrainDrive does (so does deleting a route pages are on).
 */
export const navigationRows = {
  tree: built({
    operation: NavigationTreeDocument,
    query: s.tree,
    variables: (r) => ({ visibleOnly: r.query.visible_only }),
    response: navigationTreeBody,
  }),
  list: built({
    operation: NavigationRoutesDocument,
    query: s.list,
    variables: ({ query: q }) => ({ offset: q.skip ?? q.offset ?? 0, limit: q.limit, visibleOnly: q.visible_only }),
    response: (d) => d.navigationRoutes.items.map(navigationRouteBody),
  }),
  create: built({
    operation: CreateNavigationRouteDocument,
    body: s.create,
    variables: ({ body: b }) => ({
      input: { ...navigationRouteInput(b), name: b.name, route: b.route, isSystemRoute: b.is_system_route },
    }),
    response: (d) => navigationRouteBody(d.createNavigationRoute),
    status: 201,
    errorStatus: pathTaken,
  }),
  get: built({
    operation: NavigationRouteDocument,
    params: routeId,
    variables: (r) => ({ id: r.params.route_id }),
    // BrainDrive's detail answer adds the creator.
    response: ({ navigationRoute: r }) => ({
      ...navigationRouteBody(r),
      creator: { id: r.creator.id, username: r.creator.username, email: r.creator.email },
    }),
  }),
  update: built({
    operation: UpdateNavigationRouteDocument,
    params: routeId,
    body: s.update,
    variables: ({ params: p, body: b }) => ({ id: p.route_id, input: navigationRouteInput(b) }),
    response: (d) => navigationRouteBody(d.updateNavigationRoute),
    errorStatus: pathTaken,
  }),
  move: built({
    operation: MoveNavigationRouteDocument,
    params: routeId,
    body: s.move,
    variables: ({ params: p, body: b }) => ({ id: p.route_id, parentId: b.parent_id ?? null, displayOrder: b.display_order ?? null }),
    response: (d) => navigationRouteBody(d.moveNavigationRoute),
  }),
  batchUpdate: built({
    operation: BatchUpdateNavigationRoutesDocument,
    body: s.batch,
    variables: ({ body }) => ({
      updates: (body as BatchBody).map((u) => ({
        id: u.id,
        parentId: u.parent_id,
        displayOrder: u.display_order,
        isExpanded: u.is_expanded,
        isVisible: u.is_visible,
      })),
    }),
    response: (d) => d.batchUpdateNavigationRoutes.map(navigationRouteBody),
  }),
  delete: built({
    operation: DeleteNavigationRouteDocument,
    params: routeId,
    variables: (r) => ({ id: r.params.route_id }),
    response: () => undefined,
    status: 204,
  }),
};
