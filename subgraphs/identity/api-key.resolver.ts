import { Arg, Args, Ctx, Directive, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { SubgraphContext } from '../common/subgraph.types.js';
import { ApiKey } from './api-key.entity.js';
import { ApiKeyService } from './api-key.service.js';
import type { IdentityLoaders } from './identity.loaders.js';
import { IssueApiKeyArgs, UpdateApiKeyArgs } from './identity.inputs.js';
import { ApiKeyPrincipal, IssuedApiKey } from './identity.types.js';

type Context = SubgraphContext<IdentityLoaders>;

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Query(() => [ApiKey], { description: "The caller's active API keys." })
  apiKeys(@Ctx() ctx: Context): Promise<ApiKey[]> {
    return new ApiKeyService(ctx).list();
  }

  @Mutation(() => IssuedApiKey)
  issueApiKey(@Args(() => IssueApiKeyArgs) { label, expiresAt }: IssueApiKeyArgs, @Ctx() ctx: Context): Promise<IssuedApiKey> {
    return new ApiKeyService(ctx).issue(label, expiresAt);
  }

  @Mutation(() => ApiKey)
  revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ApiKey> {
    return new ApiKeyService(ctx).revoke(id);
  }

  @Mutation(() => ApiKey)
  updateApiKey(@Args(() => UpdateApiKeyArgs) { id, label, expiresAt }: UpdateApiKeyArgs, @Ctx() ctx: Context): Promise<ApiKey> {
    return new ApiKeyService(ctx).update(id, label, expiresAt);
  }

  @Query(() => ApiKeyPrincipal, { nullable: true, description: 'Internal: resolves an API key for the edge.' })
  @Directive('@inaccessible')
  authenticateApiKey(@Arg('key', () => String) key: string, @Ctx() ctx: Context): Promise<ApiKeyPrincipal | null> {
    return new ApiKeyService(ctx).authenticate(key);
  }
}
