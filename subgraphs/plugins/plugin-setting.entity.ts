import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** Stored values of a plugin's config fields: tenant-wide (`userId` null) or one user's overrides. */
@Entity({ tableName: 'plugin_settings' })
export class PluginSetting {
  [OptionalProps]?: 'id' | 'userId' | 'values' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  pluginId: string;

  @Property({ type: 'uuid', nullable: true })
  userId: string | null = null;

  @Property({ type: 'json', fieldName: 'values' })
  values: Record<string, unknown> = {};

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
