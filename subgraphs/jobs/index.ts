import type { SubgraphDefinition } from '../common/subgraph.types.js';
import { breactServiceHandler } from './handlers/breact-service.handler.js';
import { systemSleep } from './handlers/system-sleep.handler.js';
import { BreactResolver } from './services/breact.resolver.js';
import { WebSearchResolver } from './web/web-search.resolver.js';
import { DocumentsResolver } from './documents/documents.resolver.js';
import { ServiceProcess } from './services/service-process.entity.js';
import { UsageEvent } from './services/usage-event.entity.js';
import { m0002Breact } from './migrations/0002-breact.js';
import { m0003Dedup } from './migrations/0003-dedup.js';
import { JobEvent } from './job-event.entity.js';
import { JobInternalResolver } from './job-internal.resolver.js';
import { JobProgressResolver } from './job-progress.resolver.js';
import { Job } from './job.entity.js';
import { resolveJobReference } from './job.reference.js';
import { JobWorkerService } from './job-worker.service.js';
import { createJobsLoaders, type JobsLoaders } from './jobs.loaders.js';
import { JobsResolver } from './jobs.resolver.js';
import { m0001Jobs } from './migrations/0001-jobs.js';

export const jobs: SubgraphDefinition<JobsLoaders> = {
  name: 'jobs',
  port: 4005,
  resolvers: [JobsResolver, JobProgressResolver, JobInternalResolver, BreactResolver, WebSearchResolver, DocumentsResolver],
  references: { Job: resolveJobReference },
  entities: [Job, JobEvent, ServiceProcess, UsageEvent],
  migrations: [m0001Jobs, m0002Breact, m0003Dedup],
  createLoaders: createJobsLoaders,
  // The built-in job types run wherever the jobs subgraph runs; jobs of a process that died are re-queued first.
  async start({ deps, orm }) {
    await new JobWorkerService(orm.em.fork(), deps.pubsub).requeueStale(deps.jobs.queue);
    await deps.jobs.runner.register('system.sleep', systemSleep);
    await deps.jobs.runner.register('breact.service', breactServiceHandler(deps));
    return async () => {};
  },
};
