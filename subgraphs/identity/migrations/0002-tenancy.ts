import type { Migration } from '../../common/migrations.js';

/** Tenancy: switching tenants, tenant settings, invitations, teams and permission templates. */
export const m0002Tenancy: Migration = {
  name: '0002-tenancy',
  up: [
    // The tenant a user last selected; login lands there while they are still a member.
    `alter table identity.users add column active_tenant_id uuid references identity.tenants(id) on delete set null`,
    `alter table identity.tenants add column settings jsonb not null default '{}'::jsonb`,
    `alter table identity.tenants add column updated_at timestamptz not null default now()`,
    `create index roles_tenant_idx on identity.roles (tenant_id)`,
    `create table identity.invites (
      id uuid primary key,
      tenant_id uuid not null references identity.tenants(id) on delete cascade,
      email varchar(320) not null,
      role varchar(20) not null check (role in ('owner','admin','member','viewer')),
      token_hash char(64) not null unique,
      invited_by uuid references identity.users(id) on delete set null,
      expires_at timestamptz not null,
      used_at timestamptz,
      used_by uuid references identity.users(id) on delete set null,
      created_at timestamptz not null default now()
    )`,
    `create index invites_tenant_idx on identity.invites (tenant_id)`,
    `create table identity.teams (
      id uuid primary key,
      tenant_id uuid not null references identity.tenants(id) on delete cascade,
      name varchar(200) not null,
      description text,
      created_by uuid references identity.users(id) on delete set null,
      created_at timestamptz not null default now()
    )`,
    `create unique index teams_tenant_name_key on identity.teams (tenant_id, lower(name))`,
    `create table identity.team_members (
      id uuid primary key,
      team_id uuid not null references identity.teams(id) on delete cascade,
      user_id uuid not null references identity.users(id) on delete cascade,
      created_at timestamptz not null default now(),
      unique (team_id, user_id)
    )`,
    `create table identity.permission_templates (
      id uuid primary key,
      tenant_id uuid not null references identity.tenants(id) on delete cascade,
      name varchar(200) not null,
      description text,
      permissions jsonb not null default '[]'::jsonb,
      created_by uuid references identity.users(id) on delete set null,
      created_at timestamptz not null default now()
    )`,
    `create unique index permission_templates_tenant_name_key on identity.permission_templates (tenant_id, lower(name))`,
  ],
};
