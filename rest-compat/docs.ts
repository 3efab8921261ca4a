import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

interface Asset {
  type: string;
  /** Read on first request, then kept: the bundles are megabytes and most processes never serve them. */
  load: () => Buffer;
}

const fromPackage = (pkg: string, file: string, type: string): Asset => {
  let cached: Buffer | undefined;
  return { type, load: () => (cached ??= readFileSync(join(dirname(require.resolve(`${pkg}/package.json`)), file))) };
};

const inline = (text: string, type: string): Asset => {
  const buffer = Buffer.from(text);
  return { type, load: () => buffer };
};

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';
const HTML = 'text/html; charset=utf-8';

// Swagger UI's default validator badge and ReDoc's attribution logo load from the internet; nothing else may.
const CSP = "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'";

const swaggerHtml = (title: string) => `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title} — Swagger UI</title>
<link rel="stylesheet" href="/docs/swagger-ui.css">
<link rel="icon" type="image/png" href="/docs/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/swagger-ui-bundle.js"></script>
<script src="/docs/swagger-init.js"></script>
</body>
</html>
`;

const SWAGGER_INIT = `window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
  withCredentials: true,
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
});
`;

const redocHtml = (title: string) => `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title} — ReDoc</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body { margin: 0; padding: 0; }</style>
</head>
<body>
<redoc spec-url="/openapi.json"></redoc>
<script src="/redoc/redoc.standalone.js"></script>
</body>
</html>
`;

export interface DocsOptions {
  /** Page titles. @default 'braingraph REST API' */
  title?: string;
}

export interface Docs {
  /**
   * Serves `/openapi.json`, `/docs` (Swagger UI) and `/redoc` (ReDoc) with their assets from local packages.
   * @returns false when `pathname` is not one of them
   */
  handle(req: IncomingMessage, res: ServerResponse, pathname: string): boolean;
}

/**
 * The API docs, never from a CDN (DESIGN §11).
 * @param openapi the document, serialized once here
 */
export function createDocs(openapi: object, options: DocsOptions = {}): Docs {
  const title = options.title ?? 'braingraph REST API';
  const pages = new Map<string, Asset>(Object.entries({
    '/openapi.json': inline(JSON.stringify(openapi), 'application/json'),
    '/docs': inline(swaggerHtml(title), HTML),
    '/docs/swagger-init.js': inline(SWAGGER_INIT, JS),
    '/docs/swagger-ui.css': fromPackage('swagger-ui-dist', 'swagger-ui.css', CSS),
    '/docs/swagger-ui-bundle.js': fromPackage('swagger-ui-dist', 'swagger-ui-bundle.js', JS),
    '/docs/favicon-32x32.png': fromPackage('swagger-ui-dist', 'favicon-32x32.png', 'image/png'),
    '/redoc': inline(redocHtml(title), HTML),
    '/redoc/redoc.standalone.js': fromPackage('redoc', 'bundles/redoc.standalone.js', JS),
  }));
  return {
    handle(req, res, pathname) {
      const asset = pages.get(pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname);
      if (!asset || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
      const body = asset.load();
      const headers: Record<string, string | number> = { 'Content-Type': asset.type, 'Content-Length': body.length };
      if (asset.type === HTML) headers['Content-Security-Policy'] = CSP;
      else if (pathname !== '/openapi.json') headers['Cache-Control'] = 'public, max-age=86400';
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
      return true;
    },
  };
}
