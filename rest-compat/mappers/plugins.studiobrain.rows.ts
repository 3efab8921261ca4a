import { z } from 'zod';
import {
  BackupPluginDocument,
  InstallPluginDocument,
  PluginBackupsDocument,
  PluginSettingsDocument,
  PluginsDocument,
  PluginViewDocument,
  RestorePluginDocument,
  SetPluginEnabledDocument,
  UninstallPluginDocument,
  UpdatePluginDocument,
  UpdatePluginSettingsDocument,
  type PluginBackupFieldsFragment,
  type PluginFieldsFragment,
  type PluginSettingsFieldsFragment,
  type PluginViewQuery,
} from '../../schema/generated/operations.js';
import type { RestRequest } from '../route.types.js';
import { offsetParams } from '../validation.js';
import { built } from './built.js';
import { serviceBody } from './plugins.rows.js';
import { uploadedFile as uploaded } from '../multipart.js';


/** StudioBrain's plugin shape (snake_case). */
export const studioPluginBody = (p: PluginFieldsFragment) => ({
  id: p.id,
  slug: p.slug,
  name: p.name,
  version: p.version,
  description: p.description,
  category: p.category,
  tags: p.tags,
  author: p.author,
  enabled: p.enabled,
  install_source: p.installSource,
  source_url: p.sourceUrl,
  installed_by: p.installedBy,
  bundle_entry: p.bundleLocation,
  pages: (p.manifest as { pages?: unknown[] }).pages ?? [],
  panels: (p.manifest as { panels?: unknown[] }).panels ?? [],
  permissions: (p.manifest as { permissions?: string[] }).permissions ?? [],
  modules: p.modules.map((m) => ({ id: m.id, module_id: m.moduleId, name: m.name, display_name: m.displayName, enabled: m.enabled, config_fields: m.configFields, props: m.props, required_services: m.requiredServices })),
  created_at: p.createdAt,
  updated_at: p.updatedAt,
  backend_service: serviceBody(p.service),
});

const settingsBody = (s: PluginSettingsFieldsFragment) => ({ plugin_id: s.pluginId, scope: s.scope, settings: s.values, effective: s.effective, fields: s.fields });
const backupBody = (b: PluginBackupFieldsFragment) => ({ id: b.id, plugin_id: b.pluginId, plugin_version: b.pluginVersion, record_count: b.recordCount, created_by: b.createdBy, created_at: b.createdAt });

const idParams = z.object({ id: z.string().min(1).max(100) });

/** `{url}` / `{repo_url}` to fetch, or a multipart `file`. */
const installFields = z.object({ url: z.string().optional(), repo_url: z.string().optional(), source: z.string().optional(), method: z.string().optional(), version: z.string().optional(), file: uploaded.optional() });
const installInput = (b: z.infer<typeof installFields>) => ({
  method: b.method ?? (b.file ? 'upload' : 'url'),
  repoUrl: b.url ?? b.repo_url ?? b.source,
  version: b.version,
  file: b.file ? { fileId: b.file.fileId, filename: b.file.filename, contentType: b.file.contentType, size: b.file.size } : undefined,
});

/** Settings as `{"settings": {...}}` or the values themselves. */
const settingsValues = (b: Record<string, unknown>) => (b.settings && typeof b.settings === 'object' && Object.keys(b).length === 1 ? (b.settings as Record<string, unknown>) : b);

/** Pages and panels answer as files: their own type, revalidated by ETag. */
const viewAnswer = {
  response: (d: PluginViewQuery) => Buffer.from(d.pluginView.contentBase64, 'base64'),
  effects: (d: PluginViewQuery, req: RestRequest) => ({
    status: req.headers['if-none-match'] === d.pluginView.etag ? 304 : 200,
    headers: {
      'Content-Type': d.pluginView.contentType,
      ETag: d.pluginView.etag,
      'Cache-Control': 'private, no-cache',
      'X-Content-Type-Options': 'nosniff',
      // Pages run their scripts, but in an opaque origin: a plugin's page can't act as the signed-in user.
      'Content-Security-Policy': 'sandbox allow-scripts allow-forms allow-popups',
    },
  }),
};

export const studioPluginRows = {
  list: built({
    operation: PluginsDocument,
    query: offsetParams(100, 100).extend({ search: z.string().optional(), category: z.string().optional() }),
    variables: ({ query: q }) => ({ search: q.search, category: q.category, offset: q.offset, limit: q.limit }),
    response: ({ plugins: p }) => ({ plugins: p.items.map(studioPluginBody), total: p.total, offset: p.offset, limit: p.limit }),
  }),
  install: built({
    operation: InstallPluginDocument,
    multipart: true,
    body: installFields,
    variables: (r) => ({ input: installInput(r.body) }),
    response: (d) => ({ message: `Plugin ${d.installPlugin.plugin.slug} installed`, plugin: studioPluginBody(d.installPlugin.plugin), modules_created: d.installPlugin.modulesCreated }),
    status: 201,
  }),
  enable: built({ operation: SetPluginEnabledDocument, params: idParams, variables: (r) => ({ id: r.params.id, enabled: true }), response: (d) => studioPluginBody(d.setPluginEnabled) }),
  disable: built({ operation: SetPluginEnabledDocument, params: idParams, variables: (r) => ({ id: r.params.id, enabled: false }), response: (d) => studioPluginBody(d.setPluginEnabled) }),
  update: built({
    operation: UpdatePluginDocument,
    params: idParams,
    multipart: true,
    body: installFields.optional(),
    variables: (r) => ({ id: r.params.id, input: r.body && (r.body.file || r.body.url || r.body.repo_url || r.body.source) ? installInput(r.body) : undefined }),
    response: (d) => ({ message: `Plugin ${d.updatePlugin.plugin.slug} updated to ${d.updatePlugin.plugin.version}`, previous_version: d.updatePlugin.previousVersion, plugin: studioPluginBody(d.updatePlugin.plugin) }),
  }),
  uninstall: built({
    operation: UninstallPluginDocument,
    params: idParams,
    variables: (r) => ({ id: r.params.id }),
    response: (d) => ({ message: `Plugin ${d.uninstallPlugin.slug} uninstalled`, id: d.uninstallPlugin.id }),
  }),
  backup: built({ operation: BackupPluginDocument, params: idParams, variables: (r) => ({ id: r.params.id }), response: (d) => backupBody(d.backupPlugin), status: 201 }),
  restore: built({
    operation: RestorePluginDocument,
    params: idParams,
    body: z.object({ backup_id: z.string().optional() }).optional(),
    variables: (r) => ({ id: r.params.id, backupId: r.body?.backup_id }),
    response: (d) => ({ message: 'Plugin data restored', backup: backupBody(d.restorePlugin) }),
  }),
  backups: built({ operation: PluginBackupsDocument, params: idParams, variables: (r) => ({ id: r.params.id }), response: (d) => ({ backups: d.pluginBackups.map(backupBody), total: d.pluginBackups.length }) }),
  settings: built({ operation: PluginSettingsDocument, params: idParams, variables: (r) => ({ id: r.params.id, scope: 'tenant' }), response: (d) => settingsBody(d.pluginSettings) }),
  putSettings: built({
    operation: UpdatePluginSettingsDocument,
    params: idParams,
    body: z.record(z.string(), z.unknown()),
    variables: (r) => ({ id: r.params.id, scope: 'tenant', values: settingsValues(r.body) }),
    response: (d) => settingsBody(d.updatePluginSettings),
  }),
  userSettings: built({ operation: PluginSettingsDocument, params: idParams, variables: (r) => ({ id: r.params.id, scope: 'user' }), response: (d) => settingsBody(d.pluginSettings) }),
  putUserSettings: built({
    operation: UpdatePluginSettingsDocument,
    params: idParams,
    body: z.record(z.string(), z.unknown()),
    variables: (r) => ({ id: r.params.id, scope: 'user', values: settingsValues(r.body) }),
    response: (d) => settingsBody(d.updatePluginSettings),
  }),
  page: built({ operation: PluginViewDocument, params: idParams, variables: (r) => ({ id: r.params.id, kind: 'page' }), ...viewAnswer }),
  subpage: built({
    operation: PluginViewDocument,
    params: idParams.extend({ subpath: z.string().min(1).max(500) }),
    variables: (r) => ({ id: r.params.id, kind: 'page', subpath: r.params.subpath }),
    ...viewAnswer,
  }),
  panel: built({
    operation: PluginViewDocument,
    params: idParams.extend({ panel_id: z.string().min(1).max(100) }),
    variables: (r) => ({ id: r.params.id, kind: 'panel', subpath: r.params.panel_id }),
    ...viewAnswer,
  }),
};
