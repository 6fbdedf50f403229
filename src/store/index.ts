import type { Store } from './api.js';
import { caseMethods } from './cases.js';
import { storeContext } from './context.js';
import { contractMethods } from './contracts.js';
import { DEFAULT_DATABASE_PATH } from './database.js';
import {
  type Engine,
  isPostgresUrl,
  openPostgresEngine,
  openSqliteEngine,
  type PostgresOptions,
  type QueryLog,
  redactUrl,
} from './engine.js';
import { databaseError, guardMethods, watchFile } from './guard.js';
import { installationMethods } from './installations.js';
import { registerDatabase, registerEngine } from './internal.js';
import { leaseMethods } from './leases.js';
import { LATEST_SCHEMA_VERSION } from './migrations.js';
import { quotaUseMethods } from './quota-uses.js';
import { reminderMethods } from './reminders.js';
import { type SecretKeys, secretBox } from './secrets.js';
import { seenOnceMethods } from './seen-once.js';
import { settingsMethods } from './settings.js';
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
  /** SQLite: how long a write waits for a busy database (another process's transaction); default 5 s */
  busyTimeoutMs?: number;
  /** the keys Slack tokens are sealed with (ENTITLEBOT_ENCRYPTION_KEY, …_PREVIOUS); without, they are stored plain */
  secrets?: SecretKeys;
  /** PostgreSQL: the schema the tables live in (tests give each store its own) and the pool size */
  postgres?: PostgresOptions;
  /** sees every statement's text (the isolation test checks each is scoped by workspace) */
  onQuery?: QueryLog;
}

/**
 * Opens the database at `location` and brings its schema up to date: a PostgreSQL URL (postgres://…) selects
 * PostgreSQL, anything else is a SQLite file (':memory:' for tests), created with its directory when missing.
 * Throws a StoreError 'newer-schema' for a database written by a newer Entitlebot, 'database' when it cannot be
 * opened.
 */
export async function openStore(location: string = DEFAULT_DATABASE_PATH, options: StoreOptions = {}): Promise<Store> {
  const now = options.now ?? Date.now;
  const postgres = isPostgresUrl(location);
  const path = postgres ? redactUrl(location) : location;
  let engine: Engine;
  try {
    engine = postgres
      ? await openPostgresEngine(location, { ...options.postgres, log: options.onQuery })
      : await openSqliteEngine(location, options.busyTimeoutMs, options.onQuery);
  } catch (error) {
    throw databaseError(error, path);
  }
  const ctx = storeContext(engine.kind, engine.db, now);
  const raw = engine.sqlite;
  const methods: Omit<Store, 'path' | 'close' | 'checkpoint' | 'transaction'> = {
    ...installationMethods(ctx, secretBox(options.secrets), path),
    ...settingsMethods(ctx),
    ...contractMethods(ctx),
    ...quotaUseMethods(ctx),
    ...userZoneMethods(ctx),
    ...caseMethods(ctx),
    ...reminderMethods(ctx),
    ...seenOnceMethods(ctx),
    ...leaseMethods(ctx),
    schemaStatus: async () => ({ found: await engine.schemaVersion(), latest: LATEST_SCHEMA_VERSION }),
    ...workspacePlanMethods(ctx),
  };
  // SQLite and PostgreSQL failures name the database; on SQLite, writes first check the file is still the one opened
  guardMethods(methods, path, raw ? watchFile(path) : { check: () => {} });
  const store: Store = {
    path,
    close: () => engine.close(),
    checkpoint: () => engine.checkpoint(),
    transaction: async (work) => {
      try {
        return await ctx.transaction(work);
      } catch (error) {
        throw databaseError(error, path);
      }
    },
    ...methods,
  };
  if (raw) registerDatabase(store, raw);
  registerEngine(store, engine.kind, engine.db);
  return store;
}
