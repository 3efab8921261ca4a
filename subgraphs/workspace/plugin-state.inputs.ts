import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { DateTimeISOResolver, JSONResolver } from 'graphql-scalars';
import { PluginStateStrategy, PluginStateSyncStatus } from './plugin-state.entity.js';

@ArgsType()
export class PluginStatesArgs {
  @Field(() => String, { nullable: true })
  pluginId?: string | null;

  @Field(() => String, { nullable: true, description: 'A page UUID matches with or without dashes.' })
  pageId?: string | null;

  @Field(() => String, { nullable: true })
  stateKey?: string | null;

  @Field(() => PluginStateStrategy, { nullable: true })
  stateStrategy?: PluginStateStrategy | null;

  @Field(() => PluginStateSyncStatus, { nullable: true })
  syncStatus?: PluginStateSyncStatus | null;

  @Field(() => Boolean, { nullable: true })
  isActive?: boolean | null;

  @Field(() => String, { nullable: true })
  deviceId?: string | null;

  @Field(() => Int, { nullable: true, description: '@default 0' })
  offset?: number | null;

  @Field(() => Int, { nullable: true, description: 'At most 1000. @default 100' })
  limit?: number | null;
}

@InputType()
export class CreatePluginStateInput {
  @Field(() => String, { description: '1–255 characters.' })
  pluginId: string;

  @Field(() => String, { nullable: true })
  pageId?: string | null;

  @Field(() => String, { nullable: true })
  stateKey?: string | null;

  @Field(() => PluginStateStrategy, { nullable: true, description: '@default PERSISTENT' })
  stateStrategy?: PluginStateStrategy | null;

  @Field(() => JSONResolver)
  stateData: Record<string, unknown>;

  @Field(() => DateTimeISOResolver, { nullable: true })
  ttlExpiresAt?: Date | null;

  @Field(() => String, { nullable: true })
  deviceId?: string | null;

  @Field(() => String, { nullable: true })
  stateSchemaVersion?: string | null;
}

/** Absent fields are unchanged; `ttlExpiresAt: null` removes the expiry. Every update increments `version`. */
@InputType()
export class UpdatePluginStateInput {
  @Field(() => JSONResolver, { nullable: true })
  stateData?: Record<string, unknown> | null;

  @Field(() => PluginStateStrategy, { nullable: true })
  stateStrategy?: PluginStateStrategy | null;

  @Field(() => DateTimeISOResolver, { nullable: true })
  ttlExpiresAt?: Date | null;

  @Field(() => String, { nullable: true })
  deviceId?: string | null;

  @Field(() => String, { nullable: true })
  stateSchemaVersion?: string | null;

  @Field(() => Boolean, { nullable: true })
  isActive?: boolean | null;

  @Field(() => PluginStateSyncStatus, { nullable: true, description: '@default SYNCED' })
  syncStatus?: PluginStateSyncStatus | null;
}

@InputType()
export class SyncPluginStatesInput {
  @Field(() => String, { description: 'The device the states come from.' })
  deviceId: string;

  @Field(() => [CreatePluginStateInput])
  states: CreatePluginStateInput[];

  @Field(() => Boolean, { nullable: true, description: "Overwrite states another device wrote last. @default false" })
  forceOverwrite?: boolean | null;
}
