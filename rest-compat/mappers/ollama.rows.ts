import { z } from 'zod';
import { OllamaDeleteModelDocument, OllamaModelsDocument, OllamaTestDocument } from '../../schema/generated/operations.js';
import { built } from './built.js';

/** Which Ollama: a typed-in `server_url`, or a server from the caller's settings (`settings_id` + `server_id`). */
const target = {
  server_url: z.url({ protocol: /^https?$/ }).optional(),
  settings_id: z.string().max(200).optional(),
  server_id: z.string().max(200).optional(),
};
type Target = { server_url?: string; settings_id?: string; server_id?: string };
const targetVars = (t: Target) => ({ serverUrl: t.server_url, settingsId: t.settings_id, serverId: t.server_id });

export const ollamaRows = {
  test: built({
    operation: OllamaTestDocument,
    query: z.object(target),
    variables: ({ query }) => targetVars(query),
    response: ({ ollamaTest: t }) => ({ status: 'success', message: `Connected to Ollama ${t.version}`, version: t.version, server: t.server }),
  }),
  models: built({
    operation: OllamaModelsDocument,
    query: z.object(target),
    variables: ({ query }) => targetVars(query),
    // Ollama's own `/api/tags` shape, which BrainDrive passes through.
    response: (d) => ({ models: d.ollamaModels.map((m) => ({ name: m.name, model: m.id })) }),
  }),
  delete: built({
    operation: OllamaDeleteModelDocument,
    body: z.object({ name: z.string().min(1).max(300), ...target }),
    variables: ({ body }) => ({ name: body.name, ...targetVars(body) }),
    response: (_d, r) => ({ status: 'success', message: `Model ${r.body.name} deleted` }),
  }),
};
