export type StoreErrorCode =
  | 'invalid'
  | 'not-found'
  | 'case-exists'
  | 'contract-in-use'
  | 'plan-in-use'
  | 'newer-schema'
  | 'workspace-required'
  /** SQLite itself failed (busy beyond the timeout, disk full, I/O error); the message names the file */
  | 'database'
  /** the database file was deleted or replaced while the app ran; the store refuses to write */
  | 'database-gone'
  /** an encrypted installation whose key is not configured (or that does not decrypt) */
  | 'secret-key';

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
