import { resolve } from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import type { SubgraphDeps } from '../common/deps.js';
import type { BackendServiceSpec } from './plugin-manifest.js';
import { installedDir } from './plugin-package.js';
import { PluginService, type ServiceStatus } from './plugin-service.entity.js';
import { ServiceProcess, type ServiceExit, type ServiceLaunch } from './service-process.js';

/** Published (with no payload) whenever a service should be looked at again: install, enable, restart, uninstall. */
export const SERVICES_TOPIC = 'plugins:services';
/**
 * Crash policy: back off exponentially from PLUGIN_SERVICE_BACKOFF_MS; give up after this many crashes that each
 * came soon after a start (a crash after `stableMs` up counts as the first).
 */
export const RESTART_POLICY = { maxMs: 30_000, maxQuickCrashes: 5, stableMs: 30_000 };
/** A missed nudge, or a replica that died holding services, is caught up with this often. */
const TICK_MS = 5_000;

interface ServiceRow {
  plugin_id: string;
  tenant_id: string;
  generation: number;
  running_generation: number | null;
  status: ServiceStatus;
  slug: string;
  version: string;
  enabled: boolean;
  spec: BackendServiceSpec | null;
}

/** A service this process holds the lock for: its current process (none while backing off or failed). */
interface Held {
  row: ServiceRow;
  proc: ServiceProcess | null;
  crashes: number;
  stopping: boolean;
  retry?: NodeJS.Timeout;
}

/**
 * Runs the backend services of the plugins installed under this process's data directory. Several replicas may
 * share that directory and database: a PostgreSQL advisory lock per service (held on one dedicated connection)
 * makes exactly one of them run each, and when that replica dies its connection closes, the lock is freed and
 * another takes the service over at its next look. State is written to `plugins.plugin_services` so any replica
 * can report it. Requests never touch processes directly: they change rows and publish a nudge.
 */
export class ServiceSupervisor {
  private readonly held = new Map<string, Held>();
  private readonly dataDir: string;
  private lockClient: pg.Client | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;
  private tick?: NodeJS.Timeout;
  private nudges?: AsyncIterator<unknown>;

  constructor(private readonly orm: MikroORM, private readonly deps: SubgraphDeps) {
    this.dataDir = resolve(deps.env.dataDir);
  }

  async start(): Promise<void> {
    const iterable = this.deps.pubsub.subscribe(SERVICES_TOPIC) as AsyncIterable<unknown>;
    this.nudges = iterable[Symbol.asyncIterator]();
    void (async () => {
      while (!this.closed && !(await this.nudges!.next()).done) this.look();
    })().catch((e) => this.deps.logger.error({ err: e }, 'plugin services: nudges stopped'));
    this.tick = setInterval(() => this.look(), TICK_MS);
    this.tick.unref();
    this.look();
    await this.running;
  }

  /** Stops every service this process runs and frees their locks (shutdown). */
  async stop(): Promise<void> {
    this.closed = true;
    clearInterval(this.tick);
    await this.nudges?.return?.();
    await this.running?.catch(() => {});
    const handedOver = this.held.size > 0;
    await Promise.all([...this.held.keys()].map((id) => this.release(id, 'stopped')));
    await this.lockClient?.end().catch(() => {});
    // Other replicas sharing the data directory take the services over now rather than at their next tick.
    if (handedOver) await Promise.resolve(this.deps.pubsub.publish(SERVICES_TOPIC, {})).catch(() => {});
  }

  /** Reconciles soon; looks that arrive during one run coalesce into one more run. */
  look(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.reconcile().catch((e) => this.deps.logger.error({ err: e }, 'plugin services: reconcile failed'));
      } while (this.again && !this.closed);
    })().finally(() => (this.running = null));
  }

  private async reconcile(): Promise<void> {
    const rows = await this.orm.em.getConnection().execute<ServiceRow[]>(
      `select s.plugin_id, s.tenant_id, s.generation, s.running_generation, s.status, p.slug, p.version, p.enabled,
              p.manifest->'backendService' as spec
         from plugins.plugin_services s join plugins.plugins p on p.id = s.plugin_id
        where s.data_dir = ?`,
      [this.dataDir],
    );
    const byId = new Map(rows.map((r) => [r.plugin_id, r]));
    for (const [id, held] of this.held) {
      const row = byId.get(id);
      if (!row || !wanted(row)) await this.release(id, 'stopped');
      else if (row.generation !== held.row.generation || row.version !== held.row.version) await this.restart(held, row);
    }
    for (const row of rows) {
      if (this.closed || this.held.has(row.plugin_id)) continue;
      if (wanted(row)) {
        // Given up on for this generation: it waits for a restart request (which bumps the generation).
        if (row.status === 'failed' && row.running_generation === row.generation) continue;
        if (await this.tryLock(row.plugin_id)) await this.launch({ row, proc: null, crashes: 0, stopping: false });
      } else if (row.status !== 'stopped' && (await this.tryLock(row.plugin_id))) {
        // Nobody runs it (its runner died while it was being stopped): the row only needs to say so.
        await this.write(row.plugin_id, { status: 'stopped', pid: null });
        await this.unlock(row.plugin_id);
      }
    }
  }

  private async launch(held: Held): Promise<void> {
    const { row } = held;
    this.held.set(row.plugin_id, held);
    const launch: ServiceLaunch = {
      pluginId: row.plugin_id,
      tenantId: row.tenant_id,
      slug: row.slug,
      version: row.version,
      spec: row.spec!,
      cwd: installedDir(this.dataDir, row.tenant_id, row.slug, row.version),
      dataDir: resolve(this.dataDir, 'plugin-data', row.tenant_id, row.slug),
    };
    let proc: ServiceProcess;
    try {
      proc = await ServiceProcess.start(launch, (stream, line) => this.deps.logger.info({ plugin: row.slug, stream }, line));
    } catch (e) {
      return this.crashed(held, null, { code: null, signal: null, tail: '' }, (e as Error).message);
    }
    held.proc = proc;
    await this.write(row.plugin_id, {
      status: 'starting', runningGeneration: row.generation, pid: proc.pid, host: proc.host, port: proc.port,
      startedAt: new Date(), restarts: held.crashes,
    });
    let reason: string | null = null;
    void proc.exited.then((exit) => {
      if (!held.stopping && held.proc === proc) void this.crashed(held, proc, exit, reason);
    });
    // Readiness is watched apart from the reconcile, so one slow service doesn't hold up the others.
    void proc.ready().then(
      () => (!held.stopping && held.proc === proc ? this.write(row.plugin_id, { status: 'running' }) : undefined),
      async (e: Error) => {
        if (held.stopping || held.proc !== proc) return;
        // Not ready in time, or it exited: either way a failed start, handled as a crash once it is gone.
        reason = e.message;
        await proc.stop();
      },
    ).catch((e) => this.deps.logger.error({ err: e, plugin: row.slug }, 'plugin services: readiness check failed'));
  }

  private async crashed(held: Held, proc: ServiceProcess | null, exit: ServiceExit, reason: string | null): Promise<void> {
    const { row } = held;
    held.proc = null;
    held.crashes = proc && proc.uptimeMs >= RESTART_POLICY.stableMs ? 1 : held.crashes + 1;
    const how = reason ?? (exit.signal ? `killed by ${exit.signal}` : `exited with code ${exit.code}`);
    const lastError = `${how}${exit.tail ? `\n${exit.tail}` : ''}`.slice(-4000);
    const failed = held.crashes > RESTART_POLICY.maxQuickCrashes;
    this.deps.logger.warn({ plugin: row.slug, crashes: held.crashes }, `plugin service ${how}`);
    await this.write(row.plugin_id, {
      status: failed ? 'failed' : 'restarting', pid: null, lastExitCode: exit.code, lastSignal: exit.signal, lastError,
    });
    if (failed || this.closed) return;
    const delay = Math.min(this.deps.env.pluginServiceBackoffMs * 2 ** (held.crashes - 1), RESTART_POLICY.maxMs);
    held.retry = setTimeout(() => {
      if (this.held.get(row.plugin_id) === held && !held.stopping && !this.closed) void this.launch(held);
    }, delay);
  }

  /** A restart request or a new version: the same lock, a fresh process and crash count. */
  private async restart(held: Held, row: ServiceRow): Promise<void> {
    await this.halt(held);
    await this.write(row.plugin_id, { lastError: null, lastExitCode: null, lastSignal: null });
    await this.launch({ row, proc: null, crashes: 0, stopping: false });
  }

  private async release(id: string, status: ServiceStatus): Promise<void> {
    const held = this.held.get(id);
    if (!held) return;
    await this.halt(held);
    this.held.delete(id);
    await this.write(id, { status, pid: null });
    await this.unlock(id);
  }

  private async halt(held: Held): Promise<void> {
    held.stopping = true;
    clearTimeout(held.retry);
    const proc = held.proc;
    held.proc = null;
    if (proc) {
      const exit = await proc.stop();
      await this.write(held.row.plugin_id, { lastExitCode: exit.code, lastSignal: exit.signal });
    }
  }

  private async write(pluginId: string, fields: Partial<PluginService>): Promise<void> {
    await this.orm.em.fork().nativeUpdate(PluginService, { pluginId }, { ...fields, updatedAt: new Date() });
  }

  private async tryLock(pluginId: string): Promise<boolean> {
    const client = await this.locks();
    const { rows } = await client.query<{ ok: boolean }>('select pg_try_advisory_lock(hashtextextended($1, 0)) as ok', [lockKey(pluginId)]);
    return rows[0].ok;
  }

  private async unlock(pluginId: string): Promise<void> {
    await this.lockClient?.query('select pg_advisory_unlock(hashtextextended($1, 0))', [lockKey(pluginId)]).catch(() => {});
  }

  /** The connection that holds the locks; losing it loses them, so every service here stops at once. */
  private async locks(): Promise<pg.Client> {
    if (this.lockClient) return this.lockClient;
    const client = new pg.Client({ connectionString: this.orm.config.get('clientUrl') });
    client.on('error', (e) => {
      if (this.lockClient !== client) return;
      this.lockClient = null;
      this.deps.logger.error({ err: e }, 'plugin services: lock connection lost; stopping the services run here');
      for (const held of this.held.values()) void this.halt(held);
      this.held.clear();
    });
    await client.connect();
    this.lockClient = client;
    return client;
  }
}

function wanted(row: ServiceRow): boolean {
  return row.enabled && !!row.spec;
}

function lockKey(pluginId: string): string {
  return `braingraph:plugin-service:${pluginId}`;
}
