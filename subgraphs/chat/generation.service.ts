import { requireAuth } from '../common/context.js';
import { BadUserInputError, UpstreamUnavailableError } from '../common/errors.js';
import type { SubgraphContext } from '../common/subgraph.types.js';
import type { ChatInput } from './chat.inputs.js';
import type { ChatLoaders } from './chat.loaders.js';
import type { ChatChunk, ChatReply, GeneratedText } from './chat.types.js';
import { ChatTopic, type ChatCancelPayload } from './chat.topics.js';
import { Conversation } from './conversation.entity.js';
import { actingUser } from './chat.access.js';
import { ConversationService } from './conversation.service.js';
import { Message } from './message.entity.js';
import { canonicalProvider, resolveProvider } from './providers/provider-resolver.js';
import type { ChatOptions, ChatTurn, ProviderAdapter, Usage } from './providers/provider.types.js';
import { GenerationCancelled } from './providers/upstream-errors.js';

type Ctx = SubgraphContext<ChatLoaders>;

const ROLES = new Set(['system', 'user', 'assistant']);
/** The abort reason when the subscriber went away (rather than a cancel request). */
const CLIENT_GONE = 'client_disconnected';
const TITLE_LENGTH = 60;

/** A prepared turn: where it goes, what is sent, and the conversation it belongs to. */
interface Prepared {
  conversation: Conversation;
  adapter: ProviderAdapter;
  turns: ChatTurn[];
  options: ChatOptions;
  userText: string | null;
  /** When the user's message was saved: the answer must sort after it, even within the same millisecond. */
  userAt: number;
}

/** Sampling parameters from BrainDrive's `params` (temperature, max_tokens, top_p), checked. */
function samplingOf(params: Record<string, unknown> | null | undefined, persona: Record<string, unknown> | undefined) {
  const merged = { ...persona, ...params };
  const num = (k: string, min: number, max: number) => {
    const v = merged[k];
    if (v == null) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) throw new BadUserInputError(`params.${k} must be a number in ${min}..${max}`, k);
    return v;
  };
  return { temperature: num('temperature', 0, 2), maxTokens: num('max_tokens', 1, 1_000_000), topP: num('top_p', 0, 1) };
}

/**
 * Chat generation: prepares a turn (conversation, persona prompt first, history), streams it from the provider,
 * persists the user's message before and the model's when it finishes (a partial answer, marked, when cancelled).
 */
export class GenerationService {
  constructor(private readonly ctx: Ctx) {}

  /**
   * Finds or creates the conversation and resolves the provider, so that bad input and missing configuration
   * answer before any streaming starts.
   */
  async start(input: ChatInput): Promise<Conversation> {
    return (await this.prepare(input, false)).conversation;
  }

  async prepare(input: ChatInput, persistUser = true): Promise<Prepared> {
    const conversations = new ConversationService(this.ctx);
    // Real clients send a `user_id`; one that is not the caller's is acting for someone else (403).
    actingUser(this.ctx, input.userId);
    if (!input.messages.length) throw new BadUserInputError('messages must not be empty', 'messages');
    for (const m of input.messages) if (!ROLES.has(m.role)) throw new BadUserInputError('message role must be system, user or assistant', 'messages');
    canonicalProvider(input.provider, this.ctx.deps.env.defaultAiProvider);
    const model = input.model ?? this.ctx.deps.env.defaultAiModel;
    if (!model) throw new BadUserInputError('model is required (no default model is configured)', 'model');

    // Configuration errors (unknown server, no key, refused host) answer before anything is written.
    const adapter = await resolveProvider(this.ctx, input);
    const lastUser = [...input.messages].reverse().find((m) => m.role === 'user');
    let conversation: Conversation;
    let history: Message[] = [];
    if (input.conversationId) {
      conversation = await conversations.get(input.conversationId);
      history = await conversations.messages(conversation.id);
    } else {
      conversation = await conversations.create({
        userId: input.userId,
        title: lastUser?.content.slice(0, TITLE_LENGTH) ?? null,
        model,
        server: input.serverId ?? null,
        personaId: input.personaId ?? null,
      });
    }
    const personaId = input.personaId ?? conversation.personaId;
    const persona = personaId ? await conversations.persona(personaId) : null;

    // Clients either resend the whole conversation or only the new turn; in the latter case the stored history
    // stands in for what they left out.
    const sent = input.messages.map((m) => ({ role: m.role as ChatTurn['role'], content: m.content }));
    const onlyNewTurn = sent.filter((m) => m.role !== 'system').length === 1;
    const stored: ChatTurn[] = onlyNewTurn
      ? history.map((m) => ({ role: m.sender === 'llm' ? 'assistant' : m.sender, content: m.message }))
      : [];
    const turns: ChatTurn[] = [
      ...(persona?.systemPrompt ? [{ role: 'system' as const, content: persona.systemPrompt }] : []),
      ...sent.filter((m) => m.role === 'system'),
      ...stored.filter((m) => m.role !== 'system'),
      ...sent.filter((m) => m.role !== 'system'),
    ];
    const options: ChatOptions = { model, ...samplingOf(input.params, persona?.modelSettings) };

    let userAt = 0;
    if (persistUser && lastUser) userAt = (await this.save(conversation, 'user', lastUser.content, null)).createdAt.getTime();
    return { conversation, adapter, turns, options, userText: lastUser?.content ?? null, userAt };
  }

  /**
   * The stream for a subscription. A generator's `return()` waits for its pending `next()`, which waits for the
   * provider's next token — possibly forever — so a consumer going away must abort upstream first, from outside.
   */
  subscribe(input: ChatInput): AsyncGenerator<ChatChunk> {
    const abort = new AbortController();
    const gen = this.stream(input, abort);
    const stop = () => abort.abort(CLIENT_GONE);
    return {
      next: (...args: [] | [unknown]) => gen.next(...args),
      return: (value?: unknown) => (stop(), gen.return(value as never)),
      throw: (error?: unknown) => (stop(), gen.throw(error)),
      [Symbol.asyncIterator]() {
        return this;
      },
    } as AsyncGenerator<ChatChunk>;
  }

  /** Streams a turn: one chunk per delta, then a final chunk with the saved message (or the error). */
  async *stream(input: ChatInput, abort = new AbortController()): AsyncGenerator<ChatChunk> {
    const { userId } = requireAuth(this.ctx);
    const p = await this.prepare(input);
    const conversationId = p.conversation.id;
    // Cancels arrive on the shared pub/sub, so a cancel sent to any replica reaches the one streaming.
    const cancels = this.ctx.deps.pubsub.subscribe(ChatTopic.cancel(conversationId))[Symbol.asyncIterator]();
    void (async () => {
      for (;;) {
        const next = await cancels.next();
        if (next.done) return;
        if ((next.value as ChatCancelPayload).userId === userId) return abort.abort();
      }
    })();
    let text = '';
    let usage: Usage | undefined;
    let saved = false;
    const meta = { provider: p.adapter.provider, model: p.options.model };
    try {
      for await (const event of p.adapter.chat(p.turns, p.options, abort.signal)) {
        if ('delta' in event) {
          text += event.delta;
          yield { conversationId, delta: event.delta, done: false };
        } else usage = event.usage;
      }
      saved = true;
      const message = await this.save(p.conversation, 'llm', text, { ...meta, usage: usage ?? null }, p.userAt);
      yield { conversationId, delta: '', done: true, message };
    } catch (e) {
      if (e instanceof GenerationCancelled) {
        saved = true;
        const reason = abort.signal.reason === CLIENT_GONE ? { reason: 'client_disconnected' } : {};
        const message = text ? await this.save(p.conversation, 'llm', text, { ...meta, cancelled: true, partial: true, ...reason }, p.userAt) : null;
        yield { conversationId, delta: '', done: true, message, cancelled: true };
        return;
      }
      if (!(e instanceof UpstreamUnavailableError)) this.ctx.deps.logger.error({ err: e, conversationId }, 'chat generation failed');
      const error = e instanceof UpstreamUnavailableError ? e.message : 'Generation failed';
      // What arrived before the failure is kept, marked, rather than lost.
      saved = true;
      if (text) await this.save(p.conversation, 'llm', text, { ...meta, partial: true, error }, p.userAt);
      yield { conversationId, delta: '', done: true, error };
    } finally {
      // Stops the upstream request too when the client went away mid-stream; what it had received is kept, marked.
      abort.abort();
      await cancels.return?.();
      if (!saved && text) await this.save(p.conversation, 'llm', text, { ...meta, cancelled: true, partial: true, reason: 'client_disconnected' }, p.userAt);
    }
  }

  /** The non-streaming turn: the whole answer, saved, or UPSTREAM_UNAVAILABLE (502) naming provider and server. */
  async send(input: ChatInput): Promise<ChatReply> {
    const p = await this.prepare(input);
    const { text, usage } = await this.collect(p.adapter, p.turns, p.options);
    const message = await this.save(p.conversation, 'llm', text, { provider: p.adapter.provider, model: p.options.model, usage: usage ?? null }, p.userAt);
    return { conversationId: p.conversation.id, text, message, usage: usage ? { ...usage } : null };
  }

  /** A one-shot prompt, not saved (BReact's aisummary, BrainDrive's `generate`). */
  async generate(provider: string | null | undefined, model: string | null | undefined, prompt: string, choice: { settingsId?: string | null; serverId?: string | null; params?: Record<string, unknown> | null } = {}): Promise<GeneratedText> {
    // The platform itself (the internal client) acts for no user; everyone else must be signed in.
    if (!this.ctx.identity.internal) requireAuth(this.ctx);
    const m = model ?? this.ctx.deps.env.defaultAiModel;
    if (!m) throw new UpstreamUnavailableError('No AI model is configured: name one, or set DEFAULT_AI_MODEL', 'not_configured');
    if (!prompt.trim()) throw new BadUserInputError('prompt must not be empty', 'prompt');
    const adapter = await resolveProvider(this.ctx, { provider, ...choice });
    const options = { model: m, ...samplingOf(choice.params, undefined) };
    const { text, usage } = await this.collect(adapter, [{ role: 'user', content: prompt }], options);
    return { text, provider: adapter.provider, model: m, usage: usage ? { ...usage } : null };
  }

  /** Asks whichever process streams the conversation to stop. */
  async cancel(conversationId: string): Promise<boolean> {
    const { userId } = requireAuth(this.ctx);
    const conversation = await new ConversationService(this.ctx).get(conversationId);
    const payload: ChatCancelPayload = { conversationId: conversation.id, userId };
    this.ctx.deps.pubsub.publish(ChatTopic.cancel(conversation.id), payload);
    return true;
  }

  private async collect(adapter: ProviderAdapter, turns: ChatTurn[], options: ChatOptions) {
    const abort = new AbortController();
    let text = '';
    let usage: Usage | undefined;
    for await (const event of adapter.chat(turns, options, abort.signal)) {
      if ('delta' in event) text += event.delta;
      else usage = event.usage;
    }
    return { text, usage };
  }

  /** Saved through a fork: a subscription's context outlives many writes. */
  private async save(conversation: Conversation, sender: 'user' | 'llm', text: string, metadata: Record<string, unknown> | null, after = 0): Promise<Message> {
    const em = this.ctx.em.fork();
    const createdAt = new Date(Math.max(Date.now(), after + 1));
    const message = em.create(Message, { conversationId: conversation.id, sender, message: text, messageMetadata: metadata, createdAt });
    await em.flush();
    await em.nativeUpdate(Conversation, { id: conversation.id }, { updatedAt: new Date() });
    return message;
  }
}
