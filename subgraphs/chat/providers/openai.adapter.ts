import OpenAI from 'openai';
import type { ChatEvent, ChatOptions, ChatTurn, ProviderAdapter } from './provider.types.js';
import { GenerationCancelled, upstreamError } from './upstream-errors.js';

/** OpenAI and every provider speaking its protocol (openrouter, groq, x-ai, mistral), by base URL. */
export class OpenAiCompatibleAdapter implements ProviderAdapter {
  constructor(readonly provider: string, private readonly baseURL: string, private readonly apiKey: string, readonly server: string = baseURL) {}

  // Retries would hide an unreachable server behind long waits; the user retries.
  private client() {
    return new OpenAI({ apiKey: this.apiKey, baseURL: this.baseURL, maxRetries: 0, timeout: 120_000 });
  }

  async *chat(turns: ChatTurn[], o: ChatOptions, signal: AbortSignal): AsyncIterable<ChatEvent> {
    try {
      const stream = await this.client().chat.completions.create(
        {
          model: o.model,
          messages: turns,
          stream: true,
          stream_options: { include_usage: true },
          temperature: o.temperature,
          max_tokens: o.maxTokens,
          top_p: o.topP,
        },
        { signal },
      );
      for await (const chunk of stream) {
        const delta = chunk.choices?.[0]?.delta?.content;
        if (delta) yield { delta };
        if (chunk.usage) yield { usage: { promptTokens: chunk.usage.prompt_tokens, completionTokens: chunk.usage.completion_tokens } };
      }
      // The SDK's stream ends quietly when aborted; a cut-short answer must not pass for a whole one.
      if (signal.aborted) throw new GenerationCancelled();
    } catch (e) {
      throw upstreamError(this.provider, this.server, e, signal);
    }
  }

  async listModels(signal: AbortSignal) {
    try {
      const page = await this.client().models.list({ signal });
      return page.data.map((m) => ({ id: m.id, name: m.id }));
    } catch (e) {
      throw upstreamError(this.provider, this.server, e, signal);
    }
  }
}
