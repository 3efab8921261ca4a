import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { rest, signUp } from '../helpers/clients.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { fakeGoogle, fakeOpenAi } from './fake-providers.js';

let app: TestApp;
let openai: Awaited<ReturnType<typeof fakeOpenAi>>;
let google: Awaited<ReturnType<typeof fakeGoogle>>;
let db: pg.Client;
const PLATFORM_KEY = 'sk-or-platform-0123456789abcdef';

beforeAll(async () => {
  [openai, google] = await Promise.all([fakeOpenAi(), fakeGoogle()]);
  app = await startTestApp({
    // OpenRouter and OpenAI both speak the OpenAI protocol: one fake plays both.
    OPENROUTER_BASE_URL: `${openai.server.url}/v1`,
    OPENROUTER_API_KEY: PLATFORM_KEY,
    OPENAI_BASE_URL: `${openai.server.url}/v1`,
    GOOGLE_AI_BASE_URL: google.server.url,
    BRAINGARDEN_MODELS: 'openai/gpt-test,anthropic/claude-test,mistralai/mistral-test',
    BRAINGARDEN_MONTHLY_GENERATIONS: '50',
    // The suite makes more than the documented ~30 requests a minute from one address.
    RATE_LIMIT_BRAINGARDEN_PER_MIN: '1000',
  });
  db = new pg.Client({ connectionString: inject('databaseUrl') });
  await db.connect();
});
afterAll(async () => {
  await db.end();
  await app.close();
  await openai.server.close();
  await google.server.close();
});
beforeEach(() => openai.reset());

const generate = (body: Record<string, unknown>, headers: Record<string, string> = {}) => rest(app.restUrl, 'POST', '/v1/generate', { body, headers });

describe('POST /v1/generate', () => {
  it('should answer 401 without any credential, and 400 for a BYOK key without its provider', async () => {
    const res = await generate({ prompt: 'Hi' });
    expect(res).toMatchObject({ status: 401, body: { detail: 'Not authenticated' } });
    expect((await generate({ prompt: 'Hi', byok_api_key: 'sk-x' })).status).toBe(400);
    expect(openai.received).toHaveLength(0);
  });

  it("should generate with the platform key for a signed-in user, sliders as sampling, saved as a chat, counted", async () => {
    const user = await signUp(app.restUrl, 'bg');
    const res = await generate({ prompt: 'Write a launch plan.', model: 'openai/gpt-test', speculation: 30, randomness: 35, ideas: 60 }, user.bearer);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      text: 'Hello there',
      metadata: {
        model: 'openai/gpt-test',
        usage: { input_tokens: 5, output_tokens: 3, total_tokens: 8 },
        controls: { speculation: 30, randomness: 35, ideas: 60, temperature: 0.52, top_p: 0.65, extra_ideas: 3 },
        structure: { format: 'markdown' },
        graph: { passes: 1 },
      },
      raw_output: { model: 'openai/gpt-test', text: 'Hello there' },
    });
    expect(Object.keys(res.body.timings_ms).sort()).toEqual(['first_pass', 'postprocess', 'preprocess_and_graph', 'second_pass']);
    const sent = openai.received[0];
    expect(sent.headers.authorization).toBe(`Bearer ${PLATFORM_KEY}`);
    expect(sent.body).toMatchObject({ model: 'openai/gpt-test', temperature: 0.52, top_p: 0.65 });
    expect(sent.body.messages.at(-1)).toEqual({ role: 'user', content: 'Write a launch plan.' });
    expect(sent.body.messages[0].content).toContain('Add 3 further idea(s)');

    const { chat_id, message_id } = res.body.chat;
    const saved = await db.query('select id, sender, message from chat.messages where conversation_id = $1 order by created_at, id', [chat_id]);
    expect(saved.rows.map((m) => [m.sender, m.message])).toEqual([['user', 'Write a launch plan.'], ['llm', 'Hello there']]);
    expect(saved.rows[1].id).toBe(message_id);

    const usage = await rest(app.restUrl, 'GET', '/v1/usage/me', { headers: user.bearer });
    expect(usage.body).toMatchObject({ plan: 'free', counters: { generations: 1, input_tokens: 5, output_tokens: 3 }, limits: { generations: 50, remaining: 49 } });
    expect(new Date(usage.body.period.start).getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('should use a BYOK key from the headers for that request only, without a Brain Garden credential', async () => {
    const byok = 'sk-byok-0123456789abcdefghijkl';
    const res = await generate({ prompt: 'Hi', model: 'openai/gpt-test', include_raw: false }, { 'x-byok-api-key': byok, 'x-byok-provider': 'openai' });
    expect(res.status).toBe(200);
    expect(res.body.chat).toEqual({ chat_id: null, message_id: null });
    expect(res.body.raw_output).toBeUndefined();
    expect(openai.received[0].headers.authorization).toBe(`Bearer ${byok}`);
    // The provider prefix belongs to Brain Garden's naming; the provider itself gets its own model name.
    expect(openai.received[0].body.model).toBe('gpt-test');
    const stored = await db.query("select count(*) from chat.generation_usage where byok and created_at > now() - interval '1 minute'");
    expect(Number(stored.rows[0].count)).toBe(0);
  });

  it('should use a BYOK Google key from the body with Gemini, streaming through the official SDK', async () => {
    const res = await generate({ prompt: 'Hi', model: 'google/gemini-test', byok_api_key: 'AIza-test-key', byok_provider: 'google', randomness: 0 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ text: 'Hello there', metadata: { usage: { input_tokens: 4, output_tokens: 3, total_tokens: 7 } } });
    const sent = google.received[0];
    expect(sent.path).toMatch(/^\/v1beta\/models\/gemini-test:streamGenerateContent/);
    expect(sent.headers['x-goog-api-key']).toBe('AIza-test-key');
    expect(sent.body).toMatchObject({ contents: [{ role: 'user', parts: [{ text: 'Hi' }] }], generationConfig: { temperature: 0.1 } });
    expect(sent.body.systemInstruction.parts[0].text).toContain('Markdown');
  });

  it('should validate format=json and run a real second pass through the named model', async () => {
    const user = await signUp(app.restUrl, 'bg2');
    const json = await generate({ prompt: 'Give me JSON', model: 'openai/json-model', format: 'json' }, user.bearer);
    expect(json.body.text).toBe('{"a":1}');
    expect(json.body.metadata.structure).toEqual({ format: 'json', headings: [] });

    openai.reset();
    const two = await generate({ prompt: 'Plan', model: 'openai/gpt-test', second_pass_model: 'openai/gpt-better', delta_enhance: true }, user.bearer);
    expect(two.status).toBe(200);
    expect(openai.received.map((r) => r.body.model)).toEqual(['openai/gpt-test', 'openai/gpt-better']);
    expect(openai.received[1].body.messages.at(-1).content).toContain('Draft:\nHello there');
    expect(two.body.metadata.graph).toMatchObject({ passes: 2, second_pass_model: 'openai/gpt-better', delta_enhance: true });
    expect(two.body.metadata.usage.total_tokens).toBe(16);
  });

  it('should answer 422 for a slider out of range, calling no provider', async () => {
    const user = await signUp(app.restUrl, 'bg3');
    const res = await generate({ prompt: 'x', randomness: 101 }, user.bearer);
    expect(res.status).toBe(422);
    expect(res.body.detail[0].loc).toEqual(['body', 'randomness']);
    expect(openai.received).toHaveLength(0);
  });
});

describe('GET /v1/models', () => {
  it('should list the curated models, and with byok=true only those of providers the caller keeps keys for', async () => {
    const curated = await rest(app.restUrl, 'GET', '/v1/models?byok=false');
    expect(curated.body.models.map((m: { id: string }) => m.id)).toEqual(['openai/gpt-test', 'anthropic/claude-test', 'mistralai/mistral-test']);
    expect((await rest(app.restUrl, 'GET', '/v1/models?byok=true')).status).toBe(401);
    const user = await signUp(app.restUrl, 'bg4');
    await rest(app.restUrl, 'POST', '/v1/keys', { body: { provider: 'mistralai', key: 'mistral-key-0123456789' }, headers: user.bearer });
    const mine = await rest(app.restUrl, 'GET', '/v1/models?byok=true', { headers: user.bearer });
    expect(mine.body.models).toEqual([{ id: 'mistralai/mistral-test', provider: 'mistralai' }]);
  });
});
