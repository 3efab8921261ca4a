import { z } from 'zod';
import {
  CancelJobDocument,
  JobDocument,
  OllamaDeleteModelDocument,
  OllamaInstallDocument,
  OllamaModelsDocument,
  OllamaTestDocument,
  type JobFieldsFragment,
} from '../../schema/generated/operations.js';
import { uuidParams } from '../validation.js';
import { jobsRows } from './jobs.rows.js';
import { built } from './built.js';

/** Which Ollama: a typed-in `server_url`, or a server from the caller's settings (`settings_id` + `server_id`). */
const target = {
  server_url: z.url({ protocol: /^https?$/ }).optional(),
  settings_id: z.string().max(200).optional(),
  server_id: z.string().max(200).optional(),
};
type Target = { server_url?: string; settings_id?: string; server_id?: string };
const targetVars = (t: Target) => ({ serverUrl: t.server_url, settingsId: t.settings_id, serverId: t.server_id });

const taskId = uuidParams('task_id');

/** An install is a job; BrainDrive reads it as a task. */
const taskBody = (j: JobFieldsFragment) => ({
  task_id: j.id,
  status: j.status,
  progress: j.progressPercent,
  stage: j.currentStage,
  message: j.message,
  error: j.error,
  result: j.result,
  model: (j.payload as { model?: string } | null)?.model ?? null,
  created_at: j.createdAt,
  completed_at: j.completedAt,
});

export const ollamaRows = {
  install: built({
    operation: OllamaInstallDocument,
    body: z.object({ name: z.string().min(1).max(300), stream: z.boolean().optional(), force_reinstall: z.boolean().optional(), ...target }),
    variables: ({ body }) => ({ name: body.name, ...targetVars(body) }),
    response: ({ ollamaInstall: i }) => ({ task_id: i.taskId, deduped: i.deduped, status: 'queued' }),
    status: 202,
  }),
  installStatus: built({ operation: JobDocument, params: taskId, variables: (r) => ({ id: r.params.task_id }), response: (d) => taskBody(d.job) }),
  /** The job's own event stream (snapshot, events, terminal), addressed by task id. */
  installEvents: built({ ...jobsRows.stream, params: taskId, variables: (r) => ({ id: r.params.task_id }) }),
  cancelInstall: built({ operation: CancelJobDocument, params: taskId, variables: (r) => ({ id: r.params.task_id }), response: (d) => taskBody(d.cancelJob) }),
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
