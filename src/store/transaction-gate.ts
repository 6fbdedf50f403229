import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';

/**
 * One SQLite connection, many async callers: a transaction's work may await between its statements, and while it
 * does, no other caller's statement may slip into it. Calls made inside a transaction (found through
 * AsyncLocalStorage, so callers pass nothing) run at once; calls from elsewhere wait until it has ended.
 * Transactions begin IMMEDIATE (the write lock is taken, waiting up to the busy timeout, before anything is read,
 * so a command never fails half-way on a lock); nested ones are savepoints.
 */
export function transactionGate(db: Database.Database) {
  const inside = new AsyncLocalStorage<true>();
  let open: Promise<void> | null = null;
  let savepoints = 0;

  async function call<T>(work: () => T): Promise<Awaited<T>> {
    while (open && !inside.getStore()) await open;
    return await work();
  }

  async function transaction<T>(work: () => Promise<T>, mapError: (error: unknown) => unknown): Promise<T> {
    if (inside.getStore()) {
      const name = `sp${++savepoints}`;
      db.exec(`SAVEPOINT ${name}`);
      try {
        const result = await work();
        db.exec(`RELEASE ${name}`);
        return result;
      } catch (error) {
        db.exec(`ROLLBACK TO ${name}`);
        db.exec(`RELEASE ${name}`);
        throw error;
      }
    }
    while (open) await open;
    let release = () => {};
    open = new Promise<void>((resolve) => {
      release = resolve;
    });
    try {
      try {
        db.exec('BEGIN IMMEDIATE');
      } catch (error) {
        throw mapError(error);
      }
      try {
        const result = await inside.run(true, work);
        db.exec('COMMIT');
        return result;
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw mapError(error);
      }
    } finally {
      open = null;
      release();
    }
  }

  return { call, transaction };
}
