import { z } from 'zod';
import {
  CreatePluginDataRecordDocument,
  DeletePluginDataRecordDocument,
  PluginDataRecordDocument,
  PluginDataRecordsDocument,
  UpdatePluginDataRecordDocument,
  type PluginDataRecordFieldsFragment,
} from '../../schema/generated/operations.js';
import { offsetParams } from '../validation.js';
import { built } from './built.js';

/** StudioBrain's Plugin Data record. */
const recordBody = (r: PluginDataRecordFieldsFragment) => ({
  id: r.id,
  plugin_id: r.pluginKey,
  record_type: r.recordType,
  data: r.data,
  created_by: r.createdBy,
  created_at: r.createdAt,
  updated_at: r.updatedAt,
});

const typeParams = z.object({ id: z.string().min(1).max(100), record_type: z.string().min(1).max(100) });
const recordParams = typeParams.extend({ record_id: z.string().min(1).max(64) });
/** A record is any JSON object: `{"data": {...}}`, or the object itself. */
const recordBodySchema = z.record(z.string(), z.unknown());
const dataOf = (b: Record<string, unknown>) => (b.data && typeof b.data === 'object' && !Array.isArray(b.data) && Object.keys(b).length === 1 ? (b.data as Record<string, unknown>) : b);

export const pluginDataRows = {
  list: built({
    operation: PluginDataRecordsDocument,
    params: typeParams,
    query: offsetParams(100),
    variables: (r) => ({ pluginId: r.params.id, recordType: r.params.record_type, offset: r.query.offset, limit: r.query.limit }),
    response: ({ pluginDataRecords: p }) => ({ records: p.items.map(recordBody), total: p.total, offset: p.offset, limit: p.limit }),
  }),
  create: built({
    operation: CreatePluginDataRecordDocument,
    params: typeParams,
    body: recordBodySchema,
    variables: (r) => ({ pluginId: r.params.id, recordType: r.params.record_type, data: dataOf(r.body) }),
    response: (d) => recordBody(d.createPluginDataRecord),
    status: 201,
  }),
  get: built({
    operation: PluginDataRecordDocument,
    params: recordParams,
    variables: (r) => ({ pluginId: r.params.id, recordType: r.params.record_type, id: r.params.record_id }),
    response: (d) => recordBody(d.pluginDataRecord),
  }),
  update: built({
    operation: UpdatePluginDataRecordDocument,
    params: recordParams,
    body: recordBodySchema,
    variables: (r) => ({ pluginId: r.params.id, recordType: r.params.record_type, id: r.params.record_id, data: dataOf(r.body) }),
    response: (d) => recordBody(d.updatePluginDataRecord),
  }),
  delete: built({
    operation: DeletePluginDataRecordDocument,
    params: recordParams,
    variables: (r) => ({ pluginId: r.params.id, recordType: r.params.record_type, id: r.params.record_id }),
    response: (d) => ({ message: 'Record deleted', id: d.deletePluginDataRecord.id }),
  }),
};
