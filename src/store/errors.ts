export type StoreErrorCode =
  | 'invalid'
  | 'not-found'
  | 'case-exists'
  | 'contract-in-use'
  | 'plan-in-use'
  | 'newer-schema'
  | 'workspace-required'
  /** the database itself failed (SQLite busy beyond the timeout, disk full, I/O error; PostgreSQL unreachable); the message names it */
  | 'database'
  /** the database file was deleted or replaced while the app ran; the store refuses to write */
  | 'database-gone'
  /** an encrypted installation whose key is not configured (or that does not decrypt) */
  | 'secret-key';

/** A unique index refused a row (SQLite's SQLITE_CONSTRAINT_UNIQUE / PRIMARYKEY, PostgreSQL's 23505). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/** A failure a person can act on: the message says what was wrong and what would work. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function isStoreError(error: unknown, code?: StoreErrorCode): error is StoreError {
  return error instanceof StoreError && (code === undefined || error.code === code);
}
