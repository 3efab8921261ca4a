import { Ctx, Directive, Field, Float, ObjectType, Query, Resolver } from 'type-graphql';
import { requireInternal } from '../common/context.js';
import type { SubgraphContext } from '../common/subgraph.types.js';
import { resolveProvider } from './providers/provider-resolver.js';

@ObjectType({ description: "Internal: whether the platform's AI upstream answers." })
@Directive('@inaccessible')
export class AiUpstreamHealth {
  @Field(() => String, { description: 'healthy, unhealthy or not_configured' })
  status: string;

  @Field(() => String, { nullable: true })
  provider: string | null;

  @Field(() => Float, { nullable: true })
  latencyMs: number | null;

  @Field(() => String, { nullable: true })
  error: string | null;
}

const TIMEOUT_MS = 3_000;

/** For `/health` (Brain Garden reports its upstream's reachability): the platform default provider lists its models. */
@Resolver()
export class UpstreamHealthResolver {
  @Query(() => AiUpstreamHealth)
  @Directive('@inaccessible')
  async aiUpstreamHealth(@Ctx() ctx: SubgraphContext): Promise<AiUpstreamHealth> {
    requireInternal(ctx);
    const provider = ctx.deps.env.defaultAiProvider ?? null;
    if (!provider) return { status: 'not_configured', provider: null, latencyMs: null, error: null };
    const started = performance.now();
    try {
      const adapter = await resolveProvider(ctx, { provider });
      await adapter.listModels(AbortSignal.timeout(TIMEOUT_MS));
      return { status: 'healthy', provider, latencyMs: Math.round(performance.now() - started), error: null };
    } catch (e) {
      // The message names the provider and server (our upstream errors are written for readers), never raw numbers.
      return { status: 'unhealthy', provider, latencyMs: null, error: (e as Error).message };
    }
  }
}
