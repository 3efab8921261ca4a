import { z } from 'zod';
import {
  CreatePersonaDocument,
  DeletePersonaDocument,
  PersonaDocument,
  PersonasDocument,
  PersonaTagsDocument,
  UpdatePersonaDocument,
  type PersonaFieldsFragment,
} from '../../schema/generated/operations.js';
import { boolParam, pageParams, uuidParams } from '../validation.js';
import { built } from './built.js';

/** BrainDrive's PersonaResponse. */
export const personaBody = (p: PersonaFieldsFragment) => ({
  id: p.id,
  name: p.name,
  description: p.description,
  system_prompt: p.systemPrompt,
  model_settings: p.modelSettings,
  avatar: p.avatar,
  tags: p.tags,
  sample_greeting: p.sampleGreeting,
  is_active: p.isActive,
  user_id: p.userId,
  created_at: p.createdAt,
  updated_at: p.updatedAt,
});

const personaId = uuidParams('persona_id');
const fields = {
  name: z.string().min(1).max(100),
  description: z.string().max(1000).nullish(),
  system_prompt: z.string().min(10).max(10_000),
  model_settings: z.record(z.string(), z.unknown()).nullish(),
  avatar: z.string().max(2000).nullish(),
  tags: z.array(z.string().min(1).max(50)).max(20).nullish(),
  sample_greeting: z.string().max(1000).nullish(),
  is_active: z.boolean().nullish(),
};
const createBody = z.object(fields);
// PUT and PATCH both update only what is sent (the real client PATCHes, as-built).
const updateBody = z.object(fields).partial();

type PersonaBody = z.infer<typeof updateBody>;
const personaInput = (b: PersonaBody) => ({
  name: b.name, description: b.description, systemPrompt: b.system_prompt, modelSettings: b.model_settings, avatar: b.avatar,
  tags: b.tags, sampleGreeting: b.sample_greeting, isActive: b.is_active,
});

const update = built({
  operation: UpdatePersonaDocument,
  params: personaId,
  body: updateBody,
  variables: ({ params, body }) => ({ id: params.persona_id, input: personaInput(body) }),
  response: (d) => personaBody(d.updatePersona),
});

export const personaRows = {
  list: built({
    operation: PersonasDocument,
    query: pageParams(100).extend({ search: z.string().max(200).optional(), tags: z.string().max(50).optional(), is_active: boolParam().optional() }),
    variables: ({ query: q }) => ({ page: q.page, pageSize: q.page_size, search: q.search, tag: q.tags, isActive: q.is_active }),
    response: ({ personas: l }) => ({ personas: l.personas.map(personaBody), total_items: l.totalItems, page: l.page, page_size: l.pageSize, total_pages: l.totalPages }),
  }),
  create: built({ operation: CreatePersonaDocument, body: createBody, variables: ({ body }) => ({ input: personaInput(body) }), response: (d) => personaBody(d.createPersona) }),
  get: built({ operation: PersonaDocument, params: personaId, variables: (r) => ({ id: r.params.persona_id }), response: (d) => personaBody(d.persona) }),
  update,
  patch: update,
  delete: built({ operation: DeletePersonaDocument, params: personaId, variables: (r) => ({ id: r.params.persona_id }), status: 204 }),
  tags: built({ operation: PersonaTagsDocument, response: (d) => d.personaTags }),
};
