import { Ctx, Query, Resolver } from 'type-graphql';
import type { SubgraphContext } from '../common/subgraph.types.js';
import { OpsService } from './ops.service.js';
import { Health } from './ops.types.js';

@Resolver()
export class OpsResolver {
  @Query(() => Health)
  health(@Ctx() ctx: SubgraphContext): Promise<Health> {
    return new OpsService(ctx).health();
  }
}
