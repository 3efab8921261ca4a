import type { EntityManager } from '@mikro-orm/postgresql';
import { loaderById } from '../common/loaders.js';
import { Job } from './job.entity.js';

export function createJobsLoaders(em: EntityManager) {
  return { jobById: loaderById(em, Job) };
}

export type JobsLoaders = ReturnType<typeof createJobsLoaders>;
