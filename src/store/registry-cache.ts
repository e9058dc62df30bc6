// Caches values derived from the registry until the next load changes it: one cheap query per use checks the
// registry's generation (shared by every process on the same database), so a cached value is never stale.
import type { Registry } from '../core/model.js';
import type { Queryable } from './db.js';
import { readRegistry } from './registry-store.js';

/** The registry's generation: advanced by every load that changes it (saveRegistry). */
export async function registryGeneration(db: Queryable): Promise<number> {
  return (
    (await db.query<{ generation: number }>('SELECT generation FROM registry_generation WHERE id = 1')).rows[0]
      ?.generation ?? 0
  );
}

/** Wraps `compute` so it runs again only when the registry generation has moved. */
export function memoByGeneration<T>(db: Queryable, compute: () => Promise<T>): () => Promise<T> {
  let at = -1;
  let value: Promise<T> | null = null;
  return async () => {
    const g = await registryGeneration(db);
    if (g !== at || !value) {
      at = g;
      value = compute().catch((e) => {
        value = null;
        throw e;
      });
    }
    return value;
  };
}

/** The whole registry, read once per generation. Callers must not mutate it (scenarios patch copies). */
export function cachedRegistry(db: Queryable): () => Promise<Registry> {
  return memoByGeneration(db, () => readRegistry(db));
}
