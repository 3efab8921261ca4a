import type { RouteRow } from '../route.types.js';
import { jobsRows } from '../mappers/jobs.rows.js';
import { documentsRows } from '../mappers/documents.rows.js';
import { searxngRows } from '../mappers/searxng.rows.js';
import { identityRows } from '../mappers/identity.rows.js';
import { opsRows } from '../mappers/ops.rows.js';
import { pluginsRows as pl } from '../mappers/plugins.rows.js';
import { pagesAreaRows as pg } from '../mappers/pages.rows.js';
import { braindriveSettingsRows as sr } from '../mappers/settings.rows.js';
import { chatRows as cr } from '../mappers/chat.rows.js';
import { personaRows as pr } from '../mappers/personas.rows.js';
import { tagRows as tr } from '../mappers/tags.rows.js';
import { aiProviderRows as ai, providerSettingsRows as ps } from '../mappers/ai-providers.rows.js';
import { ollamaRows as ol } from '../mappers/ollama.rows.js';

const bd = identityRows.braindrive;

/**
 * BrainDrive documented routes, :8005, prefix /api/v1 (braindrive-rest-api.txt), in the order of `routes.tsv`.
 * A row without `operation` answers 501 until its operation is written.
 */
export const braindriveRoutes: RouteRow[] = [
  // Authentication
  { surface: 'braindrive', method: 'POST', path: '/api/v1/auth/register', section: 'Authentication', summary: 'Register User', auth: false, rateLimit: 'auth', ...bd.register },
  { surface: 'braindrive', method: 'POST', path: '/api/v1/auth/login', section: 'Authentication', summary: 'Login', auth: false, rateLimit: 'auth', ...bd.login },
  { surface: 'braindrive', method: 'POST', path: '/api/v1/auth/refresh', section: 'Authentication', summary: 'Refresh Token', auth: false, rateLimit: 'auth', ...bd.refresh },
  { surface: 'braindrive', method: 'POST', path: '/api/v1/auth/logout', section: 'Authentication', summary: 'Logout', auth: true, ...bd.logout },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/auth/me', section: 'Authentication', summary: 'Get Current User', auth: true, ...bd.me },
  { surface: 'braindrive', method: 'PUT', path: '/api/v1/auth/profile/username', section: 'Authentication', summary: 'Update Username', auth: true, ...bd.username },
  { surface: 'braindrive', method: 'PUT', path: '/api/v1/auth/profile/password', section: 'Authentication', summary: 'Update Password', auth: true, ...bd.password },

  // Settings
  { surface: 'braindrive', method: 'GET', path: '/api/v1/settings/definitions', section: 'Settings', summary: 'List Setting Definitions', auth: true, ...sr.listDefinitions },
  { surface: 'braindrive', method: 'POST', path: '/api/v1/settings/definitions', section: 'Settings', summary: 'Create Setting Definition', auth: true, ...sr.createDefinition },
  { surface: 'braindrive', method: 'PATCH', path: '/api/v1/settings/definitions/{definition_id}', section: 'Settings', summary: 'Update Setting Definition', auth: true, ...sr.patchDefinition },
  { surface: 'braindrive', method: 'PUT', path: '/api/v1/settings/definitions/{definition_id}', section: 'Settings', summary: 'Update Setting Definition', auth: true, ...sr.putDefinition },
  { surface: 'braindrive', method: 'DELETE', path: '/api/v1/settings/definitions/{definition_id}', section: 'Settings', summary: 'Delete Setting Definition', auth: true, ...sr.deleteDefinition },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/settings/instances', section: 'Settings', summary: 'List Setting Instances', auth: true, ...sr.listInstances },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/settings/instances/{instance_id}', section: 'Settings', summary: 'Get Setting Instance', auth: true, ...sr.getInstance },
  { surface: 'braindrive', method: 'POST', path: '/api/v1/settings/instances', section: 'Settings', summary: 'Create Setting Instance', auth: true, ...sr.upsertInstance },
  { surface: 'braindrive', method: 'PATCH', path: '/api/v1/settings/instances/{instance_id}', section: 'Settings', summary: 'Update Setting Instance', auth: true, ...sr.patchInstance },
  { surface: 'braindrive', method: 'PUT', path: '/api/v1/settings/instances/{instance_id}', section: 'Settings', summary: 'Update Setting Instance', auth: true, ...sr.putInstance },
  { surface: 'braindrive', method: 'DELETE', path: '/api/v1/settings/instances/{instance_id}', section: 'Settings', summary: 'Delete Setting Instance', auth: true, ...sr.deleteInstance },

  // Plugins
  { surface: 'braindrive', method: 'GET', path: '/api/v1/plugins/manifest', section: 'Plugins', summary: 'Get Plugin Manifest', auth: true, ...pl.manifest },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/plugins/manifest/designer', section: 'Plugins', summary: 'Get Plugin Manifest for Designer', auth: true, ...pl.designer },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/plugins/manager', section: 'Plugins', summary: 'Get Plugins for Manager', auth: true, ...pl.manager },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/plugins/{plugin_id}/info', section: 'Plugins', summary: 'Get Plugin by ID', auth: true, ...pl.info },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/plugins/by-slug/{plugin_slug}', section: 'Plugins', summary: 'Get Plugin by Slug', auth: true, ...pl.bySlug },
  { surface: 'braindrive', method: 'POST', path: '/api/v1/plugins/{plugin_slug}/register', section: 'Plugins', summary: 'Register Plugin', auth: true, ...pl.register },
  { surface: 'braindrive', method: 'DELETE', path: '/api/v1/plugins/{plugin_id}', section: 'Plugins', summary: 'Unregister Plugin', auth: true, ...pl.unregister },
  { surface: 'braindrive', method: 'PATCH', path: '/api/v1/plugins/{plugin_id}', section: 'Plugins', summary: 'Update Plugin Status', auth: true, ...pl.setStatus },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/plugins/{plugin_id}/modules', section: 'Plugins', summary: 'Get Plugin Modules', auth: true, ...pl.modules },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/plugins/{plugin_id}/modules/{module_id}', section: 'Plugins', summary: 'Get Module Detail', auth: true, ...pl.module },
  { surface: 'braindrive', method: 'PATCH', path: '/api/v1/plugins/{plugin_id}/modules/{module_id}', section: 'Plugins', summary: 'Update Module Status', auth: true, ...pl.setModuleStatus },
  { surface: 'braindrive', method: 'POST', path: '/api/v1/plugins/install', section: 'Plugins', summary: 'Install Plugin', auth: true, ...pl.install },
  { surface: 'braindrive', method: 'POST', path: '/api/v1/plugins/install-from-url', section: 'Plugins', summary: 'Or install from URL directly (equivalent to method: "url"):', auth: true, ...pl.installFromUrl },
  { surface: 'braindrive', method: 'POST', path: '/api/v1/plugins/{plugin_slug}/install', section: 'Plugins', summary: 'Install Plugin by Slug', auth: true, ...pl.installBySlug },
  { surface: 'braindrive', method: 'POST', path: '/api/v1/plugins/{plugin_slug}/update', section: 'Plugins', summary: 'Update Plugin', auth: true, ...pl.update },
  { surface: 'braindrive', method: 'DELETE', path: '/api/v1/plugins/{plugin_slug}/uninstall', section: 'Plugins', summary: 'Uninstall Plugin', auth: true, ...pl.uninstall },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/plugins/{plugin_slug}/status', section: 'Plugins', summary: 'Get Plugin Status', auth: true, ...pl.status },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/plugins/available', section: 'Plugins', summary: 'Get Available Plugins', auth: true, ...pl.available },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/plugins/updates/available', section: 'Plugins', summary: 'Check for Updates', auth: true, ...pl.updates },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/plugins/{plugin_slug}/update/available', section: 'Plugins', summary: 'Check for Updates', auth: true, ...pl.updateAvailable },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/plugins/categories', section: 'Plugins', summary: 'Get Plugin Categories', auth: true, ...pl.categories },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/plugins/tags', section: 'Plugins', summary: 'Get Plugin Tags', auth: true, ...pl.tags },
  { surface: 'braindrive', method: 'POST', path: '/api/v1/plugins/{plugin_slug}/services/restart', section: 'Plugins', summary: 'Restart Plugin Service', auth: true, ...pl.restartService },
  { surface: 'braindrive', method: 'POST', path: '/api/v1/plugins/refresh-cache', section: 'Plugins', summary: 'Refresh Plugin Cache', auth: true, ...pl.refreshCache },
  { surface: 'braindrive', method: 'POST', path: '/api/v1/plugins/upload', section: 'Plugins', summary: 'Upload Plugin Package', auth: true, asBuilt: true, ...pl.upload },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/public/plugins/{plugin_id}/{path:path}', section: 'Plugins', summary: 'Serve Plugin Bundle File', auth: false, asBuilt: true, ...pl.publicAsset },

  // Pages
  { surface: 'braindrive', method: 'GET', path: '/api/v1/pages', section: 'Pages', summary: 'List Pages', auth: true, ...pg.pages.list },
  { surface: 'braindrive', method: 'POST', path: '/api/v1/pages', section: 'Pages', summary: 'Create Page', auth: true, ...pg.pages.create },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/pages/{page_id}', section: 'Pages', summary: 'Get Page', auth: true, ...pg.pages.get },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/pages/route/{route:path}', section: 'Pages', summary: 'Get Page by Route', auth: true, ...pg.pages.byRoute },
  { surface: 'braindrive', method: 'PUT', path: '/api/v1/pages/{page_id}', section: 'Pages', summary: 'Update Page', auth: true, ...pg.pages.update },
  { surface: 'braindrive', method: 'PUT', path: '/api/v1/pages/{page_id}/hierarchy', section: 'Pages', summary: 'Update Page Hierarchy', auth: true, ...pg.pages.hierarchy },
  { surface: 'braindrive', method: 'DELETE', path: '/api/v1/pages/{page_id}', section: 'Pages', summary: 'Delete Page', auth: true, ...pg.pages.delete },
  { surface: 'braindrive', method: 'POST', path: '/api/v1/pages/{page_id}/publish', section: 'Pages', summary: 'Publish Page', auth: true, ...pg.pages.publish },
  { surface: 'braindrive', method: 'POST', path: '/api/v1/pages/{page_id}/backup', section: 'Pages', summary: 'Create Page Backup', auth: true, ...pg.pages.backup },
  // as-built: the BrainDrive web client restores a page from its backup here (undocumented; as-built.md).
  { surface: 'braindrive', method: 'POST', path: '/api/v1/pages/{page_id}/restore', section: 'Pages', summary: 'Restore Page Backup', auth: true, asBuilt: true, ...pg.pages.restore },

  // Plugin State
  { surface: 'braindrive', method: 'POST', path: '/api/v1/plugin-state/', section: 'Plugin State', summary: 'Create Plugin State', auth: true, ...pg.pluginState.create },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/plugin-state/', section: 'Plugin State', summary: 'List Plugin States', auth: true, ...pg.pluginState.list },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/plugin-state/{state_id}', section: 'Plugin State', summary: 'Get Plugin State', auth: true, ...pg.pluginState.get },
  { surface: 'braindrive', method: 'PUT', path: '/api/v1/plugin-state/{state_id}', section: 'Plugin State', summary: 'Update Plugin State', auth: true, ...pg.pluginState.update },
  { surface: 'braindrive', method: 'DELETE', path: '/api/v1/plugin-state/{state_id}', section: 'Plugin State', summary: 'Delete Plugin State', auth: true, ...pg.pluginState.delete },
  { surface: 'braindrive', method: 'POST', path: '/api/v1/plugin-state/bulk', section: 'Plugin State', summary: 'Bulk Create Plugin States', auth: true, ...pg.pluginState.bulk },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/plugin-state/stats', section: 'Plugin State', summary: 'Get Plugin State Stats', auth: true, ...pg.pluginState.stats },
  { surface: 'braindrive', method: 'DELETE', path: '/api/v1/plugin-state/cleanup', section: 'Plugin State', summary: 'Cleanup Expired States', auth: true, ...pg.pluginState.cleanup },
  // as-built: the BrainDrive web client syncs a device's states here (undocumented; as-built.md).
  { surface: 'braindrive', method: 'POST', path: '/api/v1/plugin-state/sync', section: 'Plugin State', summary: 'Sync Plugin States', auth: true, asBuilt: true, ...pg.pluginState.sync },

  // Conversations & Messages
  { surface: 'braindrive', method: 'GET', path: '/api/v1/users/{user_id}/conversations', section: 'Conversations & Messages', summary: 'List User Conversations', auth: true, ...cr.listForUser },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/conversations/by-persona/{persona_id}', section: 'Conversations & Messages', summary: 'List User Conversations', auth: true, ...cr.listByPersona },
  { surface: 'braindrive', method: 'POST', path: '/api/v1/conversations', section: 'Conversations & Messages', summary: 'Create Conversation', auth: true, ...cr.create },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/conversations/{conversation_id}', section: 'Conversations & Messages', summary: 'Get Conversation', auth: true, ...cr.get },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/conversations/{conversation_id}/with-messages', section: 'Conversations & Messages', summary: 'Get Conversation', auth: true, ...cr.withMessages },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/conversations/{conversation_id}/with-persona', section: 'Conversations & Messages', summary: 'Get Conversation', auth: true, ...cr.withPersona },
  { surface: 'braindrive', method: 'PUT', path: '/api/v1/conversations/{conversation_id}', section: 'Conversations & Messages', summary: 'Update Conversation', auth: true, ...cr.update },
  { surface: 'braindrive', method: 'PUT', path: '/api/v1/conversations/{conversation_id}/persona', section: 'Conversations & Messages', summary: 'Update Conversation Persona', auth: true, ...cr.setPersona },
  { surface: 'braindrive', method: 'DELETE', path: '/api/v1/conversations/{conversation_id}', section: 'Conversations & Messages', summary: 'Delete Conversation', auth: true, ...cr.delete },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/conversations/{conversation_id}/messages', section: 'Conversations & Messages', summary: 'List Messages', auth: true, ...cr.messages },
  { surface: 'braindrive', method: 'POST', path: '/api/v1/conversations/{conversation_id}/messages', section: 'Conversations & Messages', summary: 'Create Message', auth: true, ...cr.createMessage },
  { surface: 'braindrive', method: 'POST', path: '/api/v1/conversations/{conversation_id}/tags', section: 'Conversations & Messages', summary: 'Conversation Tags', auth: true, ...cr.addTag },
  { surface: 'braindrive', method: 'DELETE', path: '/api/v1/conversations/{conversation_id}/tags/{tag_id}', section: 'Conversations & Messages', summary: 'Conversation Tags', auth: true, ...cr.removeTag },

  // Personas
  { surface: 'braindrive', method: 'GET', path: '/api/v1/personas', section: 'Personas', summary: 'List Personas', auth: true, ...pr.list },
  { surface: 'braindrive', method: 'POST', path: '/api/v1/personas', section: 'Personas', summary: 'Create Persona', auth: true, ...pr.create },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/personas/{persona_id}', section: 'Personas', summary: 'Get Persona', auth: true, ...pr.get },
  { surface: 'braindrive', method: 'PUT', path: '/api/v1/personas/{persona_id}', section: 'Personas', summary: 'Update Persona', auth: true, ...pr.update },
  // as-built: the BrainDrive web client PATCHes a persona, meaning the same as PUT (as-built.md).
  { surface: 'braindrive', method: 'PATCH', path: '/api/v1/personas/{persona_id}', section: 'Personas', summary: 'Update Persona', auth: true, asBuilt: true, ...pr.patch },
  { surface: 'braindrive', method: 'DELETE', path: '/api/v1/personas/{persona_id}', section: 'Personas', summary: 'Delete Persona', auth: true, ...pr.delete },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/personas/tags', section: 'Personas', summary: 'Get Available Tags', auth: true, ...pr.tags },

  // Tags
  { surface: 'braindrive', method: 'GET', path: '/api/v1/users/{user_id}/tags', section: 'Tags', summary: 'List User Tags', auth: true, ...tr.listForUser },
  { surface: 'braindrive', method: 'POST', path: '/api/v1/tags', section: 'Tags', summary: 'Create Tag', auth: true, ...tr.create },
  { surface: 'braindrive', method: 'PUT', path: '/api/v1/tags/{tag_id}', section: 'Tags', summary: 'Update Tag', auth: true, ...tr.update },
  { surface: 'braindrive', method: 'DELETE', path: '/api/v1/tags/{tag_id}', section: 'Tags', summary: 'Delete Tag', auth: true, ...tr.delete },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/tags/{tag_id}/conversations', section: 'Tags', summary: 'Get Conversations by Tag', auth: true, ...tr.conversations },

  // AI Providers
  { surface: 'braindrive', method: 'GET', path: '/api/v1/ai/providers/providers', section: 'AI Providers', summary: 'Get Available Providers', auth: true, ...ai.providers },
  { surface: 'braindrive', method: 'POST', path: '/api/v1/ai/providers/validate', section: 'AI Providers', summary: 'Validate Provider Configuration', auth: true, ...ai.validate },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/ai/providers/models', section: 'AI Providers', summary: 'Get Models', auth: true, ...ai.models },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/ai/providers/all-models', section: 'AI Providers', summary: 'Get Models', auth: true, ...ai.allModels },
  { surface: 'braindrive', method: 'POST', path: '/api/v1/ai/providers/generate', section: 'AI Providers', summary: 'Generate Text', auth: true, ...ai.generate },
  { surface: 'braindrive', method: 'POST', path: '/api/v1/ai/providers/chat', section: 'AI Providers', summary: 'Chat Completion', auth: true, ...ai.chat },
  { surface: 'braindrive', method: 'POST', path: '/api/v1/ai/providers/cancel', section: 'AI Providers', summary: 'Cancel Generation', auth: true, ...ai.cancel },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/ai/settings/providers', section: 'AI Providers', summary: 'Provider Settings', auth: true, ...ps.list },
  { surface: 'braindrive', method: 'POST', path: '/api/v1/ai/settings/providers', section: 'AI Providers', summary: 'Provider Settings', auth: true, ...ps.set },
  { surface: 'braindrive', method: 'DELETE', path: '/api/v1/ai/settings/providers/{provider}/{instance_id}', section: 'AI Providers', summary: 'Provider Settings', auth: true, ...ps.delete },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/ai/settings/servers/{settings_id}', section: 'AI Providers', summary: 'Provider Settings', auth: true, ...ps.servers },

  // Jobs
  { surface: 'braindrive', method: 'POST', path: '/api/v1/jobs', section: 'Jobs', summary: 'Create Job', auth: true, ...jobsRows.create },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/jobs', section: 'Jobs', summary: 'List Jobs', auth: true, ...jobsRows.list },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/jobs/{job_id}', section: 'Jobs', summary: 'Get Job', auth: true, ...jobsRows.get },
  { surface: 'braindrive', method: 'POST', path: '/api/v1/jobs/{job_id}/cancel', section: 'Jobs', summary: 'Cancel Job', auth: true, ...jobsRows.cancel },
  { surface: 'braindrive', method: 'POST', path: '/api/v1/jobs/{job_id}/retry', section: 'Jobs', summary: 'Retry Job', auth: true, ...jobsRows.retry },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/jobs/{job_id}/events', section: 'Jobs', summary: 'Get Job Events', auth: true, ...jobsRows.events },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/jobs/{job_id}/events/stream', section: 'Jobs', summary: 'Stream Job Events (SSE)', auth: true, ...jobsRows.stream },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/jobs/{job_id}/logs', section: 'Jobs', summary: 'Get Job Logs', auth: true, ...jobsRows.logs },
  { surface: 'braindrive', method: 'DELETE', path: '/api/v1/jobs/{job_id}', section: 'Jobs', summary: 'Delete Job', auth: true, ...jobsRows.delete },

  // Navigation Routes
  { surface: 'braindrive', method: 'GET', path: '/api/v1/navigation-routes/tree', section: 'Navigation Routes', summary: 'Get Navigation Tree', auth: true, ...pg.navigation.tree },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/navigation-routes', section: 'Navigation Routes', summary: 'List Navigation Routes', auth: true, ...pg.navigation.list },
  { surface: 'braindrive', method: 'POST', path: '/api/v1/navigation-routes', section: 'Navigation Routes', summary: 'Create Navigation Route', auth: true, ...pg.navigation.create },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/navigation-routes/{route_id}', section: 'Navigation Routes', summary: 'Get Navigation Route', auth: true, ...pg.navigation.get },
  { surface: 'braindrive', method: 'PUT', path: '/api/v1/navigation-routes/{route_id}', section: 'Navigation Routes', summary: 'Update Navigation Route', auth: true, ...pg.navigation.update },
  { surface: 'braindrive', method: 'PUT', path: '/api/v1/navigation-routes/{route_id}/move', section: 'Navigation Routes', summary: 'Move Navigation Route', auth: true, ...pg.navigation.move },
  { surface: 'braindrive', method: 'POST', path: '/api/v1/navigation-routes/batch-update', section: 'Navigation Routes', summary: 'Batch Update Navigation Routes', auth: true, ...pg.navigation.batchUpdate },
  { surface: 'braindrive', method: 'DELETE', path: '/api/v1/navigation-routes/{route_id}', section: 'Navigation Routes', summary: 'Delete Navigation Route', auth: true, ...pg.navigation.delete },

  // Components
  { surface: 'braindrive', method: 'GET', path: '/api/v1/components', section: 'Components', summary: 'List Components', auth: true, ...pg.components.list },
  { surface: 'braindrive', method: 'POST', path: '/api/v1/components', section: 'Components', summary: 'Create Component', auth: true, ...pg.components.create },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/components/{component_id}', section: 'Components', summary: 'Get Component', auth: true, ...pg.components.get },
  { surface: 'braindrive', method: 'PUT', path: '/api/v1/components/{component_id}', section: 'Components', summary: 'Update Component', auth: true, ...pg.components.update },
  { surface: 'braindrive', method: 'DELETE', path: '/api/v1/components/{component_id}', section: 'Components', summary: 'Delete Component', auth: true, ...pg.components.delete },

  // Documents
  { surface: 'braindrive', method: 'POST', path: '/api/v1/documents/process', section: 'Documents', summary: 'Process Document', auth: true, ...documentsRows.process },
  { surface: 'braindrive', method: 'POST', path: '/api/v1/documents/process-multiple', section: 'Documents', summary: 'Process Multiple Documents', auth: true, ...documentsRows.processMultiple },
  { surface: 'braindrive', method: 'POST', path: '/api/v1/documents/process-text-context', section: 'Documents', summary: 'Process Text Context', auth: true, ...documentsRows.textContext },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/documents/supported-types', section: 'Documents', summary: 'Get Supported File Types', auth: true, ...documentsRows.supportedTypes },

  // Search (SearXNG)
  { surface: 'braindrive', method: 'GET', path: '/api/v1/searxng/web', section: 'Search (SearXNG)', summary: 'Web search integration (requires SearXNG service).', auth: true, ...searxngRows.web },
  { surface: 'braindrive', method: 'POST', path: '/api/v1/searxng/scrape', section: 'Search (SearXNG)', summary: 'Scrape URLs', auth: true, ...searxngRows.scrape },

  // Health Check
  { surface: 'braindrive', method: 'GET', path: '/api/v1/searxng/health', section: 'Health Check', summary: 'Health Check', auth: false, ...searxngRows.health },

  // Ollama Integration
  { surface: 'braindrive', method: 'GET', path: '/api/v1/ollama/test', section: 'Ollama Integration', summary: 'Test Connection', auth: true, ...ol.test },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/ollama/models', section: 'Ollama Integration', summary: 'Get Models', auth: true, ...ol.models },
  { surface: 'braindrive', method: 'POST', path: '/api/v1/ollama/install', section: 'Ollama Integration', summary: 'Install Model', auth: true, ...ol.install },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/ollama/install/{task_id}', section: 'Ollama Integration', summary: 'Get Install Status', auth: true, ...ol.installStatus },
  { surface: 'braindrive', method: 'GET', path: '/api/v1/ollama/install/{task_id}/events', section: 'Ollama Integration', summary: 'Stream Install Events', auth: true, ...ol.installEvents },
  { surface: 'braindrive', method: 'DELETE', path: '/api/v1/ollama/install/{task_id}', section: 'Ollama Integration', summary: 'Cancel Install', auth: true, ...ol.cancelInstall },
  { surface: 'braindrive', method: 'DELETE', path: '/api/v1/ollama/delete', section: 'Ollama Integration', summary: 'Delete Model', auth: true, ...ol.delete },

  // Health Check
  { surface: 'braindrive', method: 'GET', path: '/health', section: 'Health Check', summary: 'Health Check', auth: false, ...opsRows.health },
];
