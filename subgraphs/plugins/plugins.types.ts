import { Field, ID, Int, ObjectType } from 'type-graphql';
import { JSONResolver } from 'graphql-scalars';
import { Paginated } from '../common/paginated.js';
import { Plugin } from './plugin.entity.js';
import { PluginModule } from './plugin-module.entity.js';
import { PluginService } from './plugin-service.entity.js';
import { PluginDataRecord } from './plugin-data-record.entity.js';
import { MarketplaceListing } from './marketplace-listing.entity.js';

@ObjectType()
export class PluginPage extends Paginated(Plugin) {}

@ObjectType()
export class PluginModulePage extends Paginated(PluginModule) {}

@ObjectType()
export class PluginDataRecordPage extends Paginated(PluginDataRecord) {}

@ObjectType()
export class MarketplaceListingPage extends Paginated(MarketplaceListing) {}

@ObjectType({ description: 'What an install or update did.' })
export class PluginInstallResult {
  @Field(() => Plugin) plugin: Plugin;
  @Field(() => [String], { description: 'Manifest ids of the modules registered.' }) modulesCreated: string[];
  @Field(() => String, { nullable: true, description: 'The version replaced (updates only).' }) previousVersion: string | null;
}

@ObjectType({ description: 'An installed plugin against the marketplace catalogue.' })
export class PluginUpdateInfo {
  @Field(() => ID) pluginId: string;
  @Field(() => String) slug: string;
  @Field(() => String) name: string;
  @Field(() => String) currentVersion: string;
  @Field(() => String, { nullable: true, description: 'null when the plugin is not in the catalogue.' }) latestVersion: string | null;
  @Field(() => Boolean) updateAvailable: boolean;
}

@ObjectType({ description: 'A catalogue entry, with whether the caller\'s tenant has it installed.' })
export class AvailablePlugin {
  @Field(() => MarketplaceListing) listing: MarketplaceListing;
  @Field(() => Boolean) installed: boolean;
  @Field(() => String, { nullable: true }) installedVersion: string | null;
  @Field(() => ID, { nullable: true }) installedPluginId: string | null;
}

@ObjectType({ description: 'A file of an installed plugin (bundle, page, panel); bytes as base64, since bundles are small.' })
export class PluginAsset {
  @Field(() => String) path: string;
  @Field(() => String) contentType: string;
  @Field(() => Int) size: number;
  @Field(() => String, { description: 'Changes when the installed version changes.' }) etag: string;
  @Field(() => String) contentBase64: string;
}

@ObjectType()
export class PluginActionResult {
  @Field(() => String) status: string;
  @Field(() => String) message: string;
  @Field(() => PluginService, { nullable: true, description: 'The backend service, for actions on it.' }) service?: PluginService | null;
}

export { Plugin, PluginModule, PluginService };

@ObjectType({ description: "A plugin's settings in one scope: stored values, what applies (defaults and tenant values under the user's), and the declared fields." })
export class PluginSettings {
  @Field(() => ID) pluginId: string;
  @Field(() => String, { description: 'tenant or user' }) scope: string;
  @Field(() => JSONResolver) values: Record<string, unknown>;
  @Field(() => JSONResolver) effective: Record<string, unknown>;
  @Field(() => JSONResolver, { description: "The modules' configFields, by name." }) fields: Record<string, unknown>;
}
