import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { rest, signUp } from '../helpers/clients.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let app: TestApp;
let alice: Awaited<ReturnType<typeof signUp>>;
let bob: Awaited<ReturnType<typeof signUp>>;
let db: pg.Client;

beforeAll(async () => {
  app = await startTestApp();
  alice = await signUp(app.restUrl, 'chat');
  bob = await signUp(app.restUrl, 'chat2');
  db = new pg.Client({ connectionString: inject('databaseUrl') });
  await db.connect();
});
afterAll(async () => {
  await db.end();
  await app.close();
});

type Who = typeof alice;
const call = (who: Who, method: string, path: string, body?: unknown) => rest(app.restUrl, method, `/api/v1${path}`, { body, headers: who.bearer });
const count = async (table: string, where: string, value: string) => Number((await db.query(`select count(*) from chat.${table} where ${where} = $1`, [value])).rows[0].count);

describe('conversations and messages', () => {
  it('should create a conversation, add messages (assistant stored as llm) and list them oldest first', async () => {
    const created = await call(alice, 'POST', '/conversations', { user_id: alice.id, title: 'Trip', model: 'llama3', conversation_type: 'chat' });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ title: 'Trip', user_id: alice.id, model: 'llama3', conversation_type: 'chat', persona_id: null });
    const id = created.body.id as string;
    const first = await call(alice, 'POST', `/conversations/${id}/messages`, { sender: 'user', message: 'Hello' });
    expect(first.status).toBe(200);
    const second = await call(alice, 'POST', `/conversations/${id.replace(/-/g, '')}/messages`, { sender: 'assistant', message: 'Hi!', message_metadata: { model: 'x' } });
    expect(second.body).toMatchObject({ sender: 'llm', message: 'Hi!', message_metadata: { model: 'x' }, conversation_id: id });

    const messages = await call(alice, 'GET', `/conversations/${id}/messages`);
    expect(messages.body.map((m: { message: string }) => m.message)).toEqual(['Hello', 'Hi!']);
    const full = await call(alice, 'GET', `/conversations/${id}/with-messages`);
    expect(full.body).toMatchObject({ id, title: 'Trip', messages: [{ sender: 'user' }, { sender: 'llm' }] });
    const list = await call(alice, 'GET', `/users/${alice.id}/conversations`);
    expect(Array.isArray(list.body)).toBe(true);
    expect(list.body.map((c: { id: string }) => c.id)).toContain(id);

    const updated = await call(alice, 'PUT', `/conversations/${id}`, { title: 'Trip to Lisbon' });
    expect(updated.body).toMatchObject({ id, title: 'Trip to Lisbon', model: 'llama3' });
  });

  it('should answer 422 to bad input and write nothing', async () => {
    const before = await count('conversations', 'user_id', alice.id);
    const bad = await call(alice, 'POST', '/conversations', { user_id: alice.id, persona_id: 'not-a-uuid' });
    expect(bad.status).toBe(422);
    expect(bad.body.detail[0]).toMatchObject({ loc: ['body', 'persona_id'] });
    expect(await count('conversations', 'user_id', alice.id)).toBe(before);

    const c = await call(alice, 'POST', '/conversations', { title: 'x' });
    const badSender = await call(alice, 'POST', `/conversations/${c.body.id}/messages`, { sender: 'robot', message: 'hi' });
    expect(badSender.status).toBe(422);
    expect(await count('messages', 'conversation_id', c.body.id)).toBe(0);
  });

  it("should answer 403 when acting for another user and 404 for someone else's conversation", async () => {
    const forbidden = await call(alice, 'POST', '/conversations', { user_id: bob.id, title: 'not mine' });
    expect(forbidden.status).toBe(403);
    expect(await count('conversations', 'user_id', bob.id)).toBe(0);
    expect((await call(alice, 'GET', `/users/${bob.id}/conversations`)).status).toBe(403);

    const bobs = await call(bob, 'POST', '/conversations', { user_id: bob.id, title: 'secret' });
    for (const [method, path, body] of [
      ['GET', `/conversations/${bobs.body.id}`],
      ['GET', `/conversations/${bobs.body.id}/messages`],
      ['PUT', `/conversations/${bobs.body.id}`, { title: 'mine now' }],
      ['POST', `/conversations/${bobs.body.id}/messages`, { sender: 'user', message: 'hi' }],
      ['DELETE', `/conversations/${bobs.body.id}`],
    ] as const) {
      const res = await call(alice, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body).toEqual({ detail: 'Conversation not found' });
    }
    expect((await call(bob, 'GET', `/conversations/${bobs.body.id}`)).body.title).toBe('secret');
  });

  it('should delete a conversation with its messages (204)', async () => {
    const c = await call(alice, 'POST', '/conversations', { title: 'to delete' });
    await call(alice, 'POST', `/conversations/${c.body.id}/messages`, { sender: 'user', message: 'bye' });
    expect(await count('messages', 'conversation_id', c.body.id)).toBe(1);
    const del = await call(alice, 'DELETE', `/conversations/${c.body.id}`);
    expect(del.status).toBe(204);
    expect(await count('messages', 'conversation_id', c.body.id)).toBe(0);
    expect((await call(alice, 'GET', `/conversations/${c.body.id}`)).status).toBe(404);
  });
});

describe('personas', () => {
  const persona = { name: 'Helper', description: 'friendly', system_prompt: 'You are a helpful assistant.', model_settings: { temperature: 0.2 }, tags: ['general', 'assistant'], is_active: true };

  it('should create, list in its envelope, update by PUT and PATCH, and delete', async () => {
    const created = await call(alice, 'POST', '/personas', persona);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ name: 'Helper', system_prompt: 'You are a helpful assistant.', model_settings: { temperature: 0.2 }, tags: ['general', 'assistant'], user_id: alice.id });
    const id = created.body.id;
    const list = await call(alice, 'GET', '/personas?page=1&page_size=10');
    expect(list.body).toMatchObject({ page: 1, page_size: 10, total_pages: 1 });
    expect(list.body.total_items).toBe(list.body.personas.length);
    expect(list.body.personas[0].id).toBe(id);

    const tags = await call(alice, 'GET', '/personas/tags');
    expect(tags.status).toBe(200);
    expect(tags.body).toEqual(['assistant', 'general']);

    const put = await call(alice, 'PUT', `/personas/${id}`, { name: 'Helper 2' });
    expect(put.body).toMatchObject({ name: 'Helper 2', system_prompt: 'You are a helpful assistant.' });
    const patch = await call(alice, 'PATCH', `/personas/${id}`, { is_active: false });
    expect(patch.body).toMatchObject({ name: 'Helper 2', is_active: false });

    // A conversation with the persona shows it; listing by persona finds it.
    const conv = await call(alice, 'POST', '/conversations', { persona_id: id, title: 'with persona' });
    const withPersona = await call(alice, 'GET', `/conversations/${conv.body.id}/with-persona`);
    expect(withPersona.body).toMatchObject({ persona_id: id, persona: { id, name: 'Helper 2' } });
    const byPersona = await call(alice, 'GET', `/conversations/by-persona/${id}`);
    expect(byPersona.body.map((c: { id: string }) => c.id)).toEqual([conv.body.id]);
    const cleared = await call(alice, 'PUT', `/conversations/${conv.body.id}/persona`, { persona_id: null });
    expect(cleared.body.persona_id).toBeNull();

    expect((await call(alice, 'DELETE', `/personas/${id}`)).status).toBe(204);
    expect((await call(alice, 'GET', `/personas/${id}`)).status).toBe(404);
  });

  it("should answer 422 to a persona without a name and 404 to someone else's", async () => {
    const bad = await call(alice, 'POST', '/personas', { ...persona, name: '' });
    expect(bad.status).toBe(422);
    const bobs = await call(bob, 'POST', '/personas', persona);
    expect((await call(alice, 'GET', `/personas/${bobs.body.id}`)).status).toBe(404);
    expect((await call(alice, 'PATCH', `/personas/${bobs.body.id}`, { name: 'x' })).status).toBe(404);
    expect((await call(alice, 'POST', '/conversations', { persona_id: bobs.body.id })).status).toBe(404);
    expect((await call(bob, 'GET', `/personas/${bobs.body.id}`)).body.name).toBe('Helper');
  });
});

describe('tags', () => {
  it('should create, tag a conversation, list conversations by tag, untag and delete', async () => {
    const tag = await call(alice, 'POST', '/tags', { name: 'important', color: '#FF00aa', user_id: alice.id });
    expect(tag.status).toBe(200);
    expect(tag.body).toMatchObject({ name: 'important', color: '#FF00aa', user_id: alice.id });
    const conv = await call(alice, 'POST', '/conversations', { title: 'tagged' });
    const tagged = await call(alice, 'POST', `/conversations/${conv.body.id}/tags`, { tag_id: tag.body.id });
    expect(tagged.body.tags).toEqual([expect.objectContaining({ id: tag.body.id })]);
    const byTag = await call(alice, 'GET', `/tags/${tag.body.id}/conversations`);
    expect(byTag.body.map((c: { id: string }) => c.id)).toEqual([conv.body.id]);
    expect((await call(alice, 'GET', `/users/${alice.id}/tags`)).body.map((t: { id: string }) => t.id)).toContain(tag.body.id);

    const renamed = await call(alice, 'PUT', `/tags/${tag.body.id}`, { name: 'urgent' });
    expect(renamed.body).toMatchObject({ name: 'urgent', color: '#FF00aa' });
    expect((await call(alice, 'DELETE', `/conversations/${conv.body.id}/tags/${tag.body.id}`)).status).toBe(204);
    expect((await call(alice, 'GET', `/tags/${tag.body.id}/conversations`)).body).toEqual([]);
    expect((await call(alice, 'DELETE', `/tags/${tag.body.id}`)).status).toBe(204);
    expect(await count('tags', 'id', tag.body.id)).toBe(0);
  });

  it('should refuse a bad colour (422), acting for another user (403) and touching their tags (404)', async () => {
    const before = await count('tags', 'user_id', alice.id);
    const bad = await call(alice, 'POST', '/tags', { name: 'x', color: 'red' });
    expect(bad.status).toBe(422);
    expect(bad.body.detail[0].loc).toEqual(['body', 'color']);
    expect((await call(alice, 'POST', '/tags', { name: 'x', color: '#123456', user_id: bob.id })).status).toBe(403);
    expect(await count('tags', 'user_id', alice.id)).toBe(before);
    expect(await count('tags', 'user_id', bob.id)).toBe(0);
    const bobs = await call(bob, 'POST', '/tags', { name: 'bob', color: '#000000' });
    expect((await call(alice, 'PUT', `/tags/${bobs.body.id}`, { name: 'mine' })).status).toBe(404);
    expect((await call(alice, 'DELETE', `/tags/${bobs.body.id}`)).status).toBe(404);
    const conv = await call(alice, 'POST', '/conversations', { title: 't' });
    expect((await call(alice, 'POST', `/conversations/${conv.body.id}/tags`, { tag_id: bobs.body.id })).status).toBe(404);
  });
});
