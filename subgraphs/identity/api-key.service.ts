import { createHash, randomBytes } from 'node:crypto';
import { BadUserInputError, NotFoundError } from '../common/errors.js';
import { requireAuth, requireInternal } from '../common/context.js';
import { normalizeUuid } from '../common/ids.js';
import type { SubgraphContext } from '../common/subgraph.types.js';
import { ApiKey } from './api-key.entity.js';
import type { IdentityLoaders } from './identity.loaders.js';
import type { ApiKeyPrincipal, IssuedApiKey } from './identity.types.js';

type Ctx = SubgraphContext<IdentityLoaders>;

/** Every key starts so; `Authorization: Bearer bg_…` is how the edge tells a key from a JWT. */
export const API_KEY_PREFIX = 'bg_';

const sha256 = (key: string) => createHash('sha256').update(key).digest('hex');

/** Keys are high-entropy random strings, so one SHA-256 is enough to store them (a slow hash buys nothing). */
export class ApiKeyService {
  constructor(private readonly ctx: Ctx) {}

  list(): Promise<ApiKey[]> {
    const { userId } = requireAuth(this.ctx);
    return this.ctx.em.find(ApiKey, { userId, revokedAt: null }, { orderBy: { createdAt: 'desc' } });
  }

  async issue(label?: string | null, expiresAt?: Date | null): Promise<IssuedApiKey> {
    const auth = requireAuth(this.ctx);
    const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
    const apiKey = this.ctx.em.create(ApiKey, {
      userId: auth.userId,
      tenantId: auth.tenantId,
      label: this.checkLabel(label),
      prefix: key.slice(0, 10),
      keyHash: sha256(key),
      expiresAt: this.checkExpiry(expiresAt),
    });
    await this.ctx.em.flush();
    return { key, apiKey };
  }

  async revoke(id: string): Promise<ApiKey> {
    const apiKey = await this.own(id);
    apiKey.revokedAt = new Date();
    await this.ctx.em.flush();
    return apiKey;
  }

  async update(id: string, label?: string | null, expiresAt?: Date | null): Promise<ApiKey> {
    const apiKey = await this.own(id);
    if (label !== undefined) apiKey.label = this.checkLabel(label);
    if (expiresAt !== undefined) apiKey.expiresAt = this.checkExpiry(expiresAt);
    await this.ctx.em.flush();
    return apiKey;
  }

  /** Internal: who a presented key authenticates, or null when it is unknown, revoked, expired or its user inactive. */
  async authenticate(key: string): Promise<ApiKeyPrincipal | null> {
    requireInternal(this.ctx);
    if (!key.startsWith(API_KEY_PREFIX) || key.length > 200) return null;
    const rows = await this.ctx.em.execute<{ key_id: string; user_id: string; tenant_id: string; role: string; is_admin: boolean }[]>(
      // Marks use at most once a minute, so authenticating is one statement and rarely a write.
      `with hit as (
         select k.id as key_id, k.user_id, k.tenant_id, r.name as role, u.is_admin, k.last_used_at
           from identity.api_keys k
           join identity.users u on u.id = k.user_id and u.is_active
           join identity.roles r on r.user_id = k.user_id and r.tenant_id = k.tenant_id
          where k.key_hash = ? and k.revoked_at is null and (k.expires_at is null or k.expires_at > now())
       ), touch as (
         update identity.api_keys set last_used_at = now()
          where id in (select key_id from hit where last_used_at is null or last_used_at < now() - interval '1 minute')
       )
       select key_id, user_id, tenant_id, role, is_admin from hit`,
      [sha256(key)],
    );
    const [row] = rows;
    return row
      ? { keyId: row.key_id, userId: row.user_id, tenantId: row.tenant_id, role: row.role, isAdmin: row.is_admin }
      : null;
  }

  /** The caller's key; someone else's is "not found", so ids can't be probed. */
  private async own(id: string): Promise<ApiKey> {
    const { userId } = requireAuth(this.ctx);
    const keyId = normalizeUuid(id);
    const apiKey = keyId ? await this.ctx.em.findOne(ApiKey, { id: keyId, userId, revokedAt: null }) : null;
    if (!apiKey) throw new NotFoundError('API key not found');
    return apiKey;
  }

  private checkLabel(label?: string | null): string | null {
    if (label == null) return null;
    if (label.length > 200) throw new BadUserInputError('label must be at most 200 characters', 'label');
    return label;
  }

  private checkExpiry(expiresAt?: Date | null): Date | null {
    if (expiresAt == null) return null;
    if (expiresAt.getTime() <= Date.now()) throw new BadUserInputError('expires_at must be in the future', 'expires_at');
    return expiresAt;
  }
}
