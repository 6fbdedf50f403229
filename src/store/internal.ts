import type Database from 'better-sqlite3';
import type { Store } from './api.js';

const databases = new WeakMap<Store, Database.Database>();

export function registerDatabase(store: Store, db: Database.Database): void {
  databases.set(store, db);
}

/** The raw database behind a store: for the seeding helper and the store's own tests, never for the app. */
export function databaseOf(store: Store): Database.Database {
  const db = databases.get(store);
  if (!db) throw new Error('databaseOf: this store was not made by openStore');
  return db;
}
