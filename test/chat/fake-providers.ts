import type { IncomingMessage, ServerResponse } from 'node:http';
import { localServer } from '../helpers/local-server.js';

/** What a fake provider received, so tests can check what we sent upstream. */
export interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  body: any;
}

async function readJson(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

/** A promise with its resolver, to await an event instead of sleeping. */
export function deferred<T = void>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * The answer every fake gives: split in pieces so streaming is visible. A model named `slow` sends the first piece,
 * then holds the response open until the client goes away; `hung` resolves when that happens.
 */
export const REPLY = ['Hel', 'lo ', 'there'];

function fake(handle: (req: IncomingMessage, res: ServerResponse, body: any, hold: () => void) => void) {
  const received: Received[] = [];
  let hung = deferred();
  return {
    received,
    /** Resolves when a held (`slow`) request was closed by our side, i.e. really aborted upstream. */
    aborted: () => hung.promise,
    reset: () => {
      received.length = 0;
      hung = deferred();
    },
    handler: (req: IncomingMessage, res: ServerResponse) => {
      void readJson(req).then((body) => {
        received.push({ path: req.url ?? '', headers: req.headers, body });
        handle(req, res, body, () => res.once('close', () => hung.resolve()));
      });
    },
  };
}

/** Ollama: `/api/chat` NDJSON stream, `/api/tags`, `/api/pull` progress stream (model `slow` holds after one line). */
export async function fakeOllama() {
  const f = fake((req, res, body, hold) => {
    if (req.url === '/api/tags') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ models: [{ name: 'llama3:latest', model: 'llama3:latest', size: 1, digest: 'x', modified_at: new Date().toISOString() }] }));
    }
    if (req.url === '/api/version') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ version: '0.9.9-fake' }));
    }
    if (req.url === '/api/delete' && req.method === 'DELETE') {
      // Ollama takes `model` (or the older `name`, which the SDK sends).
      const model = body?.model ?? body?.name;
      const known = model === 'llama3:latest';
      res.writeHead(known ? 200 : 404, { 'content-type': 'application/json' });
      return res.end(known ? '' : JSON.stringify({ error: `model '${model}' not found` }));
    }
    if (req.url === '/api/pull') {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      const progress = (o: object) => res.write(JSON.stringify(o) + '\n');
      progress({ status: 'pulling manifest' });
      if ((body?.model ?? body?.name) === 'slow') return hold();
      for (const completed of [25, 50, 100]) progress({ status: 'pulling 6a0746a1ec1a', digest: 'sha256:6a07', total: 100, completed });
      progress({ status: 'verifying sha256 digest' });
      return res.end(JSON.stringify({ status: 'success' }) + '\n');
    }
    if (req.url !== '/api/chat') return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/x-ndjson' });
    const line = (content: string, done = false) => JSON.stringify({ model: body.model, created_at: new Date().toISOString(), message: { role: 'assistant', content }, done, ...(done ? { prompt_eval_count: 7, eval_count: 3 } : {}) }) + '\n';
    if (body.model === 'slow') {
      res.write(line(REPLY[0]));
      return hold();
    }
    for (const piece of REPLY) res.write(line(piece));
    res.end(line('', true));
  });
  return { ...f, server: await localServer(f.handler) };
}

/** OpenAI: `/v1/chat/completions`, SSE when `stream`, JSON otherwise; `/v1/models`. */
export async function fakeOpenAi() {
  const f = fake((req, res, body, hold) => {
    if (req.url === '/v1/models') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ object: 'list', data: [{ id: 'gpt-test', object: 'model', created: 0, owned_by: 'me' }] }));
    }
    if (req.url !== '/v1/chat/completions') return res.writeHead(404).end();
    // A model named for JSON answers in a fenced JSON document, as models often do.
    const pieces = String(body.model).endsWith('json-model') ? ['```json\n{"a": ', '1}\n```'] : REPLY;
    if (!body.stream) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ id: 'c1', object: 'chat.completion', created: 0, model: body.model, choices: [{ index: 0, message: { role: 'assistant', content: pieces.join('') }, finish_reason: 'stop' }], usage: { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 } }));
    }
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const chunk = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);
    const delta = (content: string) => chunk({ id: 'c1', object: 'chat.completion.chunk', created: 0, model: body.model, choices: [{ index: 0, delta: { content }, finish_reason: null }] });
    if (body.model === 'slow') {
      delta(REPLY[0]);
      return hold();
    }
    for (const piece of pieces) delta(piece);
    chunk({ id: 'c1', object: 'chat.completion.chunk', created: 0, model: body.model, choices: [], usage: { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 } });
    res.end('data: [DONE]\n\n');
  });
  return { ...f, server: await localServer(f.handler) };
}

/** Anthropic: `/v1/messages` as named SSE events. */
export async function fakeAnthropic() {
  const f = fake((req, res, body, hold) => {
    if (req.url !== '/v1/messages') return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const event = (type: string, data: Record<string, unknown>) => res.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
    event('message_start', { message: { id: 'm1', type: 'message', role: 'assistant', model: body.model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 9, output_tokens: 0 } } });
    event('content_block_start', { index: 0, content_block: { type: 'text', text: '' } });
    const delta = (text: string) => event('content_block_delta', { index: 0, delta: { type: 'text_delta', text } });
    if (body.model === 'slow') {
      delta(REPLY[0]);
      return hold();
    }
    for (const piece of REPLY) delta(piece);
    event('content_block_stop', { index: 0 });
    event('message_delta', { delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 3 } });
    event('message_stop', {});
    res.end();
  });
  return { ...f, server: await localServer(f.handler) };
}

/** Google Gemini: `POST /v1beta/models/{model}:streamGenerateContent?alt=sse`. */
export async function fakeGoogle() {
  const f = fake((req, res, body, hold) => {
    const m = /^\/v1beta\/models\/([^:]+):streamGenerateContent/.exec(req.url ?? '');
    if (!m) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const chunk = (text: string, last = false) =>
      res.write(`data: ${JSON.stringify({ candidates: [{ content: { role: 'model', parts: [{ text }] }, ...(last ? { finishReason: 'STOP' } : {}) }], ...(last ? { usageMetadata: { promptTokenCount: 4, candidatesTokenCount: 3, totalTokenCount: 7 } } : {}) })}\r\n\r\n`);
    if (m[1] === 'slow') {
      chunk(REPLY[0]);
      return hold();
    }
    REPLY.forEach((piece, i) => chunk(piece, i === REPLY.length - 1));
    res.end();
  });
  return { ...f, server: await localServer(f.handler) };
}
