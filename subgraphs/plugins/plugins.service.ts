import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, rmdir, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { requireAuth } from '../common/context.js';
import type { AuthContext } from '../common/auth-context.js';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError, UpstreamUnavailableError } from '../common/errors.js';
import { normalizeUuid } from '../common/ids.js';
import { AddressPolicy } from '../common/net/address-policy.js';
import { safeFetch } from '../common/net/safe-fetch.js';
import type { SubgraphContext } from '../common/subgraph.types.js';
import { MarketplaceListing } from './marketplace-listing.entity.js';
import { requirePluginAdmin } from './plugins.access.js';
import type { InstallPluginInput, PluginsArgs } from './plugins.inputs.js';
import { Plugin, type InstallSource } from './plugin.entity.js';
import { parseManifest, type PluginManifest } from './plugin-manifest.js';
import { PluginModule } from './plugin-module.entity.js';
import { PluginDataRecord } from './plugin-data-record.entity.js';
import { installedDir, pluginsRoot, stagePackage, unsafeEntryName } from './plugin-package.js';
import { gitPackage, isGitRepository } from './git-package.js';
import { dropSettingDefinitions, syncSettingDefinitions } from './plugin-setting-definitions.js';
import { declares, ServiceControl } from './service-control.js';
import type { AvailablePlugin, PluginActionResult, PluginAsset, PluginInstallResult, PluginModulePage, PluginPage, PluginUpdateInfo } from './plugins.types.js';

export const INSTALL_METHODS = ['upload', 'url', 'marketplace'] as const;
const MAX_PAGE = 100;
/** Bundle files are served through GraphQL as base64: cap what one answer may carry. */
const MAX_ASSET_BYTES = 10 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.html': 'text/html; charset=utf-8', '.htm': 'text/html; charset=utf-8',
  '.json': 'application/json', '.map': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp', '.ico': 'image/x-icon',
  '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.txt': 'text/plain; charset=utf-8', '.md': 'text/markdown; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Where a package's bytes come from, once the method is resolved. */
interface PackageSource {
  bytes: Buffer;
  source: InstallSource;
  url: string | null;
}

/** Numeric semver comparison (pre-release tags ignored): > 0 when a is newer. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[-+]/)[0].split('.').map(Number);
  const pb = b.split(/[-+]/)[0].split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/**
 * Plugin lifecycle for the caller's tenant. Install and update are all or nothing: the package is unpacked and
 * checked in staging, renamed into `plugins/<tenant>/<slug>/<version>/`, then rows are written in one
 * transaction; a failure at any step removes what the earlier steps made.
 */
export class PluginsService {
  constructor(private readonly ctx: SubgraphContext) {}

  private get services(): ServiceControl {
    return new ServiceControl(this.ctx);
  }

  private get dataDir(): string {
    return this.ctx.deps.env.dataDir;
  }

  async list(args: PluginsArgs): Promise<PluginPage> {
    const auth = requireAuth(this.ctx);
    const limit = Math.min(Math.max(args.limit ?? MAX_PAGE, 1), MAX_PAGE);
    const offset = Math.max(args.offset ?? 0, 0);
    const where: Record<string, unknown> = { tenantId: auth.tenantId };
    if (args.category) where.category = args.category;
    if (args.enabled !== undefined && args.enabled !== null) where.enabled = args.enabled;
    if (args.search) {
      const like = `%${args.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.$or = [{ name: { $ilike: like } }, { slug: { $ilike: like } }, { description: { $ilike: like } }];
    }
    if (args.tags?.length) where.tags = { $contains: args.tags };
    const [items, total] = await this.ctx.em.findAndCount(Plugin, where, { orderBy: { name: 'asc', id: 'asc' }, limit, offset });
    return { items, total, offset, limit };
  }

  /**
   * The tenant's modules across its plugins (BrainDrive's module manager): search matches a module's or its
   * plugin's name and description; category and tags match the module's own, or its plugin's when it has none.
   */
  async modulesPage(args: PluginsArgs): Promise<PluginModulePage> {
    const auth = requireAuth(this.ctx);
    const limit = Math.min(Math.max(args.limit ?? MAX_PAGE, 1), MAX_PAGE);
    const offset = Math.max(args.offset ?? 0, 0);
    const plugins = await this.ctx.em.find(Plugin, { tenantId: auth.tenantId }, { fields: ['id', 'name', 'description', 'category', 'tags'] });
    const where: Record<string, unknown>[] = [{ pluginId: { $in: plugins.map((p) => p.id) } }];
    if (args.search) {
      const like = `%${args.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const pluginHits = plugins.filter((p) => `${p.name} ${p.description ?? ''}`.toLowerCase().includes(args.search!.toLowerCase())).map((p) => p.id);
      where.push({ $or: [{ name: { $ilike: like } }, { displayName: { $ilike: like } }, { description: { $ilike: like } }, { pluginId: { $in: pluginHits } }] });
    }
    if (args.category) {
      const inherit = plugins.filter((p) => p.category === args.category).map((p) => p.id);
      where.push({ $or: [{ category: args.category }, { category: null, pluginId: { $in: inherit } }] });
    }
    if (args.tags?.length) {
      const inherit = plugins.filter((p) => args.tags!.every((t) => p.tags.includes(t))).map((p) => p.id);
      where.push({ $or: [{ tags: { $contains: args.tags } }, { pluginId: { $in: inherit } }] });
    }
    const [items, total] = await this.ctx.em.findAndCount(PluginModule, { $and: where }, { orderBy: { name: 'asc', id: 'asc' }, limit, offset });
    return { items, total, offset, limit };
  }

  /** A plugin of the caller's tenant by id (with or without dashes) or slug; another tenant's is "not found". */
  async find(idOrSlug: string): Promise<Plugin> {
    const auth = requireAuth(this.ctx);
    const id = normalizeUuid(idOrSlug);
    const plugin = await this.ctx.em.findOne(Plugin, id ? { id, tenantId: auth.tenantId } : { slug: idOrSlug, tenantId: auth.tenantId });
    if (!plugin) throw new NotFoundError('Plugin not found');
    return plugin;
  }

  modules(plugin: Plugin): Promise<PluginModule[]> {
    return this.ctx.em.find(PluginModule, { pluginId: plugin.id }, { orderBy: { moduleId: 'asc' } });
  }

  async module(idOrSlug: string, moduleId: string): Promise<PluginModule> {
    const plugin = await this.find(idOrSlug);
    const id = normalizeUuid(moduleId);
    const mod = await this.ctx.em.findOne(PluginModule, id ? { pluginId: plugin.id, $or: [{ id }, { moduleId }] } : { pluginId: plugin.id, moduleId });
    if (!mod) throw new NotFoundError('Module not found');
    return mod;
  }

  async setEnabled(idOrSlug: string, enabled: boolean): Promise<Plugin> {
    requirePluginAdmin(this.ctx);
    const plugin = await this.find(idOrSlug);
    plugin.enabled = enabled;
    await this.ctx.em.flush();
    await this.services.settle(plugin);
    return plugin;
  }

  async setModuleEnabled(idOrSlug: string, moduleId: string, enabled: boolean): Promise<PluginModule> {
    requirePluginAdmin(this.ctx);
    const mod = await this.module(idOrSlug, moduleId);
    mod.enabled = enabled;
    await this.ctx.em.flush();
    return mod;
  }

  async categories(): Promise<string[]> {
    const auth = requireAuth(this.ctx);
    const rows = await this.ctx.em.getConnection().execute<{ category: string }[]>(
      'select distinct category from plugins.plugins where tenant_id = ? and category is not null order by category', [auth.tenantId]);
    return rows.map((r) => r.category);
  }

  async tags(): Promise<string[]> {
    const auth = requireAuth(this.ctx);
    const rows = await this.ctx.em.getConnection().execute<{ tag: string }[]>(
      'select distinct jsonb_array_elements_text(tags) as tag from plugins.plugins where tenant_id = ? order by tag', [auth.tenantId]);
    return rows.map((r) => r.tag);
  }

  async install(input: InstallPluginInput): Promise<PluginInstallResult> {
    const auth = requirePluginAdmin(this.ctx);
    const pkg = await this.fetchPackage(input);
    const staged = await stagePackage(this.dataDir, pkg.bytes);
    try {
      const m = staged.manifest;
      this.checkInstallable(m, input.version, auth);
      if (await this.ctx.em.count(Plugin, { tenantId: auth.tenantId, slug: m.slug })) {
        throw new ConflictError(`Plugin ${m.slug} is already installed; update it instead`);
      }
      const target = installedDir(this.dataDir, auth.tenantId, m.slug, m.version);
      await this.moveIntoPlace(staged.root, target);
      try {
        const plugin = await this.ctx.em.transactional(async (em) => {
          const p = em.create(Plugin, { tenantId: auth.tenantId, ...pluginFields(m), installSource: pkg.source, sourceUrl: pkg.url, installedBy: auth.userId });
          // Modules refer to the plugin by a plain id column, so MikroORM can't order the inserts: plugin first.
          await em.flush();
          for (const mod of m.modules) em.create(PluginModule, { pluginId: p.id, ...moduleFields(mod) });
          await this.services.declare(em, p, m);
          return p;
        });
        await this.services.settle(plugin);
        await syncSettingDefinitions(this.ctx, m);
        return { plugin, modulesCreated: m.modules.map((x) => x.id), previousVersion: null };
      } catch (e) {
        await removeUp(target, 2);
        throw uniqueToConflict(e, m.slug);
      }
    } finally {
      await staged.cleanup();
    }
  }

  /**
   * Replaces an installed plugin's files and rows with a newer package (from the given source, or its marketplace
   * listing). The old version's folder stays until the new rows are committed, so a failure leaves it as it was.
   */
  async update(idOrSlug: string, input: InstallPluginInput | null): Promise<PluginInstallResult> {
    const auth = requirePluginAdmin(this.ctx);
    const plugin = await this.find(idOrSlug);
    const pkg = await this.fetchPackage(input ? { ...input, slug: input.slug ?? plugin.slug } : { method: 'marketplace', slug: plugin.slug });
    const staged = await stagePackage(this.dataDir, pkg.bytes);
    try {
      const m = staged.manifest;
      this.checkInstallable(m, input?.version, auth);
      if (m.slug !== plugin.slug) throw new BadUserInputError(`The package is plugin ${m.slug}, not ${plugin.slug}`, 'file');
      if (m.version === plugin.version) throw new ConflictError(`Plugin ${plugin.slug} is already at version ${m.version}`);
      const previous = plugin.version;
      const target = installedDir(this.dataDir, auth.tenantId, m.slug, m.version);
      await this.moveIntoPlace(staged.root, target);
      let updated: Plugin;
      try {
        updated = await this.ctx.em.transactional(async (em) => {
          const p = await em.findOneOrFail(Plugin, { id: plugin.id });
          Object.assign(p, pluginFields(m), { installSource: pkg.source, sourceUrl: pkg.url });
          await this.services.declare(em, p, m);
          const existing = new Map((await em.find(PluginModule, { pluginId: p.id })).map((x) => [x.moduleId, x]));
          for (const mod of m.modules) {
            const row = existing.get(mod.id);
            // A module the admin switched off stays off across updates.
            if (row) Object.assign(row, moduleFields(mod), { enabled: row.enabled });
            else em.create(PluginModule, { pluginId: p.id, ...moduleFields(mod) });
            existing.delete(mod.id);
          }
          for (const gone of existing.values()) em.remove(gone);
          return p;
        });
      } catch (e) {
        await rm(target, { recursive: true, force: true });
        throw e;
      }
      // The old version's service runs from the old folder: it is replaced (or stopped) before that goes.
      await this.services.settle(updated);
      await rm(installedDir(this.dataDir, auth.tenantId, plugin.slug, previous), { recursive: true, force: true });
      await syncSettingDefinitions(this.ctx, m);
      this.ctx.em.clear();
      return { plugin: await this.find(plugin.id), modulesCreated: m.modules.map((x) => x.id), previousVersion: previous };
    } finally {
      await staged.cleanup();
    }
  }

  /** Removes the plugin's rows (modules, settings and backups cascade) and data records, then its files. */
  async uninstall(idOrSlug: string): Promise<Plugin> {
    const auth = requirePluginAdmin(this.ctx);
    const plugin = await this.find(idOrSlug);
    const snapshot = Object.assign(new Plugin(), plugin);
    if (declares(plugin) && plugin.enabled) {
      // Its service is stopped before its rows and the files it runs from are removed.
      plugin.enabled = false;
      await this.ctx.em.flush();
      await this.services.settle(plugin);
    }
    await this.ctx.em.transactional(async (em) => {
      await em.nativeDelete(PluginDataRecord, { tenantId: auth.tenantId, pluginKey: plugin.slug });
      await em.nativeDelete(Plugin, { id: plugin.id });
    });
    await removeUp(installedDir(this.dataDir, auth.tenantId, plugin.slug), 1);
    await dropSettingDefinitions(this.ctx, plugin.slug);
    return snapshot;
  }

  /** Re-reads an installed plugin's plugin.json and re-syncs its rows (BrainDrive's register callback). */
  async register(idOrSlug: string): Promise<PluginInstallResult> {
    requirePluginAdmin(this.ctx);
    const plugin = await this.find(idOrSlug);
    const m = parseManifest(await readFile(join(installedDir(this.dataDir, plugin.tenantId, plugin.slug, plugin.version), 'plugin.json')));
    await this.ctx.em.transactional(async (em) => {
      const p = await em.findOneOrFail(Plugin, { id: plugin.id });
      Object.assign(p, pluginFields(m));
      const existing = new Map((await em.find(PluginModule, { pluginId: p.id })).map((x) => [x.moduleId, x]));
      for (const mod of m.modules) {
        const row = existing.get(mod.id);
        if (row) Object.assign(row, moduleFields(mod), { enabled: row.enabled });
        else em.create(PluginModule, { pluginId: p.id, ...moduleFields(mod) });
      }
    });
    await syncSettingDefinitions(this.ctx, m);
    this.ctx.em.clear();
    return { plugin: await this.find(plugin.id), modulesCreated: m.modules.map((x) => x.id), previousVersion: null };
  }

  /** Every installed plugin of the tenant re-read from disk; answers how many. */
  async refreshCache(): Promise<number> {
    const auth = requirePluginAdmin(this.ctx);
    const plugins = await this.ctx.em.find(Plugin, { tenantId: auth.tenantId });
    for (const p of plugins) await this.register(p.id);
    return plugins.length;
  }

  /** Stops the plugin's backend service and starts a fresh process; answers once it runs (502 if it can't start). */
  async restartService(idOrSlug: string): Promise<PluginActionResult> {
    requirePluginAdmin(this.ctx);
    const plugin = await this.find(idOrSlug);
    if (!declares(plugin)) throw new BadUserInputError(`Plugin ${plugin.slug} declares no backend service`, 'plugin_slug');
    const service = await this.services.restart(plugin);
    return { status: 'success', message: `Service of plugin ${plugin.slug} restarted`, service };
  }

  async available(): Promise<AvailablePlugin[]> {
    const auth = requireAuth(this.ctx);
    const listings = await this.ctx.em.find(MarketplaceListing, {}, { orderBy: { name: 'asc' } });
    const installed = new Map((await this.ctx.em.find(Plugin, { tenantId: auth.tenantId, slug: { $in: listings.map((l) => l.slug) } })).map((p) => [p.slug, p]));
    return listings.map((listing) => {
      const p = installed.get(listing.slug);
      return { listing, installed: !!p, installedVersion: p?.version ?? null, installedPluginId: p?.id ?? null };
    });
  }

  async updates(idOrSlug?: string | null): Promise<PluginUpdateInfo[]> {
    const auth = requireAuth(this.ctx);
    const plugins = idOrSlug ? [await this.find(idOrSlug)] : await this.ctx.em.find(Plugin, { tenantId: auth.tenantId }, { orderBy: { slug: 'asc' } });
    const listings = new Map((await this.ctx.em.find(MarketplaceListing, { slug: { $in: plugins.map((p) => p.slug) } })).map((l) => [l.slug, l]));
    return plugins.map((p) => {
      const latest = listings.get(p.slug)?.version ?? null;
      return { pluginId: p.id, slug: p.slug, name: p.name, currentVersion: p.version, latestVersion: latest, updateAvailable: !!latest && compareVersions(latest, p.version) > 0 };
    });
  }

  /**
   * A file of an installed plugin, for `<script>` tags (public: the client loads bundles without credentials; a
   * plugin id is an unguessable UUID). The path may not leave the plugin's version folder.
   */
  async asset(pluginId: string, path: string): Promise<PluginAsset> {
    const id = normalizeUuid(pluginId);
    const plugin = id ? await this.ctx.em.findOne(Plugin, { id }) : null;
    if (!plugin || !plugin.enabled) throw new NotFoundError('Plugin not found');
    return this.fileOf(plugin, path);
  }

  /**
   * A page or panel of one of the tenant's plugins (StudioBrain serves them to signed-in users): `page` without
   * `subpath` is the first page; a `subpath` naming a page id is that page, otherwise a file of the plugin.
   */
  async view(idOrSlug: string, kind: 'page' | 'panel', subpath?: string | null): Promise<PluginAsset> {
    const plugin = await this.find(idOrSlug);
    if (!plugin.enabled) throw new NotFoundError('Plugin not found');
    const m = plugin.manifest as unknown as PluginManifest;
    const views = (kind === 'page' ? m.pages : m.panels) ?? [];
    const named = subpath ? views.find((v) => v.id === subpath) : kind === 'page' ? views[0] : undefined;
    if (named) return this.fileOf(plugin, named.entry);
    if (kind === 'page' && subpath) return this.fileOf(plugin, subpath);
    throw new NotFoundError(kind === 'page' ? 'Page not found' : 'Panel not found');
  }

  /** A file inside the plugin's installed version folder; any path that would leave it is "not found". */
  private async fileOf(plugin: Plugin, path: string): Promise<PluginAsset> {
    const clean = path.replace(/^\/+/, '');
    if (!clean || unsafeEntryName(clean) || clean.split('/').some((s) => s === '' || s === '.')) throw new NotFoundError('File not found');
    const root = installedDir(this.dataDir, plugin.tenantId, plugin.slug, plugin.version);
    const file = resolve(root, clean);
    if (!file.startsWith(root + sep)) throw new NotFoundError('File not found');
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) throw new NotFoundError('File not found');
    if (info.size > MAX_ASSET_BYTES) throw new BadUserInputError(`File is larger than ${MAX_ASSET_BYTES} bytes`, 'path');
    const bytes = await readFile(file);
    const etag = `"${createHash('sha256').update(`${plugin.id}:${plugin.version}:${clean}`).update(bytes).digest('hex').slice(0, 32)}"`;
    return { path: clean, contentType: CONTENT_TYPES[extname(clean).toLowerCase()] ?? 'application/octet-stream', size: bytes.length, etag, contentBase64: bytes.toString('base64') };
  }

  private checkInstallable(m: PluginManifest, version: string | null | undefined, auth: AuthContext): void {
    // A backend service is a program run on the server: only a platform administrator may bring one in.
    if (m.backendService && !auth.isAdmin) throw new ForbiddenError(`Plugin ${m.slug} declares a backend service; only a platform administrator may install it`);
    const wanted = version?.replace(/^v/, '');
    if (wanted && wanted !== 'latest' && wanted !== m.version) throw new BadUserInputError(`Asked for version ${wanted}, but the package is version ${m.version}`, 'version');
  }

  /** The staged package's folder renamed to its installed place (same filesystem: an atomic rename). */
  private async moveIntoPlace(from: string, target: string): Promise<void> {
    await mkdir(dirname(target), { recursive: true });
    try {
      await rename(from, target);
    } catch (e) {
      await pruneEmpty(dirname(target), 2);
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOTEMPTY' || code === 'EEXIST') throw new ConflictError('This plugin version is being installed by another request');
      throw e;
    }
  }

  private async fetchPackage(input: InstallPluginInput): Promise<PackageSource> {
    const method = input.method?.toLowerCase();
    const env = this.ctx.deps.env;
    if (method === 'upload') {
      if (!input.file) throw new BadUserInputError('Send the plugin package as a `file` with method "upload"', 'file');
      return { bytes: await this.ctx.deps.blobs.read(input.file.fileId), source: 'upload', url: null };
    }
    if (method === 'url') {
      if (!input.repoUrl) throw new BadUserInputError('Send `repo_url`, the URL of a plugin package archive or git repository, with method "url"', 'repo_url');
      const staging = join(pluginsRoot(this.dataDir), '.staging');
      return { bytes: await repoPackage(input.repoUrl, input.version, env.ssrfAllowlist, env.maxUploadBytes, staging), source: 'url', url: input.repoUrl };
    }
    if (method === 'marketplace') {
      if (!input.slug) throw new BadUserInputError('Send `plugin_slug` (the marketplace entry) with method "marketplace"', 'plugin_slug');
      const listing = await this.ctx.em.findOne(MarketplaceListing, normalizeUuid(input.slug) ? { id: normalizeUuid(input.slug)! } : { slug: input.slug });
      if (!listing) throw new NotFoundError(`Plugin ${input.slug} is not in the marketplace`);
      const url = listingUrl(listing.packageUrl, env.pluginMarketplaceUrl);
      return { bytes: await download(url, env.ssrfAllowlist, env.maxUploadBytes), source: 'marketplace', url };
    }
    throw new BadUserInputError(`Unsupported install method: ${input.method}; supported: ${INSTALL_METHODS.join(', ')}`, 'method');
  }
}

/**
 * The package a `repo_url` names: a git repository over smart HTTP (GitHub's included) is cloned at tag `version`
 * (else its default branch) and packed; an archive URL, or anything that doesn't answer as git, is downloaded.
 * Both go through the SSRF guard under the same size cap; `tempDir` holds the clone while it is packed.
 */
async function repoPackage(repoUrl: string, version: string | null | undefined, allowlist: readonly string[], maxBytes: number, tempDir: string): Promise<Buffer> {
  const git = { policy: new AddressPolicy(allowlist), maxBytes };
  if (await isGitRepository(repoUrl, git)) return gitPackage(repoUrl, { ...git, version, tempDir });
  return download(repoUrl, allowlist, maxBytes);
}

/** A listing's package URL: absolute, or relative to PLUGIN_MARKETPLACE_URL (how the shipped seed names packages). */
export function listingUrl(packageUrl: string, base: string | undefined): string {
  if (/^https?:\/\//i.test(packageUrl)) return packageUrl;
  if (!base) throw new UpstreamUnavailableError('Plugin marketplace host is not configured (PLUGIN_MARKETPLACE_URL)', 'not_configured');
  return new URL(packageUrl, base.endsWith('/') ? base : `${base}/`).toString();
}

async function download(url: string, allowlist: readonly string[], maxBytes: number): Promise<Buffer> {
  const res = await safeFetch(url, { policy: new AddressPolicy(allowlist), maxBytes, timeoutMs: 60_000 });
  if (res.status !== 200) throw new UpstreamUnavailableError(`Fetching the plugin package from ${new URL(url).host} answered ${res.status}`);
  return res.body;
}

function pluginFields(m: PluginManifest) {
  return {
    slug: m.slug, name: m.name, version: m.version, description: m.description ?? null, category: m.category ?? null,
    tags: m.tags ?? [], author: m.author ?? null, manifest: m as unknown as Record<string, unknown>,
  };
}

function moduleFields(mod: PluginManifest['modules'][number]) {
  return {
    moduleId: mod.id, name: mod.name, displayName: mod.displayName ?? null, description: mod.description ?? null, category: mod.category ?? null,
    tags: mod.tags ?? [], props: mod.props ?? {}, configFields: mod.configFields ?? {}, requiredServices: mod.requiredServices ?? {}, layout: mod.layout ?? null,
  };
}

/** Removes `dir` and up to `levels - 1` of its parents, only while they are empty. */
async function pruneEmpty(dir: string, levels: number): Promise<void> {
  for (let i = 0, d = dir; i < levels; i++, d = dirname(d)) {
    try {
      await rmdir(d);
    } catch {
      return;
    }
  }
}

/** Removes `dir`, then up to `parents` parent folders that were left empty (`<tenant>/<slug>`). */
async function removeUp(dir: string, parents: number): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await pruneEmpty(dirname(dir), parents);
}

function uniqueToConflict(e: unknown, slug: string): unknown {
  return (e as { code?: string }).code === '23505' || (e as Error).name === 'UniqueConstraintViolationException'
    ? new ConflictError(`Plugin ${slug} is already installed; update it instead`)
    : e;
}

