import { z } from 'zod';
import {
  AiProvidersDocument,
  AllModelsDocument,
  DeleteSettingInstanceDocument,
  ProviderKeysDocument,
  ProviderServersDocument,
  SetProviderKeyDocument,
  ValidateProviderDocument,
  type ProviderKeyStatusFieldsFragment,
  CancelGenerationDocument,
  ChatCompletionDocument,
  ChatStreamDocument,
  GenerateTextDocument,
  ProviderModelsDocument,
  type ChatCompletionMutation,
  type ChatStreamSubscription,
} from '../../schema/generated/operations.js';
import type { RestRequest } from '../route.types.js';
import { uuidParam } from '../validation.js';
import { built } from './built.js';
import { messageBody } from './chat.rows.js';

/** A provider's key setting as BrainDrive lists it: masked, never the key. */
const providerSettingBody = (k: ProviderKeyStatusFieldsFragment) => ({
  provider: k.provider,
  aliases: k.aliases,
  settings_id: k.definitionId,
  instance_id: k.instanceId,
  has_key: k.hasKey,
  masked_key: k.maskedKey,
  updated_at: k.updatedAt,
});

const params = z.record(z.string(), z.unknown()).nullish();

const chatBody = z.object({
  provider: z.string().min(1).max(50).nullish(),
  settings_id: z.string().max(200).nullish(),
  server_id: z.string().max(200).nullish(),
  model: z.string().min(1).max(200).nullish(),
  messages: z.array(z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string().max(500_000) })).min(1),
  stream: z.boolean().default(false),
  conversation_id: uuidParam.nullish(),
  persona_id: uuidParam.nullish(),
  params,
  user_id: z.string().nullish(),
});
type ChatBody = z.infer<typeof chatBody>;

const chatInput = (b: ChatBody, conversationId?: string) => ({
  provider: b.provider,
  settingsId: b.settings_id,
  serverId: b.server_id,
  model: b.model,
  messages: b.messages,
  conversationId: conversationId ?? b.conversation_id,
  personaId: b.persona_id,
  params: b.params,
  userId: b.user_id,
});

/** The SSE `[DONE]` sentinel is a bare string, not JSON (what OpenAI-style clients look for). */
const DONE = { data: '[DONE]' };

export const aiProviderRows = {
  providers: built({ operation: AiProvidersDocument, response: (d) => ({ providers: d.aiProviders.map((p) => p.id), details: d.aiProviders.map((p) => ({ id: p.id, name: p.name, aliases: p.aliases, needs_api_key: p.needsApiKey })) }) }),
  models: built({
    operation: ProviderModelsDocument,
    query: z.object({ provider: z.string().min(1).max(50), settings_id: z.string().max(200).optional(), server_id: z.string().max(200).optional() }),
    variables: ({ query: q }) => ({ provider: q.provider, settingsId: q.settings_id, serverId: q.server_id }),
    response: (d, r) => ({
      models: d.providerModels.map((m) => ({ id: m.id, name: m.name, provider: m.provider })),
      provider: r.query.provider,
      settings_id: r.query.settings_id ?? null,
      server_id: r.query.server_id ?? null,
    }),
  }),
  generate: built({
    operation: GenerateTextDocument,
    body: z.object({
      provider: z.string().min(1).max(50).nullish(),
      settings_id: z.string().max(200).nullish(),
      server_id: z.string().max(200).nullish(),
      model: z.string().min(1).max(200).nullish(),
      prompt: z.string().min(1).max(500_000),
      params,
      // Accepted for compatibility; the answer is always whole.
      stream: z.boolean().optional(),
    }),
    variables: ({ body: b }) => ({ prompt: b.prompt, provider: b.provider, model: b.model, settingsId: b.settings_id, serverId: b.server_id, params: b.params }),
    response: ({ generateText: g }) => ({ text: g.text, provider: g.provider, model: g.model, usage: g.usage, choices: [{ text: g.text, index: 0 }] }),
  }),
  /**
   * Chat: whole (`{text, choices, conversation_id}`) or, with `stream: true`, SSE exactly as the real clients read it
   * (as-built): a `{type:"conversation"}` frame, content frames with `text` and `choices[0].delta.content`, errors as
   * `{error:true, message}` frames, then `data: [DONE]`.
   */
  chat: built({
    operation: ChatCompletionDocument,
    body: chatBody,
    variables: ({ body }) => ({ input: chatInput(body), stream: body.stream }),
    response: ({ chatCompletion: c }) => ({
      text: c.reply?.text ?? '',
      choices: [{ index: 0, message: { role: 'assistant', content: c.reply?.text ?? '' }, finish_reason: 'stop' }],
      conversation_id: c.conversationId,
      message: c.reply ? messageBody(c.reply.message) : null,
      usage: c.reply?.usage ?? null,
    }),
    sse: {
      when: (r: RestRequest) => r.body.stream === true,
      subscription: ChatStreamDocument,
      open: (d: ChatCompletionMutation) => ({ frames: [{ data: { type: 'conversation', conversation_id: d.chatCompletion.conversationId } }], done: false }),
      variables: (d: ChatCompletionMutation, r: RestRequest) => ({ input: chatInput(r.body as ChatBody, d.chatCompletion.conversationId) }),
      event: ({ chatStream: c }: ChatStreamSubscription) => {
        if (!c.done) {
          return { frames: [{ data: { text: c.delta, choices: [{ index: 0, delta: { content: c.delta } }], conversation_id: c.conversationId } }], done: false };
        }
        if (c.error) return { frames: [{ data: { error: true, message: c.error, conversation_id: c.conversationId } }, DONE], done: true };
        // No extra frame before [DONE]: real clients treat every other frame as content.
        return { frames: [DONE], done: true };
      },
    },
  }),
  cancel: built({
    operation: CancelGenerationDocument,
    body: z.object({ conversation_id: uuidParam }),
    variables: ({ body }) => ({ conversationId: body.conversation_id }),
    response: (_d, r) => ({ status: 'cancelled', conversation_id: r.body.conversation_id }),
  }),
  validate: built({
    operation: ValidateProviderDocument,
    body: z.object({
      provider: z.string().min(1).max(50),
      config: z.object({ server_url: z.url({ protocol: /^https?$/ }).nullish(), api_key: z.string().max(500).nullish() }).default({}),
    }),
    variables: ({ body }) => ({ provider: body.provider, serverUrl: body.config.server_url, apiKey: body.config.api_key }),
    response: ({ validateProvider: v }, r) => ({ valid: v.valid, provider: r.body.provider, message: v.message, models: v.models.map((m) => ({ id: m.id, name: m.name })) }),
  }),
  allModels: built({
    operation: AllModelsDocument,
    response: (d) => ({ models: d.allModels.map((m) => ({ id: m.id, name: m.name, provider: m.provider })) }),
  }),
};

/** BrainDrive's Provider Settings: views of workspace's provider-key settings (DESIGN §2), through its operations. */
export const providerSettingsRows = {
  list: built({ operation: ProviderKeysDocument, response: (d) => d.providerKeys.map(providerSettingBody) }),
  set: built({
    operation: SetProviderKeyDocument,
    // The reference gives no body; this is the smallest one that names a provider and its key.
    body: z.object({ provider: z.string().min(1).max(50), api_key: z.string().min(1).max(500) }),
    variables: ({ body }) => ({ provider: body.provider, apiKey: body.api_key }),
    response: (d) => providerSettingBody(d.setProviderKey),
  }),
  delete: built({
    operation: DeleteSettingInstanceDocument,
    params: z.object({ provider: z.string().min(1).max(50), instance_id: uuidParam }),
    variables: ({ params: p }) => ({ id: p.instance_id }),
    response: (_d, r) => ({ message: 'Provider settings deleted', provider: r.params.provider, instance_id: r.params.instance_id }),
  }),
  servers: built({
    operation: ProviderServersDocument,
    params: z.object({ settings_id: z.string().min(1).max(200) }),
    variables: ({ params: p }) => ({ settingsId: p.settings_id }),
    response: (d, r) => ({
      settings_id: r.params.settings_id,
      servers: d.providerServers.map((s) => ({ id: s.id, serverName: s.serverName, serverAddress: s.serverAddress, _has_key: s.hasKey })),
    }),
  }),
};
