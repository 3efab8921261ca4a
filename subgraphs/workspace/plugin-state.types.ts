import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeISOResolver, JSONResolver } from 'graphql-scalars';
import { Paginated } from '../common/paginated.js';
import { PluginState } from './plugin-state.entity.js';

@ObjectType({ description: 'A page of plugin states.' })
export class PluginStatePage extends Paginated(PluginState) {}

@ObjectType({ description: 'Why one state of a bulk request was not written.' })
export class PluginStateItemError {
  @Field(() => Int, { description: 'Its position in the request, from 0.' })
  index: number;

  @Field(() => String)
  pluginId: string;

  @Field(() => String)
  error: string;
}

@ObjectType()
export class PluginStateBulkResult {
  @Field(() => [PluginState])
  created: PluginState[];

  @Field(() => [PluginStateItemError])
  errors: PluginStateItemError[];
}

@ObjectType({ description: 'A state another device wrote last; left as it is unless the sync forces it.' })
export class PluginStateSyncConflict {
  @Field(() => Int)
  index: number;

  @Field(() => ID)
  stateId: string;

  @Field(() => String)
  pluginId: string;

  @Field(() => Int, { description: 'The stored version.' })
  remoteVersion: number;

  @Field(() => JSONResolver, { description: 'The stored data.' })
  remoteData: Record<string, unknown>;

  @Field(() => String, { nullable: true, description: 'The device that wrote the stored state.' })
  remoteDeviceId: string | null;

  @Field(() => DateTimeISOResolver)
  lastModifiedRemote: Date;
}

@ObjectType()
export class PluginStateSyncResult {
  @Field(() => [PluginState], { description: 'Created or updated.' })
  synced: PluginState[];

  @Field(() => [PluginStateSyncConflict])
  conflicts: PluginStateSyncConflict[];

  @Field(() => [PluginStateItemError])
  errors: PluginStateItemError[];
}

@ObjectType({ description: "Storage figures of the caller's plugin states." })
export class PluginStateStats {
  @Field(() => Int)
  totalStates: number;

  @Field(() => Int)
  activeStates: number;

  @Field(() => Float, { description: 'Bytes.' })
  totalSize: number;

  @Field(() => Int)
  pluginsWithState: number;

  @Field(() => Float, { description: 'Bytes.' })
  averageStateSize: number;

  @Field(() => DateTimeISOResolver, { nullable: true })
  lastActivity: Date | null;
}

@ObjectType()
export class PluginStateCleanupResult {
  @Field(() => Int, { description: 'Expired non-persistent states removed.' })
  deletedCount: number;
}
