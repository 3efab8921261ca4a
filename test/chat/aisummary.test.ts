import { afterAll, beforeAll, expect, it } from 'vitest';
import { gql, rest, signUp } from '../helpers/clients.js';
import { readSse } from '../helpers/sse.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { fakeOpenAi } from './fake-providers.js';

let app: TestApp;
let openai: Awaited<ReturnType<typeof fakeOpenAi>>;

beforeAll(async () => {
  openai = await fakeOpenAi();
  // The platform's default generation: OpenRouter (played by the OpenAI-protocol fake) with the platform key.
  app = await startTestApp({
    DEFAULT_AI_PROVIDER: 'openrouter',
    DEFAULT_AI_MODEL: 'openai/gpt-test',
    OPENROUTER_BASE_URL: `${openai.server.url}/v1`,
    OPENROUTER_API_KEY: 'sk-or-platform-summary-key',
  });
});
afterAll(async () => {
  await app.close();
  await openai.server.close();
});

it("should summarise through chat's generateText (internal client), with the platform's default provider", async () => {
  const user = await signUp(app.restUrl, 'sum');
  const key = (await rest(app.restUrl, 'POST', '/v1/auth/issue-key', { headers: user.bearer })).body.key;
  const started = await rest(app.restUrl, 'POST', '/api/v1/services/aisummary/summarize', { body: { text: 'A long text about herons.' }, headers: { 'x-api-key': key } });
  const { process_id: pid, access_token: token } = started.body;
  for await (const f of readSse(`${app.restUrl}/api/v1/jobs/${pid}/events/stream`, user.bearer)) if (f.data.type === 'terminal') break;
  const result = await rest(app.restUrl, 'GET', `/api/v1/services/result/${pid}?access_token=${token}`, { headers: { 'x-api-key': key } });
  expect(result.body).toMatchObject({ status: 'completed', result: { summary: 'Hello there', model: 'openai/gpt-test' } });
  expect(openai.received[0].headers.authorization).toBe('Bearer sk-or-platform-summary-key');
  expect(openai.received[0].body.messages[0].content).toContain('A long text about herons.');
});

it('should refuse generateText to an anonymous public caller', async () => {
  const res = await gql(app.graphqlUrl, 'mutation { generateText(prompt: "hi") { text } }');
  expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
});
