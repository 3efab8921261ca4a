import type { Migration } from '../../common/migrations.js';

/** Work that must not run twice at once (an Ollama pull of one model on one server) carries a dedup key. */
export const m0003Dedup: Migration = {
  name: '0003-dedup',
  up: [
    `alter table jobs.jobs add column dedup_key varchar(500)`,
    `create unique index jobs_dedup_active on jobs.jobs (job_type, dedup_key) where dedup_key is not null and status in ('pending', 'running')`,
  ],
};
