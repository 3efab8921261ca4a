import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { gql, rest, signUp } from '../helpers/clients.js';
import { localServer } from '../helpers/local-server.js';
import { readSse } from '../helpers/sse.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { fakeAnthropic, fakeGoogle, fakeOllama, fakeOpenAi, REPLY } from './fake-providers.js';

let app: TestApp;
let alice: Awaited<ReturnType<typeof signUp>>;
let db: pg.Client;
let ollama: Awaited<ReturnType<typeof fakeOllama>>;
let openai: Awaited<ReturnType<typeof fakeOpenAi>>;
let anthropic: Awaited<ReturnType<typeof fakeAnthropic>>;
let google: Awaited<ReturnType<typeof fakeGoogle>>;
let deadUrl: string;
const disposers: (() => Promise<unknown>)[] = [];
const OPENAI_KEY = 'sk-test-0123456789abcdefghijklmnop';
const ANTHROPIC_KEY = 'sk-ant-test-0123456789abcdefghij';

beforeAll(async () => {
  [ollama, openai, anthropic, google] = await Promise.all([fakeOllama(), fakeOpenAi(), fakeAnthropic(), fakeGoogle()]);
  disposers.push(ollama.server.close, openai.server.close, anthropic.server.close, google.server.close);
  // A port nothing listens on: a provider that is down.
  const gone = await localServer(() => {});
  deadUrl = gone.url;
  await gone.close();
  app = await startTestApp({
    OPENAI_BASE_URL: `${openai.server.url}/v1`,
    ANTHROPIC_BASE_URL: anthropic.server.url,
    GOOGLE_AI_BASE_URL: google.server.url,
    // Loopback test servers on random ports: admit the address, not a fixed port.
    PROVIDER_HOST_ALLOWLIST: '127.0.0.1',
  });
  disposers.push(() => app.close());
  alice = await signUp(app.restUrl, 'ai');
  const save = (definition_id: string, value: unknown) =>
    rest(app.restUrl, 'POST', '/api/v1/settings/instances', { body: { definition_id, name: definition_id, value, scope: 'user', user_id: 'current' }, headers: alice.bearer });
  for (const res of await Promise.all([
    save('ollama_servers_settings', {
      servers: [
        { id: 'local', serverName: 'Local', serverAddress: ollama.server.url, apiKey: 'ollama-proxy-key' },
        { id: 'down', serverName: 'Basement', serverAddress: deadUrl },
        { id: 'private', serverName: 'Lan', serverAddress: 'http://10.1.2.3:11434' },
      ],
    }),
    save('openai_api_keys_settings', { api_key: OPENAI_KEY }),
    save('claude_api_keys_settings', { api_key: ANTHROPIC_KEY }),
    save('google_api_keys_settings', { api_key: 'AIza-stored-google-key' }),
  ])) expect(res.status).toBe(200);
  db = new pg.Client({ connectionString: inject('databaseUrl') });
  await db.connect();
  disposers.push(() => db.end());
});
afterAll(async () => {
  for (const d of disposers.reverse()) await d();
});
beforeEach(() => {
  ollama.reset();
  openai.reset();
  anthropic.reset();
  google.reset();
});

const chat = (body: Record<string, unknown>) => rest(app.restUrl, 'POST', '/api/v1/ai/providers/chat', { body, headers: alice.bearer });
const messagesOf = async (conversationId: string) =>
  (await db.query('select sender, message, message_metadata from chat.messages where conversation_id = $1 order by created_at, id', [conversationId])).rows;

/** POSTs and reads the SSE answer; `onFrame` may act mid-stream (cancel). */
async function chatStream(body: Record<string, unknown>, onFrame?: (data: any) => Promise<void> | void) {
  const frames: any[] = [];
  const onResponse = (res: Response) => {
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
  };
  for await (const frame of readSse(`${app.restUrl}/api/v1/ai/providers/chat`, alice.bearer, { body: { ...body, stream: true }, onResponse })) {
    // Frames carry no event names (as-built): only `data:` lines.
    expect(frame.event).toBeUndefined();
    frames.push(frame.data);
    await onFrame?.(frame.data);
  }
  return frames;
}

const ollamaChoice = { provider: 'ollama', settings_id: 'ollama_servers_settings', server_id: 'local', model: 'llama3' };

describe('chat over REST, per provider', () => {
  it('should answer whole from Ollama and save both messages', async () => {
    const res = await chat({ ...ollamaChoice, messages: [{ role: 'user', content: 'Hi' }] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ text: 'Hello there', choices: [{ message: { role: 'assistant', content: 'Hello there' } }] });
    expect(ollama.received[0].body).toMatchObject({ model: 'llama3', messages: [{ role: 'user', content: 'Hi' }] });
    // The server's key travels as a Bearer header (a proxied Ollama).
    expect(ollama.received[0].headers.authorization).toBe('Bearer ollama-proxy-key');
    const saved = await messagesOf(res.body.conversation_id);
    expect(saved.map((m) => [m.sender, m.message])).toEqual([['user', 'Hi'], ['llm', 'Hello there']]);
    expect(saved[1].message_metadata).toMatchObject({ provider: 'ollama', model: 'llama3', usage: { promptTokens: 7, completionTokens: 3 } });
  });

  it('should stream from Ollama as the real clients read it', async () => {
    const frames = await chatStream({ ...ollamaChoice, messages: [{ role: 'user', content: 'Stream please' }] });
    expect(frames[0]).toEqual({ type: 'conversation', conversation_id: expect.any(String) });
    const content = frames.slice(1, -1);
    expect(content.map((f) => f.text)).toEqual(REPLY);
    expect(content.map((f) => f.choices[0].delta.content)).toEqual(REPLY);
    expect(frames.at(-1)).toBe('[DONE]');
    const saved = await messagesOf(frames[0].conversation_id);
    expect(saved.map((m) => [m.sender, m.message])).toEqual([['user', 'Stream please'], ['llm', 'Hello there']]);
  });

  it('should talk to OpenAI with the stored key, streaming and not', async () => {
    const whole = await chat({ provider: 'openai', model: 'gpt-test', messages: [{ role: 'user', content: 'Hi' }] });
    expect(whole.body.text).toBe('Hello there');
    expect(openai.received[0].headers.authorization).toBe(`Bearer ${OPENAI_KEY}`);
    const frames = await chatStream({ provider: 'openai', model: 'gpt-test', conversation_id: whole.body.conversation_id, messages: [{ role: 'user', content: 'Again' }] });
    expect(frames[0]).toEqual({ type: 'conversation', conversation_id: whole.body.conversation_id });
    expect(frames.slice(1, -1).map((f) => f.text).join('')).toBe('Hello there');
    // Only the new turn was sent: the stored history stands in for the rest, in order.
    expect(openai.received[1].body.messages).toEqual([
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello there' },
      { role: 'user', content: 'Again' },
    ]);
    expect((await messagesOf(whole.body.conversation_id)).map((m) => m.sender)).toEqual(['user', 'llm', 'user', 'llm']);
  });

  it('should talk to Anthropic under both names, system prompt in `system`', async () => {
    for (const provider of ['claude', 'anthropic']) {
      const frames = await chatStream({ provider, model: 'claude-test', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }] });
      expect(frames.slice(1, -1).map((f) => f.text)).toEqual(REPLY);
    }
    expect(anthropic.received).toHaveLength(2);
    // The official SDK (1.14) sends the key as a Bearer token rather than `x-api-key`.
    expect(anthropic.received[0].headers.authorization).toBe(`Bearer ${ANTHROPIC_KEY}`);
    expect(anthropic.received[0].body).toMatchObject({ model: 'claude-test', system: 'Be brief.', messages: [{ role: 'user', content: 'Hi' }] });
  });

  it('should stream from Google (gemini) with the stored key', async () => {
    const frames = await chatStream({ provider: 'gemini', model: 'gemini-test', messages: [{ role: 'user', content: 'Hi' }] });
    expect(frames.slice(1, -1).map((f) => f.text)).toEqual(REPLY);
    expect(google.received[0].headers['x-goog-api-key']).toBe('AIza-stored-google-key');
  });

  it("should send the persona's system prompt first", async () => {
    const persona = await rest(app.restUrl, 'POST', '/api/v1/personas', {
      body: { name: 'Pirate', system_prompt: 'You are a pirate. Answer like one.' },
      headers: alice.bearer,
    });
    const res = await chat({ ...ollamaChoice, persona_id: persona.body.id, messages: [{ role: 'system', content: 'Extra rule.' }, { role: 'user', content: 'Ahoy' }] });
    expect(res.status).toBe(200);
    expect(ollama.received[0].body.messages).toEqual([
      { role: 'system', content: 'You are a pirate. Answer like one.' },
      { role: 'system', content: 'Extra rule.' },
      { role: 'user', content: 'Ahoy' },
    ]);
    const conv = await rest(app.restUrl, 'GET', `/api/v1/conversations/${res.body.conversation_id}`, { headers: alice.bearer });
    expect(conv.body.persona_id).toBe(persona.body.id);
  });
});

describe('cancel', () => {
  for (const [provider, model, fake] of [
    ['ollama', 'slow', () => ollama],
    ['openai', 'slow', () => openai],
    ['anthropic', 'slow', () => anthropic],
    ['google', 'slow', () => google],
  ] as const) {
    it(`should really abort a ${provider} stream mid-way and save the partial answer, marked`, async () => {
      let conversationId = '';
      const choice = provider === 'ollama' ? { ...ollamaChoice, model } : { provider, model };
      const frames = await chatStream({ ...choice, messages: [{ role: 'user', content: 'Take your time' }] }, async (data) => {
        if (data.type === 'conversation') conversationId = data.conversation_id;
        else if (data.text === REPLY[0]) {
          const cancel = await rest(app.restUrl, 'POST', '/api/v1/ai/providers/cancel', { body: { conversation_id: conversationId }, headers: alice.bearer });
          expect(cancel.status).toBe(200);
        }
      });
      // The stream ended only because the cancel aborted the upstream request, which the fake server saw close.
      await fake().aborted();
      expect(frames.at(-1)).toBe('[DONE]');
      expect(frames.filter((f) => f.text).map((f) => f.text)).toEqual([REPLY[0]]);
      const saved = await messagesOf(conversationId);
      expect(saved.map((m) => [m.sender, m.message])).toEqual([['user', 'Take your time'], ['llm', REPLY[0]]]);
      expect(saved[1].message_metadata).toMatchObject({ cancelled: true, partial: true });
    });
  }

  it("should answer 404 to cancelling someone else's conversation", async () => {
    const bob = await signUp(app.restUrl, 'ai2');
    const c = await rest(app.restUrl, 'POST', '/api/v1/conversations', { body: { title: 'x' }, headers: bob.bearer });
    const res = await rest(app.restUrl, 'POST', '/api/v1/ai/providers/cancel', { body: { conversation_id: c.body.id }, headers: alice.bearer });
    expect(res.status).toBe(404);
  });
});

describe('providers down or refused', () => {
  it('should answer 502 naming the provider and server when Ollama is down, and an in-stream error frame when streaming', async () => {
    const res = await chat({ ...ollamaChoice, server_id: 'down', messages: [{ role: 'user', content: 'Anyone?' }] });
    expect(res.status).toBe(502);
    expect(res.body.detail).toBe(`ollama server Basement (${deadUrl}) is unreachable`);
    const frames = await chatStream({ ...ollamaChoice, server_id: 'down', messages: [{ role: 'user', content: 'Anyone?' }] });
    expect(frames[0].type).toBe('conversation');
    expect(frames[1]).toMatchObject({ error: true, message: `ollama server Basement (${deadUrl}) is unreachable` });
    expect(frames.at(-1)).toBe('[DONE]');
  });

  it('should refuse a private server that PROVIDER_HOST_ALLOWLIST does not admit, before any request', async () => {
    const res = await chat({ ...ollamaChoice, server_id: 'private', messages: [{ role: 'user', content: 'x' }] });
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain('PROVIDER_HOST_ALLOWLIST');
  });

  it('should answer 422 to a bad body, 403 for another user and 404 to an unknown server, writing nothing', async () => {
    const before = Number((await db.query('select count(*) from chat.conversations where user_id = $1', [alice.id])).rows[0].count);
    expect((await chat({ ...ollamaChoice, messages: [] })).status).toBe(422);
    expect((await chat({ ...ollamaChoice, messages: [{ role: 'robot', content: 'x' }] })).status).toBe(422);
    const bob = await signUp(app.restUrl, 'ai4');
    expect((await chat({ ...ollamaChoice, user_id: bob.id, messages: [{ role: 'user', content: 'as bob' }] })).status).toBe(403);
    const unknownServer = await chat({ ...ollamaChoice, server_id: 'nope', messages: [{ role: 'user', content: 'x' }] });
    expect(unknownServer).toMatchObject({ status: 404, body: { detail: 'Server nope not found' } });
    expect(ollama.received).toHaveLength(0);
    const after = Number((await db.query('select count(*) from chat.conversations where user_id = $1', [alice.id])).rows[0].count);
    expect(after).toBe(before);
  });
});

describe('models and providers', () => {
  it('should list providers and the models of a configured server', async () => {
    const providers = await rest(app.restUrl, 'GET', '/api/v1/ai/providers/providers', { headers: alice.bearer });
    expect(providers.body.providers).toEqual(expect.arrayContaining(['ollama', 'openai', 'anthropic', 'openrouter', 'groq']));
    const models = await rest(app.restUrl, 'GET', '/api/v1/ai/providers/models?provider=ollama&settings_id=ollama_servers_settings&server_id=local', { headers: alice.bearer });
    expect(models.body).toMatchObject({ provider: 'ollama', models: [{ id: 'llama3:latest', name: 'llama3:latest', provider: 'ollama' }] });
    const gen = await rest(app.restUrl, 'POST', '/api/v1/ai/providers/generate', { body: { provider: 'openai', model: 'gpt-test', prompt: 'Say hi' }, headers: alice.bearer });
    expect(gen.body).toMatchObject({ text: 'Hello there', provider: 'openai', model: 'gpt-test' });
    expect(openai.received.at(-1)!.body.messages).toEqual([{ role: 'user', content: 'Say hi' }]);
  });
});

describe('chat over GraphQL', () => {
  it('should stream chatStream over graphql-ws, the last chunk carrying the saved message', async () => {
    const client: Client = createClient({ url: app.graphqlUrl.replace(/^http/, 'ws'), connectionParams: { authorization: `Bearer ${alice.accessToken}` }, webSocketImpl: WebSocket, retryAttempts: 0 });
    disposers.push(async () => client.dispose());
    const chunks: any[] = [];
    const iterator = client.iterate({
      query: `subscription($input: ChatInput!) { chatStream(input: $input) { conversationId delta done message { id sender message } } }`,
      variables: { input: { provider: 'ollama', settingsId: 'ollama_servers_settings', serverId: 'local', model: 'llama3', messages: [{ role: 'user', content: 'Via GraphQL' }] } },
    });
    for await (const event of iterator) {
      expect(event.errors).toBeUndefined();
      chunks.push(event.data!.chatStream);
      if (chunks.at(-1).done) break;
    }
    expect(chunks.filter((c) => !c.done).map((c) => c.delta)).toEqual(REPLY);
    expect(chunks.at(-1)).toMatchObject({ done: true, message: { sender: 'llm', message: 'Hello there' } });
    const saved = await messagesOf(chunks[0].conversationId);
    expect(saved.map((m) => m.sender)).toEqual(['user', 'llm']);
  });

  it('should answer sendMessage whole through the gateway', async () => {
    const res = await gql(app.graphqlUrl, `mutation($input: ChatInput!) { sendMessage(input: $input) { text conversationId message { sender } } }`, {
      input: { provider: 'anthropic', model: 'claude-test', messages: [{ role: 'user', content: 'Hi' }] },
    }, alice.bearer);
    expect(res.errors).toBeUndefined();
    expect(res.data.sendMessage).toMatchObject({ text: 'Hello there', message: { sender: 'llm' } });
  });
});

describe('provider configuration', () => {
  it('should validate a configuration by reaching it, and say so when it cannot', async () => {
    const ok = await rest(app.restUrl, 'POST', '/api/v1/ai/providers/validate', { body: { provider: 'ollama', config: { server_url: ollama.server.url } }, headers: alice.bearer });
    expect(ok.body).toMatchObject({ valid: true, provider: 'ollama', models: [{ id: 'llama3:latest' }] });
    const down = await rest(app.restUrl, 'POST', '/api/v1/ai/providers/validate', { body: { provider: 'ollama', config: { server_url: deadUrl } }, headers: alice.bearer });
    expect(down.body).toMatchObject({ valid: false, message: `ollama server ${deadUrl} is unreachable` });
    const refused = await rest(app.restUrl, 'POST', '/api/v1/ai/providers/validate', { body: { provider: 'ollama', config: { server_url: 'http://192.168.9.9:11434' } }, headers: alice.bearer });
    expect(refused.status).toBe(400);
  });

  it("should gather every configured provider's models, skipping the unconfigured", async () => {
    const res = await rest(app.restUrl, 'GET', '/api/v1/ai/providers/all-models', { headers: alice.bearer });
    expect(res.status).toBe(200);
    const providers = new Set(res.body.models.map((m: { provider: string }) => m.provider));
    // Ollama (first server), OpenAI (stored key, fake models list); groq etc. have no key and are left out.
    expect(providers.has('ollama')).toBe(true);
    expect(providers.has('openai')).toBe(true);
    expect(providers.has('groq')).toBe(false);
  });

  it('should list, set and delete provider settings, and list servers without their keys', async () => {
    const carol = await signUp(app.restUrl, 'ai3');
    const set = await rest(app.restUrl, 'POST', '/api/v1/ai/settings/providers', { body: { provider: 'groq', api_key: 'gsk_0123456789abcdefghijklmn' }, headers: carol.bearer });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ provider: 'groq', has_key: true, masked_key: expect.stringContaining('...') });
    expect(JSON.stringify(set.body)).not.toContain('0123456789abcdefghijklmn');
    const list = await rest(app.restUrl, 'GET', '/api/v1/ai/settings/providers', { headers: carol.bearer });
    expect(list.body.find((p: { provider: string }) => p.provider === 'groq')).toMatchObject({ has_key: true, instance_id: set.body.instance_id });
    // Someone else's instance is not found.
    expect((await rest(app.restUrl, 'DELETE', `/api/v1/ai/settings/providers/groq/${set.body.instance_id}`, { headers: alice.bearer })).status).toBe(404);
    const del = await rest(app.restUrl, 'DELETE', `/api/v1/ai/settings/providers/groq/${set.body.instance_id}`, { headers: carol.bearer });
    expect(del.status).toBe(200);
    const after = await rest(app.restUrl, 'GET', '/api/v1/ai/settings/providers', { headers: carol.bearer });
    expect(after.body.find((p: { provider: string }) => p.provider === 'groq').has_key).toBe(false);

    const servers = await rest(app.restUrl, 'GET', '/api/v1/ai/settings/servers/ollama_servers_settings', { headers: alice.bearer });
    expect(servers.body.servers[0]).toEqual({ id: 'local', serverName: 'Local', serverAddress: ollama.server.url, _has_key: true });
    expect(JSON.stringify(servers.body)).not.toContain('ollama-proxy-key');
  });
});

describe('Ollama integration', () => {
  it("should test a server, list its models and delete one, by URL or from the caller's settings", async () => {
    const byUrl = await rest(app.restUrl, 'GET', `/api/v1/ollama/test?server_url=${encodeURIComponent(ollama.server.url)}`, { headers: alice.bearer });
    expect(byUrl.body).toMatchObject({ status: 'success', version: '0.9.9-fake' });
    const bySettings = await rest(app.restUrl, 'GET', '/api/v1/ollama/models?settings_id=ollama_servers_settings&server_id=local', { headers: alice.bearer });
    expect(bySettings.body).toEqual({ models: [{ name: 'llama3:latest', model: 'llama3:latest' }] });
    const del = await rest(app.restUrl, 'DELETE', '/api/v1/ollama/delete', { body: { name: 'llama3:latest', server_url: ollama.server.url }, headers: alice.bearer });
    expect(del.status).toBe(200);
    expect(ollama.received.at(-1)).toMatchObject({ path: '/api/delete', body: { name: 'llama3:latest' } });
    const missing = await rest(app.restUrl, 'DELETE', '/api/v1/ollama/delete', { body: { name: 'nope', server_url: ollama.server.url }, headers: alice.bearer });
    expect(missing.status).toBe(502);
    expect(missing.body.detail).toContain('ollama');
  });

  it('should answer 502 for a server that is down and 400 for one the allowlist does not admit', async () => {
    const down = await rest(app.restUrl, 'GET', `/api/v1/ollama/test?server_url=${encodeURIComponent(deadUrl)}`, { headers: alice.bearer });
    expect(down).toMatchObject({ status: 502, body: { detail: `ollama server ${deadUrl} is unreachable` } });
    const refused = await rest(app.restUrl, 'GET', '/api/v1/ollama/models?server_url=http%3A%2F%2F10.0.0.7%3A11434', { headers: alice.bearer });
    expect(refused.status).toBe(400);
  });
});

describe('Brain Garden provider keys', () => {
  it('should store, list without the secret, and delete a BYOK key, shared with the settings views', async () => {
    const dave = await signUp(app.restUrl, 'bg');
    const key = 'sk-bg-0123456789abcdefghijklmnopq';
    const stored = await rest(app.restUrl, 'POST', '/v1/keys', { body: { provider: 'mistral', key }, headers: dave.bearer });
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ provider: 'mistral', has_key: true, id: expect.any(String) });
    const list = await rest(app.restUrl, 'GET', '/v1/keys', { headers: dave.bearer });
    expect(list.body).toEqual([expect.objectContaining({ id: stored.body.id, provider: 'mistral' })]);
    expect(JSON.stringify(list.body)).not.toContain(key);
    // The same instance BrainDrive's provider settings list.
    const bd = await rest(app.restUrl, 'GET', '/api/v1/ai/settings/providers', { headers: dave.bearer });
    expect(bd.body.find((p: { provider: string }) => p.provider === 'mistral').instance_id).toBe(stored.body.id);
    // Revealed to its owner only.
    const revealed = await rest(app.restUrl, 'GET', `/v1/keys/${stored.body.id}`, { headers: dave.bearer });
    expect(revealed.body).toEqual({ id: stored.body.id, provider: 'mistral', key });
    expect((await rest(app.restUrl, 'GET', `/v1/keys/${stored.body.id}`, { headers: alice.bearer })).status).toBe(404);
    // A settings instance that holds no provider key is not a key.
    const theme = await rest(app.restUrl, 'POST', '/api/v1/settings/instances', { body: { definition_id: 'theme_settings', name: 'Theme', value: { theme: 'dark' }, scope: 'user', user_id: 'current' }, headers: dave.bearer });
    expect((await rest(app.restUrl, 'GET', `/v1/keys/${theme.body.id}`, { headers: dave.bearer })).status).toBe(404);
    expect((await rest(app.restUrl, 'DELETE', `/v1/keys/${stored.body.id}`, { headers: alice.bearer })).status).toBe(404);
    expect((await rest(app.restUrl, 'DELETE', `/v1/keys/${stored.body.id}`, { headers: dave.bearer })).status).toBe(200);
    expect((await rest(app.restUrl, 'GET', '/v1/keys', { headers: dave.bearer })).body).toEqual([]);
  });
});
