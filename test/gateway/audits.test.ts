import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverAudits } from 'graphql-http';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('GraphQL over HTTP (graphql-http serverAudits against the live gateway)', async () => {
  // The audits need the URL when they are declared; they run against the gateway started in beforeAll.
  const audits = serverAudits({ url: () => app.graphqlUrl, fetchFn: fetch });
  for (const audit of audits) {
    it(audit.name, async () => {
      const result = await audit.fn();
      if (result.status === 'error') throw new Error(`${result.reason}\n${JSON.stringify(await result.response.text?.())}`);
      // `notice` is a MAY the gateway declines on purpose: CSRF prevention refuses a GET that carries no
      // preflight-forcing header (Apollo-Require-Preflight or a JSON content-type).
      expect(['ok', 'warn', 'notice']).toContain(result.status);
    });
  }
});

describe('Sandbox landing page', () => {
  it('should serve Apollo Sandbox on GET /graphql for a browser', async () => {
    const res = await fetch(app.graphqlUrl, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/sandbox/i);
  });

  it('should refuse a GET query without a CSRF-safe header', async () => {
    const res = await fetch(`${app.graphqlUrl}?query=${encodeURIComponent('{ health { status } }')}`, { headers: { 'content-type': 'text/plain' } });
    expect(res.status).toBe(400);
  });
});

describe('local GraphiQL', () => {
  const base = () => app.graphqlUrl.replace(/\/graphql$/, '');

  it('should serve a page that loads only local scripts and styles', async () => {
    const res = await fetch(`${base()}/graphiql`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await res.text();
    // Nothing from a CDN: every script and stylesheet is one of ours.
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    const assets = [...html.matchAll(/(?:src|href)="(\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets).toEqual(expect.arrayContaining(['/graphiql/graphiql.min.js', '/graphiql/react.production.min.js', '/graphiql/graphiql-init.js']));
    for (const path of assets) {
      const asset = await fetch(`${base()}${path}`);
      expect(asset.status, path).toBe(200);
      expect(asset.headers.get('content-type'), path).toMatch(path.endsWith('.css') ? /text\/css/ : /text\/javascript/);
      expect((await asset.arrayBuffer()).byteLength, path).toBeGreaterThan(path.endsWith('init.js') ? 100 : 10_000);
    }
  });

  it('should point GraphiQL at this gateway for queries and subscriptions', async () => {
    const init = await (await fetch(`${base()}/graphiql/graphiql-init.js`)).text();
    expect(init).toContain("new URL('/graphql', window.location.href)");
    expect(init).toContain('subscriptionUrl');
    expect((await fetch(`${base()}/graphiql/nothing.js`)).status).toBe(404);
  });
});
