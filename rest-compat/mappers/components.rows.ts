import { z } from 'zod';
import {
  ComponentDocument,
  ComponentsDocument,
  CreateComponentDocument,
  DeleteComponentDocument,
  UpdateComponentDocument,
  type ComponentFieldsFragment,
} from '../../schema/generated/operations.js';
import { boolParam, uuidParam } from '../validation.js';
import { built } from './built.js';

/** BrainDrive's ComponentResponse. */
const componentBody = (c: ComponentFieldsFragment) => ({
  id: c.id,
  name: c.name,
  component_id: c.componentId,
  description: c.description,
  icon: c.icon,
  is_system: c.isSystem,
  user_id: c.userId,
  created_at: c.createdAt,
  updated_at: c.updatedAt,
});

const componentId = z.object({ component_id: z.string().min(1).max(100) });

const schemas = {
  list: z.object({ is_system: boolParam().optional() }),
  create: z.object({
    name: z.string().min(1).max(100),
    component_id: z.string().min(1).max(100).regex(/^[A-Za-z0-9._:-]+$/),
    description: z.string().max(10_000).nullish(),
    icon: z.string().max(100).nullish(),
    is_system: z.boolean().nullish(),
    // BrainDrive's ComponentCreate carries the creator; only the caller's own id is accepted (403 otherwise).
    user_id: uuidParam.nullish(),
  }),
  update: z.object({
    name: z.string().min(1).max(100).nullish(),
    description: z.string().max(10_000).nullish(),
    icon: z.string().max(100).nullish(),
  }),
};

// BrainDrive answers a component_id that exists already with 400.
const idTaken = { CONFLICT: 400 };

/**
 * BrainDrive `/api/v1/components` rows: a catalogue every signed-in user reads; creating, updating and deleting
 * need the platform admin role (403 `Admin required`), and system components are never deleted (400).
 */
export const componentsRows = {
  list: built({
    operation: ComponentsDocument,
    query: schemas.list,
    variables: (r) => ({ isSystem: r.query.is_system, limit: 1000 }),
    response: (d) => d.components.items.map(componentBody),
  }),
  create: built({
    operation: CreateComponentDocument,
    body: schemas.create,
    variables: ({ body: b }) => ({
      input: {
        componentId: b.component_id,
        name: b.name,
        description: b.description,
        icon: b.icon,
        isSystem: b.is_system,
        userId: b.user_id,
      },
    }),
    response: (d) => componentBody(d.createComponent),
    status: 201,
    errorStatus: idTaken,
  }),
  get: built({
    operation: ComponentDocument,
    params: componentId,
    variables: (r) => ({ componentId: r.params.component_id }),
    response: (d) => componentBody(d.component),
  }),
  update: built({
    operation: UpdateComponentDocument,
    params: componentId,
    body: schemas.update,
    variables: ({ params: p, body: b }) => ({
      componentId: p.component_id,
      input: { name: b.name, description: b.description, icon: b.icon },
    }),
    response: (d) => componentBody(d.updateComponent),
  }),
  delete: built({
    operation: DeleteComponentDocument,
    params: componentId,
    variables: (r) => ({ componentId: r.params.component_id }),
    response: () => undefined,
    status: 204,
  }),
};
