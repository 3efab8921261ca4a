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
