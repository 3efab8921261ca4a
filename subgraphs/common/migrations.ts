import type { MikroORM } from '@mikro-orm/postgresql';

/** One forward-only migration: SQL statements run in one transaction. Names sort in the order they run. */
export interface Migration {
  name: string;
  up: string[];
}

/**
 * Runs a subgraph's pending migrations in one transaction under an advisory lock, so replicas starting together
 * never run one twice. (MikroORM's Migrator takes no cross-process lock; this is all we need of it.)
 */
export async function migrate(orm: MikroORM, schema: string, migrations: Migration[]): Promise<string[]> {
  const applied: string[] = [];
  await orm.em.getConnection().getKnex().transaction(async (trx) => {
    await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`braingraph:migrate:${schema}`]);
    await trx.raw(`create schema if not exists "${schema}"`);
    await trx.raw(
      `create table if not exists "${schema}".migrations (name text primary key, executed_at timestamptz not null default now())`,
    );
    const { rows } = await trx.raw<{ rows: { name: string }[] }>(`select name from "${schema}".migrations`);
    const done = new Set(rows.map((r) => r.name));
    for (const m of [...migrations].sort((a, b) => a.name.localeCompare(b.name))) {
      if (done.has(m.name)) continue;
      for (const sql of m.up) await trx.raw(sql);
      await trx.raw(`insert into "${schema}".migrations (name) values (?)`, [m.name]);
      applied.push(m.name);
    }
  });
  return applied;
}
