import { z } from 'zod';
import {
  DeleteEntityLayoutDocument,
  EntityLayoutDocument,
  EntityLayoutsDocument,
  ResetEntityLayoutDocument,
  UpdateEntityLayoutDocument,
  type EntityLayoutFieldsFragment,
} from '../../schema/generated/operations.js';
import { built } from './built.js';

/** StudioBrain's layout JSON for one entity type. */
const layoutBody = (l: EntityLayoutFieldsFragment) => ({
  entity_type: l.entityType,
  layout: l.layout,
  is_custom: l.isCustom,
  tenant_id: l.tenantId,
  updated_at: l.updatedAt,
  updated_by: l.updatedBy,
});

/** An unknown type is the operation's 404, so the path only bounds its length. */
const typeParams = z.object({ type: z.string().min(1).max(50) });

/** The layout itself, or `{"layout": {...}}` around it. */
const layoutOf = (body: Record<string, unknown>): unknown => {
  const inner = body.layout;
  return Object.keys(body).length === 1 && typeof inner === 'object' && inner !== null && !Array.isArray(inner) ? inner : body;
};

/** StudioBrain `/api/layouts` rows. Each is spread into its documented line in `routes/studiobrain.routes.ts`. */
export const layoutsRows = {
  list: built({
    operation: EntityLayoutsDocument,
    response: (d) => ({ layouts: d.entityLayouts.map(layoutBody), total: d.entityLayouts.length }),
  }),
  get: built({
    operation: EntityLayoutDocument,
    params: typeParams,
    variables: ({ params: p }) => ({ entityType: p.type }),
    response: (d) => layoutBody(d.entityLayout),
  }),
  put: built({
    operation: UpdateEntityLayoutDocument,
    params: typeParams,
    body: z.record(z.string(), z.json()),
    variables: ({ params: p, body }) => ({ entityType: p.type, layout: layoutOf(body) }),
    response: (d) => layoutBody(d.updateEntityLayout),
  }),
  reset: built({
    operation: ResetEntityLayoutDocument,
    params: typeParams,
    variables: ({ params: p }) => ({ entityType: p.type }),
    response: (d) => ({ ...layoutBody(d.resetEntityLayout), message: `Layout for ${d.resetEntityLayout.entityType} reset to defaults` }),
  }),
  delete: built({
    operation: DeleteEntityLayoutDocument,
    params: typeParams,
    variables: ({ params: p }) => ({ entityType: p.type }),
    response: (d) => ({ ...layoutBody(d.deleteEntityLayout), message: `Custom layout for ${d.deleteEntityLayout.entityType} deleted` }),
  }),
};
