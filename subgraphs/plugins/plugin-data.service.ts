import { requireAuth } from '../common/context.js';
import { BadUserInputError, NotFoundError } from '../common/errors.js';
import { normalizeUuid } from '../common/ids.js';
import type { SubgraphContext } from '../common/subgraph.types.js';
import { PluginDataRecord } from './plugin-data-record.entity.js';
import type { PluginDataRecordPage } from './plugins.types.js';
import { PluginsService } from './plugins.service.js';

const KEY = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

/**
 * A plugin's JSON records, per tenant: every member of the tenant shares them; other tenants never see them. The
 * plugin must be installed in the tenant (named by id or slug); records are kept under its slug, so both names
 * reach the same records, and uninstalling the plugin removes them.
 */
export class PluginDataService {
  constructor(private readonly ctx: SubgraphContext) {}

  /** The installed plugin's slug, the key its records are stored under. */
  private async keyOf(pluginId: string, recordType: string): Promise<string> {
    checkKeys(pluginId, recordType);
    return (await new PluginsService(this.ctx).find(pluginId)).slug;
  }

  async list(pluginId: string, recordType: string, offset = 0, limit = 50): Promise<PluginDataRecordPage> {
    const auth = requireAuth(this.ctx);
    const pluginKey = await this.keyOf(pluginId, recordType);
    const lim = Math.min(Math.max(limit, 1), 100);
    const off = Math.max(offset, 0);
    const [items, total] = await this.ctx.em.findAndCount(PluginDataRecord, { tenantId: auth.tenantId, pluginKey, recordType }, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: lim, offset: off });
    return { items, total, offset: off, limit: lim };
  }

  async get(pluginId: string, recordType: string, id: string): Promise<PluginDataRecord> {
    const auth = requireAuth(this.ctx);
    const pluginKey = await this.keyOf(pluginId, recordType);
    const uuid = normalizeUuid(id);
    const row = uuid ? await this.ctx.em.findOne(PluginDataRecord, { id: uuid, tenantId: auth.tenantId, pluginKey, recordType }) : null;
    if (!row) throw new NotFoundError('Record not found');
    return row;
  }

  async create(pluginId: string, recordType: string, data: Record<string, unknown>): Promise<PluginDataRecord> {
    const auth = requireAuth(this.ctx);
    const pluginKey = await this.keyOf(pluginId, recordType);
    checkData(data);
    const row = this.ctx.em.create(PluginDataRecord, { tenantId: auth.tenantId, pluginKey, recordType, data, createdBy: auth.userId });
    await this.ctx.em.flush();
    return row;
  }

  async update(pluginKey: string, recordType: string, id: string, data: Record<string, unknown>): Promise<PluginDataRecord> {
    checkData(data);
    const row = await this.get(pluginKey, recordType, id);
    row.data = data;
    await this.ctx.em.flush();
    return row;
  }

  async delete(pluginKey: string, recordType: string, id: string): Promise<PluginDataRecord> {
    const row = await this.get(pluginKey, recordType, id);
    const copy = Object.assign(new PluginDataRecord(), row);
    await this.ctx.em.remove(row).flush();
    return copy;
  }
}

function checkKeys(pluginKey: string, recordType: string): void {
  if (!KEY.test(pluginKey)) throw new BadUserInputError('Invalid plugin id', 'id');
  if (!KEY.test(recordType)) throw new BadUserInputError('Invalid record type', 'record_type');
}

function checkData(data: unknown): void {
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new BadUserInputError('A record is a JSON object', 'body');
}
