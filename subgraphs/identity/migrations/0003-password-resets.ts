import type { Migration } from '../../common/migrations.js';

/** Password reset by email: single-use, expiring tokens, stored as SHA-256 only. */
export const m0003PasswordResets: Migration = {
  name: '0003-password-resets',
  up: [
    `create table identity.password_resets (
      id uuid primary key,
      user_id uuid not null references identity.users(id) on delete cascade,
      token_hash char(64) not null unique,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz
    )`,
    // A new request invalidates the user's unused tokens: found by user.
    `create index password_resets_user_idx on identity.password_resets (user_id) where used_at is null`,
  ],
};
