import { CreateJobForDocument } from '../../schema/generated/internal-operations.js';
import { BadUserInputError } from '../common/errors.js';
import { requireAuth } from '../common/context.js';
import type { JobRun } from '../common/jobs/job-runner.js';
import type { SubgraphContext } from '../common/subgraph.types.js';
import type { ModelInfo } from './chat.types.js';
import { OllamaAdapter } from './providers/ollama.adapter.js';
import { adapterForConfig, resolveProvider } from './providers/provider-resolver.js';

const TIMEOUT_MS = 15_000;


export interface OllamaTarget {
  serverUrl?: string | null;
  settingsId?: string | null;
  serverId?: string | null;
}

/** BrainDrive's direct Ollama management: a `server_url` the caller typed, or a server from their settings. */
export class OllamaService {
  constructor(private readonly ctx: SubgraphContext) {}

  private async adapter(t: OllamaTarget): Promise<OllamaAdapter> {
    const adapter = t.serverUrl
      ? await adapterForConfig(this.ctx, 'ollama', t.serverUrl, null)
      : await resolveProvider(this.ctx, { provider: 'ollama', settingsId: t.settingsId, serverId: t.serverId });
    if (!(adapter instanceof OllamaAdapter)) throw new BadUserInputError('Not an Ollama server');
    return adapter;
  }

  async test(t: OllamaTarget): Promise<{ version: string; server: string }> {
    const adapter = await this.adapter(t);
    return { version: await adapter.version(AbortSignal.timeout(TIMEOUT_MS)), server: adapter.server };
  }

  async models(t: OllamaTarget): Promise<ModelInfo[]> {
    const adapter = await this.adapter(t);
    return (await adapter.listModels(AbortSignal.timeout(TIMEOUT_MS))).map((m) => ({ ...m, provider: 'ollama' }));
  }

  /**
   * Queues a model install as a job the jobs subgraph owns and chat works. The same model on the same server while
   * one is pending or running answers that job, `deduped`.
   */
  async install(name: string, t: OllamaTarget): Promise<{ taskId: string; deduped: boolean }> {
    const auth = requireAuth(this.ctx);
    if (!name.trim()) throw new BadUserInputError('name is required', 'name');
    const adapter = await this.adapter(t);
    const { createJobFor } = await this.ctx.deps.internal.request('jobs', CreateJobForDocument, {
      userId: auth.userId,
      tenantId: auth.tenantId,
      jobType: 'ollama.install',
      payload: { model: name, serverUrl: t.serverUrl ?? null, settingsId: t.settingsId ?? null, serverId: t.serverId ?? null },
      dedupKey: `${adapter.server}|${name}`,
    });
    return { taskId: createJobFor.id, deduped: createJobFor.deduped };
  }

  /** The job handler: resolves the server as the job's owner, then pulls with progress. */
  async runInstall(run: JobRun<{ model: string; serverUrl?: string | null; settingsId?: string | null; serverId?: string | null }>) {
    const adapter = await this.adapter(run.payload);
    await run.progress(0, 'pulling', `pulling ${run.payload.model} on ${adapter.server}`);
    let lastStatus = '';
    await adapter.pull(run.payload.model, run.signal, async (status, percent) => {
      // One event per status change or percent step, not one per chunk Ollama sends.
      if (status === lastStatus && percent === null) return;
      lastStatus = status;
      await run.progress(percent ?? 0, status);
    });
    return { model: run.payload.model, server: adapter.server, status: 'success' };
  }

  async deleteModel(name: string, t: OllamaTarget): Promise<boolean> {
    if (!name.trim()) throw new BadUserInputError('name is required', 'name');
    await (await this.adapter(t)).deleteModel(name);
    return true;
  }
}
