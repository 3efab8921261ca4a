import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createBraingraphPubSub } from '../../subgraphs/common/pubsub.js';
import { gql, newUser, rest } from '../helpers/clients.js';
import { spawnNode, type Spawned } from '../helpers/processes.js';
import { TEST_SECRETS } from '../helpers/test-app.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
// A prefix of its own, so counters of an earlier run (or another suite) in the same minute do not leak in.
const PREFIX = `bg-e2e-${randomBytes(4).toString('hex')}:`;

const common = () => ({
  DATABASE_URL: inject('databaseUrl'),
  REDIS_URL,
  REDIS_KEY_PREFIX: PREFIX,
  JWT_SECRET: TEST_SECRETS.jwtSecret,
  INTERNAL_SECRET: TEST_SECRETS.internalSecret,
  LOG_LEVEL: 'warn',
  HOST: '127.0.0.1',
  BRAINGRAPH_DATA_DIR: `/tmp/braingraph-e2e-${process.pid}`,
});

let identity: Spawned;
const gateways: { proc: Spawned; graphql: string; rest: string }[] = [];

async function startGateway(identityUrl: string) {
  const proc = spawnNode('bin/start.ts', [], {
    ...common(),
    GATEWAY_PORT: '0',
    REST_PORTS: '0',
    REMOTE_SUBGRAPHS: 'identity',
    SUBGRAPH_URLS: `identity=${identityUrl}`,
    RATE_LIMIT_AUTH_PER_MIN: '8',
  });
  const [, graphql] = await proc.waitFor(/GraphQL \+ Apollo Sandbox: (\S+)/);
  const [, restUrl] = await proc.waitFor(/REST \(Swagger UI\): +(\S+)\/docs/);
  return { proc, graphql, rest: restUrl };
}

beforeAll(async () => {
  identity = spawnNode('bin/start-subgraph.ts', ['identity', '0'], common());
  const [, url] = await identity.waitFor(/subgraph identity listening on (\S+)/);
  gateways.push(await startGateway(url), await startGateway(url));
}, 120_000);

afterAll(async () => {
  await Promise.all([...gateways.map((g) => g.proc.stop()), identity?.stop()]);
});

describe('distributed mode: identity in its own process, two gateway replicas over HTTP, Redis', () => {
  it('should serve identity through either replica, over the HTTP subgraph', async () => {
    const [a, b] = gateways;
    const u = newUser('dist');
    expect((await rest(a.rest, 'POST', '/api/v1/auth/register', { body: u })).status).toBe(200);
    const login = await rest(b.rest, 'POST', '/api/v1/auth/login', { body: { email: u.email, password: u.password } });
    expect(login.status).toBe(200);
    const me = await gql(a.graphql, '{ me { id email roles { name } } }', {}, { authorization: `Bearer ${login.body.access_token}` });
    expect(me.data).toEqual({ me: { id: login.body.user_id, email: u.email, roles: [{ name: 'owner' }] } });
  });

  it('should authenticate an API key through the internal operation over HTTP', async () => {
    const [a, b] = gateways;
    const u = newUser('distkey');
    await rest(a.rest, 'POST', '/api/v1/auth/register', { body: u });
    const login = await rest(a.rest, 'POST', '/api/v1/auth/login', { body: { email: u.email, password: u.password } });
    const issued = await rest(a.rest, 'POST', '/v1/auth/issue-key', { headers: { authorization: `Bearer ${login.body.access_token}` } });
    const who = await rest(b.rest, 'GET', '/v1/auth/whoami', { headers: { 'x-api-key': issued.body.key } });
    expect(who.body).toMatchObject({ user_id: login.body.user_id, auth: 'api_key' });
  });

  it('should deliver job progress to a subscriber on one replica for a job created on the other', async () => {
    const [a, b] = gateways;
    const u = newUser('distjob');
    await rest(a.rest, 'POST', '/api/v1/auth/register', { body: u });
    const login = await rest(a.rest, 'POST', '/api/v1/auth/login', { body: { email: u.email, password: u.password } });
    const bearer = { authorization: `Bearer ${login.body.access_token}` };
    const { body: job } = await rest(b.rest, 'POST', '/api/v1/jobs', { body: { job_type: 'system.sleep', payload: { seconds: 0.3 } }, headers: bearer });
    const client = createClient({ url: a.graphql.replace(/^http/, 'ws'), connectionParams: bearer, webSocketImpl: WebSocket, retryAttempts: 0 });
    const seen: any[] = [];
    try {
      for await (const e of client.iterate({
        query: 'subscription($id: ID!) { jobProgress(jobId: $id, sinceSequence: 0) { eventType status job { user { username } } } }',
        variables: { id: job.id },
      })) {
        seen.push(e);
        if ((e.data as any)?.jobProgress.eventType === 'status' && (e.data as any).jobProgress.status === 'completed') break;
      }
    } finally {
      await client.dispose();
    }
    expect(seen.at(-1).data.jobProgress).toMatchObject({ status: 'completed', job: { user: { username: u.username } } });
    expect(seen.length).toBeGreaterThan(3);
  });

  it('should refuse requests to the subgraph that carry no signed context', async () => {
    const url = identity.output().match(/subgraph identity listening on (\S+)/)![1];
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ me { id } }' }) });
    expect(res.status).toBe(401);
  });

  it('should share rate-limit counters between replicas through Redis', async () => {
    const [a, b] = gateways;
    const body = { email: 'nobody@example.com', password: 'wrong-password' };
    // Earlier tests spent 6 of the per-IP auth budget of 8; together the replicas must stop at 8 in all.
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await rest(i % 2 ? b.rest : a.rest, 'POST', '/api/v1/auth/login', { body })).status);
    expect(statuses).toContain(429);
    // Shared counters leave 8 - 6 = 2 attempts; per-replica counters would let 7 of the 8 through.
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(2);
  });

  it('should carry pub/sub events between processes through Redis', async () => {
    const one = createBraingraphPubSub(REDIS_URL);
    const two = createBraingraphPubSub(REDIS_URL);
    try {
      const topic = `${PREFIX}e2e-topic`;
      const iterator = one.pubsub.subscribe(topic)[Symbol.asyncIterator]();
      const next = iterator.next();
      // The subscription is registered with Redis asynchronously; publish until it is heard (bounded).
      let received: IteratorResult<unknown> | undefined;
      for (let i = 0; i < 50 && !received; i++) {
        two.pubsub.publish(topic, { n: i });
        received = await Promise.race([next, new Promise<undefined>((r) => setTimeout(r, 20))]);
      }
      expect(received?.value).toMatchObject({ n: expect.any(Number) });
      await iterator.return?.();
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });
});
