import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export const DEFAULT_DATABASE_PATH = 'data/entitlebot.db';

function isFileOnDisk(path: string): boolean {
  return path !== '' && path !== ':memory:' && !path.startsWith('file:');
}

/** Opens (creating it and its directory when missing) one SQLite file with the settings the store relies on. */
export function openDatabase(path: string): Database.Database {
  if (isFileOnDisk(path)) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
