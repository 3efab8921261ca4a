import type { SubgraphDefinition } from '../common/subgraph.types.js';
import { MarketplaceListing } from './marketplace-listing.entity.js';
import { MarketplaceResolver } from './marketplace.resolver.js';
import { seedMarketplace } from './marketplace.service.js';
import { m0001Plugins } from './migrations/0001-plugins.js';
import { m0002SettingsBackups } from './migrations/0002-settings-backups.js';
import { m0003PluginServices } from './migrations/0003-plugin-services.js';
import { PluginAdminResolver } from './plugin-admin.resolver.js';
import { PluginBackup } from './plugin-backup.entity.js';
import { PluginSetting } from './plugin-setting.entity.js';
import { PluginService } from './plugin-service.entity.js';
import { ServiceSupervisor } from './service-supervisor.js';
import { PluginDataRecord } from './plugin-data-record.entity.js';
import { PluginDataResolver } from './plugin-data.resolver.js';
import { PluginModule } from './plugin-module.entity.js';
import { PluginModuleResolver } from './plugin-module.resolver.js';
import { Plugin } from './plugin.entity.js';
import { resolvePluginReference } from './plugin.reference.js';
import { createPluginsLoaders, type PluginsLoaders } from './plugins.loaders.js';
import { PluginsResolver } from './plugins.resolver.js';

export const plugins: SubgraphDefinition<PluginsLoaders> = {
  name: 'plugins',
  port: 4003,
  resolvers: [PluginsResolver, PluginModuleResolver, PluginAdminResolver, PluginDataResolver, MarketplaceResolver],
  references: { Plugin: resolvePluginReference },
  entities: [Plugin, PluginModule, PluginSetting, PluginBackup, PluginDataRecord, MarketplaceListing, PluginService],
  migrations: [m0001Plugins, m0002SettingsBackups, m0003PluginServices],
  createLoaders: createPluginsLoaders,
  // The shipped catalogue is loaded once the schema exists (entries already there are left alone); then the
  // backend services of installed plugins are started.
  async start({ orm, deps }) {
    await seedMarketplace(orm.em.fork() as never);
    const supervisor = new ServiceSupervisor(orm as never, deps);
    await supervisor.start();
    return () => supervisor.stop();
  },
};
