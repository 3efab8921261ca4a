import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { percentile } from './stats.js';

export interface FanoutResult {
  clients: number;
  deliveries: number;
  expected: number;
  p50Ms: number;
  p95Ms: number;
  eventsPerSecond: number;
  kbPerConnection: number;
}

const SUBSCRIPTION = 'subscription($id: ID!) { jobProgress(jobId: $id) { sequenceNumber timestamp } }';


/**
 * Subscription fan-out: N graphql-ws clients watch one job's progress through the gateway; each delivery's latency
 * is its arrival time minus the event's publish timestamp (same clock: one process). Memory per connection counts
 * both ends of each socket, since the clients run in this process too.
 */
export async function fanout(graphqlUrl: string, restUrl: string, token: string, clients: number, jobSeconds = 2): Promise<FanoutResult> {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  // A scheduled job: every client subscribes before it starts, so all see the same events.
  const startAt = new Date(Date.now() + 3_000 + clients * 5).toISOString();
  const job = await (await fetch(`${restUrl}/api/v1/jobs`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ job_type: 'system.sleep', payload: { seconds: jobSeconds }, scheduled_for: startAt }),
  })).json() as { id: string };

  // Heap and buffers, after a full collection (npm run bench passes --expose-gc): RSS moves in pages and lags.
  const used = () => {
    globalThis.gc?.();
    const m = process.memoryUsage();
    return m.heapUsed + m.external + m.arrayBuffers;
  };
  const before = used();
  const sockets: Client[] = [];
  const latencies: number[] = [];
  let first = Infinity;
  let last = 0;
  const done: Promise<void>[] = [];
  let ready = 0;
  let allReady!: () => void;
  const subscribed = new Promise<void>((r) => (allReady = r));
  for (let i = 0; i < clients; i++) {
    const client = createClient({ url: graphqlUrl.replace(/^http/, 'ws'), connectionParams: { authorization: `Bearer ${token}` }, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false, on: { connected: () => { if (++ready === clients) allReady(); } } });
    sockets.push(client);
    done.push(
      (async () => {
        for await (const e of client.iterate({ query: SUBSCRIPTION, variables: { id: job.id } })) {
          const now = Date.now();
          const published = Date.parse((e.data as { jobProgress: { timestamp: string } }).jobProgress.timestamp);
          latencies.push(now - published);
          first = Math.min(first, now);
          last = Math.max(last, now);
        }
      })().catch(() => {}),
    );
  }
  await subscribed;
  const perConnection = (used() - before) / clients / 1024;
  // Wait for the job to finish, then give the last events a moment to arrive before closing the sockets.
  for (;;) {
    const j = await (await fetch(`${restUrl}/api/v1/jobs/${job.id}`, { headers })).json() as { status: string };
    if (['completed', 'failed', 'cancelled'].includes(j.status)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  await new Promise((r) => setTimeout(r, 500));
  await Promise.all(sockets.map((c) => c.dispose()));
  await Promise.all(done);
  const eventsPerJob = (await (await fetch(`${restUrl}/api/v1/jobs/${job.id}/events`, { headers })).json() as unknown[]).length;
  return {
    clients,
    deliveries: latencies.length,
    // Every event but the first (`pending`, published at creation, before anyone subscribed).
    expected: (eventsPerJob - 1) * clients,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    eventsPerSecond: Math.round(latencies.length / Math.max(0.001, (last - first) / 1000)),
    kbPerConnection: Math.round(perConnection),
  };
}
