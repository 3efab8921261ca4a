import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startApp } from '../bin/app.js';
import { startStandaloneSubgraph } from '../bin/standalone-subgraph.js';
import { CONTEXT_HEADER, signIdentity, type AuthContext } from '../subgraphs/common/auth-context.js';
import { readEnv } from '../subgraphs/common/env.js';
import { createLogger } from '../subgraphs/common/logger.js';
import { SqlCounter } from '../subgraphs/common/orm.js';
import { identity } from '../subgraphs/identity/index.js';
import { openBenchDatabase } from './database.js';
import { printTable, type Row } from './table.js';
import { fanout } from './fanout.js';
import { pluginFigures } from './plugins.js';

/**
 * `npm run bench`: gateway (in-process and HTTP subgraphs) vs direct subgraph vs REST, for the same `me` lookup; and
 * REST vs GraphQL for a list of 100 pages.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
if (!Number.isInteger(SECONDS) || SECONDS < 1) throw new Error(`BENCH_SECONDS must be a whole number of seconds, got "${process.env.BENCH_SECONDS}"`);
const CONNECTIONS = [10, 50];
const SQL_SAMPLES = 50;
const FANOUT_CLIENTS = (process.env.BENCH_FANOUT ?? '100,1000').split(',').map(Number);
const ME = JSON.stringify({ query: '{ me { id email } }' });
const PAGES = JSON.stringify({
  query: `{ pages(limit: 100) { total items { id name route routeSegment parentRoute parentType isParentPage description icon
    content contentBackup backupDate isPublished publishDate navigationRouteId creatorId createdAt updatedAt } } }`,
});

const benchEnv = (extra: Record<string, string>) =>
  readEnv({
    ...process.env,
    LOG_LEVEL: 'silent',
    GATEWAY_PORT: '0',
    REST_PORTS: '0',
    // Every request comes from one IP and one user: the limits would otherwise be what gets measured.
    RATE_LIMIT_AUTH_PER_MIN: '10000000',
    RATE_LIMIT_PER_MIN: '10000000',
    RATE_LIMIT_USER_PER_MIN: '10000000',
    RATE_LIMIT_BRAINGARDEN_PER_MIN: '10000000',
    ...extra,
  });
// App a must be the all-in-process mode whatever the caller's shell says.
const env = benchEnv({ REMOTE_SUBGRAPHS: '', SUBGRAPH_URLS: '' });
const logger = createLogger(env.logLevel);
// Throw-away secrets unless given: tokens only need to live as long as this run.
const secrets = {
  jwtSecret: env.jwtSecret ?? randomBytes(48).toString('base64url'),
  internalSecret: env.internalSecret ?? randomBytes(48).toString('base64url'),
  encryptionSecret: randomBytes(48).toString('base64url'),
  embeddedPgPassword: 'unused',
};

/** `headers` is called per run: the signed identity header expires after five minutes. */
type Target = { name: string; url: string; method: 'GET' | 'POST'; body?: string; headers(): Record<string, string> };

const closers: (() => Promise<unknown>)[] = [];
const closeAll = async () => {
  for (const close of closers.reverse()) await close().catch((e) => console.error('shutdown step failed:', e));
};
let dropDatabase = async () => {};
// On Ctrl-C only the bench database matters: drop it and go; the servers die with the process.
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.on(signal, () => void dropDatabase().finally(() => process.exit(code)));
}

async function send(t: Target): Promise<{ status: number; text: string }> {
  const res = await fetch(t.url, { method: t.method, headers: t.headers(), body: t.body });
  return { status: res.status, text: await res.text() };
}

async function main() {
  const database = await openBenchDatabase(env, logger);
  closers.push((dropDatabase = database.close));
  console.log(`database: ${database.description}`);

  // Uploads and installed plugins of the run go to a folder of its own, removed at the end.
  const dataDir = await mkdtemp(join(tmpdir(), 'braingraph-bench-'));
  closers.push(() => rm(dataDir, { recursive: true, force: true }));
  const appA = await startApp({ env: { ...env, dataDir }, secrets, databaseUrl: database.url, logger });
  closers.push(appA.close);
  const standalone = await startStandaloneSubgraph({ def: identity, env, secrets, databaseUrl: database.url, logger, port: 0 });
  closers.push(standalone.close);
  const envB = benchEnv({ REMOTE_SUBGRAPHS: 'identity', SUBGRAPH_URLS: `identity=${standalone.url}` });
  const appB = await startApp({ env: envB, secrets, databaseUrl: database.url, logger, rest: false, subgraphNames: ['ops'] });
  closers.push(appB.close);
  const restUrl = appA.urls.rest[0];

  const json = { 'content-type': 'application/json' };
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${restUrl}${path}`, { method: 'POST', headers: json, body: JSON.stringify(body) });
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
    return res.json();
  };
  const user = { email: `bench-${Date.now()}@example.com`, username: `bench_${Date.now()}`, password: randomBytes(12).toString('hex') };
  await post('/api/v1/auth/register', user);
  const login: { access_token: string; user_id: string; tenant_id: string; user: { is_admin: boolean } } = await post('/api/v1/auth/login', {
    email: user.email,
    password: user.password,
  });
  const bearer = { authorization: `Bearer ${login.access_token}` };
  for (let i = 0; i < 100; i++) {
    const res = await fetch(`${restUrl}/api/v1/pages`, {
      method: 'POST',
      headers: { ...json, ...bearer },
      body: JSON.stringify({ name: `Bench page ${i}`, route: `/bench-${i}`, content: { layout: {}, components: [{ id: `c${i}` }] } }),
    });
    if (res.status !== 201) throw new Error(`POST /api/v1/pages answered ${res.status}: ${await res.text()}`);
  }
  const auth: AuthContext = { userId: login.user_id, tenantId: login.tenant_id, role: 'owner', isAdmin: login.user.is_admin, scopes: [], via: 'jwt' };

  const gql = (name: string, url: string, extra = () => ({})): Target =>
    ({ name, url, method: 'POST', body: ME, headers: () => ({ ...json, ...bearer, ...extra() }) });
  const targets: Target[] = [
    gql('gateway (in-process subgraphs)', appA.urls.graphql),
    gql('gateway (HTTP subgraphs)', appB.urls.graphql),
    gql('identity subgraph direct', standalone.url, () => ({ [CONTEXT_HEADER]: signIdentity({ auth }, secrets.internalSecret) })),
    { name: 'REST GET /api/v1/auth/me', url: `${restUrl}/api/v1/auth/me`, method: 'GET', headers: () => bearer },
    // The same 100 pages both ways: every field BrainDrive's page list answers.
    { name: 'REST GET /api/v1/pages (100 pages)', url: `${restUrl}/api/v1/pages?limit=100`, method: 'GET', headers: () => bearer },
    { name: 'gateway pages(limit: 100)', url: appA.urls.graphql, method: 'POST', body: PAGES, headers: () => ({ ...json, ...bearer }) },
  ];

  // A target that answers anything but this user would make every figure below meaningless.
  for (const t of targets) {
    const { status, text } = await send(t);
    if (status !== 200 || !text.includes(login.user_id)) throw new Error(`${t.name} (${t.url}) answered ${status}: ${text.slice(0, 300)}`);
  }

  const orms = [...appA.runtimes.values(), ...appB.runtimes.values(), standalone.runtime].map((r) => r.orm);
  const counter = new SqlCounter(orms);
  const sqlPerRequest = new Map<string, number>();
  for (const t of targets) {
    counter.reset();
    for (let i = 0; i < SQL_SAMPLES; i++) await send(t);
    sqlPerRequest.set(t.name, counter.count / SQL_SAMPLES);
  }
  counter.dispose();

  const rows: Row[] = [];
  for (const t of targets) {
    for (const connections of CONNECTIONS) {
      // A 200 carrying GraphQL errors is a failure too: answers that are not this user's count as mismatches.
      const verifyBody = (body: string) => body.includes(login.user_id);
      const run = (duration: number) =>
        autocannon({ url: t.url, method: t.method, headers: t.headers(), body: t.body, connections, duration, verifyBody });
      await run(1);
      process.stdout.write(`measuring ${t.name}, ${connections} connections, ${SECONDS}s…\n`);
      rows.push({ target: t.name, connections, result: await run(SECONDS), sql: sqlPerRequest.get(t.name)! });
    }
  }
  printTable(rows);
  console.log(`\nprocess RSS: ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);

  // Subscription fan-out: N clients on one job's progress, through the in-process gateway.
  console.log('\nsubscription fan-out (jobProgress, one system.sleep job of 2 s, clients in this process):');
  console.log('clients  deliveries/expected  p50 ms  p95 ms  events/s  KB/connection');
  for (const n of FANOUT_CLIENTS) {
    const f = await fanout(appA.urls.graphql, restUrl, login.access_token, n);
    console.log(`${String(n).padStart(7)}  ${`${f.deliveries}/${f.expected}`.padStart(19)}  ${String(f.p50Ms).padStart(6)}  ${String(f.p95Ms).padStart(6)}  ${String(f.eventsPerSecond).padStart(8)}  ${String(f.kbPerConnection).padStart(13)}`);
  }

  // Plugins: the bench user is the database's first user, so a platform admin who may install a backend service.
  console.log('\nplugins (REST, example package by upload; backend service = test/fixtures/plugins/service):');
  const p = await pluginFigures(restUrl, bearer, SECONDS);
  console.log(`  install p50 ${p.installP50Ms} ms, p95 ${p.installP95Ms} ms; uninstall p50 ${p.uninstallP50Ms} ms`);
  console.log(`  public bundle GET, 10 connections: ${p.bundleRequestsPerSecond} req/s, p99 ${p.bundleP99Ms} ms, ${p.bundleErrors} errors`);
  console.log(`  backend service: install to running ${p.serviceInstallP50Ms} ms; restart to running p50 ${p.restartP50Ms} ms, p95 ${p.restartP95Ms} ms; crash to running again p50 ${p.crashRecoveryP50Ms} ms`);
}

let code = 0;
try {
  await main();
} catch (e) {
  console.error('bench failed:', e);
  code = 1;
}
await closeAll();
// Pools, timers and the gateway's internals may hold the event loop open; everything that matters is closed.
process.exit(code);
