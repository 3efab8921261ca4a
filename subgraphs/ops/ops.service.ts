import { AiUpstreamHealthDocument } from '../../schema/generated/internal-operations.js';
import type { SubgraphContext } from '../common/subgraph.types.js';
import type { DependencyHealth, Health } from './ops.types.js';

const VERSION = '0.1.0';


export class OpsService {
  constructor(private readonly ctx: SubgraphContext) {}

  /** Liveness plus a real round trip to PostgreSQL; a database failure is reported, never thrown. */
  async health(): Promise<Health> {
    const [database, aiUpstream] = await Promise.all([this.database(), this.aiUpstream()]);
    return { status: 'healthy', version: VERSION, uptimeSeconds: process.uptime(), database, aiUpstream };
  }

  /** Asked of chat, which owns the providers; a missing or failing chat is reported, never thrown. */
  private async aiUpstream(): Promise<DependencyHealth> {
    try {
      const { aiUpstreamHealth: h } = await this.ctx.deps.internal.request('chat', AiUpstreamHealthDocument, {});
      return h;
    } catch {
      return { status: 'unhealthy', latencyMs: null, error: 'the AI service is not available', provider: null };
    }
  }

  private async database(): Promise<DependencyHealth> {
    const started = performance.now();
    try {
      await this.ctx.em.execute('select 1');
      return { status: 'healthy', latencyMs: Math.round((performance.now() - started) * 100) / 100 };
    } catch {
      // The driver's message can carry host names and credentials: report that it failed, not how.
      return { status: 'unhealthy', latencyMs: null, error: 'database unreachable' };
    }
  }
}
