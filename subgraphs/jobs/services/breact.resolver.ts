import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { JSONResolver } from 'graphql-scalars';
import type { SubgraphContext } from '../../common/subgraph.types.js';
import type { JobsLoaders } from '../jobs.loaders.js';
import { BreactService } from './breact.service.js';
import { ServiceExecution, ServiceResult } from './breact.types.js';

type Context = SubgraphContext<JobsLoaders>;

@Resolver()
export class BreactResolver {
  @Query(() => JSONResolver, { description: 'BReact OS services, keyed by id, with their endpoints and parameters.' })
  services(@Ctx() ctx: Context): Record<string, unknown> {
    return new BreactService(ctx).list();
  }

  @Mutation(() => ServiceExecution, { description: 'Starts a service endpoint; read the result with the access token.' })
  executeService(
    @Arg('serviceId', () => String) serviceId: string,
    @Arg('endpoint', () => String) endpoint: string,
    @Arg('params', () => JSONResolver, { nullable: true }) params: Record<string, unknown> | null,
    @Ctx() ctx: Context,
  ): Promise<ServiceExecution> {
    return new BreactService(ctx).execute(serviceId, endpoint, params);
  }

  @Query(() => ServiceResult)
  serviceResult(@Arg('processId', () => ID) processId: string, @Arg('accessToken', () => String) accessToken: string, @Ctx() ctx: Context): Promise<ServiceResult> {
    return new BreactService(ctx).result(processId, accessToken);
  }
}
