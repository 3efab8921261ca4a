import type { WorkspaceArea } from './workspace.parts.js';
import { LayoutResolver } from './layout.resolver.js';
import { EntityLayoutOverride } from './layout.entity.js';
import { m0001Settings } from './migrations/0001-settings.js';
import { PluginOwnedSettingsResolver } from './plugin-owned-settings.resolver.js';
import { ProviderKeysResolver } from './provider-keys.resolver.js';
import { SettingDefinition } from './setting-definition.entity.js';
import { SettingDefinitionResolver } from './setting-definition.resolver.js';
import { SettingInstance } from './setting-instance.entity.js';
import { SettingInstanceResolver, UserSettingsResolver } from './setting-instance.resolver.js';
import { SettingPreferencesResolver } from './setting-preferences.resolver.js';
import { createSettingsLoaders, type SettingsLoaders } from './settings.loaders.js';

/** Settings (definitions and instances, provider keys, plugins' settings) and StudioBrain layouts. */
export const settingsArea: WorkspaceArea<SettingsLoaders> = {
  resolvers: [
    SettingDefinitionResolver,
    SettingInstanceResolver,
    UserSettingsResolver,
    SettingPreferencesResolver,
    ProviderKeysResolver,
    PluginOwnedSettingsResolver,
    LayoutResolver,
  ],
  entities: [SettingDefinition, SettingInstance, EntityLayoutOverride],
  migrations: [m0001Settings],
  createLoaders: createSettingsLoaders,
};
