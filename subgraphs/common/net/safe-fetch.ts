import { lookup as dnsLookup } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { BadUserInputError, UpstreamUnavailableError } from '../errors.js';
import type { AddressPolicy } from './address-policy.js';

export interface SafeFetchOptions {
  policy: AddressPolicy;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Larger answers are cut off with an error. @default 5 MiB */
  maxBytes?: number;
  /** Whole request, redirects included. @default 15 s */
  timeoutMs?: number;
  /** @default 5 */
  maxRedirects?: number;
  signal?: AbortSignal;
}

export interface SafeResponse {
  url: string;
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** Thrown for a target the policy refuses: the caller's input is at fault (400), not the upstream. */
export class RefusedTargetError extends BadUserInputError {}

/**
 * The one SSRF guard (DESIGN §9) for every URL fetched on a user's behalf: http/https only; the address is checked
 * when the socket connects (after DNS, so a name that resolves to a private address is caught, and rebinding
 * can't slip past a check made earlier); every redirect is checked again; size and time are capped.
 */
export async function safeFetch(rawUrl: string, o: SafeFetchOptions): Promise<SafeResponse> {
  const deadline = AbortSignal.timeout(o.timeoutMs ?? 15_000);
  const signal = o.signal ? AbortSignal.any([o.signal, deadline]) : deadline;
  let url = parseUrl(rawUrl);
  for (let hop = 0; ; hop++) {
    const res = await request(url, o, signal);
    const location = res.headers.location;
    if (res.status >= 300 && res.status < 400 && location) {
      if (hop >= (o.maxRedirects ?? 5)) throw new UpstreamUnavailableError(`Too many redirects fetching ${rawUrl}`);
      url = parseUrl(new URL(location, url).toString());
      continue;
    }
    return res;
  }
}

function parseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new RefusedTargetError(`Not a URL: ${raw}`, 'url');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RefusedTargetError(`Only http and https URLs are fetched, not ${url.protocol}`, 'url');
  if (url.username || url.password) throw new RefusedTargetError('URLs with credentials are not fetched', 'url');
  return url;
}

function request(url: URL, o: SafeFetchOptions, signal: AbortSignal): Promise<SafeResponse> {
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let refused: string | null = null;
  // Node may ask for every address (happy eyeballs): each one is checked, and a refused one fails the request.
  const lookup: LookupFunction = (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      for (const a of addresses) {
        refused = o.policy.refusal(a.address, host, port);
        if (refused) return callback(Object.assign(new Error(refused), { code: 'EREFUSEDTARGET' }), '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: typeof addresses) => void)(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
  const maxBytes = o.maxBytes ?? 5 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    const lib = url.protocol === 'https:' ? https : http;
    // An IP literal never goes through `lookup`: check it here.
    if (/^[\d.]+$|:/.test(host)) {
      const why = o.policy.refusal(host, host, port);
      if (why) return reject(new RefusedTargetError(why, 'url'));
    }
    const req = lib.request(url, { method: o.method ?? 'GET', headers: { 'user-agent': 'braingraph/0.1', ...o.headers }, lookup, signal }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > maxBytes) {
          req.destroy();
          reject(new BadUserInputError(`The answer from ${url.host} is larger than ${maxBytes} bytes`, 'url'));
          return;
        }
        chunks.push(c);
      });
      res.on('end', () => resolve({ url: url.toString(), status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (refused || e.code === 'EREFUSEDTARGET') return reject(new RefusedTargetError(refused ?? e.message, 'url'));
      if (signal.aborted) return reject(new UpstreamUnavailableError(`Timed out fetching ${url.host}`));
      reject(new UpstreamUnavailableError(`Could not reach ${url.host}`));
    });
    if (o.body) req.write(o.body);
    req.end();
  });
}
