import { UpstreamUnavailableError } from '../../common/errors.js';

export interface SearxngResult {
  title: string;
  url: string;
  content: string;
  engine: string | null;
  score: number | null;
}

export interface SearxngAnswer {
  query: string;
  numberOfResults: number;
  results: SearxngResult[];
}

/**
 * SearXNG's JSON search API at an operator-configured base URL (not a user's URL, so not through the SSRF guard).
 * Absent → 503 not configured; unreachable or failing → 502, naming SearXNG.
 */
export class SearxngClient {
  constructor(private readonly baseUrl: string | undefined) {}

  private base(): string {
    if (!this.baseUrl) throw new UpstreamUnavailableError('Web search is not configured (set SEARXNG_URL)', 'not_configured');
    return this.baseUrl.replace(/\/+$/, '');
  }

  async search(q: string, options: { categories?: string | null; engines?: string | null; page?: number | null; language?: string | null }): Promise<SearxngAnswer> {
    const url = new URL(`${this.base()}/search`);
    url.searchParams.set('q', q);
    url.searchParams.set('format', 'json');
    if (options.categories) url.searchParams.set('categories', options.categories);
    if (options.engines) url.searchParams.set('engines', options.engines);
    if (options.language) url.searchParams.set('language', options.language);
    if (options.page) url.searchParams.set('pageno', String(options.page));
    const body = (await this.get(url)) as { query?: string; number_of_results?: number; results?: Record<string, unknown>[] };
    const results = (body.results ?? []).map((r) => ({
      title: String(r.title ?? ''),
      url: String(r.url ?? ''),
      content: String(r.content ?? ''),
      engine: typeof r.engine === 'string' ? r.engine : null,
      score: typeof r.score === 'number' ? r.score : null,
    }));
    return { query: body.query ?? q, numberOfResults: body.number_of_results || results.length, results };
  }

  /** SearXNG's own health endpoint. */
  async healthy(): Promise<{ latencyMs: number }> {
    const started = performance.now();
    const res = await this.fetch(new URL(`${this.base()}/healthz`));
    if (!res.ok) throw new UpstreamUnavailableError(`SearXNG answered ${res.status} at ${this.baseUrl}`);
    return { latencyMs: Math.round(performance.now() - started) };
  }

  private async get(url: URL): Promise<unknown> {
    const res = await this.fetch(url);
    if (!res.ok) throw new UpstreamUnavailableError(`SearXNG answered ${res.status} at ${this.baseUrl} (is the json format enabled?)`);
    try {
      return await res.json();
    } catch {
      throw new UpstreamUnavailableError(`SearXNG at ${this.baseUrl} did not answer JSON`);
    }
  }

  private async fetch(url: URL): Promise<Response> {
    try {
      return await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
    } catch {
      throw new UpstreamUnavailableError(`SearXNG at ${this.baseUrl} is unreachable`);
    }
  }
}
