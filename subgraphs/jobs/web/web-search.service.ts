import { BadUserInputError } from '../../common/errors.js';
import { requireAuth } from '../../common/context.js';
import type { SubgraphContext } from '../../common/subgraph.types.js';
import { scrape } from './scrape.js';
import { SearxngClient } from './searxng.client.js';
import type { ScrapeReport, WebSearchHealth, WebSearchResult } from './web-search.types.js';

/** At most this many URLs per scrape request (BrainDrive's limit). */
export const MAX_SCRAPE_URLS = 5;
const SUMMARY_CHARS = 300;

export class WebSearchService {
  private readonly searxng: SearxngClient;

  constructor(private readonly ctx: SubgraphContext) {
    this.searxng = new SearxngClient(ctx.deps.env.searxngUrl);
  }

  search(q: string, options: { categories?: string | null; engines?: string | null; page?: number | null; language?: string | null }): Promise<WebSearchResult> {
    requireAuth(this.ctx);
    if (!q.trim()) throw new BadUserInputError('q must not be empty', 'q');
    return this.searxng.search(q, options);
  }

  /** Scrapes each URL through the SSRF guard; one failing URL is reported in its own entry, not as a failed request. */
  async scrape(urls: string[]): Promise<ScrapeReport> {
    requireAuth(this.ctx);
    if (urls.length === 0) throw new BadUserInputError('urls must not be empty', 'urls');
    if (urls.length > MAX_SCRAPE_URLS) throw new BadUserInputError(`At most ${MAX_SCRAPE_URLS} URLs per request`, 'urls');
    const results = await Promise.all(
      urls.map(async (url) => {
        try {
          const page = await scrape(url, this.ctx.deps.env.ssrfAllowlist);
          const summary = (page.excerpt || page.text).slice(0, SUMMARY_CHARS);
          return { url, success: page.status < 400, title: page.title, text: page.text, summary, textLength: page.text.length, error: page.status < 400 ? null : `HTTP ${page.status}` };
        } catch (e) {
          return { url, success: false, title: null, text: null, summary: null, textLength: null, error: (e as Error).message };
        }
      }),
    );
    const succeeded = results.filter((r) => r.success).length;
    return { results, succeeded, failed: results.length - succeeded };
  }

  async health(): Promise<WebSearchHealth> {
    const { latencyMs } = await this.searxng.healthy();
    return { status: 'healthy', latencyMs };
  }
}
