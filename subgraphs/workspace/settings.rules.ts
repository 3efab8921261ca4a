import { BadUserInputError, ForbiddenError } from '../common/errors.js';
import type { AuthContext } from '../common/auth-context.js';
import { normalizeUuid } from '../common/ids.js';
import type { SettingDefinition } from './setting-definition.entity.js';
import { SETTING_SCOPES, type SettingScope } from './setting-instance.entity.js';

/** Settings lists answer REST as bare arrays, so a page may be large. */
export const SETTINGS_MAX_LIMIT = 1000;

/** A scope, in any case; anything else is refused with the valid ones listed (as BrainDrive answers). */
export function checkScope(scope: string): SettingScope {
  const s = scope.trim().toLowerCase();
  if ((SETTING_SCOPES as readonly string[]).includes(s)) return s as SettingScope;
  throw new BadUserInputError(`Invalid scope value: ${scope}. Valid values are: ${SETTING_SCOPES.join(', ')}`, 'scope');
}

/**
 * The user a request names: absent, `current` or the caller's own id (with or without dashes) mean the caller;
 * anyone else is acting for another user (403, DESIGN §5).
 */
export function checkActingUser(auth: AuthContext, userId: string | null | undefined): string {
  if (userId == null || userId === '' || userId === 'current' || normalizeUuid(userId) === auth.userId) return auth.userId;
  throw new ForbiddenError("Not authorized to access another user's settings");
}

export function checkPageId(pageId: string): string {
  const id = normalizeUuid(pageId);
  if (!id) throw new BadUserInputError('page_id must be a UUID', 'page_id');
  return id;
}

/** Every definition a plugin declares is tagged `plugin` and with the plugin's slug (plugin-owned-settings.service.ts). */
export const PLUGIN_TAG = 'plugin';

/** The definition holding a plugin's per-user settings: `plugin_<slug>_settings`, slug characters other than [a-z0-9_] as `_`. */
export function pluginDefinitionId(slug: string): string {
  return `plugin_${slug.toLowerCase().replace(/[^a-z0-9_]/g, '_')}_settings`;
}

/** The fields a plugin-owned definition declares (`validation.fields`); null for any other definition. */
export function pluginFieldsOf(definition: SettingDefinition): Record<string, unknown> | null {
  const fields = definition.validation?.fields;
  if (!definition.tags.includes(PLUGIN_TAG) || typeof fields !== 'object' || fields === null || Array.isArray(fields)) return null;
  return fields as Record<string, unknown>;
}

/** A value of a plugin-owned definition is an object of its declared fields only, as the plugin's own route checks. */
export function checkPluginValue(definition: SettingDefinition, value: unknown): void {
  const fields = pluginFieldsOf(definition);
  if (!fields) return;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new BadUserInputError(`The value of ${definition.id} must be a JSON object`, 'value');
  const unknown = Object.keys(value).filter((k) => !Object.hasOwn(fields, k));
  if (unknown.length) {
    throw new BadUserInputError(`Unknown setting${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; declared: ${Object.keys(fields).sort().join(', ') || 'none'}`, 'value');
  }
}
