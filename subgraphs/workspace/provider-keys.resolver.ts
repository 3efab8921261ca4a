import { Arg, Args, Ctx, Directive, Mutation, Query, Resolver } from 'type-graphql';
import type { SubgraphContext } from '../common/subgraph.types.js';
import { ProviderKeysService } from './provider-keys.service.js';
import { ProviderCredentialsArgs } from './settings.inputs.js';
import type { SettingsLoaders } from './settings.loaders.js';
import { ProviderCredentials, ProviderKeyStatus } from './settings.types.js';

type Context = SubgraphContext<SettingsLoaders>;

@Resolver()
export class ProviderKeysResolver {
  @Query(() => [ProviderKeyStatus], { description: "Which providers the caller has an API key for (masked)." })
  providerKeys(@Ctx() ctx: Context): Promise<ProviderKeyStatus[]> {
    return new ProviderKeysService(ctx).list();
  }

  @Mutation(() => ProviderKeyStatus, { description: "Sets the caller's API key for a provider (stored encrypted)." })
  setProviderKey(
    @Arg('provider', () => String) provider: string,
    @Arg('apiKey', () => String) apiKey: string,
    @Ctx() ctx: Context,
  ): Promise<ProviderKeyStatus> {
    return new ProviderKeysService(ctx).set(provider, apiKey);
  }

  @Mutation(() => ProviderKeyStatus)
  deleteProviderKey(@Arg('provider', () => String) provider: string, @Ctx() ctx: Context): Promise<ProviderKeyStatus> {
    return new ProviderKeysService(ctx).remove(provider);
  }

  @Query(() => ProviderCredentials, { description: "Internal: a user's decrypted provider key and servers, for chat." })
  @Directive('@inaccessible')
  providerCredentials(@Args(() => ProviderCredentialsArgs) args: ProviderCredentialsArgs, @Ctx() ctx: Context): Promise<ProviderCredentials> {
    return new ProviderKeysService(ctx).credentials(args);
  }
}
