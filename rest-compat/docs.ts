import { CSS, HTML, JS, fromPackage, inline, staticPages, type StaticPages } from '../gateway/static-pages.js';

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

/** Serves `/openapi.json`, `/docs` (Swagger UI) and `/redoc` (ReDoc) with their assets from local packages. */
export type Docs = StaticPages;

/**
 * The API docs, never from a CDN (DESIGN §11).
 * @param openapi the document, serialized once here
 */
export function createDocs(openapi: object, options: DocsOptions = {}): Docs {
  const title = options.title ?? 'braingraph REST API';
  return staticPages(
    {
      '/openapi.json': inline(JSON.stringify(openapi), 'application/json'),
      '/docs': inline(swaggerHtml(title), HTML),
      '/docs/swagger-init.js': inline(SWAGGER_INIT, JS),
      '/docs/swagger-ui.css': fromPackage('swagger-ui-dist', 'swagger-ui.css', CSS),
      '/docs/swagger-ui-bundle.js': fromPackage('swagger-ui-dist', 'swagger-ui-bundle.js', JS),
      '/docs/favicon-32x32.png': fromPackage('swagger-ui-dist', 'favicon-32x32.png', 'image/png'),
      '/redoc': inline(redocHtml(title), HTML),
      '/redoc/redoc.standalone.js': fromPackage('redoc', 'bundles/redoc.standalone.js', JS),
    },
    { csp: CSP, uncached: ['/openapi.json'] },
  );
}
