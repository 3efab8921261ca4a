import type { RouteRow } from '../route.types.js';
import { identityRows } from '../mappers/identity.rows.js';
import { opsRows } from '../mappers/ops.rows.js';
import { studioPluginRows as sp } from '../mappers/plugins.studiobrain.rows.js';
import { pluginDataRows as pd } from '../mappers/plugin-data.rows.js';
import { marketplaceRows as mk } from '../mappers/marketplace.rows.js';
import { studiobrainSettingsRows as ss } from '../mappers/settings.rows.js';
import { layoutsRows as lr } from '../mappers/layouts.rows.js';

const sb = identityRows.studiobrain;

/**
 * StudioBrain documented routes, :8201, prefix /api (studiobrain-rest-api.txt), in the order of `routes.tsv`.
 * A row without `operation` answers 501 until its operation is written.
 */
export const studiobrainRoutes: RouteRow[] = [
  // Entities
  { surface: 'studiobrain', method: 'GET', path: '/api/entity/{type}/schema', section: 'Entities', summary: 'Get template schema for entity type', auth: false },
  { surface: 'studiobrain', method: 'GET', path: '/api/entity/{type}', section: 'Entities', summary: 'List entities with filtering and pagination', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/entity/{type}/{id}', section: 'Entities', summary: 'Get single entity by ID', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/entity/{type}', section: 'Entities', summary: 'Create new entity', auth: true },
  { surface: 'studiobrain', method: 'PUT', path: '/api/entity/{type}/{id}', section: 'Entities', summary: 'Update entity fields and/or markdown body', auth: true },
  { surface: 'studiobrain', method: 'DELETE', path: '/api/entity/{type}/{id}', section: 'Entities', summary: 'Soft-delete entity (moves to recycle bin)', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/entity/{type}/smart-merge', section: 'Entities', summary: 'AI-assisted merge of two entity versions', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/entity/{type}/compare', section: 'Entities', summary: 'Diff two entity versions', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/entity/{type}/import', section: 'Entities', summary: 'Import entity from raw markdown content', auth: true },

  // Web Auth (cookie-based)
  { surface: 'studiobrain', method: 'POST', path: '/api/auth/web/login', section: 'Web Auth (cookie-based)', summary: 'Login with email/password, sets httpOnly cookie', auth: false, rateLimit: 'auth', ...sb.login },
  { surface: 'studiobrain', method: 'POST', path: '/api/auth/web/google-sso', section: 'Web Auth (cookie-based)', summary: 'Login via Google SSO token', auth: false, rateLimit: 'auth' },
  { surface: 'studiobrain', method: 'GET', path: '/api/auth/web/session', section: 'Web Auth (cookie-based)', summary: 'Get current session info from cookie', auth: true, ...sb.session },
  { surface: 'studiobrain', method: 'POST', path: '/api/auth/web/select-tenant', section: 'Web Auth (cookie-based)', summary: 'Switch active tenant', auth: true, ...sb.selectTenant },

  // User Management
  { surface: 'studiobrain', method: 'POST', path: '/api/auth/register', section: 'User Management', summary: 'Register new user', auth: false, rateLimit: 'auth', ...sb.register },
  { surface: 'studiobrain', method: 'POST', path: '/api/auth/login', section: 'User Management', summary: 'Login (returns JWT)', auth: false, rateLimit: 'auth', ...sb.login },
  { surface: 'studiobrain', method: 'POST', path: '/api/auth/refresh', section: 'User Management', summary: 'Refresh JWT token', auth: true, rateLimit: 'auth', ...sb.refresh },
  { surface: 'studiobrain', method: 'POST', path: '/api/auth/logout', section: 'User Management', summary: 'Logout / revoke token', auth: true, ...sb.logout },
  { surface: 'studiobrain', method: 'GET', path: '/api/auth/me', section: 'User Management', summary: 'Get current user profile', auth: true, ...sb.me },
  { surface: 'studiobrain', method: 'POST', path: '/api/auth/set-password', section: 'User Management', summary: 'Set new password', auth: true, rateLimit: 'auth', ...sb.setPassword },
  { surface: 'studiobrain', method: 'POST', path: '/api/auth/forgot-password', section: 'User Management', summary: 'Request password reset email', auth: false, rateLimit: 'auth', ...sb.forgotPassword },
  { surface: 'studiobrain', method: 'POST', path: '/api/auth/reset-password', section: 'User Management', summary: 'Reset password with token', auth: false, rateLimit: 'auth', ...sb.resetPassword },
  { surface: 'studiobrain', method: 'POST', path: '/api/auth/create-invite', section: 'User Management', summary: 'Create user invitation link (admin)', auth: true, ...sb.createInvite },
  { surface: 'studiobrain', method: 'GET', path: '/api/auth/validate-invite/{token}', section: 'User Management', summary: 'Validate invite token', auth: false, rateLimit: 'auth', ...sb.validateInvite },
  { surface: 'studiobrain', method: 'POST', path: '/api/auth/register-with-invite', section: 'User Management', summary: 'Register using invite token', auth: false, rateLimit: 'auth', ...sb.registerWithInvite },

  // OAuth
  { surface: 'studiobrain', method: 'GET', path: '/api/auth/oauth/providers', section: 'OAuth', summary: 'List configured OAuth providers', auth: false },
  { surface: 'studiobrain', method: 'GET', path: '/api/auth/oauth/google', section: 'OAuth', summary: 'Initiate Google OAuth flow', auth: false },
  { surface: 'studiobrain', method: 'GET', path: '/api/auth/oauth/google/callback', section: 'OAuth', summary: 'Google OAuth callback', auth: false },
  { surface: 'studiobrain', method: 'GET', path: '/api/auth/oauth/microsoft', section: 'OAuth', summary: 'Initiate Microsoft OAuth flow', auth: false },
  { surface: 'studiobrain', method: 'GET', path: '/api/auth/oauth/microsoft/callback', section: 'OAuth', summary: 'Microsoft OAuth callback', auth: false },
  { surface: 'studiobrain', method: 'GET', path: '/api/auth/oauth/google/drive', section: 'OAuth', summary: 'Initiate Google Drive OAuth', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/auth/oauth/google/drive/callback', section: 'OAuth', summary: 'Google Drive OAuth callback', auth: true },

  // Teams and Users (Admin)
  { surface: 'studiobrain', method: 'GET', path: '/api/users', section: 'Teams and Users (Admin)', summary: 'List all users (admin)', auth: true, ...sb.listUsers },
  { surface: 'studiobrain', method: 'GET', path: '/api/users/current', section: 'Teams and Users (Admin)', summary: 'Get current user', auth: true, ...sb.me },
  { surface: 'studiobrain', method: 'GET', path: '/api/users/{id}', section: 'Teams and Users (Admin)', summary: 'Get user by ID (admin)', auth: true, ...sb.getUser },
  { surface: 'studiobrain', method: 'PUT', path: '/api/users/{id}', section: 'Teams and Users (Admin)', summary: 'Update user (admin)', auth: true, ...sb.updateUser },
  { surface: 'studiobrain', method: 'DELETE', path: '/api/users/{id}', section: 'Teams and Users (Admin)', summary: 'Delete user (admin)', auth: true, ...sb.deleteUser },
  { surface: 'studiobrain', method: 'PUT', path: '/api/users/{id}/password', section: 'Teams and Users (Admin)', summary: 'Change user password (admin)', auth: true, ...sb.setUserPassword },
  { surface: 'studiobrain', method: 'GET', path: '/api/users/{id}/api-key', section: 'Teams and Users (Admin)', summary: 'Get user AI API key', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/users/{id}/api-key/regenerate', section: 'Teams and Users (Admin)', summary: 'Regenerate AI API key', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/users/{id}/subscription', section: 'Teams and Users (Admin)', summary: 'Get user subscription', auth: true },
  { surface: 'studiobrain', method: 'PUT', path: '/api/users/{id}/subscription', section: 'Teams and Users (Admin)', summary: 'Update subscription tier (admin)', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/users/{id}/invite', section: 'Teams and Users (Admin)', summary: 'Send user invite (admin)', auth: true, ...sb.inviteUser },
  { surface: 'studiobrain', method: 'POST', path: '/api/teams', section: 'Teams and Users (Admin)', summary: 'Create team', auth: true, ...sb.createTeam },
  { surface: 'studiobrain', method: 'GET', path: '/api/teams', section: 'Teams and Users (Admin)', summary: 'List teams', auth: true, ...sb.listTeams },
  { surface: 'studiobrain', method: 'GET', path: '/api/teams/{id}', section: 'Teams and Users (Admin)', summary: 'Get team details', auth: true, ...sb.getTeam },
  { surface: 'studiobrain', method: 'POST', path: '/api/api-keys', section: 'Teams and Users (Admin)', summary: 'Create API key', auth: true, ...sb.createApiKey },
  { surface: 'studiobrain', method: 'GET', path: '/api/api-keys', section: 'Teams and Users (Admin)', summary: 'List API keys', auth: true, ...sb.listApiKeys },
  { surface: 'studiobrain', method: 'POST', path: '/api/permission-templates', section: 'Teams and Users (Admin)', summary: 'Create permission template (admin)', auth: true, ...sb.createPermissionTemplate },
  { surface: 'studiobrain', method: 'GET', path: '/api/permission-templates', section: 'Teams and Users (Admin)', summary: 'List permission templates', auth: true, ...sb.listPermissionTemplates },

  // Tenants
  { surface: 'studiobrain', method: 'POST', path: '/api/tenants', section: 'Tenants', summary: 'Create tenant (admin)', auth: true, ...sb.createTenant },
  { surface: 'studiobrain', method: 'GET', path: '/api/tenants/me', section: 'Tenants', summary: 'Get current tenant', auth: true, ...sb.currentTenant },
  { surface: 'studiobrain', method: 'PUT', path: '/api/tenants/me', section: 'Tenants', summary: 'Update current tenant', auth: true, ...sb.updateTenant },

  // Registration
  { surface: 'studiobrain', method: 'POST', path: '/api/register', section: 'Registration', summary: 'Register new tenant + user', auth: false, rateLimit: 'auth', ...sb.registerTenant },
  { surface: 'studiobrain', method: 'POST', path: '/api/register/with-invite', section: 'Registration', summary: 'Register with beta invite code', auth: false, rateLimit: 'auth' },

  // Markdown Sync
  { surface: 'studiobrain', method: 'GET', path: '/api/sync/status', section: 'Markdown Sync', summary: 'Get sync status (running, last result)', auth: false },
  { surface: 'studiobrain', method: 'GET', path: '/api/sync/check-changes', section: 'Markdown Sync', summary: 'Check for pending file changes', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/sync/import-changes', section: 'Markdown Sync', summary: 'Import detected file changes', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/sync/save-to-markdown/{type}/{id}', section: 'Markdown Sync', summary: 'Write entity to markdown file', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/sync/from-markdown/{type}/{id}', section: 'Markdown Sync', summary: 'Read entity from markdown file into DB', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/sync/refresh-all', section: 'Markdown Sync', summary: 'Full re-sync all markdown to DB', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/sync/file-watcher/status', section: 'Markdown Sync', summary: 'Hybrid file watcher status', auth: false },

  // Entity Sync (bulk)
  { surface: 'studiobrain', method: 'POST', path: '/api/entity/sync/all', section: 'Entity Sync (bulk)', summary: 'Sync all entity types from markdown', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/entity/sync/{type}', section: 'Entity Sync (bulk)', summary: 'Sync specific entity type', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/entity/validate/all', section: 'Entity Sync (bulk)', summary: 'Validate all entities', auth: true },

  // Markdown Operations
  { surface: 'studiobrain', method: 'POST', path: '/api/markdown/validate-frontmatter', section: 'Markdown Operations', summary: 'Validate YAML frontmatter', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/markdown/sync-from-files', section: 'Markdown Operations', summary: 'Sync from filesystem', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/markdown/export/{type}/{id}', section: 'Markdown Operations', summary: 'Export entity as markdown', auth: true },

  // Import
  { surface: 'studiobrain', method: 'POST', path: '/api/import/preview', section: 'Import', summary: 'Preview markdown import without saving', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/import/smart', section: 'Import', summary: 'Smart import with AI-assisted field mapping', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/markdown/format', section: 'Import', summary: 'Format/normalize markdown content', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/validation/fix', section: 'Import', summary: 'Auto-fix common validation issues', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/rename-entity', section: 'Import', summary: 'Rename entity (updates ID, files, references)', auth: true },

  // App-level Cloud Sync
  { surface: 'studiobrain', method: 'POST', path: '/api/cloud-sync/push', section: 'App-level Cloud Sync', summary: 'Push local changes to cloud (PostgreSQL RLS)', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/cloud-sync/pull', section: 'App-level Cloud Sync', summary: 'Pull cloud changes to local', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/cloud-sync/status', section: 'App-level Cloud Sync', summary: 'Cloud sync status', auth: true },

  // Desktop Cloud Sync
  { surface: 'studiobrain', method: 'POST', path: '/api/desktop/sync/push', section: 'Desktop Cloud Sync', summary: 'Push from desktop to cloud', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/desktop/sync/pull', section: 'Desktop Cloud Sync', summary: 'Pull from cloud to desktop', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/desktop/sync/presence', section: 'Desktop Cloud Sync', summary: 'Get online presence info', auth: true },

  // Conflicts
  { surface: 'studiobrain', method: 'GET', path: '/api/conflicts', section: 'Conflicts', summary: 'List unresolved sync conflicts', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/conflicts/{conflict_id}/resolve', section: 'Conflicts', summary: 'Resolve a conflict (pick winner)', auth: true },

  // Drive Storage
  { surface: 'studiobrain', method: 'GET', path: '/api/drive/oauth/status', section: 'Drive Storage', summary: 'Drive connection status', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/drive/oauth/folders', section: 'Drive Storage', summary: 'List Drive folders for picker', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/drive/oauth/select-folder', section: 'Drive Storage', summary: 'Set project folder', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/drive/oauth/disconnect', section: 'Drive Storage', summary: 'Disconnect Drive storage', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/drive/oauth/test', section: 'Drive Storage', summary: 'Test Drive connection', auth: true },

  // Drive Files
  { surface: 'studiobrain', method: 'GET', path: '/api/drive/status', section: 'Drive Files', summary: 'Drive connection status', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/drive/files', section: 'Drive Files', summary: 'List Drive files', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/drive/files/{file_id}', section: 'Drive Files', summary: 'Get file metadata', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/drive/files/{file_id}/download', section: 'Drive Files', summary: 'Download file content', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/drive/export-entity', section: 'Drive Files', summary: 'Export entity as Google Doc', auth: true },
  { surface: 'studiobrain', method: 'PUT', path: '/api/drive/files/{file_id}', section: 'Drive Files', summary: 'Update Drive file content', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/drive/files/{file_id}/share', section: 'Drive Files', summary: 'Share file with another user', auth: true },

  // Drive Webhooks
  { surface: 'studiobrain', method: 'POST', path: '/api/drive/webhook', section: 'Drive Webhooks', summary: 'Receive Drive change notifications', auth: false },
  { surface: 'studiobrain', method: 'POST', path: '/api/drive/webhook/register', section: 'Drive Webhooks', summary: 'Register push notification channel', auth: true },
  { surface: 'studiobrain', method: 'DELETE', path: '/api/drive/webhook/unregister', section: 'Drive Webhooks', summary: 'Stop watching for changes', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/drive/webhook/status', section: 'Drive Webhooks', summary: 'Webhook registration status', auth: true },

  // Drive Cloud Sync
  { surface: 'studiobrain', method: 'GET', path: '/api/drive/cloud-sync-status', section: 'Drive Cloud Sync', summary: 'Cloud Drive sync worker status', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/drive/force-sync', section: 'Drive Cloud Sync', summary: 'Force immediate Drive sync', auth: true },

  // Billing
  { surface: 'studiobrain', method: 'GET', path: '/api/billing/prices', section: 'Billing', summary: 'List available subscription prices', auth: false },
  { surface: 'studiobrain', method: 'GET', path: '/api/billing/subscription', section: 'Billing', summary: 'Get current subscription details', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/billing/usage', section: 'Billing', summary: 'Get current BrainBits usage', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/billing/checkout', section: 'Billing', summary: 'Create Stripe checkout session', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/billing/portal', section: 'Billing', summary: 'Create Stripe customer portal session', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/billing/portal', section: 'Billing', summary: 'Redirect to Stripe customer portal', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/billing/webhook', section: 'Billing', summary: 'Stripe webhook receiver', auth: false },
  { surface: 'studiobrain', method: 'GET', path: '/api/billing/status', section: 'Billing', summary: 'Billing system status', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/billing/invoices', section: 'Billing', summary: 'List invoices', auth: true },
  { surface: 'studiobrain', method: 'PUT', path: '/api/billing/quota', section: 'Billing', summary: 'Update team quota allocation (admin)', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/billing/consume-tokens', section: 'Billing', summary: 'Consume BrainBits tokens', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/billing/team/members', section: 'Billing', summary: 'List team members with billing info', auth: true },
  { surface: 'studiobrain', method: 'PUT', path: '/api/billing/team/user-quota', section: 'Billing', summary: 'Update per-user quota (admin)', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/billing/usage-history', section: 'Billing', summary: 'Usage history over time', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/billing/token-blocks', section: 'Billing', summary: 'List available token block purchases', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/billing/purchase-tokens', section: 'Billing', summary: 'Purchase additional BrainBits', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/billing/purchase-history', section: 'Billing', summary: 'Token purchase history', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/billing/brainbits', section: 'Billing', summary: 'Get BrainBits balance', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/billing/brainbits/consume', section: 'Billing', summary: 'Consume BrainBits', auth: true },

  // Beta Program
  { surface: 'studiobrain', method: 'POST', path: '/api/beta/invite', section: 'Beta Program', summary: 'Create beta invite code (admin)', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/beta/validate/{code}', section: 'Beta Program', summary: 'Validate invite code', auth: false },
  { surface: 'studiobrain', method: 'POST', path: '/api/beta/redeem', section: 'Beta Program', summary: 'Redeem invite code', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/beta/invite/revoke', section: 'Beta Program', summary: 'Revoke an invite code (admin)', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/beta/extend', section: 'Beta Program', summary: 'Extend beta period (admin)', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/beta/stats', section: 'Beta Program', summary: 'Beta program statistics (admin)', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/beta/feedback', section: 'Beta Program', summary: 'Submit beta feedback', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/beta/feedback', section: 'Beta Program', summary: 'List feedback submissions (admin)', auth: true },
  { surface: 'studiobrain', method: 'PATCH', path: '/api/beta/feedback/{id}', section: 'Beta Program', summary: 'Update feedback status (admin)', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/beta/waitlist', section: 'Beta Program', summary: 'Join waitlist', auth: false },
  { surface: 'studiobrain', method: 'GET', path: '/api/beta/waitlist', section: 'Beta Program', summary: 'List waitlist entries (admin)', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/beta/waitlist/promote', section: 'Beta Program', summary: 'Promote waitlist entry to invite (admin)', auth: true },

  // Desktop
  { surface: 'studiobrain', method: 'GET', path: '/api/desktop/projects', section: 'Desktop', summary: 'List local projects', auth: false },
  { surface: 'studiobrain', method: 'POST', path: '/api/desktop/projects', section: 'Desktop', summary: 'Create new project', auth: false },
  { surface: 'studiobrain', method: 'DELETE', path: '/api/desktop/projects/{name}', section: 'Desktop', summary: 'Delete project', auth: false },
  { surface: 'studiobrain', method: 'POST', path: '/api/desktop/projects/{name}/activate', section: 'Desktop', summary: 'Activate project', auth: false },
  { surface: 'studiobrain', method: 'POST', path: '/api/desktop/projects/{name}/scan', section: 'Desktop', summary: 'Scan project for entities', auth: false },
  { surface: 'studiobrain', method: 'GET', path: '/api/desktop/watcher/status', section: 'Desktop', summary: 'File watcher status', auth: false },
  { surface: 'studiobrain', method: 'POST', path: '/api/desktop/watcher/start', section: 'Desktop', summary: 'Start file watcher', auth: false },
  { surface: 'studiobrain', method: 'POST', path: '/api/desktop/watcher/stop', section: 'Desktop', summary: 'Stop file watcher', auth: false },
  { surface: 'studiobrain', method: 'GET', path: '/api/desktop/sync/status', section: 'Desktop', summary: 'Desktop sync status', auth: false },
  { surface: 'studiobrain', method: 'GET', path: '/api/desktop/sync/queue', section: 'Desktop', summary: 'View sync queue', auth: false },
  { surface: 'studiobrain', method: 'POST', path: '/api/desktop/sync/start', section: 'Desktop', summary: 'Start sync worker', auth: false },
  { surface: 'studiobrain', method: 'POST', path: '/api/desktop/sync/stop', section: 'Desktop', summary: 'Stop sync worker', auth: false },
  { surface: 'studiobrain', method: 'POST', path: '/api/desktop/sync/now', section: 'Desktop', summary: 'Trigger immediate sync', auth: false },
  { surface: 'studiobrain', method: 'POST', path: '/api/desktop/sync/force-push', section: 'Desktop', summary: 'Force push to cloud', auth: false },
  { surface: 'studiobrain', method: 'POST', path: '/api/desktop/sync/force-pull', section: 'Desktop', summary: 'Force pull from cloud', auth: false },
  { surface: 'studiobrain', method: 'GET', path: '/api/desktop/sync/conflicts', section: 'Desktop', summary: 'List sync conflicts', auth: false },
  { surface: 'studiobrain', method: 'POST', path: '/api/desktop/sync/conflicts/{id}/resolve', section: 'Desktop', summary: 'Resolve conflict', auth: false },
  { surface: 'studiobrain', method: 'POST', path: '/api/desktop/ai/chat', section: 'Desktop', summary: 'Desktop AI chat (offline-capable)', auth: false },
  { surface: 'studiobrain', method: 'GET', path: '/api/desktop/ai/providers', section: 'Desktop', summary: 'List available AI providers', auth: false },
  { surface: 'studiobrain', method: 'POST', path: '/api/desktop/auth/login', section: 'Desktop', summary: 'Desktop auth login', auth: false, rateLimit: 'auth' },
  { surface: 'studiobrain', method: 'POST', path: '/api/desktop/auth/callback', section: 'Desktop', summary: 'Desktop auth callback', auth: false },
  { surface: 'studiobrain', method: 'POST', path: '/api/desktop/auth/logout', section: 'Desktop', summary: 'Desktop auth logout', auth: false },
  { surface: 'studiobrain', method: 'GET', path: '/api/desktop/auth/status', section: 'Desktop', summary: 'Desktop auth status', auth: false },
  { surface: 'studiobrain', method: 'POST', path: '/api/desktop/ws/connect', section: 'Desktop', summary: 'Connect desktop WebSocket', auth: false },
  { surface: 'studiobrain', method: 'POST', path: '/api/desktop/ws/disconnect', section: 'Desktop', summary: 'Disconnect desktop WebSocket', auth: false },

  // Templates
  { surface: 'studiobrain', method: 'GET', path: '/api/templates', section: 'Templates', summary: 'List all templates', auth: false },
  { surface: 'studiobrain', method: 'GET', path: '/api/templates/entity-types', section: 'Templates', summary: 'List available entity types', auth: false },
  { surface: 'studiobrain', method: 'POST', path: '/api/templates/reload', section: 'Templates', summary: 'Reload templates from disk', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/templates/{name}', section: 'Templates', summary: 'Get template content', auth: false },
  { surface: 'studiobrain', method: 'PUT', path: '/api/templates/{name}', section: 'Templates', summary: 'Update template', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/templates/{name}/instructions', section: 'Templates', summary: 'Get AI generation instructions', auth: false },
  { surface: 'studiobrain', method: 'PUT', path: '/api/templates/{name}/instructions', section: 'Templates', summary: 'Update AI instructions', auth: true },

  // Rules
  { surface: 'studiobrain', method: 'GET', path: '/api/rules', section: 'Rules', summary: 'List all rule files', auth: false },
  { surface: 'studiobrain', method: 'POST', path: '/api/rules/reload', section: 'Rules', summary: 'Reload rules from disk', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/rules/index', section: 'Rules', summary: 'Get rules index', auth: false },
  { surface: 'studiobrain', method: 'GET', path: '/api/rules/settings', section: 'Rules', summary: 'Get rules settings', auth: false },
  { surface: 'studiobrain', method: 'PUT', path: '/api/rules/settings', section: 'Rules', summary: 'Update rules settings', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/rules/validate/{type}', section: 'Rules', summary: 'Validate entity against rules', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/rules/{type}', section: 'Rules', summary: 'Get parsed rules for entity type', auth: false },
  { surface: 'studiobrain', method: 'GET', path: '/api/rules/{type}/markdown', section: 'Rules', summary: 'Get raw rule markdown', auth: false },
  { surface: 'studiobrain', method: 'PUT', path: '/api/rules/{type}/markdown', section: 'Rules', summary: 'Update rule markdown', auth: true },
  { surface: 'studiobrain', method: 'PUT', path: '/api/rules/{type}/system-prompt', section: 'Rules', summary: 'Update AI system prompt', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/rules/{type}', section: 'Rules', summary: 'Add new rule', auth: true },
  { surface: 'studiobrain', method: 'PUT', path: '/api/rules/{type}/{rule_id}', section: 'Rules', summary: 'Update specific rule', auth: true },
  { surface: 'studiobrain', method: 'DELETE', path: '/api/rules/{type}/{rule_id}', section: 'Rules', summary: 'Delete specific rule', auth: true },

  // Schemas
  { surface: 'studiobrain', method: 'GET', path: '/api/schemas', section: 'Schemas', summary: 'List all entity schemas', auth: false },
  { surface: 'studiobrain', method: 'GET', path: '/api/schemas/{type}', section: 'Schemas', summary: 'Get schema for entity type', auth: false },

  // Assets
  { surface: 'studiobrain', method: 'GET', path: '/api/assets', section: 'Assets', summary: 'List assets with filtering', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/assets/test', section: 'Assets', summary: 'Asset system test', auth: false },
  { surface: 'studiobrain', method: 'GET', path: '/api/assets/linked', section: 'Assets', summary: 'List assets linked to entities', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/assets/uploaders', section: 'Assets', summary: 'List available upload providers', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/assets/{id}', section: 'Assets', summary: 'Get asset by ID', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/assets', section: 'Assets', summary: 'Create asset record', auth: true },
  { surface: 'studiobrain', method: 'PUT', path: '/api/assets/{id}', section: 'Assets', summary: 'Update asset metadata', auth: true },
  { surface: 'studiobrain', method: 'DELETE', path: '/api/assets/{id}', section: 'Assets', summary: 'Delete asset', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/assets/scan', section: 'Assets', summary: 'Scan all entity folders for new assets', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/assets/scan/{type}/{id}', section: 'Assets', summary: 'Scan specific entity for assets', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/assets/sanitize-ids', section: 'Assets', summary: 'Fix invalid asset IDs', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/assets/upload', section: 'Assets', summary: 'Upload asset file', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/assets/auto-tag', section: 'Assets', summary: 'AI auto-tag asset', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/assets/thumbnail', section: 'Assets', summary: 'Generate thumbnail', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/assets/ai-rescan', section: 'Assets', summary: 'Re-analyze asset with AI', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/assets/by-brand/{brand_id}', section: 'Assets', summary: 'Get assets for brand', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/assets/duplicates', section: 'Assets', summary: 'Find duplicate assets', auth: true },
  { surface: 'studiobrain', method: 'PUT', path: '/api/assets/{id}/status', section: 'Assets', summary: 'Update asset status', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/assets/{id}/relationships', section: 'Assets', summary: 'Add asset relationship', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/assets/{id}/relationships', section: 'Assets', summary: 'Get asset relationships', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/assets/stats/overview', section: 'Assets', summary: 'Asset statistics', auth: true },

  // Asset Queue
  { surface: 'studiobrain', method: 'GET', path: '/api/asset-queue/status', section: 'Asset Queue', summary: 'Queue processing status', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/asset-queue/pause', section: 'Asset Queue', summary: 'Pause queue processing', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/asset-queue/resume', section: 'Asset Queue', summary: 'Resume queue processing', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/asset-queue/asset/{id}', section: 'Asset Queue', summary: 'Get asset queue entry', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/asset-queue/vram-pressure', section: 'Asset Queue', summary: 'Report VRAM pressure', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/asset-queue/rescan/{id}', section: 'Asset Queue', summary: 'Re-queue asset for analysis', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/asset-queue/batch-rescan', section: 'Asset Queue', summary: 'Batch re-queue assets', auth: true },

  // File Serving
  { surface: 'studiobrain', method: 'GET', path: '/api/files/{path:path}', section: 'File Serving', summary: 'Serve static file', auth: false },
  { surface: 'studiobrain', method: 'POST', path: '/api/upload/character/{id}/image', section: 'File Serving', summary: 'Upload character image', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/upload/location/{id}/image', section: 'File Serving', summary: 'Upload location image', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/upload/brand/{id}/image', section: 'File Serving', summary: 'Upload brand image', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/upload/{type}/{id}', section: 'File Serving', summary: 'Upload file for any entity', auth: true },

  // Plugin Management
  { surface: 'studiobrain', method: 'GET', path: '/api/plugins', section: 'Plugin Management', summary: 'List all plugins', auth: true, ...sp.list },
  { surface: 'studiobrain', method: 'POST', path: '/api/plugins/install', section: 'Plugin Management', summary: 'Install plugin from URL/archive (admin)', auth: true, ...sp.install },
  { surface: 'studiobrain', method: 'POST', path: '/api/plugins/{id}/enable', section: 'Plugin Management', summary: 'Enable plugin (admin)', auth: true, ...sp.enable },
  { surface: 'studiobrain', method: 'POST', path: '/api/plugins/{id}/disable', section: 'Plugin Management', summary: 'Disable plugin (admin)', auth: true, ...sp.disable },
  { surface: 'studiobrain', method: 'POST', path: '/api/plugins/{id}/update', section: 'Plugin Management', summary: 'Update plugin (admin)', auth: true, ...sp.update },
  { surface: 'studiobrain', method: 'DELETE', path: '/api/plugins/{id}', section: 'Plugin Management', summary: 'Uninstall plugin (admin)', auth: true, ...sp.uninstall },
  { surface: 'studiobrain', method: 'POST', path: '/api/plugins/{id}/backup', section: 'Plugin Management', summary: 'Backup plugin data (admin)', auth: true, ...sp.backup },
  { surface: 'studiobrain', method: 'POST', path: '/api/plugins/{id}/restore', section: 'Plugin Management', summary: 'Restore plugin from backup (admin)', auth: true, ...sp.restore },
  { surface: 'studiobrain', method: 'GET', path: '/api/plugins/{id}/backups', section: 'Plugin Management', summary: 'List plugin backups', auth: true, ...sp.backups },
  { surface: 'studiobrain', method: 'GET', path: '/api/plugins/{id}/settings', section: 'Plugin Management', summary: 'Get plugin settings', auth: true, ...sp.settings },
  { surface: 'studiobrain', method: 'PUT', path: '/api/plugins/{id}/settings', section: 'Plugin Management', summary: 'Update plugin settings (admin)', auth: true, ...sp.putSettings },
  { surface: 'studiobrain', method: 'GET', path: '/api/plugins/{id}/settings/user', section: 'Plugin Management', summary: 'Get user-specific settings', auth: true, ...sp.userSettings },
  { surface: 'studiobrain', method: 'PUT', path: '/api/plugins/{id}/settings/user', section: 'Plugin Management', summary: 'Update user-specific settings', auth: true, ...sp.putUserSettings },
  { surface: 'studiobrain', method: 'GET', path: '/api/plugins/page/{id}', section: 'Plugin Management', summary: 'Serve plugin page', auth: true, ...sp.page },
  { surface: 'studiobrain', method: 'GET', path: '/api/plugins/page/{id}/{subpath:path}', section: 'Plugin Management', summary: 'Serve plugin subpage', auth: true, ...sp.subpage },
  { surface: 'studiobrain', method: 'GET', path: '/api/plugins/panel/{id}/{panel_id}', section: 'Plugin Management', summary: 'Serve plugin panel HTML', auth: true, ...sp.panel },

  // Plugin Data
  { surface: 'studiobrain', method: 'GET', path: '/api/plugins/{id}/data/{record_type}', section: 'Plugin Data', summary: 'List plugin data records', auth: true, ...pd.list },
  { surface: 'studiobrain', method: 'POST', path: '/api/plugins/{id}/data/{record_type}', section: 'Plugin Data', summary: 'Create data record', auth: true, ...pd.create },
  { surface: 'studiobrain', method: 'GET', path: '/api/plugins/{id}/data/{record_type}/{record_id}', section: 'Plugin Data', summary: 'Get data record', auth: true, ...pd.get },
  { surface: 'studiobrain', method: 'PUT', path: '/api/plugins/{id}/data/{record_type}/{record_id}', section: 'Plugin Data', summary: 'Update data record', auth: true, ...pd.update },
  { surface: 'studiobrain', method: 'DELETE', path: '/api/plugins/{id}/data/{record_type}/{record_id}', section: 'Plugin Data', summary: 'Delete data record', auth: true, ...pd.delete },

  // Plugin Marketplace
  { surface: 'studiobrain', method: 'GET', path: '/api/marketplace', section: 'Plugin Marketplace', summary: 'Browse marketplace', auth: false, ...mk.browse },
  { surface: 'studiobrain', method: 'GET', path: '/api/marketplace/info', section: 'Plugin Marketplace', summary: 'Marketplace info', auth: false, ...mk.info },
  { surface: 'studiobrain', method: 'GET', path: '/api/marketplace/{id}', section: 'Plugin Marketplace', summary: 'Get plugin details', auth: false, ...mk.get },
  { surface: 'studiobrain', method: 'POST', path: '/api/marketplace/registry', section: 'Plugin Marketplace', summary: 'Register plugin in marketplace (admin)', auth: true, ...mk.register },
  { surface: 'studiobrain', method: 'GET', path: '/api/marketplace/tenant/installed', section: 'Plugin Marketplace', summary: 'List tenant’s installed plugins', auth: true, ...mk.installed },
  { surface: 'studiobrain', method: 'POST', path: '/api/marketplace/tenant/install', section: 'Plugin Marketplace', summary: 'Install from marketplace', auth: true, ...mk.install },
  { surface: 'studiobrain', method: 'POST', path: '/api/marketplace/tenant/{id}/enable', section: 'Plugin Marketplace', summary: 'Enable installed plugin', auth: true, ...mk.enable },
  { surface: 'studiobrain', method: 'POST', path: '/api/marketplace/tenant/{id}/disable', section: 'Plugin Marketplace', summary: 'Disable installed plugin', auth: true, ...mk.disable },
  { surface: 'studiobrain', method: 'DELETE', path: '/api/marketplace/tenant/{id}', section: 'Plugin Marketplace', summary: 'Uninstall marketplace plugin', auth: true, ...mk.uninstall },

  // Search and Relationships
  { surface: 'studiobrain', method: 'GET', path: '/api/search', section: 'Search and Relationships', summary: 'Search across entity types', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/search/all', section: 'Search and Relationships', summary: 'Full-text search all entities', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/recent', section: 'Search and Relationships', summary: 'Recently updated entities', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/relationships/{type}/{id}', section: 'Search and Relationships', summary: 'Get entity relationships', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/graph/universe', section: 'Search and Relationships', summary: 'Get full entity relationship graph', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/graph/entity/{type}/{id}', section: 'Search and Relationships', summary: 'Get entity-centric subgraph', auth: true },

  // Cross-References and Context
  { surface: 'studiobrain', method: 'POST', path: '/api/entity/cross-reference/query', section: 'Cross-References and Context', summary: 'Query cross-references', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/entity/cross-reference/context', section: 'Cross-References and Context', summary: 'Build cross-reference context', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/entity/cross-reference/romance', section: 'Cross-References and Context', summary: 'Find romantic connections', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/entity/cross-reference/faction-war', section: 'Cross-References and Context', summary: 'Find faction conflicts', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/entity/cross-reference/validate/{type}/{id}', section: 'Cross-References and Context', summary: 'Validate references', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/entity/hybrid-relationships', section: 'Cross-References and Context', summary: 'Discover hybrid relationships', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/entity/semantic-connections', section: 'Cross-References and Context', summary: 'Find semantic connections via embeddings', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/entity/structured-relationships', section: 'Cross-References and Context', summary: 'Structured relationship query', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/entity/enhanced-context', section: 'Cross-References and Context', summary: 'Build enhanced entity context for AI', auth: true },

  // Layouts
  { surface: 'studiobrain', method: 'GET', path: '/api/layouts', section: 'Layouts', summary: 'List all layout definitions', auth: false, ...lr.list },
  { surface: 'studiobrain', method: 'GET', path: '/api/layouts/{type}', section: 'Layouts', summary: 'Get layout for entity type', auth: false, ...lr.get },
  { surface: 'studiobrain', method: 'PUT', path: '/api/layouts/{type}', section: 'Layouts', summary: 'Update layout for entity type', auth: true, ...lr.put },
  { surface: 'studiobrain', method: 'POST', path: '/api/layouts/{type}/reset', section: 'Layouts', summary: 'Reset layout to defaults', auth: true, ...lr.reset },
  { surface: 'studiobrain', method: 'DELETE', path: '/api/layouts/{type}', section: 'Layouts', summary: 'Delete custom layout', auth: true, ...lr.delete },

  // Timeline
  { surface: 'studiobrain', method: 'GET', path: '/api/timeline', section: 'Timeline', summary: 'List timeline events with filtering', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/timeline/auto-populate', section: 'Timeline', summary: 'Auto-populate timeline from entity data', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/timeline/conflicts', section: 'Timeline', summary: 'Find timeline conflicts', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/timeline/export', section: 'Timeline', summary: 'Export timeline data', auth: true },

  // Assembly System
  { surface: 'studiobrain', method: 'GET', path: '/api/assembly/{id}/slots', section: 'Assembly System', summary: 'List assembly slots', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/assembly/{id}/slots/{group}', section: 'Assembly System', summary: 'Get slots by group', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/assembly/{id}/slots', section: 'Assembly System', summary: 'Add slot to assembly', auth: true },
  { surface: 'studiobrain', method: 'DELETE', path: '/api/assembly/{id}/slots/{group}/{name}', section: 'Assembly System', summary: 'Remove slot', auth: true },
  { surface: 'studiobrain', method: 'PUT', path: '/api/assembly/{id}/slots/reorder', section: 'Assembly System', summary: 'Reorder slots', auth: true },
  { surface: 'studiobrain', method: 'PUT', path: '/api/assembly/{id}/slots/{group}/{name}/transform', section: 'Assembly System', summary: 'Transform slot', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/assembly/{id}/parent', section: 'Assembly System', summary: 'Set parent assembly', auth: true },
  { surface: 'studiobrain', method: 'DELETE', path: '/api/assembly/{id}/parent', section: 'Assembly System', summary: 'Remove parent', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/assembly/{id}/inheritance', section: 'Assembly System', summary: 'Get inheritance chain', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/assembly/{id}/slots/lock', section: 'Assembly System', summary: 'Lock slots', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/assembly/{id}/slots/unlock', section: 'Assembly System', summary: 'Unlock slots', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/assembly/{id}/zombie/{stage}', section: 'Assembly System', summary: 'Get zombie stage data', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/assembly/{id}/zombie/validate', section: 'Assembly System', summary: 'Validate zombie assembly', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/assembly/export/profiles', section: 'Assembly System', summary: 'List export profiles', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/assembly/{id}/export/{profile}', section: 'Assembly System', summary: 'Export assembly', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/assembly/{id}/manifest/{profile}', section: 'Assembly System', summary: 'Get export manifest', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/assembly/{id}/validate', section: 'Assembly System', summary: 'Validate assembly', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/assembly/{id}/validate/status', section: 'Assembly System', summary: 'Validation status', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/assembly/{id}/completeness', section: 'Assembly System', summary: 'Check assembly completeness', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/assembly/{id}/preview', section: 'Assembly System', summary: 'Preview assembly', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/assembly/by-asset/{asset_id}', section: 'Assembly System', summary: 'Find assemblies using asset', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/assembly/auto-detect-slot', section: 'Assembly System', summary: 'Auto-detect slot type for asset', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/assembly/template/types', section: 'Assembly System', summary: 'List assembly template types', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/assembly/template/slot-definitions', section: 'Assembly System', summary: 'Get slot definitions', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/assembly/export/profiles/reload', section: 'Assembly System', summary: 'Reload export profiles', auth: true },

  // Entities
  { surface: 'studiobrain', method: 'GET', path: '/api/recycle-bin/entity', section: 'Entities', summary: 'List recycled entities', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/recycle-bin/entity/{type}/{id}/restore', section: 'Entities', summary: 'Restore entity', auth: true },
  { surface: 'studiobrain', method: 'DELETE', path: '/api/recycle-bin/entity/{type}/{id}/permanent', section: 'Entities', summary: 'Permanently delete (admin)', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/recycle-bin/entity/empty', section: 'Entities', summary: 'Empty entity recycle bin (admin)', auth: true },

  // Assets
  { surface: 'studiobrain', method: 'GET', path: '/api/recycle-bin', section: 'Assets', summary: 'List recycled assets', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/recycle-bin/{id}/restore', section: 'Assets', summary: 'Restore asset', auth: true },
  { surface: 'studiobrain', method: 'DELETE', path: '/api/recycle-bin/{id}/permanent', section: 'Assets', summary: 'Permanently delete asset (admin)', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/recycle-bin/empty', section: 'Assets', summary: 'Empty asset recycle bin (admin)', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/recycle-bin/auto-cleanup', section: 'Assets', summary: 'Auto-cleanup old items (admin)', auth: true },

  // Services and Health
  { surface: 'studiobrain', method: 'GET', path: '/health', section: 'Services and Health', summary: 'Basic health check', auth: false, ...opsRows.health },
  { surface: 'studiobrain', method: 'GET', path: '/api/health', section: 'Services and Health', summary: 'Basic health check', auth: false, ...opsRows.health },
  { surface: 'studiobrain', method: 'GET', path: '/health/detailed', section: 'Services and Health', summary: 'Detailed health with DB status', auth: false, ...opsRows.healthDetailed },
  { surface: 'studiobrain', method: 'GET', path: '/api/check-entity-id/{id}', section: 'Services and Health', summary: 'Check if entity ID is available', auth: false },
  { surface: 'studiobrain', method: 'GET', path: '/api/services/status', section: 'Services and Health', summary: 'Service status (backend, AI, DB)', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/services/restart/{service}', section: 'Services and Health', summary: 'Restart a service (admin)', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/services/terminate/ai', section: 'Services and Health', summary: 'Terminate AI service (admin)', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/services/logs/{service}', section: 'Services and Health', summary: 'Get service logs', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/services/logs/{service}/clear', section: 'Services and Health', summary: 'Clear service logs (admin)', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/services/logs/list', section: 'Services and Health', summary: 'List available log files', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/logs/frontend', section: 'Services and Health', summary: 'Submit frontend log entries', auth: false },

  // Presence
  { surface: 'studiobrain', method: 'GET', path: '/api/presence/{tenant_id}', section: 'Presence', summary: 'Get online users for tenant', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/presence/{tenant_id}/editing', section: 'Presence', summary: 'Get who is editing what', auth: true },

  // Settings
  { surface: 'studiobrain', method: 'GET', path: '/api/settings', section: 'Settings', summary: 'Get user settings', auth: true, ...ss.getSettings },
  { surface: 'studiobrain', method: 'PUT', path: '/api/settings', section: 'Settings', summary: 'Update user settings', auth: true, ...ss.putSettings },
  { surface: 'studiobrain', method: 'GET', path: '/api/settings/keys', section: 'Settings', summary: 'List configured AI provider keys', auth: true, ...ss.listKeys },
  { surface: 'studiobrain', method: 'PUT', path: '/api/settings/keys/{provider}', section: 'Settings', summary: 'Set AI provider key', auth: true, ...ss.putKey },
  { surface: 'studiobrain', method: 'DELETE', path: '/api/settings/keys/{provider}', section: 'Settings', summary: 'Remove AI provider key', auth: true, ...ss.deleteKey },

  // Feature Gates
  { surface: 'studiobrain', method: 'GET', path: '/api/features', section: 'Feature Gates', summary: 'Get enabled features for current tier', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/features/tiers', section: 'Feature Gates', summary: 'List all tiers and their features', auth: false },

  // Groups
  { surface: 'studiobrain', method: 'GET', path: '/api/groups/presets', section: 'Groups', summary: 'List group presets', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/groups/user/{user_id}', section: 'Groups', summary: 'Get user’s groups', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/groups', section: 'Groups', summary: 'Create group (admin)', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/groups', section: 'Groups', summary: 'List groups', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/groups/{id}', section: 'Groups', summary: 'Get group', auth: true },
  { surface: 'studiobrain', method: 'PUT', path: '/api/groups/{id}', section: 'Groups', summary: 'Update group (admin)', auth: true },
  { surface: 'studiobrain', method: 'DELETE', path: '/api/groups/{id}', section: 'Groups', summary: 'Delete group (admin)', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/groups/{id}/members', section: 'Groups', summary: 'Add member to group (admin)', auth: true },
  { surface: 'studiobrain', method: 'DELETE', path: '/api/groups/{id}/members/{user_id}', section: 'Groups', summary: 'Remove member (admin)', auth: true },

  // Quota Groups
  { surface: 'studiobrain', method: 'GET', path: '/api/quota-groups/', section: 'Quota Groups', summary: 'List quota groups', auth: true },
  { surface: 'studiobrain', method: 'PUT', path: '/api/quota-groups/{id}/quota', section: 'Quota Groups', summary: 'Update group quota (admin)', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/quota-groups/{id}/usage', section: 'Quota Groups', summary: 'Get group usage', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/quota-groups/{id}/reset', section: 'Quota Groups', summary: 'Reset group usage counters (admin)', auth: true },

  // Sharing
  { surface: 'studiobrain', method: 'POST', path: '/api/shares', section: 'Sharing', summary: 'Create share link', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/shares', section: 'Sharing', summary: 'List shares', auth: true },
  { surface: 'studiobrain', method: 'DELETE', path: '/api/shares/{id}', section: 'Sharing', summary: 'Delete share', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/share/{code}', section: 'Sharing', summary: 'Access shared content', auth: false },
  { surface: 'studiobrain', method: 'GET', path: '/api/share/{code}/entities/{type}', section: 'Sharing', summary: 'List entities in share', auth: false },

  // Database Admin
  { surface: 'studiobrain', method: 'GET', path: '/api/database/test', section: 'Database Admin', summary: 'Test database connection', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/database/tables', section: 'Database Admin', summary: 'List database tables (admin)', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/database/tables/{name}/data', section: 'Database Admin', summary: 'View table data (admin)', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/database/query', section: 'Database Admin', summary: 'Execute read-only SQL query (admin)', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/database/statistics', section: 'Database Admin', summary: 'Database statistics', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/database/entities', section: 'Database Admin', summary: 'Entity count by type', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/database/export', section: 'Database Admin', summary: 'Export database (admin)', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/database/import', section: 'Database Admin', summary: 'Import database (admin)', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/database/backup', section: 'Database Admin', summary: 'Create database backup (admin)', auth: true },

  // AI (Backend-Proxied)
  { surface: 'studiobrain', method: 'GET', path: '/api/image/styles/{type}', section: 'AI (Backend-Proxied)', summary: 'Get image generation styles for entity type', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/generate/character', section: 'AI (Backend-Proxied)', summary: 'Generate character via AI', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/enhance/character/{id}', section: 'AI (Backend-Proxied)', summary: 'Enhance existing character', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/generate/dialogue/{id}', section: 'AI (Backend-Proxied)', summary: 'Generate dialogue for character', auth: true },

  // Image Presets
  { surface: 'studiobrain', method: 'GET', path: '/api/presets', section: 'Image Presets', summary: 'List image generation presets', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/presets', section: 'Image Presets', summary: 'Create preset', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/presets/{id}', section: 'Image Presets', summary: 'Get preset', auth: true },
  { surface: 'studiobrain', method: 'PUT', path: '/api/presets/{id}', section: 'Image Presets', summary: 'Update preset', auth: true },
  { surface: 'studiobrain', method: 'DELETE', path: '/api/presets/{id}', section: 'Image Presets', summary: 'Delete preset', auth: true },

  // Context Profiles
  { surface: 'studiobrain', method: 'GET', path: '/api/context-profiles', section: 'Context Profiles', summary: 'List context profiles', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/context-profiles', section: 'Context Profiles', summary: 'Create context profile', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/context-profiles/{id}', section: 'Context Profiles', summary: 'Get context profile', auth: true },
  { surface: 'studiobrain', method: 'PUT', path: '/api/context-profiles/{id}', section: 'Context Profiles', summary: 'Update context profile', auth: true },
  { surface: 'studiobrain', method: 'DELETE', path: '/api/context-profiles/{id}', section: 'Context Profiles', summary: 'Delete context profile', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/context-profiles/{id}/resolve', section: 'Context Profiles', summary: 'Resolve profile (expand entity refs)', auth: true },

  // Prompt Templates
  { surface: 'studiobrain', method: 'POST', path: '/api/prompt-templates/resolve', section: 'Prompt Templates', summary: 'Resolve template variables', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/prompt-templates/resolve-batch', section: 'Prompt Templates', summary: 'Batch resolve templates', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/prompt-templates/available-fields/{type}', section: 'Prompt Templates', summary: 'List available template fields', auth: true },

  // Inventory
  { surface: 'studiobrain', method: 'GET', path: '/api/items', section: 'Inventory', summary: 'List inventory items', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/items/categories', section: 'Inventory', summary: 'List item categories', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/items/{id}', section: 'Inventory', summary: 'Get item details', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/items', section: 'Inventory', summary: 'Create item', auth: true },
  { surface: 'studiobrain', method: 'PUT', path: '/api/items/{id}', section: 'Inventory', summary: 'Update item', auth: true },
  { surface: 'studiobrain', method: 'DELETE', path: '/api/items/{id}', section: 'Inventory', summary: 'Delete item', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/items/import/verse', section: 'Inventory', summary: 'Import items from Verse format', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/items/import/json', section: 'Inventory', summary: 'Import items from JSON', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/items/export/json', section: 'Inventory', summary: 'Export items as JSON', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/items/export/verse', section: 'Inventory', summary: 'Export items as Verse', auth: true },

  // Migration and Archive
  { surface: 'studiobrain', method: 'POST', path: '/api/migration/import', section: 'Migration and Archive', summary: 'Import full data export (admin)', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/migration/export', section: 'Migration and Archive', summary: 'Export all data (admin)', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/archive/fallbacks', section: 'Migration and Archive', summary: 'List archived fallback data', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/archive/fallbacks/restore', section: 'Migration and Archive', summary: 'Restore from archive', auth: true },
  { surface: 'studiobrain', method: 'POST', path: '/api/archive/fallbacks/cleanup', section: 'Migration and Archive', summary: 'Cleanup old archives (admin)', auth: true },

  // Statistics and Activity
  { surface: 'studiobrain', method: 'GET', path: '/api/stats/dashboard', section: 'Statistics and Activity', summary: 'Dashboard statistics', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/activity/recent', section: 'Statistics and Activity', summary: 'Recent activity feed', auth: true },
  { surface: 'studiobrain', method: 'GET', path: '/api/activity/history', section: 'Statistics and Activity', summary: 'Full activity history', auth: true },
];
