import { requireAuth } from '../common/context.js';
import { BadUserInputError, ForbiddenError } from '../common/errors.js';
import { normalizeUuid } from '../common/ids.js';
import type { SubgraphContext } from '../common/subgraph.types.js';

/**
 * The caller's id, after checking a `user_id` the client named: `current` or the caller's own id are fine; any other
 * id is acting for another user, which the products answer 403 (DESIGN §5).
 */
export function actingUser(ctx: SubgraphContext, named?: string | null): string {
  const { userId } = requireAuth(ctx);
  if (named == null || named === '' || named === 'current') return userId;
  if (normalizeUuid(named) !== userId) throw new ForbiddenError('Not authorized to act for another user');
  return userId;
}

/** A UUID argument in canonical form, or a 400 naming the field. */
export function uuidArg(value: string | null | undefined, field: string): string | null {
  if (value == null || value === '') return null;
  const id = normalizeUuid(value);
  if (!id) throw new BadUserInputError(`${field} must be a UUID`, field);
  return id;
}
