import { GraphQLError } from 'graphql';
import { ErrorCode, NO_PLUGIN_DEFINITION } from '../common/errors.js';
import type { SubgraphContext } from '../common/subgraph.types.js';
import { DropPluginSettingDefinitionDocument, SyncPluginSettingDefinitionDocument } from '../../schema/generated/internal-operations.js';
import type { PluginManifest } from './plugin-manifest.js';
import { Plugin } from './plugin.entity.js';

/** Every config field the plugin's modules declare, by name (a later module's declaration of a name wins). */
export function configFieldsOf(manifest: PluginManifest): Record<string, unknown> {
  return Object.assign({}, ...manifest.modules.map((mod) => mod.configFields ?? {}));
}

/**
 * Publishes a plugin's config fields as the workspace definition `plugin_<slug>_settings` (user scope; default the
 * fields' defaults; `validation.fields` the fields), through workspace's internal operation.
 *
 * It never throws unless `strict`: install, update and re-register call it once their rows are committed, and a
 * failure there must not undo or fail them. A definition that could not be written (workspace unreachable, or the id
 * taken by one an admin made by hand, see workspace's plugin-owned-settings.service.ts) is logged; the per-user
 * settings route syncs again, strictly, when it finds the definition missing.
 */
export async function syncSettingDefinitions(ctx: SubgraphContext, manifest: PluginManifest, { strict = false } = {}): Promise<void> {
  try {
    await ctx.deps.internal.request('workspace', SyncPluginSettingDefinitionDocument, {
      slug: manifest.slug,
      pluginName: manifest.name,
      description: manifest.description ?? null,
      fields: await declaredFields(ctx, manifest),
    });
  } catch (e) {
    if (strict) throw e;
    ctx.deps.logger.warn({ err: e, slug: manifest.slug }, 'plugin settings definition not synced');
  }
}

/**
 * Withdraws the definition (and users' values of it) once no tenant has the plugin installed any more; called after
 * an uninstall is committed, so like sync it logs rather than throws.
 */
export async function dropSettingDefinitions(ctx: SubgraphContext, slug: string): Promise<void> {
  try {
    if (await ctx.em.count(Plugin, { slug })) return;
    await ctx.deps.internal.request('workspace', DropPluginSettingDefinitionDocument, { slug });
  } catch (e) {
    ctx.deps.logger.warn({ err: e, slug }, 'plugin settings definition not dropped');
  }
}

/**
 * The fields of every installed version of the plugin (tenants update on their own, so they may run different ones),
 * this manifest's winning: a user's values must be storable whichever tenant's version they were set through.
 */
async function declaredFields(ctx: SubgraphContext, manifest: PluginManifest): Promise<Record<string, unknown>> {
  const installed = await ctx.em.fork().find(Plugin, { slug: manifest.slug }, { fields: ['id', 'manifest'] });
  return Object.assign({}, ...installed.map((p) => configFieldsOf(p.manifest as unknown as PluginManifest)), configFieldsOf(manifest));
}

/** Workspace's answer when the plugin's definition is missing, so the caller syncs it and asks again. */
export function isMissingDefinition(e: unknown): boolean {
  return e instanceof GraphQLError && e.extensions.code === ErrorCode.NotFound && e.extensions.reason === NO_PLUGIN_DEFINITION;
}
