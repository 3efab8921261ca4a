import Anthropic from '@anthropic-ai/sdk';
import type { ChatEvent, ChatOptions, ChatTurn, ProviderAdapter } from './provider.types.js';
import { GenerationCancelled, upstreamError } from './upstream-errors.js';

/** Anthropic's Messages API needs a token cap; this is what we ask for when the caller set none. */
const DEFAULT_MAX_TOKENS = 1024;

/** Anthropic (BrainDrive calls it `claude`): system prompts go in `system`, not among the messages. */
export class AnthropicAdapter implements ProviderAdapter {
  readonly provider = 'anthropic';

  constructor(private readonly baseURL: string, private readonly apiKey: string, readonly server: string = baseURL) {}

  private client() {
    return new Anthropic({ apiKey: this.apiKey, baseURL: this.baseURL, maxRetries: 0, timeout: 120_000 });
  }

  async *chat(turns: ChatTurn[], o: ChatOptions, signal: AbortSignal): AsyncIterable<ChatEvent> {
    const system = turns.filter((t) => t.role === 'system').map((t) => t.content).join('\n\n');
    const messages = turns.filter((t) => t.role !== 'system').map((t) => ({ role: t.role as 'user' | 'assistant', content: t.content }));
    try {
      // This SDK's types no longer list the sampling fields, but the API still takes them; the SDK sends the body as is.
      const sampling = { ...(o.temperature != null ? { temperature: o.temperature } : {}), ...(o.topP != null ? { top_p: o.topP } : {}) };
      const params = {
        model: o.model,
        max_tokens: o.maxTokens ?? DEFAULT_MAX_TOKENS,
        ...(system ? { system } : {}),
        messages,
        stream: true as const,
        ...sampling,
      } as Anthropic.MessageCreateParamsStreaming;
      const stream = await this.client().messages.create(params, { signal });
      let promptTokens: number | undefined;
      for await (const event of stream) {
        if (event.type === 'message_start') promptTokens = event.message.usage?.input_tokens;
        else if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') yield { delta: event.delta.text };
        else if (event.type === 'message_delta') yield { usage: { promptTokens, completionTokens: event.usage?.output_tokens } };
      }
      // The SDK's stream ends quietly when aborted; a cut-short answer must not pass for a whole one.
      if (signal.aborted) throw new GenerationCancelled();
    } catch (e) {
      throw upstreamError(this.provider, this.server, e, signal);
    }
  }

  async listModels(signal: AbortSignal) {
    try {
      const page = await this.client().models.list({}, { signal });
      return page.data.map((m) => ({ id: m.id, name: m.display_name ?? m.id }));
    } catch (e) {
      throw upstreamError(this.provider, this.server, e, signal);
    }
  }
}
