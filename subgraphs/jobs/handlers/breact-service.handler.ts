import type { SubgraphDeps } from '../../common/deps.js';
import type { JobHandler } from '../../common/jobs/job-runner.js';
import { serviceRegistry } from '../services/service-registry.js';

/** Runs a BReact OS service call that `executeService` queued. */
export const breactServiceHandler = (deps: SubgraphDeps): JobHandler<{ service: string; endpoint: string; params: Record<string, unknown> }> =>
  async (run) => {
    const endpoint = serviceRegistry.get(run.payload.service)?.endpoints[run.payload.endpoint];
    if (!endpoint) throw new Error(`Service ${run.payload.service}/${run.payload.endpoint} no longer exists`);
    return endpoint.run(run.payload.params, run, deps);
  };
