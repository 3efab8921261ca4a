import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** A BReact OS service call: its job, and the hash of the access token that reads its result. */
@Entity({ tableName: 'service_processes' })
export class ServiceProcess {
  [OptionalProps]?: 'createdAt';

  /** The job's id: BReact's `process_id`. */
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'string', length: 64 })
  accessTokenHash: string;

  @Property({ type: 'string', length: 100 })
  serviceId: string;

  @Property({ type: 'string', length: 100 })
  endpoint: string;

  @Property({ type: 'uuid' })
  userId: string;

  @Property({ type: 'uuid' })
  tenantId: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
