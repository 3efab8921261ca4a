import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { requireAuth } from '../../common/context.js';
import { BadUserInputError, UpstreamUnavailableError } from '../../common/errors.js';
import { AddressPolicy } from '../../common/net/address-policy.js';
import type { Env } from '../../common/env.js';
import type { SubgraphContext } from '../../common/subgraph.types.js';
import { ProviderCredentialsDocument, type ProviderCredentialsQuery } from '../../../schema/generated/internal-operations.js';
import { AnthropicAdapter } from './anthropic.adapter.js';
import { GoogleAdapter } from './google.adapter.js';
import { OllamaAdapter } from './ollama.adapter.js';
import { OpenAiCompatibleAdapter } from './openai.adapter.js';
import type { ProviderAdapter } from './provider.types.js';

/** Provider names and aliases clients send → our canonical name (BrainDrive says `claude`, Brain Garden `anthropic`). */
const ALIASES: Record<string, string> = {
  ollama: 'ollama',
  openai: 'openai',
  openrouter: 'openrouter',
  groq: 'groq',
  'x-ai': 'x-ai',
  xai: 'x-ai',
  grok: 'x-ai',
  mistral: 'mistral',
  mistralai: 'mistral',
  claude: 'anthropic',
  anthropic: 'anthropic',
  google: 'google',
  gemini: 'google',
};

/** OpenAI-protocol providers without an env override: their public endpoints. */
const FIXED_BASE_URLS: Record<string, string> = {
  groq: 'https://api.groq.com/openai/v1',
  'x-ai': 'https://api.x.ai/v1',
  mistral: 'https://api.mistral.ai/v1',
};

/** What `GET /ai/providers/providers` lists. */
export const PROVIDER_CATALOGUE = [
  { id: 'ollama', name: 'Ollama', aliases: [], needsApiKey: false },
  { id: 'openai', name: 'OpenAI', aliases: [], needsApiKey: true },
  { id: 'anthropic', name: 'Anthropic', aliases: ['claude'], needsApiKey: true },
  { id: 'openrouter', name: 'OpenRouter', aliases: [], needsApiKey: true },
  { id: 'groq', name: 'Groq', aliases: [], needsApiKey: true },
  { id: 'x-ai', name: 'xAI', aliases: ['xai', 'grok'], needsApiKey: true },
  { id: 'mistral', name: 'Mistral', aliases: ['mistralai'], needsApiKey: true },
  { id: 'google', name: 'Google', aliases: ['gemini'], needsApiKey: true },
] as const;

export function canonicalProvider(name: string | null | undefined, fallback?: string): string {
  const raw = (name ?? fallback ?? '').trim().toLowerCase();
  if (!raw) throw new BadUserInputError('provider is required (no default provider is configured)', 'provider');
  const p = ALIASES[raw];
  if (!p) throw new BadUserInputError(`Unknown provider "${name}"; use one of ${Object.keys(ALIASES).join(', ')}`, 'provider');
  return p;
}

export interface ProviderChoice {
  provider?: string | null;
  settingsId?: string | null;
  serverId?: string | null;
}

/**
 * The adapter for a caller's request: their stored key or server (workspace's internal operation, DESIGN §2), else
 * the platform's defaults from env. A server the user configured on a private or loopback address must be in
 * PROVIDER_HOST_ALLOWLIST, so a user cannot aim requests at the platform's own database or admin ports.
 */
export async function resolveProvider(ctx: SubgraphContext, choice: ProviderChoice): Promise<ProviderAdapter> {
  const env = ctx.deps.env;
  if (!choice.provider && !env.defaultAiProvider) {
    throw new UpstreamUnavailableError('No AI provider is configured: name one, or set DEFAULT_AI_PROVIDER', 'not_configured');
  }
  const provider = canonicalProvider(choice.provider, env.defaultAiProvider);
  // The platform itself (BReact's aisummary, through the internal client) acts for no user: env defaults only.
  const platformOnly = ctx.identity.internal && !ctx.identity.auth;
  const creds: ProviderCredentialsQuery['providerCredentials'] | null = platformOnly
    ? null
    : (
        await ctx.deps.internal.request('workspace', ProviderCredentialsDocument, {
          userId: requireAuth(ctx).userId,
          provider,
          settingsId: choice.settingsId ?? null,
          serverId: choice.serverId ?? null,
        })
      ).providerCredentials;

  if (provider === 'ollama') {
    const server = creds?.server;
    if (server?.serverAddress) {
      await checkUserHost(server.serverAddress, env.providerHostAllowlist);
      const label = `${server.serverName ?? server.id ?? 'server'} (${server.serverAddress})`;
      return new OllamaAdapter(server.serverAddress, label, server.apiKey);
    }
    if (!env.ollamaHost) throw new UpstreamUnavailableError('No Ollama server is configured: add one in ollama_servers_settings', 'not_configured');
    return new OllamaAdapter(env.ollamaHost, `platform Ollama (${env.ollamaHost})`, null);
  }

  const apiKey = creds?.apiKey ?? (provider === 'openrouter' ? env.openrouterApiKey : undefined);
  if (!apiKey) throw new UpstreamUnavailableError(`No API key for ${provider}: add one in its settings`, 'not_configured');
  if (provider === 'anthropic') return new AnthropicAdapter(env.anthropicBaseUrl, apiKey);
  if (provider === 'google') return new GoogleAdapter(env.googleAiBaseUrl, apiKey);
  const baseUrl = provider === 'openai' ? env.openaiBaseUrl : provider === 'openrouter' ? env.openrouterBaseUrl : FIXED_BASE_URLS[provider];
  return new OpenAiCompatibleAdapter(provider, baseUrl, apiKey);
}

/** Refuses a user-configured server whose host resolves to a non-public address that the allowlist does not admit. */
export async function checkUserHost(address: string, allowlist: readonly string[]): Promise<void> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new BadUserInputError(`Server address is not a URL: ${address}`, 'server_id');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new BadUserInputError('Server address must be http or https', 'server_id');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  let ips: string[];
  try {
    ips = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    throw new UpstreamUnavailableError(`ollama server ${address} is unreachable (its host name does not resolve)`);
  }
  const policy = new AddressPolicy(allowlist);
  for (const ip of ips) {
    const refusal = policy.refusal(ip, host, port);
    if (refusal) throw new BadUserInputError(`Server ${address} is not allowed: ${refusal.replace('SSRF_ALLOWLIST', 'PROVIDER_HOST_ALLOWLIST')}`, 'server_id');
  }
}

/**
 * An adapter for a configuration the caller typed in (`POST /ai/providers/validate`), not one they stored: its server
 * passes the same PROVIDER_HOST_ALLOWLIST check.
 */
export async function adapterForConfig(ctx: SubgraphContext, providerName: string, serverUrl: string | null | undefined, apiKey: string | null | undefined): Promise<ProviderAdapter> {
  requireAuth(ctx);
  return adapterFor(ctx.deps.env, providerName, serverUrl, apiKey);
}

/** An adapter from explicit settings; a `serverUrl` is checked against PROVIDER_HOST_ALLOWLIST. */
export async function adapterFor(env: Env, providerName: string, serverUrl: string | null | undefined, apiKey: string | null | undefined): Promise<ProviderAdapter> {
  const provider = canonicalProvider(providerName);
  if (serverUrl) await checkUserHost(serverUrl, env.providerHostAllowlist);
  if (provider === 'ollama') {
    const host = serverUrl ?? env.ollamaHost;
    if (!host) throw new BadUserInputError('config.server_url is required for ollama', 'server_url');
    return new OllamaAdapter(host, host, apiKey ?? null);
  }
  if (!apiKey) throw new BadUserInputError(`config.api_key is required for ${provider}`, 'api_key');
  if (provider === 'anthropic') return new AnthropicAdapter(serverUrl ?? env.anthropicBaseUrl, apiKey);
  if (provider === 'google') return new GoogleAdapter(serverUrl ?? env.googleAiBaseUrl, apiKey);
  const base = serverUrl ?? (provider === 'openai' ? env.openaiBaseUrl : provider === 'openrouter' ? env.openrouterBaseUrl : FIXED_BASE_URLS[provider]);
  return new OpenAiCompatibleAdapter(provider, base, apiKey);
}
