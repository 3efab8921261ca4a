import { z } from 'zod';
import type { NavigationRouteFieldsFragment, NavigationTreeQuery } from '../../schema/generated/operations.js';
import { boolParam, intParam, uuidParam } from '../validation.js';

/**
 * BrainDrive's NavigationRouteResponse. Its `order` and `display_order` are one value here: both are read on input
 * (`display_order` wins) and both are answered.
 */
export const navigationRouteBody = (r: NavigationRouteFieldsFragment) => ({
  id: r.id,
  name: r.name,
  route: r.route,
  icon: r.icon,
  description: r.description,
  order: r.displayOrder,
  display_order: r.displayOrder,
  is_visible: r.isVisible,
  is_system_route: r.isSystemRoute,
  is_collapsible: r.isCollapsible,
  is_expanded: r.isExpanded,
  default_component_id: r.defaultComponentId,
  default_page_id: r.defaultPageId,
  can_change_default: r.canChangeDefault,
  parent_id: r.parentId,
  creator_id: r.creatorId,
  created_at: r.createdAt,
  updated_at: r.updatedAt,
});

type TreeNode = ReturnType<typeof navigationRouteBody> & { depth_level: number; children: TreeNode[] };

/**
 * Nests the depth-first entries of `navigationTree` into BrainDrive's NavigationRouteTree: each route with its
 * `depth_level` and its `children`, however deep. Each entry follows its parent, so a stack by depth suffices.
 */
export function navigationTreeBody(d: NavigationTreeQuery): TreeNode[] {
  const roots: TreeNode[] = [];
  const path: TreeNode[] = [];
  for (const { depthLevel, route } of d.navigationTree) {
    const node: TreeNode = { ...navigationRouteBody(route), depth_level: depthLevel, children: [] };
    path.length = depthLevel;
    (depthLevel === 0 ? roots : path[depthLevel - 1].children).push(node);
    path.push(node);
  }
  return roots;
}

/** An optional UUID where BrainDrive also takes "" for "none". */
const optionalUuid = z.preprocess((v) => (v === '' ? null : v), uuidParam.nullish());

const routeFields = {
  icon: z.string().max(100).nullish(),
  description: z.string().max(10_000).nullish(),
  order: z.int().nullish(),
  display_order: z.int().nullish(),
  parent_id: optionalUuid,
  is_visible: z.boolean().nullish(),
  is_collapsible: z.boolean().nullish(),
  is_expanded: z.boolean().nullish(),
  default_component_id: z.string().max(100).nullish(),
  default_page_id: optionalUuid,
  can_change_default: z.boolean().nullish(),
};

/** Bodies and queries of the Navigation Routes rows (422 in FastAPI's shape before any operation runs). */
export const navigationSchemas = {
  list: z.object({
    visible_only: boolParam(false),
    skip: intParam({ min: 0 }).optional(),
    offset: intParam({ min: 0 }).optional(),
    limit: intParam({ min: 1, max: 1000, default: 1000 }),
  }),
  tree: z.object({ visible_only: boolParam(false) }),
  create: z.object({
    ...routeFields,
    name: z.string().min(1).max(100),
    route: z.string().min(1).max(255),
    is_system_route: z.boolean().nullish(),
  }),
  update: z.object({ ...routeFields, name: z.string().min(1).max(100).nullish(), route: z.string().min(1).max(255).nullish() }),
  move: z.object({ parent_id: optionalUuid, display_order: z.int().nullish() }),
  batch: z
    .array(
      z.object({
        id: uuidParam,
        parent_id: optionalUuid,
        display_order: z.int().nullish(),
        is_expanded: z.boolean().nullish(),
        is_visible: z.boolean().nullish(),
      }),
    )
    .max(1000),
};

type RouteBody = Partial<z.infer<typeof navigationSchemas.update>>;

/** A create or update body as GraphQL input; absent fields stay absent (unchanged), explicit nulls clear. */
export const navigationRouteInput = (b: RouteBody) => ({
  name: b.name,
  route: b.route,
  icon: b.icon,
  description: b.description,
  displayOrder: b.display_order ?? b.order,
  parentId: b.parent_id,
  isVisible: b.is_visible,
  isCollapsible: b.is_collapsible,
  isExpanded: b.is_expanded,
  defaultComponentId: b.default_component_id,
  defaultPageId: b.default_page_id,
  canChangeDefault: b.can_change_default,
});
