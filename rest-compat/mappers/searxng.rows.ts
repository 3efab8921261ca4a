import { z } from 'zod';
import { ScrapeUrlsDocument, WebSearchDocument, WebSearchHealthDocument } from '../../schema/generated/operations.js';
import { intParam } from '../validation.js';
import { built } from './built.js';

/** Real clients send a bare array of URLs; the reference says `{urls}`: both are accepted (as-built). */
const scrapeBody = z.union([z.array(z.string()), z.object({ urls: z.array(z.string()) })]);

export const searxngRows = {
  web: built({
    operation: WebSearchDocument,
    query: z.object({
      q: z.string().min(1),
      categories: z.string().optional(),
      engines: z.string().optional(),
      language: z.string().optional(),
      pageno: intParam({ min: 1 }).optional(),
    }),
    variables: ({ query: q }) => ({ q: q.q, categories: q.categories, engines: q.engines, language: q.language, page: q.pageno }),
    response: ({ webSearch: w }) => ({ query: w.query, number_of_results: w.numberOfResults, results: w.results }),
  }),
  scrape: built({
    operation: ScrapeUrlsDocument,
    body: scrapeBody,
    variables: (r) => ({ urls: Array.isArray(r.body) ? r.body : r.body.urls }),
    response: ({ scrapeUrls: s }) => ({
      results: s.results.map((p) => ({ url: p.url, success: p.success, title: p.title, content: p.text, summary: p.summary, text_length: p.textLength, error: p.error })),
      summary: { total: s.results.length, succeeded: s.succeeded, failed: s.failed },
    }),
  }),
  health: built({ operation: WebSearchHealthDocument, response: ({ webSearchHealth: h }) => ({ status: h.status, latency_ms: h.latencyMs }) }),
};
