import type { Migration } from '../../common/migrations.js';

export const m0001Identity: Migration = {
  name: '0001-identity',
  up: [
    `create table identity.users (
      id uuid primary key,
      email varchar(320) not null,
      username varchar(50) not null,
      password_hash text not null,
      full_name varchar(255),
      profile_picture text,
      is_active boolean not null default true,
      is_verified boolean not null default false,
      is_admin boolean not null default false,
      default_tenant_id uuid not null,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    // Emails are stored lower-cased; usernames keep their case but are unique regardless of it.
    `create unique index users_email_key on identity.users (email)`,
    `create unique index users_username_key on identity.users (lower(username))`,
    `create table identity.tenants (
      id uuid primary key,
      name varchar(200) not null,
      personal boolean not null default false,
      created_at timestamptz not null default now()
    )`,
    `create table identity.roles (
      id uuid primary key,
      user_id uuid not null references identity.users(id) on delete cascade,
      tenant_id uuid not null references identity.tenants(id) on delete cascade,
      name varchar(20) not null check (name in ('owner','admin','member','viewer')),
      created_at timestamptz not null default now(),
      unique (user_id, tenant_id)
    )`,
    `create table identity.refresh_tokens (
      id uuid primary key,
      family_id uuid not null,
      user_id uuid not null references identity.users(id) on delete cascade,
      tenant_id uuid not null,
      issued_at bigint not null,
      expires_at bigint not null,
      used_at timestamptz,
      successor_id uuid,
      revoked_at timestamptz
    )`,
    `create index refresh_tokens_family_idx on identity.refresh_tokens (family_id)`,
    `create index refresh_tokens_user_idx on identity.refresh_tokens (user_id)`,
    `create table identity.api_keys (
      id uuid primary key,
      user_id uuid not null references identity.users(id) on delete cascade,
      tenant_id uuid not null references identity.tenants(id) on delete cascade,
      label varchar(200),
      prefix varchar(16) not null,
      key_hash char(64) not null unique,
      created_at timestamptz not null default now(),
      expires_at timestamptz,
      last_used_at timestamptz,
      revoked_at timestamptz
    )`,
    `create index api_keys_user_idx on identity.api_keys (user_id)`,
  ],
};
