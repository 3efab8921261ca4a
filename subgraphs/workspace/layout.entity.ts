import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/** A tenant's own layout for one entity type, replacing the built-in one (layout.defaults.ts). */
@Entity({ tableName: 'entity_layouts' })
@Unique({ properties: ['tenantId', 'entityType'] })
export class EntityLayoutOverride {
  [OptionalProps]?: 'id' | 'updatedBy' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId: string;

  @Property({ type: 'string', length: 50 })
  entityType: string;

  @Property({ type: 'json' })
  layout: Record<string, unknown>;

  @Property({ type: 'uuid', nullable: true })
  updatedBy: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
