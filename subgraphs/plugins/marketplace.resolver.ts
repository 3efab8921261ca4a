import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { MarketplaceListing } from './marketplace-listing.entity.js';
import { MarketplaceService } from './marketplace.service.js';
import { MarketplaceListingInput } from './plugins.inputs.js';
import type { PluginsContext } from './plugins.loaders.js';
import { MarketplaceListingPage } from './plugins.types.js';

@Resolver(() => MarketplaceListing)
export class MarketplaceResolver {
  @Query(() => MarketplaceListingPage, { description: 'The catalogue (public).' })
  marketplaceListings(
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Arg('category', () => String, { nullable: true }) category: string | null,
    @Arg('offset', () => Int, { nullable: true }) offset: number | null,
    @Arg('limit', () => Int, { nullable: true }) limit: number | null,
    @Ctx() ctx: PluginsContext,
  ): Promise<MarketplaceListingPage> {
    return new MarketplaceService(ctx).list(search, category, offset ?? 0, limit ?? 50);
  }

  @Query(() => MarketplaceListing, { description: 'By id or slug (public).' })
  marketplaceListing(@Arg('id', () => String) id: string, @Ctx() ctx: PluginsContext): Promise<MarketplaceListing> {
    return new MarketplaceService(ctx).get(id);
  }

  @Mutation(() => MarketplaceListing, { description: 'Platform admin: adds a listing or publishes a new version of one.' })
  registerMarketplaceListing(@Arg('input', () => MarketplaceListingInput) input: MarketplaceListingInput, @Ctx() ctx: PluginsContext): Promise<MarketplaceListing> {
    return new MarketplaceService(ctx).register(input);
  }
}
