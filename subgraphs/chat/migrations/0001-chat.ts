import type { Migration } from '../../common/migrations.js';

export const m0001Chat: Migration = {
  name: '0001-chat',
  up: [
    `create table chat.personas (
      id uuid primary key,
      user_id uuid not null,
      name varchar(100) not null,
      description text,
      system_prompt text not null default '',
      model_settings jsonb not null default '{}',
      avatar text,
      tags jsonb not null default '[]',
      sample_greeting text,
      is_active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    `create index personas_user_idx on chat.personas (user_id, created_at desc)`,
    `create table chat.conversations (
      id uuid primary key,
      user_id uuid not null,
      title text,
      page_context text,
      page_id uuid,
      model text,
      server text,
      conversation_type varchar(50) not null default 'chat',
      persona_id uuid references chat.personas(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    `create index conversations_user_idx on chat.conversations (user_id, updated_at desc)`,
    `create index conversations_persona_idx on chat.conversations (persona_id)`,
    `create table chat.messages (
      id uuid primary key,
      conversation_id uuid not null references chat.conversations(id) on delete cascade,
      sender varchar(20) not null check (sender in ('user','llm','system')),
      message text not null,
      message_metadata jsonb,
      created_at timestamptz not null default now()
    )`,
    `create index messages_conversation_idx on chat.messages (conversation_id, created_at)`,
    `create table chat.tags (
      id uuid primary key,
      user_id uuid not null,
      name varchar(100) not null,
      color varchar(7) check (color ~ '^#[0-9A-Fa-f]{6}$'),
      created_at timestamptz not null default now()
    )`,
    `create index tags_user_idx on chat.tags (user_id)`,
    `create table chat.conversation_tags (
      conversation_id uuid not null references chat.conversations(id) on delete cascade,
      tag_id uuid not null references chat.tags(id) on delete cascade,
      primary key (conversation_id, tag_id)
    )`,
  ],
};
