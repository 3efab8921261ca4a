import { AddressPolicy } from '../../common/net/address-policy.js';
import { safeFetch } from '../../common/net/safe-fetch.js';
import { readableText, type ReadableText } from './readable-text.js';

export interface ScrapeResult extends ReadableText {
  url: string;
  status: number;
  contentType: string | null;
}

/** Fetches a page through the SSRF guard and extracts its readable text (HTML) or takes it as is (plain text). */
export async function scrape(url: string, allowlist: readonly string[], signal?: AbortSignal): Promise<ScrapeResult> {
  const res = await safeFetch(url, { policy: new AddressPolicy(allowlist), signal, maxBytes: 3 * 1024 * 1024, headers: { accept: 'text/html,text/plain;q=0.9,*/*;q=0.5' } });
  const contentType = (res.headers['content-type'] as string | undefined) ?? null;
  const body = res.body.toString('utf8');
  const page = contentType?.includes('html') || /^\s*</.test(body) ? readableText(body) : { title: null, text: body.trim(), excerpt: null };
  return { url: res.url, status: res.status, contentType, ...page };
}
