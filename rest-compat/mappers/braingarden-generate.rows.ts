import { z } from 'zod';
import {
  DeleteSettingInstanceDocument,
  GardenGenerateDocument,
  GardenRevealKeyDocument,
  GardenModelsDocument,
  GardenUsageDocument,
  ProviderKeysDocument,
  SetProviderKeyDocument,
  type ProviderKeyStatusFieldsFragment,
} from '../../schema/generated/operations.js';
import { boolParam, uuidParams } from '../validation.js';
import { built } from './built.js';

/**
 * Brain Garden's stored provider (BYOK) keys: views of workspace's provider-key settings (DESIGN §2), so a key stored
 * here is the one BrainDrive and StudioBrain see. The key id is the settings instance id; keys are never listed.
 */
const keyBody = (k: ProviderKeyStatusFieldsFragment) => ({
  id: k.instanceId,
  provider: k.provider,
  masked_key: k.maskedKey,
  has_key: k.hasKey,
  updated_at: k.updatedAt,
});

export const braingardenKeyRows = {
  list: built({ operation: ProviderKeysDocument, response: (d) => d.providerKeys.filter((k) => k.hasKey).map(keyBody) }),
  create: built({
    operation: SetProviderKeyDocument,
    body: z.object({ provider: z.string().min(1).max(50), key: z.string().min(1).max(500) }),
    variables: ({ body }) => ({ provider: body.provider, apiKey: body.key }),
    response: (d) => keyBody(d.setProviderKey),
  }),
  reveal: built({
    operation: GardenRevealKeyDocument,
    params: uuidParams('key_id'),
    variables: ({ params }) => ({ id: params.key_id }),
    response: ({ gardenRevealKey: k }) => ({ id: k.id, provider: k.provider, key: k.key }),
  }),
  delete: built({
    operation: DeleteSettingInstanceDocument,
    params: uuidParams('key_id'),
    variables: ({ params }) => ({ id: params.key_id }),
    response: (_d, r) => ({ id: r.params.key_id, deleted: true }),
  }),
};

const slider = z.number().int().min(0).max(100).nullish();

export const braingardenGenerateRows = {
  models: built({
    operation: GardenModelsDocument,
    query: z.object({ byok: boolParam(false) }),
    variables: ({ query }) => ({ byok: query.byok }),
    response: (d) => ({ models: d.gardenModels.map((m) => ({ id: m.id, provider: m.provider })) }),
  }),
  /**
   * The documented body and answer. BYOK comes from `X-Byok-Api-Key` + `X-Byok-Provider` or the body's pair (the
   * headers win); the key goes upstream for this request only.
   */
  generate: built({
    operation: GardenGenerateDocument,
    body: z.object({
      prompt: z.string().min(1).max(200_000),
      model: z.string().min(1).max(200).nullish(),
      format: z.enum(['markdown', 'json']).default('markdown'),
      speculation: slider,
      randomness: slider,
      ideas: slider,
      byok_api_key: z.string().min(1).max(500).nullish(),
      byok_provider: z.string().min(1).max(50).nullish(),
      include_raw: z.boolean().default(true),
      raw_complete: z.boolean().default(false),
      second_pass_model: z.string().min(1).max(200).nullish(),
      delta_enhance: z.boolean().default(false),
    }),
    variables: ({ body: b, headers: h }) => ({
      input: {
        prompt: b.prompt, model: b.model, format: b.format, speculation: b.speculation, randomness: b.randomness, ideas: b.ideas,
        byokApiKey: h['x-byok-api-key'] ?? b.byok_api_key, byokProvider: h['x-byok-provider'] ?? b.byok_provider,
        includeRaw: b.include_raw, rawComplete: b.raw_complete, secondPassModel: b.second_pass_model, deltaEnhance: b.delta_enhance,
      },
    }),
    response: ({ gardenGenerate: g }) => ({
      text: g.text,
      metadata: { model: g.model, usage: g.usage, controls: g.controls, graph: g.graph, structure: g.structure },
      ...(g.rawOutput ? { raw_output: g.rawOutput } : {}),
      timings_ms: g.timingsMs,
      chat: { chat_id: g.chatId, message_id: g.messageId },
    }),
  }),
  usage: built({
    operation: GardenUsageDocument,
    response: ({ gardenUsage: u }) => ({ plan: u.plan, period: u.period, counters: u.counters, limits: u.limits }),
  }),
};
