import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export const DEFAULT_DATABASE_PATH = 'data/entitlebot.db';

/** How long a write waits for another process's transaction to end before it fails (and says so). */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

export function isFileOnDisk(path: string): boolean {
  return path !== '' && path !== ':memory:' && !path.startsWith('file:');
}

/** Opens (creating it and its directory when missing) one SQLite file with the settings the store relies on. */
export function openDatabase(path: string, busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS): Database.Database {
  if (isFileOnDisk(path)) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: busyTimeoutMs });
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // SQLite checkpoints the WAL into the database from inside whichever write crosses this many pages (default
    // 1,000): a reminder claim of 50 rows paid for it about every tenth tick (38-40 ms instead of 4). The reminder
    // scheduler checkpoints after each tick instead (store.checkpoint); this only bounds the WAL between ticks.
    db.pragma('wal_autocheckpoint = 10000');
    db.pragma('foreign_keys = ON');
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
