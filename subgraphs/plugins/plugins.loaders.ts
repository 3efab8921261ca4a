import type { EntityManager } from '@mikro-orm/postgresql';
import { loaderById, loaderGroupedBy } from '../common/loaders.js';
import type { SubgraphContext } from '../common/subgraph.types.js';
import { PluginModule } from './plugin-module.entity.js';
import { Plugin } from './plugin.entity.js';

export function createPluginsLoaders(em: EntityManager) {
  return { pluginById: loaderById(em, Plugin), modulesByPlugin: loaderGroupedBy(em, PluginModule, 'pluginId') };
}

export type PluginsLoaders = ReturnType<typeof createPluginsLoaders>;
export type PluginsContext = SubgraphContext<PluginsLoaders>;
