import type { Migration } from '../../common/migrations.js';

export const m0001Plugins: Migration = {
  name: '0001-plugins',
  up: [
    `create table plugins.plugins (
      id uuid primary key,
      tenant_id uuid not null,
      slug varchar(64) not null,
      name varchar(200) not null,
      version varchar(64) not null,
      description text,
      category varchar(100),
      tags jsonb not null default '[]',
      author varchar(200),
      enabled boolean not null default true,
      manifest jsonb not null,
      install_source varchar(20) not null check (install_source in ('upload','url','marketplace')),
      source_url text,
      installed_by uuid not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (tenant_id, slug)
    )`,
    `create table plugins.plugin_modules (
      id uuid primary key,
      plugin_id uuid not null references plugins.plugins(id) on delete cascade,
      module_id varchar(100) not null,
      name varchar(200) not null,
      display_name varchar(200),
      description text,
      category varchar(100),
      tags jsonb not null default '[]',
      props jsonb not null default '{}',
      config_fields jsonb not null default '{}',
      required_services jsonb not null default '{}',
      layout jsonb,
      enabled boolean not null default true,
      unique (plugin_id, module_id)
    )`,
    `create table plugins.plugin_data_records (
      id uuid primary key,
      tenant_id uuid not null,
      plugin_key varchar(100) not null,
      record_type varchar(100) not null,
      data jsonb not null,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    `create index plugin_data_records_list_idx on plugins.plugin_data_records (tenant_id, plugin_key, record_type, created_at)`,
    `create table plugins.marketplace_listings (
      id uuid primary key,
      slug varchar(64) not null unique,
      name varchar(200) not null,
      version varchar(64) not null,
      description text,
      category varchar(100),
      tags jsonb not null default '[]',
      author varchar(200),
      package_url text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
  ],
};
