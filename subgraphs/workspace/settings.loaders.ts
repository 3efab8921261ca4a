import type { EntityManager } from '@mikro-orm/postgresql';
import { loaderById } from '../common/loaders.js';
import { SettingDefinition } from './setting-definition.entity.js';

/** Loaders of the settings area, built per request. */
export function createSettingsLoaders(em: EntityManager) {
  return {
    settingDefinitionById: loaderById(em, SettingDefinition),
  };
}

export type SettingsLoaders = ReturnType<typeof createSettingsLoaders>;
