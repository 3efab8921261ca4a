import type { Migration } from '../../common/migrations.js';

export const m0002SettingsBackups: Migration = {
  name: '0002-settings-backups',
  up: [
    // user_id null = the tenant-wide values; a row per user for their own overrides.
    `create table plugins.plugin_settings (
      id uuid primary key,
      plugin_id uuid not null references plugins.plugins(id) on delete cascade,
      user_id uuid,
      "values" jsonb not null default '{}',
      updated_at timestamptz not null default now()
    )`,
    `create unique index plugin_settings_scope_idx on plugins.plugin_settings (plugin_id, coalesce(user_id, '00000000-0000-0000-0000-000000000000'::uuid))`,
    `create table plugins.plugin_backups (
      id uuid primary key,
      plugin_id uuid not null references plugins.plugins(id) on delete cascade,
      tenant_id uuid not null,
      plugin_version varchar(64) not null,
      snapshot jsonb not null,
      record_count integer not null,
      created_by uuid not null,
      created_at timestamptz not null default now()
    )`,
    `create index plugin_backups_plugin_idx on plugins.plugin_backups (plugin_id, created_at desc)`,
  ],
};
