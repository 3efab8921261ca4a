import type { Migration } from '../../common/migrations.js';

export const m0003PluginServices: Migration = {
  name: '0003-plugin-services',
  up: [
    `create table plugins.plugin_services (
      plugin_id uuid primary key references plugins.plugins(id) on delete cascade,
      tenant_id uuid not null,
      data_dir text not null,
      generation integer not null default 1,
      running_generation integer,
      status varchar(16) not null default 'stopped' check (status in ('stopped','starting','running','restarting','failed')),
      pid integer,
      host varchar(255),
      port integer,
      started_at timestamptz,
      restarts integer not null default 0,
      last_exit_code integer,
      last_signal varchar(16),
      last_error text,
      updated_at timestamptz not null default now()
    )`,
    `create index plugin_services_data_dir_idx on plugins.plugin_services (data_dir)`,
  ],
};
