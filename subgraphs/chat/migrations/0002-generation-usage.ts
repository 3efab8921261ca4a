import type { Migration } from '../../common/migrations.js';

export const m0002GenerationUsage: Migration = {
  name: '0002-generation-usage',
  up: [
    `create table chat.generation_usage (
      id uuid primary key,
      user_id uuid not null,
      provider varchar(50) not null,
      model varchar(200) not null,
      input_tokens integer not null default 0,
      output_tokens integer not null default 0,
      byok boolean not null default false,
      created_at timestamptz not null default now()
    )`,
    `create index generation_usage_user_idx on chat.generation_usage (user_id, created_at)`,
  ],
};
