import type { User } from './user.entity.js';
import { userRef } from './user.entity.js';

/** Any user id can be asked for its workspace fields; each field checks who may see it. */
export function resolveUserReference(ref: Pick<User, 'id'>) {
  return userRef(ref.id);
}
