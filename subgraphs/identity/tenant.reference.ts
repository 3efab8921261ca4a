import type { SubgraphContext } from '../common/subgraph.types.js';
import type { IdentityLoaders } from './identity.loaders.js';
import type { Tenant } from './tenant.entity.js';

export function resolveTenantReference(ref: Pick<Tenant, 'id'>, ctx: SubgraphContext<IdentityLoaders>) {
  return ctx.loaders.tenantById.load(ref.id);
}
