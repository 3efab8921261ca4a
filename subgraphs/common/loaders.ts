import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';

type EntityCtor<T> = new () => T;

/** Loads rows by id: one statement per tick, answers in the order asked (missing → null). */
export function loaderById<T extends { id: string }>(em: EntityManager, entity: EntityCtor<T>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await em.find(entity, { id: { $in: [...ids] } } as never);
    const map = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

/** Loads child rows grouped by their parent's id: one statement per tick. */
export function loaderGroupedBy<T>(em: EntityManager, entity: EntityCtor<T>, key: keyof T & string) {
  return new DataLoader<string, T[]>(async (ids) => {
    const rows = await em.find(entity, { [key]: { $in: [...ids] } } as never);
    const groups = new Map<unknown, T[]>();
    for (const row of rows) {
      const list = groups.get(row[key]) ?? [];
      list.push(row);
      groups.set(row[key], list);
    }
    return ids.map((id) => groups.get(id) ?? []);
  });
}
