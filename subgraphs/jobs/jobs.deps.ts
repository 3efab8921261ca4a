import type { JobQueue } from '../common/jobs/job-queue.js';

/** What the jobs subgraph needs beyond a request's context: the shared queue, opened when the subgraph starts. */
export interface JobsDeps {
  queue: JobQueue;
}
