/**
 * What every store method goes through (wrapped once, in openStore):
 *
 * - SQLite's own failures (a database still busy after the busy timeout, a full disk, an I/O error) become a
 *   StoreError 'database' that names the file, so a log line or the console says which file failed and why;
 * - before any write, the file is checked to be the one that was opened (same device and inode). A file deleted
 *   or replaced while the app runs would otherwise take every later write into an unlinked inode and lose it at
 *   exit; instead the store refuses to write from then on (StoreError 'database-gone') and says what to do.
 *   The check is one stat() per write call (a few microseconds), not per statement.
 */
import { type Stats, statSync } from 'node:fs';
import { isFileOnDisk } from './database.js';
import { StoreError } from './errors.js';

/** Store methods that only read; every other method is a write and checks the file first. */
export const READS: ReadonlySet<string> = new Set([
  'fetchInstallation',
  'fetchWorkspaceInstallation',
  'getSettings',
  'listWorkspacesWithContracts',
  'listContracts',
  'getContract',
  'listQuotaUses',
  'getCachedUserZone',
  'getCachedUser',
  'listWorkspacePlans',
  'getWorkspacePlan',
  'workspacePlanRevision',
  'listCaseEventsByStatus',
  'getCase',
  'getCaseByThread',
  'listCases',
  'lastCaseChannel',
  'listCaseEvents',
  'getCaseEvent',
  'hasReminderKey',
  'getReminder',
  'listReminders',
  'nextCaseReminderDue',
  'schemaStatus',
]);

/** not wrapped: closing, and the store's path */
const UNWRAPPED = new Set(['close', 'path']);

function isSqliteError(error: unknown): error is Error & { code: string } {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('SQLITE_');
}

/** a PostgreSQL server error (a five-character SQLSTATE) or a failure to reach the server */
function isPostgresError(error: unknown): error is Error & { code?: string } {
  if (!(error instanceof Error) || error instanceof StoreError) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (/^[0-9A-Z]{5}$/.test(code) || /^E[A-Z]+$/.test(code))) return true;
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect/i.test(error.message);
}

function postgresError(error: Error & { code?: string }, where: string): StoreError {
  const code = error.code ?? 'connection';
  const reach = /^E[A-Z]+$/.test(code) || code === 'connection' || code.startsWith('08') || code === '57P01';
  const advice = reach
    ? 'The server could not be reached or dropped the connection; nothing was written by the command that failed. Check that PostgreSQL is running and DATABASE_URL is right, then try again.'
    : code === '40001' || code === '40P01'
      ? 'Another instance changed the same rows at the same moment; nothing was written by the command that failed. Try again.'
      : 'Nothing was written by the command that failed; try again, and if it persists check the server.';
  return new StoreError('database', `PostgreSQL at ${where} failed (${code}: ${error.message}). ${advice}`, {
    path: where,
    postgres: code,
  });
}

/** A SQLite or PostgreSQL error as a StoreError naming the database and saying what would help. */
export function databaseError(error: unknown, path: string): unknown {
  if (isPostgresError(error)) return postgresError(error, path);
  if (!isSqliteError(error)) return error;
  const code = error.code;
  const file = path === ':memory:' ? 'the in-memory database' : `the database ${path}`;
  let advice = 'Nothing was written by the command that failed; try again, and if it persists check the file.';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    advice =
      'Another process held it for longer than the busy timeout; nothing was written by the command that failed. Try again in a moment.';
  } else if (code === 'SQLITE_FULL') {
    advice = 'The disk is full; free some space. Nothing was written by the command that failed.';
  } else if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY')) {
    advice = 'The file or its directory is read-only; give Entitlebot write access.';
  }
  return new StoreError('database', `${file} failed (${code}: ${error.message}). ${advice}`, { path, sqlite: code });
}

export interface FileWatch {
  /** throws StoreError 'database-gone' (now and for good) when the file is not the one that was opened */
  check(): void;
}

export function watchFile(path: string): FileWatch {
  if (!isFileOnDisk(path)) return { check: () => {} };
  const identity = (s: Stats | undefined) => (s ? `${s.dev}:${s.ino}` : null);
  const opened = identity(statSync(path, { throwIfNoEntry: false }));
  let gone: StoreError | null = null;
  return {
    check() {
      if (gone) throw gone;
      const current = identity(statSync(path, { throwIfNoEntry: false }));
      if (current !== null && current === opened) return;
      gone = new StoreError(
        'database-gone',
        `The database file ${path} was ${current === null ? 'deleted' : 'replaced'} while Entitlebot was running. ` +
          'Entitlebot refuses to write any more, because what it wrote now would be lost: restore the file (or accept a new empty one) and restart Entitlebot.',
        { path },
      );
      throw gone;
    },
  };
}

/** Wraps every method of `target` in place: SQLite errors name the file, writes check the file first. */
export function guardMethods<T extends object>(target: T, path: string, watch: FileWatch): T {
  const record = target as Record<string, unknown>;
  for (const [name, value] of Object.entries(record)) {
    if (typeof value !== 'function' || UNWRAPPED.has(name)) continue;
    const method = value as (...args: unknown[]) => unknown;
    const write = !READS.has(name);
    record[name] = (...args: unknown[]) => {
      try {
        if (write) watch.check();
        const result = method(...args);
        if (result instanceof Promise)
          return result.catch((error: unknown) => Promise.reject(databaseError(error, path)));
        return result;
      } catch (error) {
        throw databaseError(error, path);
      }
    };
  }
  return target;
}
