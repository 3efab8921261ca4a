import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { JSONResolver } from 'graphql-scalars';

@InputType({ description: 'A file already uploaded to the blob store (rest-compat stores uploads before the operation runs).' })
export class PluginUploadInput {
  @Field(() => String) fileId: string;
  @Field(() => String) filename: string;
  @Field(() => String, { nullable: true }) contentType?: string | null;
  @Field(() => Int) size: number;
}

@InputType({ description: 'Where a package comes from: `upload` (file), `url` (repoUrl: a package archive, or a git repository over HTTP(S)) or `marketplace` (slug).' })
export class InstallPluginInput {
  @Field(() => String) method: string;
  @Field(() => PluginUploadInput, { nullable: true }) file?: PluginUploadInput | null;
  @Field(() => String, { nullable: true }) repoUrl?: string | null;
  @Field(() => String, { nullable: true, description: 'Marketplace slug (method `marketplace`).' }) slug?: string | null;
  @Field(() => String, { nullable: true, description: 'Checked against the package\'s manifest when given.' }) version?: string | null;
}

@ArgsType()
export class PluginsArgs {
  @Field(() => String, { nullable: true }) search?: string | null;
  @Field(() => String, { nullable: true }) category?: string | null;
  @Field(() => [String], { nullable: true, description: 'Plugins carrying every one of these tags.' }) tags?: string[] | null;
  @Field(() => Boolean, { nullable: true }) enabled?: boolean | null;
  @Field(() => Int, { nullable: true, description: '@default 0' }) offset?: number | null;
  @Field(() => Int, { nullable: true, description: '@default 100, at most 100' }) limit?: number | null;
}

@InputType()
export class MarketplaceListingInput {
  @Field(() => String) slug: string;
  @Field(() => String) name: string;
  @Field(() => String) version: string;
  @Field(() => String) packageUrl: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true }) category?: string | null;
  @Field(() => [String], { nullable: true }) tags?: string[] | null;
  @Field(() => String, { nullable: true }) author?: string | null;
}

@InputType()
export class PluginDataInput {
  @Field(() => JSONResolver) data: Record<string, unknown>;
}
