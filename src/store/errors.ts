export type StoreErrorCode =
  | 'invalid'
  | 'not-found'
  | 'case-exists'
  | 'contract-in-use'
  | 'newer-schema'
  | 'workspace-required';

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
