import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { JSONResolver } from 'graphql-scalars';
import { PluginBackup } from './plugin-backup.entity.js';
import { PluginBackupService } from './plugin-backup.service.js';
import { PluginSettingsService } from './plugin-settings.service.js';
import type { PluginsContext } from './plugins.loaders.js';
import { PluginsService } from './plugins.service.js';
import { PluginAsset, PluginSettings } from './plugins.types.js';

/** Settings, backups, pages and panels of installed plugins (StudioBrain's Plugin Management). */
@Resolver()
export class PluginAdminResolver {
  @Query(() => PluginSettings, { description: '`tenant` (everyone reads, admins write) or `user` (the caller\'s overrides).' })
  pluginSettings(@Arg('id', () => String) id: string, @Arg('scope', () => String) scope: string, @Ctx() ctx: PluginsContext): Promise<PluginSettings> {
    return new PluginSettingsService(ctx).get(id, scope === 'user' ? 'user' : 'tenant');
  }

  @Mutation(() => PluginSettings, { description: 'Replaces the values of a scope; only declared fields.' })
  updatePluginSettings(
    @Arg('id', () => String) id: string,
    @Arg('scope', () => String) scope: string,
    @Arg('values', () => JSONResolver) values: Record<string, unknown>,
    @Ctx() ctx: PluginsContext,
  ): Promise<PluginSettings> {
    return new PluginSettingsService(ctx).put(id, scope === 'user' ? 'user' : 'tenant', values);
  }

  @Query(() => [PluginBackup], { description: 'Newest first.' })
  pluginBackups(@Arg('id', () => String) id: string, @Ctx() ctx: PluginsContext): Promise<PluginBackup[]> {
    return new PluginBackupService(ctx).list(id);
  }

  @Mutation(() => PluginBackup)
  backupPlugin(@Arg('id', () => String) id: string, @Ctx() ctx: PluginsContext): Promise<PluginBackup> {
    return new PluginBackupService(ctx).backup(id);
  }

  @Mutation(() => PluginBackup, { description: 'From the named backup, or the latest.' })
  restorePlugin(@Arg('id', () => String) id: string, @Arg('backupId', () => ID, { nullable: true }) backupId: string | null, @Ctx() ctx: PluginsContext): Promise<PluginBackup> {
    return new PluginBackupService(ctx).restore(id, backupId);
  }

  @Query(() => PluginAsset, { description: 'A page (`kind: page`) or panel (`kind: panel`) of an enabled plugin of the tenant.' })
  pluginView(
    @Arg('id', () => String) id: string,
    @Arg('kind', () => String) kind: string,
    @Arg('subpath', () => String, { nullable: true }) subpath: string | null,
    @Ctx() ctx: PluginsContext,
  ): Promise<PluginAsset> {
    return new PluginsService(ctx).view(id, kind === 'panel' ? 'panel' : 'page', subpath);
  }
}
