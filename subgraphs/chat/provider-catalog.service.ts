import { requireAuth } from '../common/context.js';
import { DomainError, ErrorCode } from '../common/errors.js';
import type { SubgraphContext } from '../common/subgraph.types.js';
import { ProviderCredentialsDocument } from '../../schema/generated/internal-operations.js';
import type { ModelInfo, ProviderServerInfo, ProviderValidation } from './chat.types.js';
import { adapterForConfig, PROVIDER_CATALOGUE, resolveProvider, type ProviderChoice } from './providers/provider-resolver.js';

/** How long a model listing may take before we give up on that server. */
const LIST_TIMEOUT_MS = 15_000;

/** What providers and servers a caller can use, and their models. */
export class ProviderCatalogService {
  constructor(private readonly ctx: SubgraphContext) {}

  async models(choice: ProviderChoice): Promise<ModelInfo[]> {
    const adapter = await resolveProvider(this.ctx, choice);
    const models = await adapter.listModels(AbortSignal.timeout(LIST_TIMEOUT_MS));
    return models.map((m) => ({ ...m, provider: adapter.provider }));
  }

  /** Every configured provider's models; one that is not configured or not reachable is skipped, not an error. */
  async allModels(): Promise<ModelInfo[]> {
    requireAuth(this.ctx);
    const lists = await Promise.all(
      PROVIDER_CATALOGUE.map(async (p) => {
        try {
          return await this.models({ provider: p.id });
        } catch (e) {
          if (e instanceof DomainError && [ErrorCode.UpstreamUnavailable, ErrorCode.NotFound, ErrorCode.BadUserInput].includes(e.extensions.code as ErrorCode)) return [];
          throw e;
        }
      }),
    );
    return lists.flat();
  }

  async servers(settingsId: string): Promise<ProviderServerInfo[]> {
    const { userId } = requireAuth(this.ctx);
    const { providerCredentials } = await this.ctx.deps.internal.request('workspace', ProviderCredentialsDocument, { userId, provider: 'ollama', settingsId });
    return providerCredentials.servers.map((s) => ({ id: s.id, serverName: s.serverName, serverAddress: s.serverAddress, hasKey: s.apiKey != null }));
  }

  /** A configuration that cannot be reached is an answer (`valid: false`), not an error. */
  async validate(provider: string, serverUrl: string | null, apiKey: string | null): Promise<ProviderValidation> {
    const adapter = await adapterForConfig(this.ctx, provider, serverUrl, apiKey);
    try {
      const models = await adapter.listModels(AbortSignal.timeout(LIST_TIMEOUT_MS));
      return { valid: true, message: `${adapter.provider} answered with ${models.length} models`, models: models.map((m) => ({ ...m, provider: adapter.provider })) };
    } catch (e) {
      if (e instanceof DomainError && e.extensions.code === ErrorCode.UpstreamUnavailable) return { valid: false, message: e.message, models: [] };
      throw e;
    }
  }
}
