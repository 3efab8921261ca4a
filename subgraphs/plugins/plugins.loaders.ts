import type { EntityManager } from '@mikro-orm/postgresql';
import { loaderById, loaderGroupedBy } from '../common/loaders.js';
import type { SubgraphContext } from '../common/subgraph.types.js';
import { PluginModule } from './plugin-module.entity.js';
import { Plugin } from './plugin.entity.js';
import { PluginService } from './plugin-service.entity.js';

export function createPluginsLoaders(em: EntityManager) {
  return {
    pluginById: loaderById(em, Plugin),
    modulesByPlugin: loaderGroupedBy(em, PluginModule, 'pluginId'),
    servicesByPlugin: loaderGroupedBy(em, PluginService, 'pluginId'),
  };
}

export type PluginsLoaders = ReturnType<typeof createPluginsLoaders>;
export type PluginsContext = SubgraphContext<PluginsLoaders>;
