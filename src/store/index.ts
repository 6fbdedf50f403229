import type { Store } from './api.js';
import { caseMethods } from './cases.js';
import { contractMethods } from './contracts.js';
import { DEFAULT_DATABASE_PATH, openDatabase } from './database.js';
import { databaseError, guardMethods, watchFile } from './guard.js';
import { installationMethods } from './installations.js';
import { registerDatabase } from './internal.js';
import { migrate } from './migrations.js';
import { quotaUseMethods } from './quota-uses.js';
import { reminderMethods } from './reminders.js';
import { type SecretKeys, secretBox } from './secrets.js';
import { seenOnceMethods } from './seen-once.js';
import { settingsMethods } from './settings.js';
import { transactionGate } from './transaction-gate.js';
import { userZoneMethods } from './user-zones.js';
import { workspacePlanMethods } from './workspace-plans.js';

export type * from '../model/records.js';
export type { Store } from './api.js';
export { DEFAULT_LEASE_MS } from './api.js';
export { DEFAULT_DATABASE_PATH } from './database.js';
export { isStoreError, StoreError, type StoreErrorCode } from './errors.js';
export { LATEST_SCHEMA_VERSION } from './migrations.js';
export { keyId, parseKey, type SecretKeys } from './secrets.js';
export { DEFAULT_SETTINGS } from './settings.js';

export interface StoreOptions {
  /** the store's clock for its own bookkeeping (createdAt, updatedAt, undoneAt); defaults to Date.now */
  now?: () => number;
  /** how long a write waits for a busy database (another process's transaction); default 5 s */
  busyTimeoutMs?: number;
  /** the keys Slack tokens are sealed with (ENTITLEBOT_ENCRYPTION_KEY, …_PREVIOUS); without, they are stored plain */
  secrets?: SecretKeys;
}

/**
 * Opens the SQLite file at `path` (':memory:' for tests), creating it and its directory when missing, and brings
 * its schema up to date. Throws a StoreError 'newer-schema' for a file written by a newer Entitlebot.
 */
export async function openStore(path: string = DEFAULT_DATABASE_PATH, options: StoreOptions = {}): Promise<Store> {
  const now = options.now ?? Date.now;
  let db: ReturnType<typeof openDatabase>;
  try {
    db = openDatabase(path, options.busyTimeoutMs);
  } catch (error) {
    throw databaseError(error, path);
  }
  try {
    migrate(db, path);
  } catch (error) {
    db.close();
    throw databaseError(error, path);
  }
  const watch = watchFile(path);
  const sync = {
    ...installationMethods(db, now, secretBox(options.secrets), path),
    ...settingsMethods(db, now),
    ...contractMethods(db, now),
    ...quotaUseMethods(db, now),
    ...userZoneMethods(db),
    ...caseMethods(db, now),
    ...reminderMethods(db, now),
    ...seenOnceMethods(db),
    ...workspacePlanMethods(db, now),
  };
  guardMethods(sync, path, watch);
  const gate = transactionGate(db);
  const methods = Object.fromEntries(
    Object.entries(sync).map(([name, method]) => [
      name,
      (...args: unknown[]) => gate.call(() => (method as (...a: unknown[]) => unknown)(...args)),
    ]),
  ) as unknown as Omit<Store, 'path' | 'close' | 'checkpoint' | 'transaction'>;
  const store: Store = {
    path,
    close: async () => {
      if (db.open) db.close();
    },
    checkpoint: () =>
      gate.call(() => {
        const [result] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
        return result ? Math.max(0, result.log - result.checkpointed) : 0;
      }),
    transaction: (work) => gate.transaction(work, (error) => databaseError(error, path)),
    ...methods,
  };
  registerDatabase(store, db);
  return store;
}
