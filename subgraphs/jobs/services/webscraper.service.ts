import { scrape } from '../web/scrape.js';
import type { ServiceDefinition } from './service-definition.js';

export const webscraper: ServiceDefinition = {
  id: 'webscraper',
  name: 'Web Scraper',
  description: 'Fetches a web page and extracts its readable text.',
  version: '1.0.0',
  config: {},
  endpoints: {
    scrape: {
      description: 'Scrape one URL',
      method: 'POST',
      parameters: { url: { type: 'string', description: 'http(s) URL of the page', required: true } },
      returns: '{url, title, text, excerpt, status, content_type}',
      isAsync: true,
      cost: 1,
      async run(params, run, deps) {
        await run.progress(10, 'fetching', String(params.url));
        const page = await scrape(String(params.url), deps.env.ssrfAllowlist, run.signal);
        return { url: page.url, title: page.title, text: page.text, excerpt: page.excerpt, status: page.status, content_type: page.contentType };
      },
    },
  },
};
