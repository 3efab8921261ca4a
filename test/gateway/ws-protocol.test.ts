import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { composeSupergraph } from '../../schema/compose.js';
import { identity } from '../../subgraphs/identity/index.js';
import { signUp } from '../helpers/clients.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { ticker } from '../fixtures/ticker.subgraph.js';

let app: TestApp;
let url: string;
let token: string;

beforeAll(async () => {
  const { supergraph } = await composeSupergraph([identity, ticker]);
  app = await startTestApp({}, { definitions: [identity, ticker], supergraphSdl: supergraph });
  url = app.graphqlUrl.replace(/^http/, 'ws');
  token = (await signUp(app.restUrl, 'ws')).accessToken;
});
afterAll(() => app.close());

/** A raw graphql-transport-ws socket: messages in order, and the close code. */
function socket(headers: Record<string, string> = {}) {
  const ws = new WebSocket(url, 'graphql-transport-ws', { headers });
  const inbox: any[] = [];
  const waiters: ((m: any) => void)[] = [];
  ws.on('message', (data) => {
    const m = JSON.parse(String(data));
    const w = waiters.shift();
    if (w) w(m);
    else inbox.push(m);
  });
  const opened = new Promise<void>((resolve) => ws.once('open', () => resolve()));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: String(reason) })));
  return {
    send: async (m: unknown) => {
      await opened;
      ws.send(typeof m === 'string' ? m : JSON.stringify(m));
    },
    next: () => (inbox.length ? Promise.resolve(inbox.shift()) : new Promise<any>((resolve) => waiters.push(resolve))),
    closed,
    close: () => ws.close(),
  };
}

describe('graphql-ws protocol on the gateway', () => {
  it('should acknowledge a connection and answer ping with pong', async () => {
    const s = socket();
    await s.send({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } });
    expect(await s.next()).toMatchObject({ type: 'connection_ack' });
    await s.send({ type: 'ping', payload: { t: 1 } });
    expect(await s.next()).toEqual({ type: 'pong', payload: { t: 1 } });
    s.close();
  });

  it('should close 4400 on a message that is not the protocol', async () => {
    const s = socket();
    await s.send('{"type":"what"}');
    expect((await s.closed).code).toBe(4400);
  });

  it('should close 4401 on subscribe before the connection is acknowledged', async () => {
    const s = socket();
    await s.send({ type: 'subscribe', id: '1', payload: { query: '{ __typename }' } });
    expect((await s.closed).code).toBe(4401);
  });

  it('should close 4403 when the credentials sent are refused', async () => {
    const s = socket();
    await s.send({ type: 'connection_init', payload: { authorization: 'Bearer not-a-token' } });
    expect((await s.closed).code).toBe(4403);
    const cookie = socket({ cookie: 'access_token=forged' });
    await cookie.send({ type: 'connection_init' });
    expect((await cookie.closed).code).toBe(4403);
  });

  it('should close 4408 when no connection_init arrives in time', async () => {
    const s = socket();
    await s.send({ type: 'ping' });
    expect(await s.next()).toEqual({ type: 'pong' });
    expect((await s.closed).code).toBe(4408);
  });

  it('should close 4409 when a subscription id is used twice', async () => {
    const s = socket();
    await s.send({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } });
    expect(await s.next()).toMatchObject({ type: 'connection_ack' });
    const subscribe = { type: 'subscribe', id: 'same', payload: { query: 'subscription { ticks(count: 1000) { n } }' } };
    await s.send(subscribe);
    await s.send(subscribe);
    expect((await s.closed).code).toBe(4409);
  });

  it('should close 4429 on a second connection_init', async () => {
    const s = socket();
    await s.send({ type: 'connection_init' });
    await s.send({ type: 'connection_init' });
    expect((await s.closed).code).toBe(4429);
  });

  it('should stream next messages and complete', async () => {
    const s = socket();
    await s.send({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } });
    await s.next();
    await s.send({ type: 'subscribe', id: 'a', payload: { query: 'subscription { ticks(count: 2) { n } }' } });
    expect(await s.next()).toEqual({ type: 'next', id: 'a', payload: { data: { ticks: { n: 1 } } } });
    expect(await s.next()).toEqual({ type: 'next', id: 'a', payload: { data: { ticks: { n: 2 } } } });
    expect(await s.next()).toEqual({ type: 'complete', id: 'a' });
    s.close();
  });
});
