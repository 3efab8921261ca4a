import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType()
export class WebSearchHit {
  @Field(() => String) title: string;
  @Field(() => String) url: string;
  @Field(() => String) content: string;
  @Field(() => String, { nullable: true }) engine: string | null;
  @Field(() => Float, { nullable: true }) score: number | null;
}

@ObjectType({ description: 'Results of a SearXNG web search.' })
export class WebSearchResult {
  @Field(() => String) query: string;
  @Field(() => Int) numberOfResults: number;
  @Field(() => [WebSearchHit]) results: WebSearchHit[];
}

@ObjectType({ description: 'One URL of a scrape request.' })
export class ScrapedPage {
  @Field(() => String) url: string;
  @Field(() => Boolean) success: boolean;
  @Field(() => String, { nullable: true }) title: string | null;
  @Field(() => String, { nullable: true }) text: string | null;
  @Field(() => String, { nullable: true, description: 'The first few hundred characters of the text.' }) summary: string | null;
  @Field(() => Int, { nullable: true }) textLength: number | null;
  @Field(() => String, { nullable: true }) error: string | null;
}

@ObjectType()
export class ScrapeReport {
  @Field(() => [ScrapedPage]) results: ScrapedPage[];
  @Field(() => Int) succeeded: number;
  @Field(() => Int) failed: number;
}

@ObjectType()
export class WebSearchHealth {
  @Field(() => String, { description: 'healthy' }) status: string;
  @Field(() => Int) latencyMs: number;
}
