import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** A page or asset served as is: a file of an installed package, or text made here. */
export interface Asset {
  type: string;
  /** Read on first request, then kept: the bundles are megabytes and most processes never serve them. */
  load: () => Buffer;
}

export const JS = 'text/javascript; charset=utf-8';
export const CSS = 'text/css; charset=utf-8';
export const HTML = 'text/html; charset=utf-8';

export const fromPackage = (pkg: string, file: string, type: string): Asset => {
  let cached: Buffer | undefined;
  return { type, load: () => (cached ??= readFileSync(join(dirname(require.resolve(`${pkg}/package.json`)), file))) };
};

export const inline = (text: string, type: string): Asset => {
  const buffer = Buffer.from(text);
  return { type, load: () => buffer };
};

export interface StaticPages {
  /** Answers GET/HEAD of one of the pages; false when `pathname` is not one (or the method isn't GET/HEAD). */
  handle(req: IncomingMessage, res: ServerResponse, pathname: string): boolean;
}

/**
 * Pages and their assets from local packages, never a CDN (DESIGN §11): HTML gets `csp`, assets are cached a day,
 * paths in `uncached` are not cached (documents that change with the code, like /openapi.json).
 */
export function staticPages(pages: Record<string, Asset>, { csp, uncached = [] }: { csp: string; uncached?: string[] }): StaticPages {
  const byPath = new Map(Object.entries(pages));
  return {
    handle(req, res, pathname) {
      const path = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
      const asset = byPath.get(path);
      if (!asset || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
      const body = asset.load();
      const headers: Record<string, string | number> = { 'Content-Type': asset.type, 'Content-Length': body.length };
      if (asset.type === HTML) headers['Content-Security-Policy'] = csp;
      else if (!uncached.includes(path)) headers['Cache-Control'] = 'public, max-age=86400';
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
      return true;
    },
  };
}
