import { requireAuth } from '../common/context.js';
import { NotFoundError } from '../common/errors.js';
import { normalizeUuid } from '../common/ids.js';
import type { SubgraphContext } from '../common/subgraph.types.js';
import { PluginBackup, type PluginBackupSnapshot } from './plugin-backup.entity.js';
import { PluginDataRecord } from './plugin-data-record.entity.js';
import { PluginSetting } from './plugin-setting.entity.js';
import { requirePluginAdmin } from './plugins.access.js';
import { PluginsService } from './plugins.service.js';

/** Backup and restore of a plugin's data: its records and tenant-wide settings (files come from its package). */
export class PluginBackupService {
  constructor(private readonly ctx: SubgraphContext) {}

  async backup(idOrSlug: string): Promise<PluginBackup> {
    const auth = requirePluginAdmin(this.ctx);
    const plugin = await new PluginsService(this.ctx).find(idOrSlug);
    const records = await this.ctx.em.find(PluginDataRecord, { tenantId: auth.tenantId, pluginKey: plugin.slug }, { orderBy: { createdAt: 'asc' } });
    const settings = (await this.ctx.em.findOne(PluginSetting, { pluginId: plugin.id, userId: null }))?.values ?? {};
    const snapshot: PluginBackupSnapshot = {
      settings,
      records: records.map((r) => ({ id: r.id, pluginKey: r.pluginKey, recordType: r.recordType, data: r.data, createdBy: r.createdBy, createdAt: r.createdAt.toISOString() })),
    };
    const row = this.ctx.em.create(PluginBackup, { pluginId: plugin.id, tenantId: auth.tenantId, pluginVersion: plugin.version, snapshot, recordCount: records.length, createdBy: auth.userId });
    await this.ctx.em.flush();
    return row;
  }

  async list(idOrSlug: string): Promise<PluginBackup[]> {
    requireAuth(this.ctx);
    const plugin = await new PluginsService(this.ctx).find(idOrSlug);
    return this.ctx.em.find(PluginBackup, { pluginId: plugin.id }, { orderBy: { createdAt: 'desc', id: 'desc' } });
  }

  /** Puts the records and tenant settings back as the backup (the latest when none is named) has them, in one transaction. */
  async restore(idOrSlug: string, backupId?: string | null): Promise<PluginBackup> {
    const auth = requirePluginAdmin(this.ctx);
    const plugin = await new PluginsService(this.ctx).find(idOrSlug);
    const id = backupId ? normalizeUuid(backupId) : null;
    if (backupId && !id) throw new NotFoundError('Backup not found');
    const backup = await this.ctx.em.findOne(PluginBackup, id ? { id, pluginId: plugin.id } : { pluginId: plugin.id }, { orderBy: { createdAt: 'desc' }, populate: ['snapshot'] });
    if (!backup) throw new NotFoundError('Backup not found');
    await this.ctx.em.transactional(async (em) => {
      await em.nativeDelete(PluginDataRecord, { tenantId: auth.tenantId, pluginKey: plugin.slug });
      for (const r of backup.snapshot.records) {
        em.create(PluginDataRecord, { id: r.id, tenantId: auth.tenantId, pluginKey: plugin.slug, recordType: r.recordType, data: r.data, createdBy: r.createdBy, createdAt: new Date(r.createdAt) });
      }
      const setting = (await em.findOne(PluginSetting, { pluginId: plugin.id, userId: null })) ?? em.create(PluginSetting, { pluginId: plugin.id, userId: null });
      setting.values = backup.snapshot.settings;
    });
    return backup;
  }
}
