import type { SubgraphContext } from '../common/subgraph.types.js';
import type { Job } from './job.entity.js';
import type { JobsLoaders } from './jobs.loaders.js';

/** Other subgraphs may refer to a job; only its owner sees it. */
export async function resolveJobReference(ref: Pick<Job, 'id'>, ctx: SubgraphContext<JobsLoaders>) {
  const job = await ctx.loaders.jobById.load(ref.id);
  return job && job.userId === ctx.identity.auth?.userId ? job : null;
}
