import type { Migration } from '../../common/migrations.js';

export const m0002Breact: Migration = {
  name: '0002-breact',
  up: [
    `create table jobs.service_processes (
      id uuid primary key references jobs.jobs(id) on delete cascade,
      access_token_hash char(64) not null,
      service_id varchar(100) not null,
      endpoint varchar(100) not null,
      user_id uuid not null,
      tenant_id uuid not null,
      created_at timestamptz not null default now()
    )`,
    `create table jobs.usage_events (
      id uuid primary key,
      tenant_id uuid not null,
      user_id uuid not null,
      service_id varchar(100) not null,
      endpoint varchar(100) not null,
      cost numeric(12,4) not null,
      process_id uuid,
      created_at timestamptz not null default now()
    )`,
    `create index usage_events_tenant_idx on jobs.usage_events (tenant_id, created_at)`,
  ],
};
