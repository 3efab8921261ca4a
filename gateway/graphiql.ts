import { CSS, HTML, JS, fromPackage, inline, staticPages, type StaticPages } from './static-pages.js';

/**
 * GraphiQL at `/graphiql`, for machines that can't reach Apollo's CDN (Sandbox, on GET /graphql, loads from it):
 * React, ReactDOM and GraphiQL's own UMD bundle come from local packages (DESIGN §11).
 */
const PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>braingraph — GraphiQL</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/graphiql/graphiql.min.css">
<link rel="icon" href="data:,">
<style>body { margin: 0; } #graphiql { height: 100vh; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="/graphiql/react.production.min.js"></script>
<script src="/graphiql/react-dom.production.min.js"></script>
<script src="/graphiql/graphiql.min.js"></script>
<script src="/graphiql/graphiql-init.js"></script>
</body>
</html>
`;

// Same origin: the session cookie goes along, and the headers editor's values (e.g. Authorization) are sent on
// every request and as the WebSocket's connection params for subscriptions.
const INIT = `(function () {
  var url = new URL('/graphql', window.location.href).toString();
  var fetcher = GraphiQL.createFetcher({ url: url, subscriptionUrl: url.replace(/^http/, 'ws') });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, { fetcher: fetcher, shouldPersistHeaders: true, defaultEditorToolsVisibility: 'headers' }),
  );
})();
`;

// GraphiQL and CodeMirror inject styles at run time; everything else, including fonts and images, is local.
const CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' ws: wss:";

export function createGraphiql(): StaticPages {
  return staticPages(
    {
      '/graphiql': inline(PAGE, HTML),
      '/graphiql/graphiql-init.js': inline(INIT, JS),
      '/graphiql/graphiql.min.css': fromPackage('graphiql', 'graphiql.min.css', CSS),
      '/graphiql/graphiql.min.js': fromPackage('graphiql', 'graphiql.min.js', JS),
      '/graphiql/react.production.min.js': fromPackage('react', 'umd/react.production.min.js', JS),
      '/graphiql/react-dom.production.min.js': fromPackage('react-dom', 'umd/react-dom.production.min.js', JS),
    },
    { csp: CSP },
  );
}
