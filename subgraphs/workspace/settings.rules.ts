import { BadUserInputError, ForbiddenError } from '../common/errors.js';
import type { AuthContext } from '../common/auth-context.js';
import { normalizeUuid } from '../common/ids.js';
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
