import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { JSONResolver } from 'graphql-scalars';
import type { PluginsContext } from './plugins.loaders.js';
import { PluginDataRecord } from './plugin-data-record.entity.js';
import { PluginDataService } from './plugin-data.service.js';
import { PluginDataRecordPage } from './plugins.types.js';

@Resolver(() => PluginDataRecord)
export class PluginDataResolver {
  @Query(() => PluginDataRecordPage, { description: "A plugin's records of one type in the caller's tenant, oldest first." })
  pluginDataRecords(
    @Arg('pluginId', () => String) pluginId: string,
    @Arg('recordType', () => String) recordType: string,
    @Arg('offset', () => Int, { nullable: true }) offset: number | null,
    @Arg('limit', () => Int, { nullable: true }) limit: number | null,
    @Ctx() ctx: PluginsContext,
  ): Promise<PluginDataRecordPage> {
    return new PluginDataService(ctx).list(pluginId, recordType, offset ?? 0, limit ?? 50);
  }

  @Query(() => PluginDataRecord)
  pluginDataRecord(@Arg('pluginId', () => String) pluginId: string, @Arg('recordType', () => String) recordType: string, @Arg('id', () => ID) id: string, @Ctx() ctx: PluginsContext): Promise<PluginDataRecord> {
    return new PluginDataService(ctx).get(pluginId, recordType, id);
  }

  @Mutation(() => PluginDataRecord)
  createPluginDataRecord(
    @Arg('pluginId', () => String) pluginId: string,
    @Arg('recordType', () => String) recordType: string,
    @Arg('data', () => JSONResolver) data: Record<string, unknown>,
    @Ctx() ctx: PluginsContext,
  ): Promise<PluginDataRecord> {
    return new PluginDataService(ctx).create(pluginId, recordType, data);
  }

  @Mutation(() => PluginDataRecord, { description: 'Replaces the record\'s data.' })
  updatePluginDataRecord(
    @Arg('pluginId', () => String) pluginId: string,
    @Arg('recordType', () => String) recordType: string,
    @Arg('id', () => ID) id: string,
    @Arg('data', () => JSONResolver) data: Record<string, unknown>,
    @Ctx() ctx: PluginsContext,
  ): Promise<PluginDataRecord> {
    return new PluginDataService(ctx).update(pluginId, recordType, id, data);
  }

  @Mutation(() => PluginDataRecord)
  deletePluginDataRecord(@Arg('pluginId', () => String) pluginId: string, @Arg('recordType', () => String) recordType: string, @Arg('id', () => ID) id: string, @Ctx() ctx: PluginsContext): Promise<PluginDataRecord> {
    return new PluginDataService(ctx).delete(pluginId, recordType, id);
  }
}
