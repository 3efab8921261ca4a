import { z } from 'zod';
import type {
  PluginStateFieldsFragment,
  PluginStateItemErrorFieldsFragment,
  PluginStateStrategy,
  PluginStateSyncStatus,
} from '../../schema/generated/operations.js';
import { boolParam, intParam } from '../validation.js';

/** BrainDrive's PluginStateResponse; states are stored as JSON, never compressed (`compression_type` is null). */
export const pluginStateBody = (s: PluginStateFieldsFragment) => ({
  id: s.id,
  user_id: s.userId,
  plugin_id: s.pluginId,
  page_id: s.pageId,
  state_key: s.stateKey,
  state_strategy: s.stateStrategy.toLowerCase(),
  state_data: s.stateData,
  state_schema_version: s.stateSchemaVersion,
  compression_type: null,
  state_size: s.stateSize,
  last_accessed: s.lastAccessed,
  access_count: s.accessCount,
  ttl_expires_at: s.ttlExpiresAt,
  is_active: s.isActive,
  version: s.version,
  device_id: s.deviceId,
  sync_status: s.syncStatus.toLowerCase(),
  created_at: s.createdAt,
  updated_at: s.updatedAt,
});

export const itemErrorBody = (e: PluginStateItemErrorFieldsFragment) => ({ index: e.index, plugin_id: e.pluginId, error: e.error });

const strategy = z.enum(['persistent', 'session', 'none', 'custom']);
const syncStatus = z.enum(['synced', 'pending', 'conflict']);

/** FastAPI reads a datetime with or without an offset; one without is UTC, as BrainDrive stores it. */
const datetime = z.iso.datetime({ offset: true, local: true });
const utc = (value: string | null | undefined) =>
  value == null || /(?:[zZ]|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value}Z`;

const stateData = z.record(z.string(), z.unknown());

const createState = z.object({
  plugin_id: z.string().min(1).max(255),
  page_id: z.string().max(255).nullish(),
  state_key: z.string().max(255).nullish(),
  state_strategy: strategy.default('persistent'),
  state_data: stateData,
  ttl_expires_at: datetime.nullish(),
  device_id: z.string().max(255).nullish(),
  state_schema_version: z.string().max(50).nullish(),
});

/** Bodies and queries of the Plugin State rows (422 in FastAPI's shape before any operation runs). */
export const pluginStateSchemas = {
  create: createState,
  list: z.object({
    plugin_id: z.string().max(255).optional(),
    page_id: z.string().max(255).optional(),
    state_key: z.string().max(255).optional(),
    state_strategy: strategy.optional(),
    sync_status: syncStatus.optional(),
    is_active: boolParam().optional(),
    device_id: z.string().max(255).optional(),
    limit: intParam({ min: 1, max: 1000, default: 100 }),
    offset: intParam({ min: 0, default: 0 }),
  }),
  update: z.object({
    state_data: stateData.nullish(),
    state_strategy: strategy.nullish(),
    ttl_expires_at: datetime.nullish(),
    device_id: z.string().max(255).nullish(),
    state_schema_version: z.string().max(50).nullish(),
    is_active: z.boolean().nullish(),
    sync_status: syncStatus.nullish(),
  }),
  bulk: z.object({ states: z.array(createState).max(1000) }),
  sync: z.object({
    device_id: z.string().min(1).max(255),
    states: z.array(createState).max(1000),
    force_overwrite: z.boolean().default(false),
  }),
};

type CreateBody = z.infer<typeof createState>;
type UpdateBody = z.infer<typeof pluginStateSchemas.update>;

const upper = <T extends string>(value: string | null | undefined) => (value == null ? value : (value.toUpperCase() as T));

export const createStateInput = (b: CreateBody) => ({
  pluginId: b.plugin_id,
  pageId: b.page_id,
  stateKey: b.state_key,
  stateStrategy: upper<PluginStateStrategy>(b.state_strategy),
  stateData: b.state_data,
  ttlExpiresAt: utc(b.ttl_expires_at),
  deviceId: b.device_id,
  stateSchemaVersion: b.state_schema_version,
});

export const updateStateInput = (b: UpdateBody) => ({
  stateData: b.state_data,
  stateStrategy: upper<PluginStateStrategy>(b.state_strategy),
  // BrainDrive leaves a null expiry as it is; absent and null both mean unchanged here.
  ttlExpiresAt: utc(b.ttl_expires_at) ?? undefined,
  deviceId: b.device_id ?? undefined,
  stateSchemaVersion: b.state_schema_version ?? undefined,
  isActive: b.is_active,
  syncStatus: upper<PluginStateSyncStatus>(b.sync_status),
});

export const upperStrategy = (v: string | undefined) => upper<PluginStateStrategy>(v);
export const upperSyncStatus = (v: string | undefined) => upper<PluginStateSyncStatus>(v);
