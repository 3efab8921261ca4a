import type { SubgraphContext } from '../common/subgraph.types.js';
import type { IdentityLoaders } from './identity.loaders.js';
import type { User } from './user.entity.js';

/** Other subgraphs refer to users by id; the gateway asks here for their fields, batched per request. */
export function resolveUserReference(ref: Pick<User, 'id'>, ctx: SubgraphContext<IdentityLoaders>) {
  return ctx.loaders.userById.load(ref.id);
}
