import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { composeSupergraph } from '../../schema/compose.js';
import { identity } from '../../subgraphs/identity/index.js';
import { signUp } from '../helpers/clients.js';
import { startTestApp, TEST_SECRETS, testEnv, type TestApp } from '../helpers/test-app.js';
import { startStandaloneSubgraph } from '../../bin/standalone-subgraph.js';
import { createLogger } from '../../subgraphs/common/logger.js';
import { ticker } from '../fixtures/ticker.subgraph.js';

let app: TestApp & { supergraphSdl: string };
let wsUrl: string;
let user: Awaited<ReturnType<typeof signUp>>;
const clients: Client[] = [];

beforeAll(async () => {
  const { supergraph } = await composeSupergraph([identity, ticker]);
  app = Object.assign(await startTestApp({}, { definitions: [identity, ticker], supergraphSdl: supergraph }), { supergraphSdl: supergraph });
  wsUrl = app.graphqlUrl.replace(/^http/, 'ws');
  user = await signUp(app.restUrl, 'sub');
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await app.close();
});

function client(connectionParams?: Record<string, unknown>, headers?: Record<string, string>): Client {
  const c = createClient({
    url: wsUrl,
    connectionParams,
    retryAttempts: 0,
    webSocketImpl: class extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers });
      }
    },
  });
  clients.push(c);
  return c;
}

async function collect(c: Client, query: string, variables: Record<string, unknown> = {}) {
  const events: unknown[] = [];
  try {
    for await (const event of c.iterate({ query, variables })) events.push(event);
  } catch (errors) {
    events.push({ thrown: errors });
  }
  return events;
}

describe('subscriptions to a subgraph in another process', () => {
  it('should subscribe to the owner over graphql-ws with a signed identity and complete events the same way', async () => {
    const env = testEnv({});
    const standalone = await startStandaloneSubgraph({ def: ticker, env, secrets: TEST_SECRETS, databaseUrl: env.databaseUrl!, logger: createLogger('silent'), port: 0 });
    const remote = await startTestApp(
      { REMOTE_SUBGRAPHS: 'ticker', SUBGRAPH_URLS: `ticker=${standalone.url}` },
      { definitions: [identity, ticker], supergraphSdl: app.supergraphSdl, subgraphNames: ['identity'], rest: false },
    );
    try {
      const c = createClient({ url: remote.graphqlUrl.replace(/^http/, 'ws'), connectionParams: { authorization: `Bearer ${user.accessToken}` }, webSocketImpl: WebSocket, retryAttempts: 0 });
      clients.push(c);
      const events = await collect(c, 'subscription { ticks(count: 2) { n user { username } } }');
      expect(events).toEqual([1, 2].map((n) => ({ data: { ticks: { n, user: { username: user.username } } } })));
      const raw = new WebSocket(standalone.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
      const closed = new Promise<number>((resolve) => raw.on('close', (code) => resolve(code)));
      raw.on('open', () => raw.send(JSON.stringify({ type: 'connection_init', payload: {} })));
      expect(await closed).toBe(4403);
    } finally {
      await remote.close();
      await standalone.close();
    }
  });
});

describe('subscriptions through the gateway (graphql-ws)', () => {
  const TICKS = 'subscription($count: Int!) { ticks(count: $count) { n label user { id username email } } }';

  it('should stream the owner subgraph events with fields from another subgraph filled in on every event', async () => {
    const events = await collect(client({ authorization: `Bearer ${user.accessToken}` }), TICKS, { count: 3 });
    expect(events).toEqual(
      [1, 2, 3].map((n) => ({ data: { ticks: { n, label: `tick ${n}`, user: { id: user.id, username: user.username, email: user.email } } } })),
    );
  });

  it('should authenticate from the upgrade request cookie too', async () => {
    const events = await collect(client(undefined, { cookie: `access_token=${user.accessToken}` }), '{ __typename } ', {});
    expect(events).toEqual([{ data: { __typename: 'Query' } }]);
    const ticks = await collect(client(undefined, { cookie: `access_token=${user.accessToken}` }), TICKS, { count: 1 });
    expect(ticks).toEqual([{ data: { ticks: { n: 1, label: 'tick 1', user: { id: user.id, username: user.username, email: user.email } } } }]);
  });

  it('should answer an error without credentials, as the owner decides', async () => {
    const events = await collect(client(), TICKS, { count: 1 });
    expect(JSON.stringify(events)).toContain('Not authenticated');
    expect(JSON.stringify(events)).not.toContain('tick 1');
    expect(events).toHaveLength(1);
  });

  it('should keep aliases and fragments as the client asked', async () => {
    const query = 'subscription { t: ticks(count: 1) { ...F who: user { username } } } fragment F on Tick { num: n }';
    const events = await collect(client({ authorization: `Bearer ${user.accessToken}` }), query);
    expect(events).toEqual([{ data: { t: { num: 1, who: { username: user.username } } } }]);
  });

  it('should run queries and mutations sent over the socket through the gateway', async () => {
    const events = await collect(client({ authorization: `Bearer ${user.accessToken}` }), '{ me { id } }');
    expect(events).toEqual([{ data: { me: { id: user.id } } }]);
  });
});
