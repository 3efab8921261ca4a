import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateTimeISOResolver, JSONResolver } from 'graphql-scalars';
import { Paginated } from '../common/paginated.js';
import { SettingDefinition } from './setting-definition.entity.js';
import { SettingInstance } from './setting-instance.entity.js';

@ObjectType()
export class SettingDefinitionPage extends Paginated(SettingDefinition) {}

@ObjectType()
export class SettingInstancePage extends Paginated(SettingInstance) {}

@ObjectType({ description: "Whether the caller has an API key for a provider; the key itself only masked." })
export class ProviderKeyStatus {
  @Field(() => String)
  provider: string;

  @Field(() => [String], { description: 'Other names the provider answers to.' })
  aliases: string[];

  @Field(() => String, { description: 'The setting definition holding the key.' })
  definitionId: string;

  @Field(() => Boolean)
  hasKey: boolean;

  @Field(() => String, { nullable: true, description: 'e.g. `sk-abcd...wxyz`' })
  maskedKey: string | null;

  @Field(() => ID, { nullable: true, description: 'The setting instance holding the key.' })
  instanceId: string | null;

  @Field(() => DateTimeISOResolver, { nullable: true })
  updatedAt: Date | null;
}

@ObjectType({ description: 'Internal: one AI server of a provider, with its key in clear.' })
@Directive('@inaccessible')
export class ProviderServer {
  @Field(() => String, { nullable: true })
  id: string | null;

  @Field(() => String, { nullable: true })
  serverName: string | null;

  @Field(() => String, { nullable: true })
  serverAddress: string | null;

  @Field(() => String, { nullable: true })
  apiKey: string | null;
}

@ObjectType({ description: "Internal: a user's decrypted provider key and servers, for the chat subgraph." })
@Directive('@inaccessible')
export class ProviderCredentials {
  @Field(() => String)
  provider: string;

  @Field(() => String)
  definitionId: string;

  @Field(() => ID, { nullable: true, description: 'The instance read; null when the user and the system have none.' })
  instanceId: string | null;

  @Field(() => String, { nullable: true, description: "user, or system when the user has none of their own" })
  scope: string | null;

  @Field(() => String, { nullable: true })
  apiKey: string | null;

  @Field(() => [ProviderServer])
  servers: ProviderServer[];

  @Field(() => ProviderServer, { nullable: true, description: 'The server asked for, or the first.' })
  server: ProviderServer | null;
}

@ObjectType({ description: "Internal: a user's own values of a plugin's settings definition, for the plugins subgraph." })
@Directive('@inaccessible')
export class PluginUserSetting {
  @Field(() => String)
  definitionId: string;

  @Field(() => ID, { nullable: true, description: 'The user instance; null when the user has saved none.' })
  instanceId: string | null;

  @Field(() => JSONResolver, { nullable: true })
  value: unknown;
}
