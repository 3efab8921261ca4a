import { z } from 'zod';
import type { PageFieldsFragment } from '../../schema/generated/operations.js';
import { boolParam, intParam, uuidParam } from '../validation.js';

/** BrainDrive's PageResponse, plus the detail fields (`content_backup`) its single-page answers add. */
export const pageBody = (p: PageFieldsFragment) => ({
  id: p.id,
  name: p.name,
  route: p.route,
  route_segment: p.routeSegment,
  parent_route: p.parentRoute,
  parent_type: p.parentType,
  is_parent_page: p.isParentPage,
  description: p.description,
  icon: p.icon,
  content: p.content,
  content_backup: p.contentBackup,
  backup_date: p.backupDate,
  is_published: p.isPublished,
  publish_date: p.publishDate,
  navigation_route_id: p.navigationRouteId,
  creator_id: p.creatorId,
  created_at: p.createdAt,
  updated_at: p.updatedAt,
});

const jsonObject = z.record(z.string(), z.unknown());

/** Fields a page create and a page update share; an update sends any of them. */
const pageFields = {
  name: z.string().min(1).max(100),
  route: z.string().min(1).max(255),
  route_segment: z.string().max(255).nullish(),
  parent_route: z.string().max(255).nullish(),
  parent_type: z.string().max(50).nullish(),
  is_parent_page: z.boolean().nullish(),
  description: z.string().max(10_000).nullish(),
  icon: z.string().max(100).nullish(),
  navigation_route_id: uuidParam.nullish(),
};

/** Request bodies and queries of the Pages rows, validated before any operation runs (422 in FastAPI's shape). */
export const pageSchemas = {
  list: z.object({
    // BrainDrive pages with `skip`; `offset` is accepted as its alias.
    skip: intParam({ min: 0 }).optional(),
    offset: intParam({ min: 0 }).optional(),
    limit: intParam({ min: 1, max: 100, default: 100 }),
    published_only: boolParam(false),
    navigation_route_id: uuidParam.optional(),
    parent_route: z.string().max(255).optional(),
    parent_type: z.string().max(50).optional(),
    is_parent_page: boolParam().optional(),
    creator_id: uuidParam.optional(),
  }),
  create: z.object({ ...pageFields, content: jsonObject.optional() }),
  update: z.object({
    ...pageFields,
    name: pageFields.name.nullish(),
    route: pageFields.route.nullish(),
    content: jsonObject.nullish(),
    is_published: z.boolean().nullish(),
  }),
  hierarchy: z.object({
    parent_route: z.string().max(255).nullish(),
    parent_type: z.string().max(50).nullish(),
    route_segment: z.string().max(255).nullish(),
    is_parent_page: z.boolean().nullish(),
  }),
  publish: z.object({ publish: z.boolean() }),
  // BrainDrive's PageBackup defaults the flag to true; a request without a body means the same.
  backup: z.object({ create_backup: z.boolean().default(true) }).optional(),
  route: z.object({ route: z.string().min(1).max(255) }),
};

export type PageCreateBody = z.infer<typeof pageSchemas.create>;
export type PageUpdateBody = z.infer<typeof pageSchemas.update>;

/** The fields a create or update body carries, as GraphQL input; absent fields stay absent (unchanged). */
export const pageInput = (b: Partial<PageUpdateBody>) => ({
  name: b.name,
  route: b.route,
  routeSegment: b.route_segment,
  parentRoute: b.parent_route,
  parentType: b.parent_type,
  isParentPage: b.is_parent_page,
  description: b.description,
  icon: b.icon,
  content: b.content,
  navigationRouteId: b.navigation_route_id,
});
