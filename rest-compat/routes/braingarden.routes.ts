import type { RouteRow } from '../route.types.js';
import { identityRows } from '../mappers/identity.rows.js';
import { opsRows } from '../mappers/ops.rows.js';
import { braingardenGenerateRows as bgen, braingardenKeyRows as bk } from '../mappers/braingarden-generate.rows.js';

const bg = identityRows.braingarden;

/**
 * Brain Garden documented routes, prefix /v1 (brain-garden-api.txt), in the order of `routes.tsv`.
 * A row without `operation` answers 501 until its operation is written.
 */
export const braingardenRoutes: RouteRow[] = [
  // Meta
  { surface: 'braingarden', method: 'GET', path: '/health', section: 'Meta', summary: 'Service health and OpenRouter reachability', auth: false, rateLimit: 'braingarden', ...opsRows.health },

  // Models
  { surface: 'braingarden', method: 'GET', path: '/v1/models', section: 'Models', summary: 'List models (curated, or BYOK providers with byok=true)', auth: false, rateLimit: 'braingarden', ...bgen.models },

  // Generation
  { surface: 'braingarden', method: 'POST', path: '/v1/generate', section: 'Generation', summary: 'Generate enhanced content', auth: true, rateLimit: 'braingarden', ...bgen.generate },

  // Identity & Keys
  { surface: 'braingarden', method: 'GET', path: '/v1/auth/whoami', section: 'Identity & Keys', summary: 'Who am I', auth: true, rateLimit: 'braingarden', ...bg.whoami },
  { surface: 'braingarden', method: 'POST', path: '/v1/auth/issue-key', section: 'Identity & Keys', summary: 'Issue a Brain Garden API key bound to the authenticated user', auth: true, rateLimit: 'braingarden', ...bg.issueKey },
  { surface: 'braingarden', method: 'GET', path: '/v1/auth/keys', section: 'Identity & Keys', summary: 'List your Brain Garden API keys', auth: true, rateLimit: 'braingarden', ...bg.listKeys },
  { surface: 'braingarden', method: 'DELETE', path: '/v1/auth/keys/{key_id}', section: 'Identity & Keys', summary: 'Revoke a Brain Garden API key', auth: true, rateLimit: 'braingarden', ...bg.revokeKey },
  { surface: 'braingarden', method: 'PATCH', path: '/v1/auth/keys/{key_id}', section: 'Identity & Keys', summary: 'Update a key label and/or expires_at (query)', auth: true, rateLimit: 'braingarden', ...bg.updateKey },

  // Provider BYOK Keys
  { surface: 'braingarden', method: 'GET', path: '/v1/keys', section: 'Provider BYOK Keys', summary: 'List stored provider (BYOK) keys', auth: true, rateLimit: 'braingarden', ...bk.list },
  { surface: 'braingarden', method: 'POST', path: '/v1/keys', section: 'Provider BYOK Keys', summary: 'Store a provider (BYOK) key', auth: true, rateLimit: 'braingarden', ...bk.create },
  { surface: 'braingarden', method: 'GET', path: '/v1/keys/{key_id}', section: 'Provider BYOK Keys', summary: 'Reveal a stored provider key', auth: true, rateLimit: 'braingarden', ...bk.reveal },
  { surface: 'braingarden', method: 'DELETE', path: '/v1/keys/{key_id}', section: 'Provider BYOK Keys', summary: 'Delete a stored provider key', auth: true, rateLimit: 'braingarden', ...bk.delete },

  // Usage
  { surface: 'braingarden', method: 'GET', path: '/v1/usage/me', section: 'Usage', summary: 'Plan, counters and limits for the current billing period', auth: true, rateLimit: 'braingarden', ...bgen.usage },
];
