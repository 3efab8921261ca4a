import { Ollama } from 'ollama';
import type { ChatEvent, ChatOptions, ChatTurn, ProviderAdapter } from './provider.types.js';
import { GenerationCancelled, upstreamError } from './upstream-errors.js';

/** Ollama through its SDK; a server's API key (for a proxied Ollama) travels as a Bearer header. */
export class OllamaAdapter implements ProviderAdapter {
  readonly provider = 'ollama';

  constructor(private readonly host: string, readonly server: string, private readonly apiKey: string | null) {}

  /** One client per call: `Ollama.abort()` aborts every request of a client, so sharing one would cross callers. */
  private client(): Ollama {
    return new Ollama({ host: this.host, headers: this.apiKey ? { Authorization: `Bearer ${this.apiKey}` } : undefined });
  }

  async *chat(turns: ChatTurn[], o: ChatOptions, signal: AbortSignal): AsyncIterable<ChatEvent> {
    const client = this.client();
    const onAbort = () => client.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      const stream = await client.chat({
        model: o.model,
        messages: turns,
        stream: true,
        options: { temperature: o.temperature, num_predict: o.maxTokens, top_p: o.topP },
      });
      for await (const part of stream) {
        if (part.message?.content) yield { delta: part.message.content };
        if (part.done) yield { usage: { promptTokens: part.prompt_eval_count, completionTokens: part.eval_count } };
      }
      // The SDK's stream ends quietly when aborted; a cut-short answer must not pass for a whole one.
      if (signal.aborted) throw new GenerationCancelled();
    } catch (e) {
      throw upstreamError(this.provider, this.server, e, signal);
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  async listModels(signal: AbortSignal) {
    const client = this.client();
    signal.addEventListener('abort', () => client.abort(), { once: true });
    try {
      const { models } = await client.list();
      return models.map((m) => ({ id: m.name, name: m.name }));
    } catch (e) {
      throw upstreamError(this.provider, this.server, e, signal);
    }
  }

  /** The server's version: the cheapest call that proves it is there and speaks Ollama. */
  async version(signal: AbortSignal): Promise<string> {
    const client = this.client();
    signal.addEventListener('abort', () => client.abort(), { once: true });
    try {
      return (await client.version()).version;
    } catch (e) {
      throw upstreamError(this.provider, this.server, e, signal);
    }
  }

  /**
   * Pulls a model, reporting Ollama's own progress (`status`, `completed`/`total` bytes per layer). Cancelling
   * aborts the pull on the server's side too: the SDK's abort closes the stream.
   */
  async pull(model: string, signal: AbortSignal, onProgress: (status: string, percent: number | null) => Promise<void>): Promise<void> {
    const client = this.client();
    const onAbort = () => client.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      const stream = await client.pull({ model, stream: true });
      for await (const part of stream) {
        const percent = part.total ? Math.floor(((part.completed ?? 0) / part.total) * 100) : null;
        await onProgress(part.status, percent);
      }
      if (signal.aborted) throw new GenerationCancelled();
    } catch (e) {
      throw upstreamError(this.provider, this.server, e, signal);
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  async deleteModel(name: string): Promise<void> {
    try {
      await this.client().delete({ model: name });
    } catch (e) {
      throw upstreamError(this.provider, this.server, e);
    }
  }
}
