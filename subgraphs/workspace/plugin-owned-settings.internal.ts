import { parse, type DocumentNode } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

/**
 * The internal operations behind plugin settings, for `ctx.deps.internal.request('workspace', …)` from the plugins
 * subgraph. Written here, not in schema/operations, because codegen reads the public API schema, where they are
 * hidden.
 */

/** `extensions.reason` of the NOT_FOUND a per-user operation answers when the plugin's definition is missing. */
export const NO_PLUGIN_DEFINITION = 'no_plugin_definition';

export interface PluginUserSettingData {
  definitionId: string;
  instanceId: string | null;
  value: unknown;
}

export interface SyncPluginSettingDefinitionVars extends Record<string, unknown> {
  slug: string;
  pluginName: string;
  description?: string | null;
  fields: Record<string, unknown>;
}

export const SYNC_PLUGIN_SETTING_DEFINITION = parse(`
  mutation SyncPluginSettingDefinition($slug: String!, $pluginName: String!, $description: String, $fields: JSON!) {
    syncPluginSettingDefinition(slug: $slug, pluginName: $pluginName, description: $description, fields: $fields) { id }
  }
`) as DocumentNode as TypedDocumentNode<{ syncPluginSettingDefinition: { id: string } }, SyncPluginSettingDefinitionVars>;

export const DROP_PLUGIN_SETTING_DEFINITION = parse(`
  mutation DropPluginSettingDefinition($slug: String!) {
    dropPluginSettingDefinition(slug: $slug)
  }
`) as DocumentNode as TypedDocumentNode<{ dropPluginSettingDefinition: boolean }, { slug: string }>;

export const PLUGIN_USER_SETTING = parse(`
  query PluginUserSetting($slug: String!, $userId: ID!) {
    pluginUserSetting(slug: $slug, userId: $userId) { definitionId instanceId value }
  }
`) as DocumentNode as TypedDocumentNode<{ pluginUserSetting: PluginUserSettingData }, { slug: string; userId: string }>;

export const SET_PLUGIN_USER_SETTING = parse(`
  mutation SetPluginUserSetting($slug: String!, $userId: ID!, $value: JSON!) {
    setPluginUserSetting(slug: $slug, userId: $userId, value: $value) { definitionId instanceId value }
  }
`) as DocumentNode as TypedDocumentNode<{ setPluginUserSetting: PluginUserSettingData }, { slug: string; userId: string; value: Record<string, unknown> }>;
