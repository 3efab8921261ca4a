import { z } from 'zod';
import {
  AvailablePluginsDocument,
  InstallPluginDocument,
  PluginAssetDocument,
  PluginCategoriesDocument,
  PluginDocument,
  PluginModuleDocument,
  PluginModulesDocument,
  PluginsDocument,
  PluginTagsDocument,
  PluginUpdatesDocument,
  RefreshPluginCacheDocument,
  RegisterPluginDocument,
  RestartPluginServiceDocument,
  SetPluginEnabledDocument,
  SetPluginModuleEnabledDocument,
  UninstallPluginDocument,
  UpdatePluginDocument,
  type PluginFieldsFragment,
  type PluginInstallResultFieldsFragment,
  type PluginModuleFieldsFragment,
  type PluginServiceFieldsFragment,
  type PluginUpdatesQuery,
} from '../../schema/generated/operations.js';
import { listParam, pageParams } from '../validation.js';
import type { RestRequest } from '../route.types.js';
import { built } from './built.js';
import { uploadedFile as uploaded } from '../multipart.js';


/** BrainDrive's module shape: the real product's camelCase fields plus snake_case ids. */
export const moduleBody = (m: PluginModuleFieldsFragment) => ({
  id: m.id,
  module_id: m.moduleId,
  plugin_id: m.pluginId,
  pluginId: m.pluginId,
  name: m.name,
  display_name: m.displayName,
  displayName: m.displayName,
  description: m.description,
  category: m.category,
  tags: m.tags,
  props: m.props,
  config_fields: m.configFields,
  configFields: m.configFields,
  required_services: m.requiredServices,
  requiredServices: m.requiredServices,
  layout: m.layout,
  enabled: m.enabled,
});

/** A backend service's state in snake_case (null for plugins that declare none). */
export const serviceBody = (s: PluginServiceFieldsFragment | null | undefined) =>
  s && {
    status: s.status,
    pid: s.pid,
    host: s.host,
    port: s.port,
    started_at: s.startedAt,
    restarts: s.restarts,
    last_exit_code: s.lastExitCode,
    last_signal: s.lastSignal,
    last_error: s.lastError,
    updated_at: s.updatedAt,
  };

/** BrainDrive's plugin shape (reference + as-built: `bundlelocation`, `scope`, camelCase manager fields). */
export const pluginBody = (p: PluginFieldsFragment) => ({
  id: p.id,
  plugin_slug: p.slug,
  slug: p.slug,
  name: p.name,
  version: p.version,
  description: p.description,
  category: p.category,
  tags: p.tags,
  author: p.author,
  enabled: p.enabled,
  status: p.enabled ? 'activated' : 'disabled',
  type: 'frontend',
  scope: p.slug,
  bundlemethod: 'webpack',
  bundlelocation: p.bundleLocation,
  islocal: false,
  install_source: p.installSource,
  source_url: p.sourceUrl,
  installed_by: p.installedBy,
  permissions: (p.manifest as { permissions?: string[] }).permissions ?? [],
  manifest: p.manifest,
  created_at: p.createdAt,
  updated_at: p.updatedAt,
  lastUpdated: p.updatedAt,
  modules: p.modules.map(moduleBody),
  backend_service: serviceBody(p.service),
});

const installBody = (r: PluginInstallResultFieldsFragment, message: string) => ({
  status: 'success',
  message,
  data: {
    plugin_id: r.plugin.id,
    plugin_slug: r.plugin.slug,
    plugin_name: r.plugin.name,
    version: r.plugin.version,
    previous_version: r.previousVersion,
    modules_created: r.modulesCreated,
    install_source: r.plugin.installSource,
  },
  plugin: pluginBody(r.plugin),
});

const updateInfoBody = (u: PluginUpdatesQuery['pluginUpdates'][number]) => ({
  plugin_id: u.pluginId,
  plugin_slug: u.slug,
  name: u.name,
  current_version: u.currentVersion,
  latest_version: u.latestVersion,
  update_available: u.updateAvailable,
});

const idParams = z.object({ plugin_id: z.string().min(1).max(100) });
const slugParams = z.object({ plugin_slug: z.string().min(1).max(100) });

/** Install fields as BrainDrive's multipart form (and the JSON of install-from-url) names them. */
const installFields = z.object({
  method: z.string().optional(),
  repo_url: z.string().optional(),
  version: z.string().optional(),
  plugin_slug: z.string().optional(),
  plugin_id: z.string().optional(),
  slug: z.string().optional(),
  file: uploaded.optional(),
});
type InstallFields = z.infer<typeof installFields>;

const installInput = (b: InstallFields, method?: string) => ({
  method: method ?? b.method ?? (b.file ? 'upload' : b.repo_url ? 'url' : 'upload'),
  repoUrl: b.repo_url,
  version: b.version,
  slug: b.plugin_slug ?? b.slug ?? b.plugin_id,
  file: b.file ? { fileId: b.file.fileId, filename: b.file.filename, contentType: b.file.contentType, size: b.file.size } : undefined,
});

/** `?tags=a,b` or `?tags=a&tags=b`. */
const tagsOf = (v: string[] | undefined) => (v ?? []).flatMap((t) => t.split(',')).map((t) => t.trim()).filter(Boolean);

/** A long cache for a versioned bundle URL (`?v=`), revalidation by ETag otherwise. */
const assetEffects = (etag: string, req: RestRequest, contentType: string) => ({
  status: req.headers['if-none-match'] === etag ? 304 : 200,
  headers: {
    'Content-Type': contentType,
    ETag: etag,
    'Cache-Control': req.query.v ? 'public, max-age=31536000, immutable' : 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    // Any tenant admin can install a package; an HTML or SVG file opened on our origin must not act as it.
    ...(/html|svg/.test(contentType) ? { 'Content-Security-Policy': 'sandbox' } : {}),
  },
});

export const pluginsRows = {
  /** An object keyed by plugin slug (as-built). */
  manifest: built({
    operation: PluginsDocument,
    variables: () => ({ limit: 100 }),
    response: (d) => Object.fromEntries(d.plugins.items.map((p) => [p.slug, pluginBody(p)])),
  }),
  /** Enabled plugins with their enabled modules; entries carry `id`, `bundlelocation`, `version`, `database_id`. */
  designer: built({
    operation: PluginsDocument,
    variables: () => ({ enabled: true, limit: 100 }),
    response: (d) =>
      d.plugins.items.map((p) => ({
        ...pluginBody(p),
        id: p.slug,
        database_id: p.id,
        bundlelocation: p.bundleLocation,
        version: p.version,
        modules: p.modules.filter((m) => m.enabled).map(moduleBody),
      })),
  }),
  /** BrainDrive's module manager: modules (each with its plugin), paged by module. */
  manager: built({
    operation: PluginModulesDocument,
    query: pageParams(100, { sizeKey: 'pageSize', defaultSize: 16 }).extend({
      search: z.string().optional(),
      category: z.string().optional(),
      tags: listParam().optional(),
    }),
    variables: ({ query: q }) => ({
      search: q.search || undefined,
      category: q.category && q.category !== 'all' ? q.category : undefined,
      tags: tagsOf(q.tags).length ? tagsOf(q.tags) : undefined,
      offset: (q.page - 1) * q.pageSize,
      limit: q.pageSize,
    }),
    response: ({ pluginModules: p }) => ({
      modules: p.items.map((m) => ({ ...moduleBody(m), pluginId: m.plugin.id, plugin_slug: m.plugin.slug, plugin: pluginBody(m.plugin) })),
      totalItems: p.total,
    }),
  }),
  info: built({ operation: PluginDocument, params: idParams, variables: (r) => ({ id: r.params.plugin_id }), response: (d) => pluginBody(d.plugin) }),
  bySlug: built({ operation: PluginDocument, params: slugParams, variables: (r) => ({ id: r.params.plugin_slug }), response: (d) => pluginBody(d.plugin) }),
  status: built({
    operation: PluginDocument,
    params: slugParams,
    variables: (r) => ({ id: r.params.plugin_slug }),
    response: ({ plugin: p }) => ({ plugin_id: p.id, plugin_slug: p.slug, installed: true, enabled: p.enabled, status: p.enabled ? 'activated' : 'disabled', version: p.version, modules: p.modules.length, backend_service: serviceBody(p.service) }),
  }),
  register: built({
    operation: RegisterPluginDocument,
    params: slugParams,
    variables: (r) => ({ id: r.params.plugin_slug }),
    response: (d) => installBody(d.registerPlugin, `Plugin ${d.registerPlugin.plugin.slug} registered`),
  }),
  unregister: built({
    operation: UninstallPluginDocument,
    params: idParams,
    variables: (r) => ({ id: r.params.plugin_id }),
    response: ({ uninstallPlugin: p }) => ({ status: 'success', message: `Plugin ${p.slug} uninstalled`, data: { plugin_id: p.id, plugin_slug: p.slug } }),
  }),
  setStatus: built({
    operation: SetPluginEnabledDocument,
    params: idParams,
    body: z.object({ enabled: z.boolean() }),
    variables: (r) => ({ id: r.params.plugin_id, enabled: r.body.enabled }),
    response: (d) => pluginBody(d.setPluginEnabled),
  }),
  modules: built({ operation: PluginDocument, params: idParams, variables: (r) => ({ id: r.params.plugin_id }), response: (d) => d.plugin.modules.map(moduleBody) }),
  module: built({
    operation: PluginModuleDocument,
    params: idParams.extend({ module_id: z.string().min(1).max(100) }),
    variables: (r) => ({ pluginId: r.params.plugin_id, moduleId: r.params.module_id }),
    response: (d) => moduleBody(d.pluginModule),
  }),
  setModuleStatus: built({
    operation: SetPluginModuleEnabledDocument,
    params: idParams.extend({ module_id: z.string().min(1).max(100) }),
    body: z.object({ enabled: z.boolean() }),
    variables: (r) => ({ pluginId: r.params.plugin_id, moduleId: r.params.module_id, enabled: r.body.enabled }),
    response: (d) => moduleBody(d.setPluginModuleEnabled),
  }),
  /** Multipart (`method`, `repo_url`, `version`, `file`) or JSON; an unknown method is a 400 naming the supported ones. */
  install: built({
    operation: InstallPluginDocument,
    multipart: true,
    body: installFields,
    variables: (r) => ({ input: installInput(r.body) }),
    response: (d) => installBody(d.installPlugin, `Plugin ${d.installPlugin.plugin.slug} installed`),
  }),
  /** The web client's upload (as-built): multipart `file`, always method "upload". */
  upload: built({
    operation: InstallPluginDocument,
    multipart: true,
    body: installFields.extend({ file: uploaded }),
    variables: (r) => ({ input: installInput(r.body, 'upload') }),
    response: (d) => installBody(d.installPlugin, `Plugin ${d.installPlugin.plugin.slug} installed`),
  }),
  installFromUrl: built({
    operation: InstallPluginDocument,
    body: z.object({ repo_url: z.string(), version: z.string().optional() }),
    variables: (r) => ({ input: installInput(r.body, 'url') }),
    response: (d) => installBody(d.installPlugin, `Plugin ${d.installPlugin.plugin.slug} installed`),
  }),
  /** A slug names a marketplace entry. */
  installBySlug: built({
    operation: InstallPluginDocument,
    params: slugParams,
    body: z.object({ version: z.string().optional() }).optional(),
    variables: (r) => ({ input: { method: 'marketplace', slug: r.params.plugin_slug, version: r.body?.version } }),
    response: (d) => installBody(d.installPlugin, `Plugin ${d.installPlugin.plugin.slug} installed`),
  }),
  /** From the marketplace, or from a package given as for install. */
  update: built({
    operation: UpdatePluginDocument,
    params: slugParams,
    multipart: true,
    body: installFields.optional(),
    variables: (r) => ({ id: r.params.plugin_slug, input: r.body && (r.body.file || r.body.repo_url || r.body.method) ? installInput(r.body) : undefined }),
    response: (d) => installBody(d.updatePlugin, `Plugin ${d.updatePlugin.plugin.slug} updated to ${d.updatePlugin.plugin.version}`),
  }),
  uninstall: built({
    operation: UninstallPluginDocument,
    params: slugParams,
    variables: (r) => ({ id: r.params.plugin_slug }),
    response: ({ uninstallPlugin: p }) => ({ status: 'success', message: `Plugin ${p.slug} uninstalled`, data: { plugin_id: p.id, plugin_slug: p.slug } }),
  }),
  available: built({
    operation: AvailablePluginsDocument,
    response: (d) =>
      d.availablePlugins.map((a) => ({
        id: a.listing.id,
        plugin_slug: a.listing.slug,
        slug: a.listing.slug,
        name: a.listing.name,
        version: a.listing.version,
        description: a.listing.description,
        category: a.listing.category,
        tags: a.listing.tags,
        author: a.listing.author,
        package_url: a.listing.packageUrl,
        installed: a.installed,
        installed_version: a.installedVersion,
        installed_plugin_id: a.installedPluginId,
      })),
  }),
  updates: built({
    operation: PluginUpdatesDocument,
    response: (d) => {
      const available = d.pluginUpdates.filter((u) => u.updateAvailable).map(updateInfoBody);
      return { available_updates: available, total: available.length, checked: d.pluginUpdates.length };
    },
  }),
  updateAvailable: built({
    operation: PluginUpdatesDocument,
    params: slugParams,
    variables: (r) => ({ plugin: r.params.plugin_slug }),
    response: (d) => updateInfoBody(d.pluginUpdates[0]),
  }),
  categories: built({ operation: PluginCategoriesDocument, response: (d) => ({ categories: d.pluginCategories }) }),
  tags: built({ operation: PluginTagsDocument, response: (d) => ({ tags: d.pluginTags }) }),
  restartService: built({
    operation: RestartPluginServiceDocument,
    params: slugParams,
    variables: (r) => ({ id: r.params.plugin_slug }),
    response: ({ restartPluginService: r }) => ({ status: r.status, message: r.message, data: serviceBody(r.service) }),
  }),
  refreshCache: built({
    operation: RefreshPluginCacheDocument,
    response: (d) => ({ status: 'success', message: `Refreshed ${d.refreshPluginCache} plugins`, data: { refreshed: d.refreshPluginCache } }),
  }),
  /** Bundle files for `<script>` tags (as-built, public): raw bytes, the file's type, caching by version and ETag. */
  publicAsset: built({
    operation: PluginAssetDocument,
    params: z.object({ plugin_id: z.string().min(1).max(100), path: z.string().min(1).max(500) }),
    query: z.object({ v: z.string().optional() }),
    variables: (r) => ({ pluginId: r.params.plugin_id, path: r.params.path }),
    response: (d) => Buffer.from(d.pluginAsset.contentBase64, 'base64'),
    effects: (d, req) => assetEffects(d.pluginAsset.etag, req, d.pluginAsset.contentType),
  }),
};
