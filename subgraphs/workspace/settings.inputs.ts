import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { JSONResolver } from 'graphql-scalars';

@InputType({ description: 'A setting definition as created or replaced whole.' })
export class SettingDefinitionInput {
  @Field(() => String, { nullable: true, description: 'Required to create; when replacing, must match the id replaced.' })
  id?: string | null;

  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String)
  category: string;

  @Field(() => String, { description: 'string, number, boolean, object or array' })
  type: string;

  @Field(() => JSONResolver, { nullable: true })
  defaultValue?: unknown;

  @Field(() => [String], { description: 'system, user, page, user_page' })
  allowedScopes: string[];

  @Field(() => Boolean, { nullable: true })
  isMultiple?: boolean | null;

  @Field(() => JSONResolver, { nullable: true, description: 'A JSON object, e.g. `{"min": 0, "max": 100}`.' })
  validation?: unknown;

  @Field(() => [String], { nullable: true })
  tags?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Its values hold provider API keys. @default true for ids ending in `_api_keys_settings`',
  })
  isSecret?: boolean | null;
}

@InputType({ description: 'The fields of a setting definition to change; absent fields keep their value.' })
export class SettingDefinitionPatch {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  category?: string | null;

  @Field(() => String, { nullable: true })
  type?: string | null;

  @Field(() => JSONResolver, { nullable: true })
  defaultValue?: unknown;

  @Field(() => [String], { nullable: true })
  allowedScopes?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  isMultiple?: boolean | null;

  @Field(() => JSONResolver, { nullable: true })
  validation?: unknown;

  @Field(() => [String], { nullable: true })
  tags?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  isSecret?: boolean | null;
}

@ArgsType()
export class SettingDefinitionsArgs {
  @Field(() => String, { nullable: true })
  category?: string | null;

  @Field(() => String, { nullable: true, description: 'Only definitions that allow this scope.' })
  scope?: string | null;

  @Field(() => Int, { nullable: true, description: '@default 0' })
  offset?: number | null;

  @Field(() => Int, { nullable: true, description: '1–1000. @default 100' })
  limit?: number | null;
}

@InputType({ description: 'A setting value to save; saving again at the same place updates it (upsert).' })
export class SettingInstanceInput {
  @Field(() => String, { description: 'A definition that does not exist yet is created.' })
  definitionId: string;

  @Field(() => String)
  name: string;

  @Field(() => JSONResolver, { nullable: true })
  value?: unknown;

  @Field(() => String, { description: 'system (admins only), user, page or user_page' })
  scope: string;

  @Field(() => ID, { nullable: true, description: 'The caller, or `current`; another user is refused. @default the caller' })
  userId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Required for page and user_page scopes.' })
  pageId?: string | null;
}

@InputType({ description: 'The fields of a setting instance to change.' })
export class SettingInstancePatch {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => JSONResolver, { nullable: true })
  value?: unknown;

  @Field(() => ID, { nullable: true, description: 'Only the caller (or `current`) is accepted.' })
  userId?: string | null;
}

@ArgsType()
export class SettingInstancesArgs {
  @Field(() => String, { nullable: true })
  definitionId?: string | null;

  @Field(() => String, { nullable: true, description: 'system, user, page or user_page' })
  scope?: string | null;

  @Field(() => ID, { nullable: true, description: 'The caller, or `current`; another user is refused.' })
  userId?: string | null;

  @Field(() => ID, { nullable: true })
  pageId?: string | null;

  @Field(() => Int, { nullable: true, description: '@default 0' })
  offset?: number | null;

  @Field(() => Int, { nullable: true, description: '1–1000. @default 100' })
  limit?: number | null;
}

@ArgsType()
export class UserSettingsArgs {
  @Field(() => String, { nullable: true })
  definitionId?: string | null;

  @Field(() => Int, { nullable: true, description: '@default 0' })
  offset?: number | null;

  @Field(() => Int, { nullable: true, description: '1–1000. @default 100' })
  limit?: number | null;
}

@ArgsType()
export class ProviderCredentialsArgs {
  @Field(() => ID)
  userId: string;

  @Field(() => String, { description: 'ollama, or a provider of /api/settings/keys (or an alias).' })
  provider: string;

  @Field(() => String, { nullable: true, description: "A definition id, or an instance id of the user's. @default the provider's" })
  settingsId?: string | null;

  @Field(() => String, { nullable: true, description: 'A server of the list. @default the first' })
  serverId?: string | null;
}

@ArgsType()
export class PluginSettingDefinitionArgs {
  @Field(() => String, { description: "The plugin's slug; the definition is `plugin_<slug>_settings`." })
  slug: string;

  @Field(() => String, { description: "The plugin's name; the definition is named `<name> settings`." })
  pluginName: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => JSONResolver, { description: "The modules' config fields, by name (each may carry a `default`)." })
  fields: unknown;
}

@ArgsType()
export class PluginUserSettingArgs {
  @Field(() => String)
  slug: string;

  @Field(() => ID)
  userId: string;
}
