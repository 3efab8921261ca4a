import { resolve } from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ConflictError, UpstreamUnavailableError } from '../common/errors.js';
import type { SubgraphContext } from '../common/subgraph.types.js';
import type { PluginManifest } from './plugin-manifest.js';
import { PluginService } from './plugin-service.entity.js';
import type { Plugin } from './plugin.entity.js';
import { SERVICES_TOPIC } from './service-supervisor.js';
import { SERVICE_TIMEOUTS } from './service-process.js';

/** How long a request waits for the supervisor to act on a change before answering with the state it sees. */
const SETTLE_MS = SERVICE_TIMEOUTS.readyMs + SERVICE_TIMEOUTS.stopMs + 2_000;

/**
 * The request side of plugin backend services: rows say what should run and the supervisor (service-supervisor.ts)
 * makes it so. Requests write, nudge every replica, then wait until the row shows the outcome, so an install,
 * enable, restart or uninstall answers with the service's real state.
 */
export class ServiceControl {
  constructor(private readonly ctx: SubgraphContext) {}

  /** In the install or update transaction: the row for a plugin whose new manifest declares a service. */
  async declare(em: EntityManager, plugin: Plugin, manifest: PluginManifest): Promise<void> {
    if (!manifest.backendService) return;
    const row = await em.findOne(PluginService, { pluginId: plugin.id });
    if (row) row.generation += 1;
    else em.create(PluginService, { pluginId: plugin.id, tenantId: plugin.tenantId, dataDir: resolve(this.ctx.deps.env.dataDir) });
  }

  /**
   * After a commit that changed what should run: nudge, then wait until it runs or failed (an enabled plugin whose
   * manifest declares a service) or has stopped (anything else: disabled, uninstalling, a version without one).
   */
  async settle(plugin: Plugin): Promise<PluginService | null> {
    const shouldRun = plugin.enabled && declares(plugin);
    let row = await this.ctx.em.fork().findOne(PluginService, { pluginId: plugin.id });
    if (!row) return null;
    await this.ctx.deps.pubsub.publish(SERVICES_TOPIC, {});
    const deadline = Date.now() + SETTLE_MS;
    for (;;) {
      const done = shouldRun
        ? row.runningGeneration === row.generation && (row.status === 'running' || row.status === 'failed')
        : row.status === 'stopped';
      if (done || Date.now() > deadline) return row;
      await new Promise((r) => setTimeout(r, 100));
      row = await this.ctx.em.fork().findOne(PluginService, { pluginId: plugin.id });
      if (!row) return null;
    }
  }

  /** A fresh process (and crash count) for the plugin's service; answers its state once it runs. */
  async restart(plugin: Plugin): Promise<PluginService> {
    if (!plugin.enabled) throw new ConflictError(`Plugin ${plugin.slug} is disabled; enable it to start its service`);
    await this.ctx.em.getConnection().execute('update plugins.plugin_services set generation = generation + 1, updated_at = now() where plugin_id = ?', [plugin.id]);
    const row = await this.settle(plugin);
    if (!row) throw new ConflictError(`Plugin ${plugin.slug} has no service row`);
    if (row.status === 'failed') throw new UpstreamUnavailableError(`The service of plugin ${plugin.slug} failed to start: ${row.lastError ?? 'unknown error'}`);
    // No supervisor acted in time (none runs for this data directory, or it is still starting): say so, not "restarted".
    if (row.runningGeneration !== row.generation || row.status !== 'running') {
      throw new UpstreamUnavailableError(`The service of plugin ${plugin.slug} was not running within ${SETTLE_MS / 1000} s (status: ${row.status})`);
    }
    return row;
  }
}

/** Whether the installed manifest declares a backend service. */
export function declares(plugin: Plugin): boolean {
  return !!(plugin.manifest as { backendService?: unknown }).backendService;
}
