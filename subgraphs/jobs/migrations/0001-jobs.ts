import type { Migration } from '../../common/migrations.js';

export const m0001Jobs: Migration = {
  name: '0001-jobs',
  up: [
    `create table jobs.jobs (
      id uuid primary key,
      user_id uuid not null,
      tenant_id uuid not null,
      job_type varchar(100) not null,
      status varchar(20) not null check (status in ('pending','running','completed','failed','cancelled')),
      priority integer not null default 0,
      payload jsonb not null default '{}',
      progress_percent integer not null default 0 check (progress_percent between 0 and 100),
      current_stage text,
      message text,
      result jsonb,
      error text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      started_at timestamptz,
      completed_at timestamptz,
      scheduled_for timestamptz,
      idempotency_key varchar(200),
      attempts integer not null default 0,
      last_sequence integer not null default 0,
      cancel_requested boolean not null default false,
      heartbeat_at timestamptz,
      worker_id varchar(255)
    )`,
    `create index jobs_user_created_idx on jobs.jobs (user_id, created_at desc)`,
    `create index jobs_running_idx on jobs.jobs (status, heartbeat_at) where status = 'running'`,
    `create unique index jobs_idempotency_key on jobs.jobs (user_id, idempotency_key) where idempotency_key is not null`,
    `create table jobs.job_events (
      id uuid primary key,
      job_id uuid not null references jobs.jobs(id) on delete cascade,
      sequence_number integer not null,
      event_type varchar(40) not null,
      data jsonb not null default '{}',
      timestamp timestamptz not null default now(),
      unique (job_id, sequence_number)
    )`,
  ],
};
