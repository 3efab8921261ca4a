import { afterAll, beforeAll, expect, it } from 'vitest';
import { gql, rest, signUp } from '../helpers/clients.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

it("should join a conversation's page from workspace through the gateway, for its creator only", async () => {
  const owner = await signUp(app.restUrl, 'convpage');
  const other = await signUp(app.restUrl, 'convpage2');
  const page = await rest(app.restUrl, 'POST', '/api/v1/pages', { body: { name: 'Research', route: 'research', content: {} }, headers: owner.bearer });
  expect(page.status).toBe(201);
  const mine = await rest(app.restUrl, 'POST', '/api/v1/conversations', { body: { user_id: owner.id, title: 'On a page', page_id: page.body.id }, headers: owner.bearer });
  const Q = 'query($id: ID!) { conversation(id: $id) { title page { id name route creator { username } } } }';
  const res = await gql(app.graphqlUrl, Q, { id: mine.body.id }, owner.bearer);
  expect(res.errors).toBeUndefined();
  expect(res.data.conversation).toEqual({ title: 'On a page', page: { id: page.body.id, name: 'Research', route: expect.stringContaining('research'), creator: { username: owner.username } } });

  // A conversation pointing at someone else's page does not reveal it.
  const foreign = await rest(app.restUrl, 'POST', '/api/v1/conversations', { body: { user_id: other.id, title: 'Elsewhere', page_id: page.body.id }, headers: other.bearer });
  const peek = await gql(app.graphqlUrl, Q, { id: foreign.body.id }, other.bearer);
  expect(peek.data.conversation.page).toBeNull();
});
