import { z } from 'zod';
import type {
  ProviderKeyStatusFieldsFragment,
  SettingDefinitionFieldsFragment,
  SettingInstanceFieldsFragment,
} from '../../schema/generated/operations.js';
import { uuidParam } from '../validation.js';

/** How settings read in BrainDrive's and StudioBrain's JSON, and the request bodies they accept. */

/** BrainDrive's SettingDefinitionResponse (+ `is_secret`). */
export const definitionBody = (d: SettingDefinitionFieldsFragment) => ({
  id: d.id,
  name: d.name,
  description: d.description,
  category: d.category,
  type: d.type,
  default_value: d.defaultValue,
  allowed_scopes: d.allowedScopes,
  validation: d.validation,
  is_multiple: d.isMultiple,
  tags: d.tags,
  is_secret: d.isSecret,
  created_at: d.createdAt,
  updated_at: d.updatedAt,
});

/** BrainDrive's SettingInstanceResponse. */
export const instanceBody = (i: SettingInstanceFieldsFragment) => ({
  id: i.id,
  definition_id: i.definitionId,
  name: i.name,
  value: i.value,
  scope: i.scope,
  user_id: i.userId,
  page_id: i.pageId,
  created_at: i.createdAt,
  updated_at: i.updatedAt,
});

export const providerKeyBody = (k: ProviderKeyStatusFieldsFragment) => ({
  provider: k.provider,
  aliases: k.aliases,
  definition_id: k.definitionId,
  has_key: k.hasKey,
  configured: k.hasKey,
  masked_key: k.maskedKey,
  instance_id: k.instanceId,
  updated_at: k.updatedAt,
});

/** Settings lists answer bare arrays (as-built), so REST asks for the largest page the settings lists serve. */
export const WHOLE_LIST = 1000;

const scope = z.enum(['system', 'user', 'page', 'user_page']);
const definitionId = z.string().min(1).max(200).regex(/^[A-Za-z0-9_.:-]+$/);

const definitionFields = {
  name: z.string().min(1).max(200),
  description: z.string().max(10_000).nullish(),
  category: z.string().min(1).max(100),
  type: z.string().min(1).max(50),
  default_value: z.json().optional(),
  allowed_scopes: z.array(scope).min(1),
  validation: z.record(z.string(), z.json()).nullish(),
  is_multiple: z.boolean().optional(),
  tags: z.array(z.string().min(1).max(100)).max(50).nullish(),
  /** Ours: the values hold provider keys (encrypted, masked). Ids ending in `_api_keys_settings` default to true. */
  is_secret: z.boolean().optional(),
};

/** An instance's `user_id`: the caller's id, or `current`; whether it is the caller is the operation's decision (403). */
const userIdField = z.string().max(64).nullish();

export const settingsBodies = {
  definition: z.object({ id: definitionId, ...definitionFields }),
  /** PUT replaces the whole definition; the id, if sent, must be the path's (BrainDrive requires it; we accept it absent). */
  definitionReplace: z.object({ id: definitionId.optional(), ...definitionFields }),
  definitionPatch: z.object({
    name: definitionFields.name.optional(),
    description: definitionFields.description,
    category: definitionFields.category.optional(),
    type: definitionFields.type.optional(),
    default_value: definitionFields.default_value,
    allowed_scopes: definitionFields.allowed_scopes.optional(),
    validation: definitionFields.validation,
    is_multiple: definitionFields.is_multiple,
    tags: definitionFields.tags,
    is_secret: definitionFields.is_secret,
  }),
  /** `scope` stays a string here: an unknown one is a 400 listing the valid ones (as-built), not a 422. */
  instance: z.object({
    definition_id: z.string().min(1).max(200),
    name: z.string().min(1).max(200),
    value: z.json(),
    scope: z.string().min(1).max(50),
    user_id: userIdField,
    page_id: uuidParam.nullish(),
  }),
  /** PATCH and PUT: the documented `{name, value}`; other fields of a full instance are accepted and left as they are. */
  instancePatch: z.object({
    name: z.string().min(1).max(200).optional(),
    value: z.json().optional(),
    user_id: userIdField,
  }),
  /** StudioBrain: `{"api_key": "..."}` or `{"key": "..."}`. */
  providerKey: z
    .object({ api_key: z.string().min(1).max(500).optional(), key: z.string().min(1).max(500).optional() })
    .superRefine((b, ctx) => {
      if (b.api_key === undefined && b.key === undefined) {
        ctx.addIssue({ code: 'invalid_type', expected: 'string', path: ['api_key'], input: undefined, message: 'Field required' });
      }
    }),
  userSettings: z.record(z.string(), z.json()),
};

export const settingsQueries = {
  definitions: z.object({ category: z.string().max(100).optional(), scope: scope.optional() }),
  instances: z.object({
    definition_id: z.string().max(200).optional(),
    scope: z.string().max(50).optional(),
    user_id: z.string().max(64).optional(),
    page_id: uuidParam.optional(),
  }),
};

export const settingsParams = {
  definition: z.object({ definition_id: z.string().min(1).max(200) }),
  provider: z.object({ provider: z.string().min(1).max(50) }),
};
