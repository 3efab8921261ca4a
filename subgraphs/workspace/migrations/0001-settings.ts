import type { Migration } from '../../common/migrations.js';

const ALL_SCOPES = ['system', 'user', 'page', 'user_page'];

interface SeedDefinition {
  id: string;
  name: string;
  description: string;
  category: string;
  defaultValue: unknown;
  allowedScopes: string[];
  tags: string[];
  secret?: boolean;
}

const apiKeys = (id: string, provider: string): SeedDefinition => ({
  id,
  name: `${provider} API Keys`,
  description: `${provider} API key (encrypted at rest, answered masked)`,
  category: 'ai_providers',
  defaultValue: { api_key: '' },
  allowedScopes: ['system', 'user'],
  tags: ['ai_providers', 'api_keys'],
  secret: true,
});

/**
 * The definitions a fresh BrainDrive install has (as-built.md: the ones the web client reads on its first screen, and
 * the provider keys), plus the provider keys StudioBrain's `/api/settings/keys` names and StudioBrain's per-user
 * settings object. Values are BrainDrive's own defaults. Written once here; later changes are new migrations.
 */
const SEED: SeedDefinition[] = [
  {
    id: 'theme_settings',
    name: 'Theme Settings',
    description: 'Light or dark theme, or follow the system',
    category: 'ui',
    defaultValue: { theme: 'dark', useSystemTheme: false },
    allowedScopes: ALL_SCOPES,
    tags: ['ui'],
  },
  {
    id: 'branding_logo_settings',
    name: 'Branding Logo Settings',
    description: 'Light/dark logo URLs and alt text',
    category: 'ui',
    defaultValue: { light: '/braindrive/braindrive-light.svg', dark: '/braindrive/braindrive-dark.svg', alt: 'BrainDrive' },
    allowedScopes: ['system', 'user'],
    tags: ['ui', 'branding'],
  },
  {
    id: 'powered_by_settings',
    name: 'Powered By',
    description: 'Text and URL for the sidebar footer tag',
    category: 'ui',
    defaultValue: { text: 'Powered by BrainDrive', link: 'https://community.braindrive.ai' },
    allowedScopes: ['system', 'user'],
    tags: ['ui'],
  },
  {
    id: 'copyright_settings',
    name: 'Copyright',
    description: 'Footer copyright line',
    category: 'ui',
    defaultValue: { text: 'AIs can make mistakes. Check important info.' },
    allowedScopes: ['system', 'user'],
    tags: ['ui'],
  },
  {
    id: 'white_label_settings',
    name: 'White Label',
    description: 'Labels and links for product and brand surfaces',
    category: 'branding',
    defaultValue: {
      PRIMARY: { label: 'BrainDrive', url: 'https://braindrive.ai' },
      OWNERS_MANUAL: { label: "BrainDrive Owner's Manual", url: 'https://docs.braindrive.ai' },
      COMMUNITY: { label: 'BrainDrive Community', url: 'https://community.braindrive.ai' },
      SUPPORT: { label: 'BrainDrive Support', url: 'https://community.braindrive.ai' },
      DOCUMENTATION: { label: 'BrainDrive Docs', url: 'https://docs.braindrive.ai' },
    },
    allowedScopes: ['system', 'user'],
    tags: ['ui', 'branding'],
  },
  {
    id: 'general_settings',
    name: 'General Settings',
    description: 'General preferences, such as the first page shown after login',
    category: 'general',
    defaultValue: {
      settings: [{ Setting_Name: 'default_page', Setting_Data: 'Dashboard', Setting_Help: 'The first page displayed after logging in' }],
    },
    allowedScopes: ALL_SCOPES,
    tags: ['general'],
  },
  {
    id: 'ollama_servers_settings',
    name: 'Ollama Servers Settings',
    description: 'Ollama servers; each server may carry an API key (encrypted at rest, answered masked)',
    category: 'ai_providers',
    defaultValue: { servers: [] },
    allowedScopes: ALL_SCOPES,
    tags: ['ai_providers', 'servers'],
    secret: true,
  },
  apiKeys('openai_api_keys_settings', 'OpenAI'),
  apiKeys('claude_api_keys_settings', 'Anthropic Claude'),
  apiKeys('openrouter_api_keys_settings', 'OpenRouter'),
  apiKeys('groq_api_keys_settings', 'Groq'),
  apiKeys('google_api_keys_settings', 'Google'),
  apiKeys('xai_api_keys_settings', 'xAI'),
  apiKeys('mistral_api_keys_settings', 'Mistral'),
  {
    id: 'studiobrain_user_settings',
    name: 'StudioBrain User Settings',
    description: "StudioBrain's per-user settings object (GET/PUT /api/settings)",
    category: 'studiobrain',
    defaultValue: {},
    allowedScopes: ['user'],
    tags: ['studiobrain'],
  },
];

// The migration runner sends these through knex.raw without bindings; the seed holds no `?` and no backslash.
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;
const jsonb = (value: unknown) => `${literal(JSON.stringify(value))}::jsonb`;

const seedInsert = `insert into workspace.setting_definitions
    (id, name, description, category, type, default_value, allowed_scopes, is_multiple, tags, is_secret)
  values
${SEED.map(
  (d) =>
    `    (${[literal(d.id), literal(d.name), literal(d.description), literal(d.category), literal('object'), jsonb(d.defaultValue),
      jsonb(d.allowedScopes), 'false', jsonb(d.tags), d.secret ? 'true' : 'false'].join(', ')})`,
).join(',\n')}`;

export const m0001Settings: Migration = {
  name: '0001-settings',
  up: [
    `create table workspace.setting_definitions (
      id varchar(200) primary key,
      name varchar(200) not null,
      description text,
      category varchar(100) not null,
      type varchar(50) not null,
      default_value jsonb,
      allowed_scopes jsonb not null default '[]'::jsonb,
      is_multiple boolean not null default false,
      validation jsonb,
      tags jsonb not null default '[]'::jsonb,
      is_secret boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    `create index setting_definitions_category_idx on workspace.setting_definitions (category)`,
    `create table workspace.setting_instances (
      id uuid primary key,
      definition_id varchar(200) not null references workspace.setting_definitions(id) on delete restrict,
      name varchar(200) not null,
      value jsonb,
      scope varchar(20) not null check (scope in ('system','user','page','user_page')),
      user_id uuid,
      page_id uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((scope = 'system') = (user_id is null)),
      check ((scope in ('page','user_page')) = (page_id is not null))
    )`,
    // The upsert key of POST /settings/instances; a system or user instance has no page, so NULLs must collide (PG 15).
    `alter table workspace.setting_instances add constraint setting_instances_upsert_key
      unique nulls not distinct (definition_id, scope, user_id, page_id)`,
    `create index setting_instances_user_idx on workspace.setting_instances (user_id, updated_at desc)`,
    `create table workspace.entity_layouts (
      id uuid primary key,
      tenant_id uuid not null,
      entity_type varchar(50) not null,
      layout jsonb not null,
      updated_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (tenant_id, entity_type)
    )`,
    seedInsert,
  ],
};
