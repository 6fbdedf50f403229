import { AsyncLocalStorage } from 'node:async_hooks';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from './schema.js';

export type EngineKind = 'sqlite' | 'postgres';

/**
 * What every store module is built on. `q()` is the current transaction when the caller is inside one (found
 * through AsyncLocalStorage, so callers of the Store pass nothing), else the database: a module always writes
 * `ctx.q().selectFrom(…)` and its statement joins the caller's transaction.
 */
export interface StoreContext {
  readonly kind: EngineKind;
  /** the store's clock for its own bookkeeping (createdAt, updatedAt, undoneAt) */
  readonly now: () => number;
  q(): Kysely<DB>;
  /**
   * Runs `work` in one transaction: IMMEDIATE on SQLite (the write lock first), READ COMMITTED on PostgreSQL with
   * unique indexes and row locks deciding races. Inside another transaction it is a savepoint, so a statement that
   * fails inside (a unique index refusing a row) can be caught without aborting the caller's transaction.
   */
  transaction<T>(work: () => Promise<T>): Promise<T>;
}

export function storeContext(kind: EngineKind, db: Kysely<DB>, now: () => number): StoreContext {
  const current = new AsyncLocalStorage<Transaction<DB>>();
  let savepoints = 0;
  return {
    kind,
    now,
    q: () => current.getStore() ?? db,
    async transaction<T>(work: () => Promise<T>): Promise<T> {
      const trx = current.getStore();
      if (!trx) return db.transaction().execute((t) => current.run(t, work));
      const name = `sp${++savepoints}`;
      await sql.raw(`SAVEPOINT ${name}`).execute(trx);
      try {
        const result = await work();
        await sql.raw(`RELEASE SAVEPOINT ${name}`).execute(trx);
        return result;
      } catch (error) {
        try {
          await sql.raw(`ROLLBACK TO SAVEPOINT ${name}`).execute(trx);
          await sql.raw(`RELEASE SAVEPOINT ${name}`).execute(trx);
        } catch {
          // the engine ended the whole transaction (SQLite does on a full disk): the caller's rollback reports it
        }
        throw error;
      }
    },
  };
}
