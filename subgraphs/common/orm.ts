import { MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { EntityClass } from '@mikro-orm/core';

export interface OrmOptions {
  /** The Postgres schema this subgraph owns (named after it). */
  schema: string;
  entities: EntityClass<unknown>[];
  clientUrl: string;
  /** @default 4 */
  poolMax?: number;
}

/** Opens one subgraph's MikroORM: its own small pool, its own schema, no global context. */
export function openOrm({ schema, entities, clientUrl, poolMax = 4 }: OrmOptions): Promise<MikroORM> {
  return MikroORM.init({
    driver: PostgreSqlDriver,
    clientUrl,
    schema,
    entities,
    pool: { min: 0, max: poolMax },
    allowGlobalContext: false,
    forceUtcTimezone: true,
    ensureDatabase: false,
    discovery: { warnWhenNoEntities: false, requireEntitiesArray: true },
    metadataCache: { enabled: false },
    debug: false,
  });
}

/**
 * Counts SQL statements sent through an ORM's pool, so tests and the bench can show that a list's statement
 * count does not grow with its length.
 */
export class SqlCounter {
  count = 0;
  private readonly listener = () => void this.count++;

  constructor(private readonly orms: MikroORM[]) {
    for (const orm of orms) orm.em.getConnection().getKnex().on('query', this.listener);
  }

  reset() {
    this.count = 0;
  }

  dispose() {
    for (const orm of this.orms) orm.em.getConnection().getKnex().off('query', this.listener);
  }
}
