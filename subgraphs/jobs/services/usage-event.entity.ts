import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** One billable use of a service, for billing to charge later. */
@Entity({ tableName: 'usage_events' })
export class UsageEvent {
  [OptionalProps]?: 'id' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId: string;

  @Property({ type: 'uuid' })
  userId: string;

  @Property({ type: 'string', length: 100 })
  serviceId: string;

  @Property({ type: 'string', length: 100 })
  endpoint: string;

  @Property({ type: 'decimal', precision: 12, scale: 4 })
  cost: string;

  @Property({ type: 'uuid', nullable: true })
  processId: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
