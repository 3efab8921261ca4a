import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { SubgraphContext } from '../../common/subgraph.types.js';
import { WebSearchService } from './web-search.service.js';
import { ScrapeReport, WebSearchHealth, WebSearchResult } from './web-search.types.js';

@Resolver()
export class WebSearchResolver {
  @Query(() => WebSearchResult, { description: 'Web search through the configured SearXNG.' })
  webSearch(
    @Arg('q', () => String) q: string,
    @Arg('categories', () => String, { nullable: true }) categories: string | null,
    @Arg('engines', () => String, { nullable: true }) engines: string | null,
    @Arg('page', () => Int, { nullable: true }) page: number | null,
    @Arg('language', () => String, { nullable: true }) language: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<WebSearchResult> {
    return new WebSearchService(ctx).search(q, { categories, engines, page, language });
  }

  @Mutation(() => ScrapeReport, { description: 'Fetches up to 5 pages and extracts their readable text.' })
  scrapeUrls(@Arg('urls', () => [String]) urls: string[], @Ctx() ctx: SubgraphContext): Promise<ScrapeReport> {
    return new WebSearchService(ctx).scrape(urls);
  }

  @Query(() => WebSearchHealth)
  webSearchHealth(@Ctx() ctx: SubgraphContext): Promise<WebSearchHealth> {
    return new WebSearchService(ctx).health();
  }
}
