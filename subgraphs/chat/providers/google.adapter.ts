import { GoogleGenAI } from '@google/genai';
import type { ChatEvent, ChatOptions, ChatTurn, ProviderAdapter } from './provider.types.js';
import { GenerationCancelled, upstreamError } from './upstream-errors.js';

/** Google's Gemini API through its SDK: system prompts go in `systemInstruction`, the assistant's role is `model`. */
export class GoogleAdapter implements ProviderAdapter {
  readonly provider = 'google';

  constructor(private readonly baseUrl: string, private readonly apiKey: string, readonly server: string = baseUrl) {}

  private client() {
    return new GoogleGenAI({ apiKey: this.apiKey, httpOptions: { baseUrl: this.baseUrl } });
  }

  async *chat(turns: ChatTurn[], o: ChatOptions, signal: AbortSignal): AsyncIterable<ChatEvent> {
    const system = turns.filter((t) => t.role === 'system').map((t) => t.content).join('\n\n');
    const contents = turns
      .filter((t) => t.role !== 'system')
      .map((t) => ({ role: t.role === 'assistant' ? 'model' : 'user', parts: [{ text: t.content }] }));
    try {
      const stream = await this.client().models.generateContentStream({
        model: o.model,
        contents,
        config: {
          ...(system ? { systemInstruction: system } : {}),
          temperature: o.temperature,
          topP: o.topP,
          maxOutputTokens: o.maxTokens,
          abortSignal: signal,
        },
      });
      let usage: { promptTokens?: number; completionTokens?: number } | undefined;
      for await (const chunk of stream) {
        const text = chunk.text;
        if (text) yield { delta: text };
        if (chunk.usageMetadata) usage = { promptTokens: chunk.usageMetadata.promptTokenCount, completionTokens: chunk.usageMetadata.candidatesTokenCount };
      }
      if (signal.aborted) throw new GenerationCancelled();
      if (usage) yield { usage };
    } catch (e) {
      throw upstreamError(this.provider, this.server, e, signal);
    }
  }

  async listModels(signal: AbortSignal) {
    try {
      const pager = await this.client().models.list({ config: { abortSignal: signal } });
      const out: { id: string; name: string }[] = [];
      for await (const m of pager) if (m.name) out.push({ id: m.name.replace(/^models\//, ''), name: m.displayName ?? m.name });
      return out;
    } catch (e) {
      throw upstreamError(this.provider, this.server, e, signal);
    }
  }
}
