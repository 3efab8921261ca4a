/** One turn sent upstream, in the role names every provider understands. */
export interface ChatTurn {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Sampling options, in our names; each adapter maps them to its provider's. */
export interface ChatOptions {
  model: string;
  temperature?: number;
  maxTokens?: number;
  topP?: number;
}

export interface Usage {
  promptTokens?: number;
  completionTokens?: number;
}

/** What an adapter's stream yields: text as it arrives, and usage once (usually last). */
export type ChatEvent = { delta: string } | { usage: Usage };

/**
 * A provider speaking its own protocol through its official SDK. `chat` streams; callers that want the whole text
 * concatenate the deltas. Aborting `signal` must stop the upstream request, not only our reading of it.
 */
export interface ProviderAdapter {
  /** Canonical provider name (`anthropic` for `claude`). */
  readonly provider: string;
  /** Human-readable server, for error messages: `Local Ollama (http://127.0.0.1:11434)`. */
  readonly server: string;
  chat(turns: ChatTurn[], options: ChatOptions, signal: AbortSignal): AsyncIterable<ChatEvent>;
  listModels(signal: AbortSignal): Promise<{ id: string; name: string }[]>;
}
