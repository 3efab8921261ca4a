/**
 * The AI providers whose API keys users keep in settings (DESIGN §2: provider keys live in settings instances,
 * `<provider>_api_keys_settings`). StudioBrain's `/api/settings/keys/{provider}` and the internal `providerCredentials`
 * accept a provider's name or any of its aliases:
 *
 * | provider   | aliases          | definition                     |
 * | ---------- | ---------------- | ------------------------------ |
 * | openai     |                  | openai_api_keys_settings       |
 * | anthropic  | claude           | claude_api_keys_settings       |
 * | openrouter |                  | openrouter_api_keys_settings   |
 * | groq       |                  | groq_api_keys_settings         |
 * | google     | gemini           | google_api_keys_settings       |
 * | x-ai       | xai, grok        | xai_api_keys_settings          |
 * | mistral    | mistralai        | mistral_api_keys_settings      |
 *
 * Ollama keeps a server list (`ollama_servers_settings`), each server with an optional key; it has no single key, so
 * `/api/settings/keys` does not list it, but `providerCredentials` answers its servers.
 */
export interface ProviderSpec {
  provider: string;
  aliases: string[];
  definitionId: string;
  /** What a well-formed key starts with (BrainDrive reports `_key_valid` from it). */
  keyPrefix?: string;
  keyMinLength?: number;
  /** Characters of the key shown before `...` when masked. @default 7 */
  showFirst?: number;
}

export const API_KEY_PROVIDERS: readonly ProviderSpec[] = [
  { provider: 'openai', aliases: [], definitionId: 'openai_api_keys_settings', keyPrefix: 'sk-', keyMinLength: 23 },
  { provider: 'anthropic', aliases: ['claude'], definitionId: 'claude_api_keys_settings', keyPrefix: 'sk-ant-', keyMinLength: 26 },
  { provider: 'openrouter', aliases: [], definitionId: 'openrouter_api_keys_settings', keyPrefix: 'sk-or-', keyMinLength: 26 },
  { provider: 'groq', aliases: [], definitionId: 'groq_api_keys_settings', keyPrefix: 'gsk_', keyMinLength: 24, showFirst: 4 },
  { provider: 'google', aliases: ['gemini'], definitionId: 'google_api_keys_settings' },
  { provider: 'x-ai', aliases: ['xai', 'grok'], definitionId: 'xai_api_keys_settings' },
  { provider: 'mistral', aliases: ['mistralai'], definitionId: 'mistral_api_keys_settings' },
];

export const OLLAMA = { provider: 'ollama', definitionId: 'ollama_servers_settings' } as const;

/** The provider a name or alias stands for (case-insensitive), or undefined. */
export function providerByName(name: string): ProviderSpec | undefined {
  const n = name.trim().toLowerCase();
  return API_KEY_PROVIDERS.find((p) => p.provider === n || p.aliases.includes(n));
}

/** The provider whose keys a definition holds, if any. */
export function providerByDefinition(definitionId: string): ProviderSpec | undefined {
  return API_KEY_PROVIDERS.find((p) => p.definitionId === definitionId);
}
