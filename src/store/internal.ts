import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Store } from './api.js';
import type { EngineKind } from './context.js';
import type { DB } from './schema.js';

const databases = new WeakMap<Store, Database.Database>();
const engines = new WeakMap<Store, { kind: EngineKind; db: Kysely<DB> }>();

export function registerDatabase(store: Store, db: Database.Database): void {
  databases.set(store, db);
}

export function registerEngine(store: Store, kind: EngineKind, db: Kysely<DB>): void {
  engines.set(store, { kind, db });
}

/** The raw database behind a store: for the seeding helper and the store's own tests, never for the app. */
export function databaseOf(store: Store): Database.Database {
  const db = databases.get(store);
  if (!db) throw new Error('databaseOf: this store was not made by openStore on SQLite');
  return db;
}

/** The query layer behind a store, either engine: for the seeding helper and benchmarks, never for the app. */
export function engineOf(store: Store): { kind: EngineKind; db: Kysely<DB> } {
  const engine = engines.get(store);
  if (!engine) throw new Error('engineOf: this store was not made by openStore');
  return engine;
}
