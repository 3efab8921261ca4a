import { BadUserInputError } from '../common/errors.js';
import type { SubgraphContext } from '../common/subgraph.types.js';
import type { ModelInfo } from './chat.types.js';
import { OllamaAdapter } from './providers/ollama.adapter.js';
import { adapterForConfig, resolveProvider } from './providers/provider-resolver.js';

const TIMEOUT_MS = 15_000;

export interface OllamaTarget {
  serverUrl?: string | null;
  settingsId?: string | null;
  serverId?: string | null;
}

/** BrainDrive's direct Ollama management: a `server_url` the caller typed, or a server from their settings. */
export class OllamaService {
  constructor(private readonly ctx: SubgraphContext) {}

  private async adapter(t: OllamaTarget): Promise<OllamaAdapter> {
    const adapter = t.serverUrl
      ? await adapterForConfig(this.ctx, 'ollama', t.serverUrl, null)
      : await resolveProvider(this.ctx, { provider: 'ollama', settingsId: t.settingsId, serverId: t.serverId });
    if (!(adapter instanceof OllamaAdapter)) throw new BadUserInputError('Not an Ollama server');
    return adapter;
  }

  async test(t: OllamaTarget): Promise<{ version: string; server: string }> {
    const adapter = await this.adapter(t);
    return { version: await adapter.version(AbortSignal.timeout(TIMEOUT_MS)), server: adapter.server };
  }

  async models(t: OllamaTarget): Promise<ModelInfo[]> {
    const adapter = await this.adapter(t);
    return (await adapter.listModels(AbortSignal.timeout(TIMEOUT_MS))).map((m) => ({ ...m, provider: 'ollama' }));
  }

  async deleteModel(name: string, t: OllamaTarget): Promise<boolean> {
    if (!name.trim()) throw new BadUserInputError('name is required', 'name');
    await (await this.adapter(t)).deleteModel(name);
    return true;
  }
}
