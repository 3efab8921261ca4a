import { afterAll, beforeAll, expect, it } from 'vitest';
import { rest } from '../helpers/clients.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { fakeOllama } from './fake-providers.js';

let ollama: Awaited<ReturnType<typeof fakeOllama>>;
const apps: TestApp[] = [];
beforeAll(async () => {
  ollama = await fakeOllama();
});
afterAll(async () => {
  for (const a of apps) await a.close();
  await ollama.server.close();
});

const start = async (env: Record<string, string>) => {
  const app = await startTestApp({ PROVIDER_HOST_ALLOWLIST: '127.0.0.1', ...env });
  apps.push(app);
  return app;
};

it("should report the platform AI upstream's reachability on /health, staying healthy itself", async () => {
  const up = await start({ DEFAULT_AI_PROVIDER: 'ollama', OLLAMA_HOST: ollama.server.url });
  const healthy = await rest(up.restUrl, 'GET', '/health');
  expect(healthy).toMatchObject({ status: 200, body: { status: 'healthy', ai_upstream: { status: 'healthy', provider: 'ollama' } } });
  expect(healthy.body.ai_upstream.latency_ms).toBeGreaterThanOrEqual(0);

  const down = await start({ DEFAULT_AI_PROVIDER: 'ollama', OLLAMA_HOST: 'http://127.0.0.1:9' });
  const unhealthy = await rest(down.restUrl, 'GET', '/health');
  expect(unhealthy).toMatchObject({ status: 200, body: { status: 'healthy', ai_upstream: { status: 'unhealthy', provider: 'ollama' } } });
  expect(unhealthy.body.ai_upstream.error).toMatch(/ollama/i);

  const none = await start({});
  expect((await rest(none.restUrl, 'GET', '/health')).body).toEqual({ status: 'healthy', ai_upstream: { status: 'not_configured', provider: null, latency_ms: null, error: null } });
  expect((await rest(none.restUrl, 'GET', '/health/detailed')).body.ai_upstream.status).toBe('not_configured');
});
