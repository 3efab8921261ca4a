import type { Migration } from '../../common/migrations.js';

/**
 * Pages, navigation routes, components and plugin state. Rows refer to users by id only (identity owns users);
 * inside this schema pages and navigation routes point at each other, so their foreign keys are added after both
 * tables exist.
 */
export const m0002Pages: Migration = {
  name: '0002-pages',
  up: [
    `create table workspace.navigation_routes (
      id uuid primary key,
      creator_id uuid not null,
      name varchar(100) not null,
      route varchar(255) not null,
      icon varchar(100),
      description text,
      display_order integer not null default 0,
      is_visible boolean not null default true,
      is_system_route boolean not null default false,
      is_collapsible boolean not null default true,
      is_expanded boolean not null default true,
      default_component_id varchar(100),
      default_page_id uuid,
      can_change_default boolean not null default false,
      parent_id uuid references workspace.navigation_routes(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    // "/docs" and "docs" are one route: clients send and look routes up with or without the leading slash.
    `create unique index navigation_routes_creator_route_key on workspace.navigation_routes (creator_id, (ltrim(route, '/')))`,
    `create index navigation_routes_creator_parent_idx on workspace.navigation_routes (creator_id, parent_id, display_order)`,
    `create table workspace.pages (
      id uuid primary key,
      creator_id uuid not null,
      name varchar(100) not null,
      route varchar(255) not null,
      route_segment varchar(255),
      parent_route varchar(255),
      parent_type varchar(50),
      is_parent_page boolean not null default false,
      description text,
      icon varchar(100),
      content jsonb not null default '{}'::jsonb,
      content_backup jsonb,
      backup_date timestamptz,
      is_published boolean not null default false,
      publish_date timestamptz,
      navigation_route_id uuid references workspace.navigation_routes(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    `create unique index pages_creator_route_key on workspace.pages (creator_id, (ltrim(route, '/')))`,
    `create index pages_creator_created_idx on workspace.pages (creator_id, created_at, id)`,
    `create index pages_navigation_route_idx on workspace.pages (navigation_route_id)`,
    `alter table workspace.navigation_routes
       add constraint navigation_routes_default_page_fk foreign key (default_page_id)
       references workspace.pages(id) on delete set null`,
    `create table workspace.components (
      id uuid primary key,
      component_id varchar(100) not null,
      name varchar(100) not null,
      description text,
      icon varchar(100),
      is_system boolean not null default false,
      user_id uuid not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint components_component_id_key unique (component_id)
    )`,
    `create table workspace.plugin_states (
      id uuid primary key,
      user_id uuid not null,
      plugin_id varchar(255) not null,
      page_id varchar(255),
      state_key varchar(255),
      state_strategy varchar(20) not null default 'persistent'
        check (state_strategy in ('persistent', 'session', 'none', 'custom')),
      state_data jsonb not null,
      state_schema_version varchar(50),
      state_size integer not null default 0,
      access_count integer not null default 0,
      last_accessed timestamptz not null default now(),
      ttl_expires_at timestamptz,
      is_active boolean not null default true,
      version integer not null default 1,
      device_id varchar(255),
      sync_status varchar(20) not null default 'synced' check (sync_status in ('synced', 'pending', 'conflict')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      -- One state per (user, plugin, page, key); a missing page or key is a value like any other (PostgreSQL 15+).
      constraint plugin_states_identity_key unique nulls not distinct (user_id, plugin_id, page_id, state_key)
    )`,
    `create index plugin_states_user_accessed_idx on workspace.plugin_states (user_id, last_accessed desc)`,
    `create index plugin_states_ttl_idx on workspace.plugin_states (ttl_expires_at) where ttl_expires_at is not null`,
  ],
};
