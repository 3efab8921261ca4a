import {
  CreateSettingDefinitionDocument,
  DeleteProviderKeyDocument,
  DeleteSettingDefinitionDocument,
  DeleteSettingInstanceDocument,
  MySettingsDocument,
  ProviderKeysDocument,
  ReplaceSettingDefinitionDocument,
  SetProviderKeyDocument,
  SettingDefinitionsDocument,
  SettingInstanceDocument,
  SettingInstancesDocument,
  UpdateMySettingsDocument,
  UpdateSettingDefinitionDocument,
  UpdateSettingInstanceDocument,
  UpsertSettingInstanceDocument,
} from '../../schema/generated/operations.js';
import { built } from './built.js';
import { uuidParams } from '../validation.js';
import {
  definitionBody,
  instanceBody,
  providerKeyBody,
  settingsBodies as bodies,
  settingsParams as params,
  settingsQueries as queries,
  WHOLE_LIST,
} from './settings.mappers.js';

type DefinitionBody = {
  id?: string;
  name: string;
  description?: string | null;
  category: string;
  type: string;
  default_value?: unknown;
  allowed_scopes: string[];
  validation?: Record<string, unknown> | null;
  is_multiple?: boolean;
  tags?: string[] | null;
  is_secret?: boolean;
};

/** The definition's fields as the GraphQL inputs name them (create adds the id). */
const definitionFields = (b: DefinitionBody) => ({
  name: b.name,
  description: b.description,
  category: b.category,
  type: b.type,
  defaultValue: b.default_value,
  allowedScopes: b.allowed_scopes,
  isMultiple: b.is_multiple,
  validation: b.validation,
  tags: b.tags,
  isSecret: b.is_secret,
});

const definitionInput = (b: DefinitionBody, id = b.id) => ({ id, ...definitionFields(b) });

const updateInstance = built({
  operation: UpdateSettingInstanceDocument,
  params: uuidParams('instance_id'),
  body: bodies.instancePatch,
  variables: ({ params: p, body: b }) => ({ id: p.instance_id, input: { name: b.name, value: b.value, userId: b.user_id } }),
  response: (d) => instanceBody(d.updateSettingInstance),
});

/** BrainDrive `/api/v1/settings` rows. Each is spread into its documented line in `routes/braindrive.routes.ts`. */
export const braindriveSettingsRows = {
  listDefinitions: built({
    operation: SettingDefinitionsDocument,
    query: queries.definitions,
    variables: ({ query: q }) => ({ category: q.category, scope: q.scope, limit: WHOLE_LIST }),
    response: (d) => d.settingDefinitions.items.map(definitionBody),
  }),
  createDefinition: built({
    operation: CreateSettingDefinitionDocument,
    body: bodies.definition,
    variables: ({ body: b }) => ({ input: definitionInput(b) }),
    response: (d) => definitionBody(d.createSettingDefinition),
    // BrainDrive answers a definition that exists already with 400.
    errorStatus: { CONFLICT: 400 },
  }),
  patchDefinition: built({
    operation: UpdateSettingDefinitionDocument,
    params: params.definition,
    body: bodies.definitionPatch,
    variables: ({ params: p, body: b }) => ({
      id: p.definition_id,
      input: definitionFields(b),
    }),
    response: (d) => definitionBody(d.updateSettingDefinition),
  }),
  putDefinition: built({
    operation: ReplaceSettingDefinitionDocument,
    params: params.definition,
    body: bodies.definitionReplace,
    variables: ({ params: p, body: b }) => ({ id: p.definition_id, input: definitionInput(b, b.id ?? p.definition_id) }),
    response: (d) => definitionBody(d.replaceSettingDefinition),
  }),
  deleteDefinition: built({
    operation: DeleteSettingDefinitionDocument,
    params: params.definition,
    variables: ({ params: p }) => ({ id: p.definition_id }),
    response: (d) => ({ message: `Setting definition ${d.deleteSettingDefinition} deleted successfully` }),
  }),
  listInstances: built({
    operation: SettingInstancesDocument,
    query: queries.instances,
    variables: ({ query: q }) => ({ definitionId: q.definition_id, scope: q.scope, userId: q.user_id, pageId: q.page_id, limit: WHOLE_LIST }),
    response: (d) => d.settingInstances.items.map(instanceBody),
  }),
  getInstance: built({
    operation: SettingInstanceDocument,
    params: uuidParams('instance_id'),
    variables: ({ params: p }) => ({ id: p.instance_id }),
    response: (d) => instanceBody(d.settingInstance),
  }),
  upsertInstance: built({
    operation: UpsertSettingInstanceDocument,
    body: bodies.instance,
    variables: ({ body: b }) => ({
      input: { definitionId: b.definition_id, name: b.name, value: b.value, scope: b.scope, userId: b.user_id, pageId: b.page_id },
    }),
    response: (d) => instanceBody(d.upsertSettingInstance),
  }),
  patchInstance: updateInstance,
  putInstance: updateInstance,
  deleteInstance: built({
    operation: DeleteSettingInstanceDocument,
    params: uuidParams('instance_id'),
    variables: ({ params: p }) => ({ id: p.instance_id }),
    response: (d) => ({ id: d.deleteSettingInstance, message: 'Setting instance deleted successfully' }),
  }),
};

/** StudioBrain `/api/settings` rows. Each is spread into its documented line in `routes/studiobrain.routes.ts`. */
export const studiobrainSettingsRows = {
  getSettings: built({ operation: MySettingsDocument, response: (d) => d.mySettings }),
  putSettings: built({
    operation: UpdateMySettingsDocument,
    body: bodies.userSettings,
    variables: ({ body }) => ({ settings: body }),
    response: (d) => d.updateMySettings,
  }),
  listKeys: built({ operation: ProviderKeysDocument, response: (d) => ({ keys: d.providerKeys.map(providerKeyBody) }) }),
  putKey: built({
    operation: SetProviderKeyDocument,
    params: params.provider,
    body: bodies.providerKey,
    variables: ({ params: p, body: b }) => ({ provider: p.provider, apiKey: b.api_key ?? b.key }),
    response: (d) => ({ ...providerKeyBody(d.setProviderKey), message: `API key for ${d.setProviderKey.provider} saved` }),
  }),
  deleteKey: built({
    operation: DeleteProviderKeyDocument,
    params: params.provider,
    variables: ({ params: p }) => ({ provider: p.provider }),
    response: (d) => ({ ...providerKeyBody(d.deleteProviderKey), message: `API key for ${d.deleteProviderKey.provider} removed` }),
  }),
};
