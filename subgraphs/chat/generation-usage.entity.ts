import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** One generation billed to a user (Brain Garden's usage counters); BYOK calls are recorded as such. */
@Entity({ tableName: 'generation_usage' })
export class GenerationUsage {
  [OptionalProps]?: 'id' | 'createdAt' | 'inputTokens' | 'outputTokens' | 'byok';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  userId: string;

  @Property({ type: 'string', length: 50 })
  provider: string;

  @Property({ type: 'string', length: 200 })
  model: string;

  @Property({ type: 'integer' })
  inputTokens: number = 0;

  @Property({ type: 'integer' })
  outputTokens: number = 0;

  @Property({ type: 'boolean' })
  byok: boolean = false;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
