import { requireAuth, requireInternal } from '../common/context.js';
import { BadUserInputError, NotFoundError } from '../common/errors.js';
import { normalizeUuid } from '../common/ids.js';
import type { SubgraphContext } from '../common/subgraph.types.js';
import { SettingDefinition } from './setting-definition.entity.js';
import { SettingInstance } from './setting-instance.entity.js';
import { SettingInstanceService } from './setting-instance.service.js';
import type { ProviderCredentialsArgs } from './settings.inputs.js';
import type { SettingsLoaders } from './settings.loaders.js';
import { API_KEY_PROVIDERS, OLLAMA, providerByName, type ProviderSpec } from './provider-keys.providers.js';
import { KEY_FIELDS, maskKey, openSecrets } from './settings.secrets.js';
import type { ProviderCredentials, ProviderKeyStatus, ProviderServer } from './settings.types.js';

type Ctx = SubgraphContext<SettingsLoaders>;
type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The first non-empty key field of a clear value. */
function keyOf(value: unknown): string | null {
  if (typeof value === 'string') return value || null;
  if (!isObj(value)) return null;
  for (const field of KEY_FIELDS) if (typeof value[field] === 'string' && value[field]) return value[field] as string;
  return null;
}

/**
 * Provider API keys as views of settings instances (DESIGN §2): StudioBrain's `/api/settings/keys` writes the caller's
 * user instance of `<provider>_api_keys_settings`; the chat subgraph reads keys in clear only through the internal
 * `providerCredentials`.
 */
export class ProviderKeysService {
  constructor(private readonly ctx: Ctx) {}

  async list(): Promise<ProviderKeyStatus[]> {
    const { userId } = requireAuth(this.ctx);
    const instances = await this.ctx.em.find(SettingInstance, {
      definitionId: { $in: API_KEY_PROVIDERS.map((p) => p.definitionId) },
      scope: 'user',
      userId,
    });
    return API_KEY_PROVIDERS.map((spec) => this.status(spec, instances.find((i) => i.definitionId === spec.definitionId) ?? null));
  }

  async set(provider: string, apiKey: string): Promise<ProviderKeyStatus> {
    const { userId } = requireAuth(this.ctx);
    const spec = this.spec(provider);
    const key = apiKey.trim();
    if (key.length < 1 || key.length > 500 || /\s/.test(key)) {
      throw new BadUserInputError('api_key must be 1–500 characters without spaces', 'api_key');
    }
    const instances = new SettingInstanceService(this.ctx);
    const stored = await instances.storedValue({ definitionId: spec.definitionId, scope: 'user', userId, pageId: null });
    const definition = await this.ctx.em.findOne(SettingDefinition, { id: spec.definitionId });
    // Keeps whatever else the instance holds (BrainDrive plugins store more than the key there).
    const value = { ...(isObj(stored) ? stored : {}), api_key: key };
    const instance = await instances.upsert({
      definitionId: spec.definitionId,
      name: definition?.name ?? `${spec.provider} API Keys`,
      value,
      scope: 'user',
    });
    return this.status(spec, instance);
  }

  /** Removes the caller's key; removing a key that is not there is not an error. */
  async remove(provider: string): Promise<ProviderKeyStatus> {
    const { userId } = requireAuth(this.ctx);
    const spec = this.spec(provider);
    await this.ctx.em.nativeDelete(SettingInstance, { definitionId: spec.definitionId, scope: 'user', userId });
    return this.status(spec, null);
  }

  /** Internal: the key and servers chat needs, in clear; the user's own instance first, else the system one. */
  async credentials({ userId, provider, settingsId, serverId }: ProviderCredentialsArgs): Promise<ProviderCredentials> {
    requireInternal(this.ctx);
    const owner = normalizeUuid(userId);
    if (!owner) throw new BadUserInputError('userId must be a UUID', 'userId');
    const name = provider.trim().toLowerCase();
    const spec = name === OLLAMA.provider ? OLLAMA : this.spec(provider);
    const instance = await this.instanceFor(owner, spec.definitionId, settingsId);
    const value = instance ? openSecrets(this.ctx.deps.secretBox, instance.value) : null;
    const servers: ProviderServer[] = (isObj(value) && Array.isArray(value.servers) ? value.servers : []).filter(isObj).map((s) => ({
      id: str(s.id),
      serverName: str(s.serverName) ?? str(s.server_name),
      serverAddress: str(s.serverAddress) ?? str(s.server_url) ?? str(s.serverUrl),
      apiKey: keyOf(s),
    }));
    let server: ProviderServer | null = servers[0] ?? null;
    if (serverId != null) {
      server = servers.find((s) => s.id === serverId) ?? null;
      if (!server) throw new NotFoundError(`Server ${serverId} not found`);
    }
    return {
      provider: spec.provider,
      definitionId: instance?.definitionId ?? spec.definitionId,
      instanceId: instance?.id ?? null,
      scope: instance?.scope ?? null,
      apiKey: keyOf(value),
      servers,
      server,
    };
  }

  private async instanceFor(userId: string, definitionId: string, settingsId: string | null | undefined): Promise<SettingInstance | null> {
    const byId = settingsId != null ? normalizeUuid(settingsId) : null;
    if (byId) {
      const instance = await this.ctx.em.findOne(SettingInstance, { id: byId, $or: [{ userId }, { scope: 'system' }] });
      if (!instance) throw new NotFoundError(`Setting instance ${settingsId} not found`);
      return instance;
    }
    const id = settingsId ?? definitionId;
    const candidates = await this.ctx.em.find(SettingInstance, {
      definitionId: id,
      $or: [{ scope: 'user', userId }, { scope: 'system' }],
    });
    return candidates.find((i) => i.scope === 'user') ?? candidates[0] ?? null;
  }

  private spec(provider: string): ProviderSpec {
    const spec = providerByName(provider);
    if (!spec) throw new NotFoundError(`Unknown provider: ${provider}`);
    return spec;
  }

  private status(spec: ProviderSpec, instance: SettingInstance | null): ProviderKeyStatus {
    const key = instance ? keyOf(openSecrets(this.ctx.deps.secretBox, instance.value)) : null;
    return {
      provider: spec.provider,
      aliases: spec.aliases,
      definitionId: spec.definitionId,
      hasKey: key !== null,
      maskedKey: key === null ? null : maskKey(key, spec.showFirst),
      instanceId: instance?.id ?? null,
      updatedAt: instance?.updatedAt ?? null,
    };
  }
}
