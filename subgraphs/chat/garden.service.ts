import { performance } from 'node:perf_hooks';
import { BadUserInputError, NotFoundError, UnauthenticatedError, UpstreamUnavailableError } from '../common/errors.js';
import { normalizeUuid } from '../common/ids.js';
import type { SubgraphContext } from '../common/subgraph.types.js';
import { ProviderCredentialsDocument } from '../../schema/generated/internal-operations.js';
import type { ChatLoaders } from './chat.loaders.js';
import { Conversation } from './conversation.entity.js';
import type { GardenGenerateInput, GardenGeneration, GardenKey, GardenModel, GardenUsage } from './garden.types.js';
import { GenerationUsage } from './generation-usage.entity.js';
import { Message } from './message.entity.js';
import { adapterFor, canonicalProvider, PROVIDER_CATALOGUE } from './providers/provider-resolver.js';
import type { ChatOptions, ChatTurn, ProviderAdapter, Usage } from './providers/provider.types.js';

type Ctx = SubgraphContext<ChatLoaders>;

/** Workspace's provider-key definitions (DESIGN §2) and the provider each holds a key for. */
const KEY_DEFINITIONS: Record<string, string> = {
  openai_api_keys_settings: 'openai',
  claude_api_keys_settings: 'anthropic',
  openrouter_api_keys_settings: 'openrouter',
  groq_api_keys_settings: 'groq',
  google_api_keys_settings: 'google',
  xai_api_keys_settings: 'x-ai',
  mistral_api_keys_settings: 'mistral',
};

/** Brain Garden's BYOK providers (`mistralai` is its name for mistral); google has no adapter yet. */
const BYOK_PROVIDERS = new Set(['openai', 'anthropic', 'google', 'x-ai', 'mistral']);

/**
 * The sliders (0–100) as sampling parameters:
 * - `randomness` → temperature 0.1 … 1.3 (linear);
 * - `speculation` → top_p 0.5 … 1.0 (linear), and how freely the model may go beyond the prompt (instruction);
 * - `ideas` → how many extra ideas the model is asked to add: round(ideas / 20), 0 … 5.
 * Missing sliders count as 50.
 */
export function controlsOf(input: Pick<GardenGenerateInput, 'speculation' | 'randomness' | 'ideas'>) {
  const slider = (v: number | null | undefined, name: string) => {
    if (v == null) return 50;
    if (!Number.isInteger(v) || v < 0 || v > 100) throw new BadUserInputError(`${name} must be an integer 0–100`, name);
    return v;
  };
  const speculation = slider(input.speculation, 'speculation');
  const randomness = slider(input.randomness, 'randomness');
  const ideas = slider(input.ideas, 'ideas');
  return {
    speculation,
    randomness,
    ideas,
    temperature: Math.round((0.1 + (randomness / 100) * 1.2) * 100) / 100,
    top_p: Math.round((0.5 + speculation / 200) * 100) / 100,
    extra_ideas: Math.round(ideas / 20),
  };
}

/** Strips a ```json fence a model may wrap its answer in. */
function unfence(text: string): string {
  const m = /^\s*```(?:json)?\s*\n([\s\S]*?)\n\s*```\s*$/.exec(text);
  return m ? m[1] : text.trim();
}

/** Brain Garden: one generation (optionally refined by a second pass), usage counted, saved as a chat when signed in. */
export class GardenService {
  constructor(private readonly ctx: Ctx) {}

  async generate(input: GardenGenerateInput): Promise<GardenGeneration> {
    const t0 = performance.now();
    const auth = this.ctx.identity.auth;
    if (input.byokApiKey && !input.byokProvider) throw new BadUserInputError('byok_provider is required with a BYOK key', 'byok_provider');
    if (!auth && !input.byokApiKey) throw new UnauthenticatedError('Not authenticated', 'missing_credentials');
    if (!input.prompt.trim()) throw new BadUserInputError('prompt must not be empty', 'prompt');
    const format = input.format ?? 'markdown';
    if (format !== 'markdown' && format !== 'json') throw new BadUserInputError('format must be markdown or json', 'format');
    const controls = controlsOf(input);
    const requested = input.model ?? this.ctx.deps.env.defaultAiModel;
    if (!requested) throw new BadUserInputError('model is required (no default model is configured)', 'model');

    const first = await this.route(requested, input);
    const system = [
      format === 'json' ? 'Answer with one valid JSON document only, no prose around it.' : 'Answer in well-structured Markdown.',
      controls.speculation >= 50 ? 'You may go beyond the prompt with reasoned speculation.' : 'Stay close to what the prompt states.',
      controls.extra_ideas > 0 ? `Add ${controls.extra_ideas} further idea(s) the user did not ask for.` : '',
    ].filter(Boolean).join(' ');
    const options = (model: string): ChatOptions => ({ model, temperature: controls.temperature, topP: controls.top_p });
    const t1 = performance.now();

    const pass1 = await this.collect(first.adapter, [{ role: 'system', content: system }, { role: 'user', content: input.prompt }], options(first.model));
    const t2 = performance.now();

    let text = pass1.text;
    const usage = { input_tokens: pass1.usage?.promptTokens ?? 0, output_tokens: pass1.usage?.completionTokens ?? 0 };
    let secondModel: string | null = null;
    if (input.secondPassModel || input.deltaEnhance) {
      const second = input.secondPassModel ? await this.route(input.secondPassModel, input) : first;
      secondModel = input.secondPassModel ?? requested;
      const instruction = input.deltaEnhance
        ? 'Improve the draft below only where it is weak or incomplete; keep everything else word for word. Return the whole improved text only.'
        : 'Rewrite the draft below into a stronger, clearer version. Return the improved text only.';
      const pass2 = await this.collect(second.adapter, [
        { role: 'system', content: `${system} ${instruction}` },
        { role: 'user', content: `Request:\n${input.prompt}\n\nDraft:\n${pass1.text}` },
      ], options(second.model));
      text = pass2.text;
      usage.input_tokens += pass2.usage?.promptTokens ?? 0;
      usage.output_tokens += pass2.usage?.completionTokens ?? 0;
    }
    const t3 = performance.now();

    if (format === 'json') {
      try {
        text = JSON.stringify(JSON.parse(unfence(text)));
      } catch {
        throw new UpstreamUnavailableError(`${first.adapter.provider} returned invalid JSON for format=json`);
      }
    }
    const headings = format === 'markdown' ? [...text.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => m[1].trim()) : [];
    let chatId: string | null = null;
    let messageId: string | null = null;
    if (auth) {
      const em = this.ctx.em.fork();
      const conversation = em.create(Conversation, { userId: auth.userId, title: input.prompt.slice(0, 60), model: requested, conversationType: 'braingarden' });
      // The entities declare no relations, so the unit of work cannot order the inserts: the conversation goes first.
      await em.flush();
      const asked = em.create(Message, { conversationId: conversation.id, sender: 'user', message: input.prompt });
      // Messages list by time: the answer must sort after the question even when both are made in the same millisecond.
      const answer = em.create(Message, {
        conversationId: conversation.id, sender: 'llm', message: text, messageMetadata: { model: requested, controls, usage }, createdAt: new Date(asked.createdAt.getTime() + 1),
      });
      em.create(GenerationUsage, { userId: auth.userId, provider: first.adapter.provider, model: requested, inputTokens: usage.input_tokens, outputTokens: usage.output_tokens, byok: Boolean(input.byokApiKey) });
      await em.flush();
      chatId = conversation.id;
      messageId = answer.id;
    }
    const t4 = performance.now();
    const ms = (a: number, b: number) => Math.round(b - a);
    const includeRaw = input.includeRaw ?? true;
    return {
      text,
      model: requested,
      usage: { ...usage, total_tokens: usage.input_tokens + usage.output_tokens },
      controls,
      graph: { passes: secondModel ? 2 : 1, second_pass_model: secondModel, delta_enhance: Boolean(input.deltaEnhance), extra_ideas: controls.extra_ideas },
      structure: { format, headings },
      rawOutput: includeRaw
        ? { model: requested, text: pass1.text, ...(input.rawComplete ? { system, prompt: input.prompt, usage: pass1.usage ?? null } : {}) }
        : null,
      timingsMs: { preprocess_and_graph: ms(t0, t1), first_pass: ms(t1, t2), second_pass: ms(t2, t3), postprocess: ms(t3, t4) },
      chatId,
      messageId,
    };
  }

  /** The curated list, or with `byok` the catalogue models of providers the caller stored keys for. */
  async models(byok: boolean): Promise<GardenModel[]> {
    const curated = this.ctx.deps.env.braingardenModels.map((id) => ({ id, provider: id.split('/')[0] }));
    if (!byok) return curated;
    const auth = this.ctx.identity.auth;
    if (!auth) throw new UnauthenticatedError();
    const keyed = await Promise.all(
      PROVIDER_CATALOGUE.filter((p) => p.needsApiKey && p.id !== 'openrouter').map(async (p) => {
        const { providerCredentials } = await this.ctx.deps.internal.request('workspace', ProviderCredentialsDocument, { userId: auth.userId, provider: p.id });
        return providerCredentials.apiKey ? p.id : null;
      }),
    );
    const have = new Set<string>(keyed.filter((p): p is NonNullable<typeof p> => p != null));
    return curated.filter((m) => have.has(canonicalProviderOrNull(m.provider) ?? ''));
  }

  /** Reveals one of the caller's stored provider keys (the settings instance id); anyone else's is "not found". */
  async revealKey(keyId: string): Promise<GardenKey> {
    const auth = this.ctx.identity.auth;
    if (!auth) throw new UnauthenticatedError();
    const id = normalizeUuid(keyId);
    if (!id) throw new NotFoundError('Key not found');
    let creds;
    try {
      // With an instance id the provider only names the kind of lookup; the instance's own definition decides.
      ({ providerCredentials: creds } = await this.ctx.deps.internal.request('workspace', ProviderCredentialsDocument, { userId: auth.userId, provider: 'openai', settingsId: id }));
    } catch (e) {
      if (e instanceof Error && (e as { extensions?: { code?: string } }).extensions?.code === 'NOT_FOUND') throw new NotFoundError('Key not found');
      throw e;
    }
    const provider = KEY_DEFINITIONS[creds.definitionId];
    // A system-wide key is the platform's, not the caller's: only a user's own instance is revealed.
    if (!provider || creds.scope !== 'user' || !creds.apiKey) throw new NotFoundError('Key not found');
    return { id, provider, key: creds.apiKey };
  }

  async usage(): Promise<GardenUsage> {
    const auth = this.ctx.identity.auth;
    if (!auth) throw new UnauthenticatedError();
    const now = new Date();
    const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
    const [row] = await this.ctx.em.getConnection().execute<{ n: string; i: string; o: string }[]>(
      'select count(*) as n, coalesce(sum(input_tokens), 0) as i, coalesce(sum(output_tokens), 0) as o from chat.generation_usage where user_id = ? and created_at >= ? and created_at < ?',
      [auth.userId, start, end],
    );
    const limit = this.ctx.deps.env.braingardenMonthlyGenerations;
    const generations = Number(row.n);
    return {
      plan: this.ctx.deps.env.braingardenPlan,
      period: { start: start.toISOString(), end: end.toISOString() },
      counters: { generations, input_tokens: Number(row.i), output_tokens: Number(row.o) },
      limits: { generations: limit === 0 ? null : limit, remaining: limit === 0 ? null : Math.max(0, limit - generations) },
    };
  }

  /**
   * Where a `provider/model` goes: the request's BYOK key; else the caller's stored key for that provider; else the
   * platform's OpenRouter, which takes the full `provider/model` name.
   */
  private async route(name: string, input: GardenGenerateInput): Promise<{ adapter: ProviderAdapter; model: string }> {
    const env = this.ctx.deps.env;
    const slash = name.indexOf('/');
    const prefix = slash > 0 ? canonicalProviderOrNull(name.slice(0, slash)) : null;
    const bare = slash > 0 ? name.slice(slash + 1) : name;
    if (input.byokApiKey) {
      const provider = canonicalProviderOrNull(input.byokProvider ?? '');
      if (!provider || !BYOK_PROVIDERS.has(provider)) throw new BadUserInputError(`Unsupported byok_provider "${input.byokProvider}"; use openai, anthropic, google, x-ai or mistralai`, 'byok_provider');
      return { adapter: await adapterFor(env, provider, null, input.byokApiKey), model: prefix === provider ? bare : name };
    }
    const auth = this.ctx.identity.auth;
    if (auth && prefix && prefix !== 'ollama') {
      const { providerCredentials } = await this.ctx.deps.internal.request('workspace', ProviderCredentialsDocument, { userId: auth.userId, provider: prefix });
      if (providerCredentials.apiKey) return { adapter: await adapterFor(env, prefix, null, providerCredentials.apiKey), model: bare };
    }
    if (!env.openrouterApiKey) throw new UpstreamUnavailableError('No platform AI key is configured (OPENROUTER_API_KEY) and no provider key applies', 'not_configured');
    return { adapter: await adapterFor(env, 'openrouter', null, env.openrouterApiKey), model: name };
  }

  private async collect(adapter: ProviderAdapter, turns: ChatTurn[], options: ChatOptions) {
    let text = '';
    let usage: Usage | undefined;
    for await (const e of adapter.chat(turns, options, AbortSignal.timeout(120_000))) {
      if ('delta' in e) text += e.delta;
      else usage = e.usage;
    }
    return { text, usage };
  }
}

function canonicalProviderOrNull(name: string): string | null {
  try {
    return canonicalProvider(name);
  } catch {
    return null;
  }
}
