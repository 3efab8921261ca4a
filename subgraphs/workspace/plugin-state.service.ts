import { LockMode, UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import { requireAuth } from '../common/context.js';
import { BadUserInputError, ConflictError, DomainError, NotFoundError } from '../common/errors.js';
import { normalizeUuid } from '../common/ids.js';
import type { Page as ListPage } from '../common/paginated.js';
import { offsetPage } from '../common/pagination.js';
import { idOrNotFound, jsonObject, optionalText } from './page-route.js';
import type { PagesContext } from './pages.loaders.js';
import { PluginState, PluginStateStrategy, PluginStateSyncStatus } from './plugin-state.entity.js';
import type {
  CreatePluginStateInput,
  PluginStatesArgs,
  SyncPluginStatesInput,
  UpdatePluginStateInput,
} from './plugin-state.inputs.js';
import type {
  PluginStateBulkResult,
  PluginStateItemError,
  PluginStateStats,
  PluginStateSyncConflict,
  PluginStateSyncResult,
} from './plugin-state.types.js';

const NOT_FOUND = 'Plugin state not found';
const EXISTS = 'Plugin state already exists. Use PUT to update.';

/** The columns of a new state, checked. */
type NewState = Pick<
  PluginState,
  'pluginId' | 'pageId' | 'stateKey' | 'stateStrategy' | 'stateData' | 'stateSize' | 'ttlExpiresAt' | 'deviceId' | 'stateSchemaVersion'
>;

/** What makes a state the one state of its kind for a user. */
const keyOf = (s: Pick<PluginState, 'pluginId' | 'pageId' | 'stateKey'>) => JSON.stringify([s.pluginId, s.pageId, s.stateKey]);

/** UTF-8 bytes of the data as JSON: what `stateSize` and the stats report. */
const sizeOf = (data: Record<string, unknown>) => Buffer.byteLength(JSON.stringify(data), 'utf8');

/**
 * Plugin state: one row per (user, plugin, page, key), the caller's own only. Reads count as accesses; every
 * update increments `version`; cleanup removes expired states that are not persistent.
 */
export class PluginStateService {
  constructor(private readonly ctx: PagesContext) {}

  private get em() {
    return this.ctx.em;
  }

  /** The caller's states, most recently used first. */
  async list(args: PluginStatesArgs): Promise<ListPage<PluginState>> {
    const { userId } = requireAuth(this.ctx);
    const { offset, limit } = offsetPage(args, 100, 1000);
    const where: FilterQuery<PluginState> = { userId };
    if (args.pluginId != null) where.pluginId = args.pluginId;
    if (args.pageId != null) where.pageId = pageIdOf(args.pageId);
    if (args.stateKey != null) where.stateKey = args.stateKey;
    if (args.stateStrategy != null) where.stateStrategy = args.stateStrategy;
    if (args.syncStatus != null) where.syncStatus = args.syncStatus;
    if (args.isActive != null) where.isActive = args.isActive;
    if (args.deviceId != null) where.deviceId = args.deviceId;
    const [items, total] = await this.em.findAndCount(PluginState, where, { orderBy: { lastAccessed: 'desc', id: 'asc' }, offset, limit });
    return { items, total, offset, limit };
  }

  /** One of the caller's states; reading it counts as an access (one statement). */
  async get(id: string): Promise<PluginState> {
    const { userId } = requireAuth(this.ctx);
    const rows = await this.em.execute<Record<string, unknown>[]>(
      `update workspace.plugin_states set last_accessed = now(), access_count = access_count + 1
        where id = ? and user_id = ? returning *`,
      [idOrNotFound(id, NOT_FOUND), userId],
    );
    if (rows.length === 0) throw new NotFoundError(NOT_FOUND);
    return this.em.map(PluginState, rows[0]);
  }

  async create(input: CreatePluginStateInput): Promise<PluginState> {
    const { userId } = requireAuth(this.ctx);
    const fields = checkNew(input);
    const existing = await this.em.count(PluginState, { userId, pluginId: fields.pluginId, pageId: fields.pageId, stateKey: fields.stateKey });
    if (existing > 0) throw new ConflictError(EXISTS);
    const state = this.em.create(PluginState, { ...fields, userId });
    try {
      await this.em.flush();
    } catch (e) {
      throw e instanceof UniqueConstraintViolationException ? new ConflictError(EXISTS) : e;
    }
    return state;
  }

  /** Updates a state under a row lock, so concurrent updates each get their own `version`. */
  async update(id: string, input: UpdatePluginStateInput): Promise<PluginState> {
    const { userId } = requireAuth(this.ctx);
    const stateId = idOrNotFound(id, NOT_FOUND);
    const changes: Partial<PluginState> = {};
    if (input.stateData != null) {
      const stateData = jsonObject(input.stateData, 'state_data');
      Object.assign(changes, { stateData, stateSize: sizeOf(stateData) });
    }
    if (input.stateStrategy != null) changes.stateStrategy = input.stateStrategy;
    if (input.ttlExpiresAt !== undefined) changes.ttlExpiresAt = input.ttlExpiresAt;
    if (input.deviceId !== undefined) changes.deviceId = optionalText(input.deviceId, 'device_id', 255);
    if (input.stateSchemaVersion !== undefined) changes.stateSchemaVersion = optionalText(input.stateSchemaVersion, 'state_schema_version', 50);
    if (input.isActive != null) changes.isActive = input.isActive;
    return this.em.fork().transactional(async (em) => {
      const state = await em.findOne(PluginState, { id: stateId, userId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!state) throw new NotFoundError(NOT_FOUND);
      return Object.assign(state, changes, touched(state), { syncStatus: input.syncStatus ?? PluginStateSyncStatus.SYNCED });
    });
  }

  async delete(id: string): Promise<string> {
    const { userId } = requireAuth(this.ctx);
    const stateId = idOrNotFound(id, NOT_FOUND);
    const deleted = await this.em.nativeDelete(PluginState, { id: stateId, userId });
    if (deleted === 0) throw new NotFoundError(NOT_FOUND);
    return stateId;
  }

  /**
   * Creates each state that does not exist yet, in one statement; the others (already stored, repeated in the
   * request, or invalid) are reported in `errors` by their position.
   */
  async bulkCreate(states: CreatePluginStateInput[]): Promise<PluginStateBulkResult> {
    const { userId } = requireAuth(this.ctx);
    const errors: PluginStateItemError[] = [];
    const candidates = checkEach(states, errors);
    const taken = await this.storedKeys(userId, candidates.map((c) => c.fields));
    const rows: { index: number; state: PluginState }[] = [];
    for (const { index, fields } of candidates) {
      const key = keyOf(fields);
      if (taken.has(key)) {
        errors.push({ index, pluginId: fields.pluginId, error: 'State already exists' });
        continue;
      }
      taken.add(key);
      rows.push({ index, state: this.em.create(PluginState, { ...fields, userId }, { persist: false }) });
    }
    const inserted = await this.insertMissing(rows.map((r) => r.state));
    const created: PluginState[] = [];
    for (const { index, state } of rows) {
      if (inserted.has(state.id)) created.push(state);
      // Stored by a concurrent request between our read and our insert.
      else errors.push({ index, pluginId: state.pluginId, error: 'State already exists' });
    }
    return { created, errors: errors.sort((a, b) => a.index - b.index) };
  }

  /**
   * Writes a device's states: creates the missing ones and updates the others (version + 1), except states another
   * device wrote last, which are reported as conflicts unless `forceOverwrite`. One transaction.
   */
  async sync(input: SyncPluginStatesInput): Promise<PluginStateSyncResult> {
    const { userId } = requireAuth(this.ctx);
    const deviceId = optionalText(input.deviceId, 'device_id', 255);
    if (!deviceId) throw new BadUserInputError('device_id must not be empty', 'device_id');
    const errors: PluginStateItemError[] = [];
    const candidates = checkEach(states(input, deviceId), errors);
    const pluginIds = [...new Set(candidates.map((c) => c.fields.pluginId))];
    try {
      return await this.em.fork().transactional(async (em) => {
        const stored = pluginIds.length
          ? await em.find(PluginState, { userId, pluginId: { $in: pluginIds } }, { lockMode: LockMode.PESSIMISTIC_WRITE })
          : [];
        const byKey = new Map(stored.map((s) => [keyOf(s), s]));
        const synced = new Map<string, PluginState>();
        const conflicts: PluginStateSyncConflict[] = [];
        for (const { index, fields } of candidates) {
          const key = keyOf(fields);
          const current = byKey.get(key);
          if (!current) {
            const state = em.create(PluginState, { ...fields, userId });
            byKey.set(key, state);
            synced.set(state.id, state);
          } else if (!input.forceOverwrite && current.deviceId && current.deviceId !== deviceId && !synced.has(current.id)) {
            conflicts.push({
              index,
              stateId: current.id,
              pluginId: current.pluginId,
              remoteVersion: current.version,
              remoteData: current.stateData,
              remoteDeviceId: current.deviceId,
              lastModifiedRemote: current.updatedAt,
            });
          } else {
            const { pluginId: _p, pageId: _g, stateKey: _k, ...data } = fields;
            Object.assign(current, data, touched(current), { syncStatus: PluginStateSyncStatus.SYNCED });
            synced.set(current.id, current);
          }
        }
        return { synced: [...synced.values()], conflicts, errors: errors.sort((a, b) => a.index - b.index) };
      });
    } catch (e) {
      if (e instanceof UniqueConstraintViolationException) throw new ConflictError('Plugin states changed during the sync; retry it');
      throw e;
    }
  }

  /** Storage figures of the caller's states, in one statement. */
  async stats(): Promise<PluginStateStats> {
    const { userId } = requireAuth(this.ctx);
    const [row] = await this.em.execute<
      { total: number; active: number; size: string; plugins: number; last: string | Date | null }[]
    >(
      `select count(*)::int as total, (count(*) filter (where is_active))::int as active,
              coalesce(sum(state_size), 0)::bigint as size, count(distinct plugin_id)::int as plugins,
              max(last_accessed) as last
         from workspace.plugin_states where user_id = ?`,
      [userId],
    );
    const totalSize = Number(row.size);
    return {
      totalStates: row.total,
      activeStates: row.active,
      totalSize,
      pluginsWithState: row.plugins,
      averageStateSize: row.total > 0 ? totalSize / row.total : 0,
      // The ORM's driver answers timestamps as text.
      lastActivity: row.last == null ? null : new Date(row.last),
    };
  }

  /** Deletes the caller's expired states that are not persistent; answers how many. */
  async cleanup(): Promise<number> {
    const { userId } = requireAuth(this.ctx);
    return this.em.nativeDelete(PluginState, {
      userId,
      stateStrategy: { $ne: PluginStateStrategy.PERSISTENT },
      ttlExpiresAt: { $lt: new Date() },
    });
  }

  private async storedKeys(userId: string, states: NewState[]): Promise<Set<string>> {
    const pluginIds = [...new Set(states.map((s) => s.pluginId))];
    if (pluginIds.length === 0) return new Set();
    const stored = await this.em.fork().find(
      PluginState,
      { userId, pluginId: { $in: pluginIds } },
      { fields: ['pluginId', 'pageId', 'stateKey'] },
    );
    return new Set(stored.map(keyOf));
  }

  /** Inserts the states in one statement, skipping any whose key is stored meanwhile; answers the inserted ids. */
  private async insertMissing(states: PluginState[]): Promise<Set<string>> {
    if (states.length === 0) return new Set();
    const rows = states.map((s) => ({
      id: s.id,
      user_id: s.userId,
      plugin_id: s.pluginId,
      page_id: s.pageId,
      state_key: s.stateKey,
      state_strategy: s.stateStrategy,
      state_data: JSON.stringify(s.stateData),
      state_schema_version: s.stateSchemaVersion,
      state_size: s.stateSize,
      access_count: s.accessCount,
      last_accessed: s.lastAccessed,
      ttl_expires_at: s.ttlExpiresAt,
      is_active: s.isActive,
      version: s.version,
      device_id: s.deviceId,
      sync_status: s.syncStatus,
      created_at: s.createdAt,
      updated_at: s.updatedAt,
    }));
    const knex = this.em.getKnex();
    const inserted = await this.em.execute<{ id: string }[]>(
      knex('plugin_states').withSchema('workspace').insert(rows).onConflict().ignore().returning('id'),
    );
    return new Set(inserted.map((r) => r.id));
  }
}

/** A state's columns after an update: one more version, one more access. */
const touched = (state: PluginState): Partial<PluginState> => ({
  version: state.version + 1,
  lastAccessed: new Date(),
  accessCount: state.accessCount + 1,
});

/** A page id as stored: a UUID dashed and lower-cased (clients send both forms), anything else as sent. */
function pageIdOf(pageId: string): string {
  return normalizeUuid(pageId) ?? pageId;
}

function checkNew(input: CreatePluginStateInput): NewState {
  if (input.pluginId.length === 0) throw new BadUserInputError('plugin_id must not be empty', 'plugin_id');
  optionalText(input.pluginId, 'plugin_id', 255);
  const pageId = input.pageId ? pageIdOf(optionalText(input.pageId, 'page_id', 255)) : null;
  return {
    pluginId: input.pluginId,
    pageId,
    stateKey: optionalText(input.stateKey, 'state_key', 255) ?? null,
    stateStrategy: input.stateStrategy ?? PluginStateStrategy.PERSISTENT,
    stateData: jsonObject(input.stateData, 'state_data'),
    stateSize: sizeOf(input.stateData),
    ttlExpiresAt: input.ttlExpiresAt ?? null,
    deviceId: optionalText(input.deviceId, 'device_id', 255) ?? null,
    stateSchemaVersion: optionalText(input.stateSchemaVersion, 'state_schema_version', 50) ?? null,
  };
}

/** Checks every state of a bulk request, reporting the invalid ones instead of failing the request. */
function checkEach(states: CreatePluginStateInput[], errors: PluginStateItemError[]) {
  const valid: { index: number; fields: NewState }[] = [];
  states.forEach((state, index) => {
    try {
      valid.push({ index, fields: checkNew(state) });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      errors.push({ index, pluginId: state.pluginId, error: e.message });
    }
  });
  return valid;
}

/** A sync's states, each written as coming from the syncing device. */
const states = (input: SyncPluginStatesInput, deviceId: string) => input.states.map((s) => ({ ...s, deviceId }));
