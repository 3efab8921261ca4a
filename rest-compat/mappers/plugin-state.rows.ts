import {
  BulkCreatePluginStatesDocument,
  CleanupPluginStatesDocument,
  CreatePluginStateDocument,
  DeletePluginStateDocument,
  PluginStateDocument,
  PluginStatesDocument,
  PluginStateStatsDocument,
  SyncPluginStatesDocument,
  UpdatePluginStateDocument,
} from '../../schema/generated/operations.js';
import { uuidParams } from '../validation.js';
import { built } from './built.js';
import {
  createStateInput,
  itemErrorBody,
  pluginStateBody,
  pluginStateSchemas as s,
  updateStateInput,
  upperStrategy,
  upperSyncStatus,
} from './plugin-state.mappers.js';

const stateId = uuidParams('state_id');

/**
 * BrainDrive `/api/v1/plugin-state` rows. The router prefers literal segments, so `/stats`, `/cleanup` and `/bulk`
 * never reach the `/{state_id}` rows.
 */
export const pluginStateRows = {
  create: built({
    operation: CreatePluginStateDocument,
    body: s.create,
    variables: ({ body }) => ({ input: createStateInput(body) }),
    response: (d) => pluginStateBody(d.createPluginState),
  }),
  list: built({
    operation: PluginStatesDocument,
    query: s.list,
    variables: ({ query: q }) => ({
      pluginId: q.plugin_id,
      pageId: q.page_id,
      stateKey: q.state_key,
      stateStrategy: upperStrategy(q.state_strategy),
      syncStatus: upperSyncStatus(q.sync_status),
      isActive: q.is_active,
      deviceId: q.device_id,
      offset: q.offset,
      limit: q.limit,
    }),
    response: (d) => d.pluginStates.items.map(pluginStateBody),
  }),
  get: built({
    operation: PluginStateDocument,
    params: stateId,
    variables: (r) => ({ id: r.params.state_id }),
    response: (d) => pluginStateBody(d.pluginState),
  }),
  update: built({
    operation: UpdatePluginStateDocument,
    params: stateId,
    body: s.update,
    variables: ({ params: p, body }) => ({ id: p.state_id, input: updateStateInput(body) }),
    response: (d) => pluginStateBody(d.updatePluginState),
  }),
  delete: built({
    operation: DeletePluginStateDocument,
    params: stateId,
    variables: (r) => ({ id: r.params.state_id }),
    response: () => ({ message: 'Plugin state deleted successfully' }),
  }),
  bulk: built({
    operation: BulkCreatePluginStatesDocument,
    body: s.bulk,
    variables: ({ body }) => ({ states: body.states.map(createStateInput) }),
    response: ({ bulkCreatePluginStates: r }) => ({ created: r.created.map(pluginStateBody), errors: r.errors.map(itemErrorBody) }),
  }),
  stats: built({
    operation: PluginStateStatsDocument,
    response: ({ pluginStateStats: st }) => ({
      total_states: st.totalStates,
      active_states: st.activeStates,
      total_size: st.totalSize,
      plugins_with_state: st.pluginsWithState,
      average_state_size: st.averageStateSize,
      last_activity: st.lastActivity,
    }),
  }),
  cleanup: built({
    operation: CleanupPluginStatesDocument,
    response: ({ cleanupPluginStates: c }) => ({
      message: `Cleaned up ${c.deletedCount} expired plugin states`,
      deleted_count: c.deletedCount,
    }),
  }),
  /** Undocumented; the BrainDrive web client's DatabasePersistenceManager posts here (as-built.md). */
  sync: built({
    operation: SyncPluginStatesDocument,
    body: s.sync,
    variables: ({ body: b }) => ({
      input: { deviceId: b.device_id, states: b.states.map(createStateInput), forceOverwrite: b.force_overwrite },
    }),
    response: ({ syncPluginStates: r }) => ({
      success: r.errors.length === 0 && r.conflicts.length === 0,
      synced: r.synced.map(pluginStateBody),
      conflicts: r.conflicts.map((c) => ({
        index: c.index,
        state_id: c.stateId,
        plugin_id: c.pluginId,
        remote_version: c.remoteVersion,
        remote_data: c.remoteData,
        remote_device_id: c.remoteDeviceId,
        last_modified_remote: c.lastModifiedRemote,
      })),
      errors: r.errors.map(itemErrorBody),
    }),
  }),
};
