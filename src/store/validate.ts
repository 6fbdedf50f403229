import { StoreError } from './errors.js';

/** The one guard every scoped method starts with: no workspace id, no query. */
export function requireWorkspace(workspaceId: unknown): string {
  if (typeof workspaceId !== 'string' || workspaceId.trim() === '' || workspaceId.length > 255) {
    throw new StoreError(
      'workspace-required',
      `A workspace id is required (a Slack team id such as T0123ABCD, or 'local' for the console); got ${describe(workspaceId)}.`,
    );
  }
  refuseNul('The workspace id', workspaceId);
  return workspaceId;
}

/**
 * U+0000 cannot be stored in PostgreSQL's text (SQLite would keep it): refused on both engines alike, as bad input
 * with a message, rather than as a database failure that tells the person to try again.
 */
function refuseNul(field: string, value: string): void {
  if (value.includes('\u0000')) {
    throw new StoreError(
      'invalid',
      `${field} contains a NUL character (U+0000), which cannot be stored; remove it and try again.`,
    );
  }
}

export function requireText(field: string, value: unknown, maxLength = 4000): string {
  if (typeof value !== 'string' || value === '') {
    throw new StoreError('invalid', `${field} must be a non-empty text; got ${describe(value)}.`);
  }
  if (value.length > maxLength) {
    throw new StoreError('invalid', `${field} is ${value.length} characters long; at most ${maxLength} are kept.`);
  }
  refuseNul(field, value);
  return value;
}

export function optionalText(field: string, value: unknown, maxLength = 4000): string | null {
  if (value === null || value === undefined) return null;
  return requireText(field, value, maxLength);
}

export function requireId(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw new StoreError('invalid', `${field} must be a positive whole number; got ${describe(value)}.`);
  }
  return value;
}

export function optionalId(field: string, value: unknown): number | null {
  if (value === null || value === undefined) return null;
  return requireId(field, value);
}

/** Epoch milliseconds. */
export function requireTime(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new StoreError(
      'invalid',
      `${field} must be a time in epoch milliseconds (a whole number); got ${describe(value)}.`,
    );
  }
  return value;
}

export function optionalTime(field: string, value: unknown): number | null {
  if (value === null || value === undefined) return null;
  return requireTime(field, value);
}

export function requireNumber(field: string, value: unknown, { min = -Infinity, minExclusive = false } = {}): number {
  const tooSmall = typeof value === 'number' && (minExclusive ? value <= min : value < min);
  if (typeof value !== 'number' || !Number.isFinite(value) || tooSmall) {
    const bound = min === -Infinity ? 'a number' : `a number ${minExclusive ? 'above' : 'of at least'} ${min}`;
    throw new StoreError('invalid', `${field} must be ${bound}; got ${describe(value)}.`);
  }
  return value;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day written YYYY-MM-DD that exists (no 2025-02-30). */
export function requireDate(field: string, value: unknown): string {
  const match = typeof value === 'string' ? DATE.exec(value) : null;
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) {
      return value as string;
    }
  }
  throw new StoreError(
    'invalid',
    `${field} must be a date written YYYY-MM-DD, such as 2025-07-01; got ${describe(value)}.`,
  );
}

export function optionalDate(field: string, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return requireDate(field, value);
}

const zoneCache = new Map<string, boolean>();

export function isValidZone(zone: string): boolean {
  let known = zoneCache.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    zoneCache.set(zone, known);
  }
  return known;
}

export function requireZone(field: string, value: unknown): string {
  if (typeof value !== 'string' || value === '' || !isValidZone(value)) {
    throw new StoreError(
      'invalid',
      `${field} must be an IANA time zone such as Asia/Taipei, Europe/Berlin or UTC; got ${describe(value)}.`,
    );
  }
  return value;
}

export function requireOneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new StoreError('invalid', `${field} must be one of ${allowed.join(', ')}; got ${describe(value)}.`);
  }
  return value as T;
}

/** JSON for a column; undefined is stored as NULL. */
export function toJson(field: string, value: unknown): string | null {
  if (value === undefined) return null;
  try {
    return JSON.stringify(value) ?? null;
  } catch (error) {
    throw new StoreError('invalid', `${field} must be plain JSON data (${(error as Error).message}).`);
  }
}

export function fromJson(text: string | null): unknown {
  return text === null ? null : JSON.parse(text);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value.length > 60 ? `'${value.slice(0, 57)}…'` : `'${value}'`;
  if (value === undefined) return 'nothing';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
