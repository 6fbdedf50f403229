import type Database from 'better-sqlite3';
import { StoreError } from './errors.js';
import { requireText, requireTime, requireWorkspace, requireZone } from './validate.js';

/** A BCP 47 tag as Slack sends it ("zh-TW", "en-US"), or '' for none. */
function requireLocale(value: unknown): string {
  if (value === '' || (typeof value === 'string' && /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,4}$/.test(value))) {
    return value;
  }
  throw new StoreError(
    'invalid',
    `locale must be a language tag such as zh-TW or en-US, or empty; got ${JSON.stringify(value)}.`,
  );
}

/** What users.info said about a user: the IANA zone and the Slack locale ('' when Slack gave none). */
export interface CachedUser {
  zone: string;
  locale: string;
}

/** users.info answers, cached per workspace so that every answer about a time need not call Slack. */
export function userZoneMethods(db: Database.Database) {
  const selectUser = db.prepare<[string, string], { zone: string; locale: string | null; fetched_at: number }>(
    'SELECT zone, locale, fetched_at FROM user_zones WHERE workspace_id = ? AND user_id = ?',
  );
  const upsertUser = db.prepare<[string, string, string, string, number]>(`
    INSERT INTO user_zones (workspace_id, user_id, zone, locale, fetched_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (workspace_id, user_id) DO UPDATE
      SET zone = excluded.zone, locale = excluded.locale, fetched_at = excluded.fetched_at`);
  const select = db.prepare<[string, string], { zone: string; fetched_at: number }>(
    'SELECT zone, fetched_at FROM user_zones WHERE workspace_id = ? AND user_id = ?',
  );
  const upsert = db.prepare<[string, string, string, number]>(`
    INSERT INTO user_zones (workspace_id, user_id, zone, fetched_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (workspace_id, user_id) DO UPDATE SET zone = excluded.zone, fetched_at = excluded.fetched_at`);

  return {
    getCachedUserZone(workspaceId: string, userId: string, now: number, maxAgeMs: number): string | null {
      const row = select.get(requireWorkspace(workspaceId), requireText('user id', userId, 255));
      if (!row) return null;
      const age = requireTime('now', now) - row.fetched_at;
      return age <= maxAgeMs ? row.zone : null;
    },
    /**
     * The zone and locale, or null when not cached, too old, or cached before locales were asked for (so that
     * the caller asks users.info again and learns the locale too).
     */
    getCachedUser(workspaceId: string, userId: string, now: number, maxAgeMs: number): CachedUser | null {
      const row = selectUser.get(requireWorkspace(workspaceId), requireText('user id', userId, 255));
      if (!row || row.locale === null) return null;
      const age = requireTime('now', now) - row.fetched_at;
      return age <= maxAgeMs ? { zone: row.zone, locale: row.locale } : null;
    },
    cacheUser(workspaceId: string, userId: string, user: CachedUser, now: number): void {
      upsertUser.run(
        requireWorkspace(workspaceId),
        requireText('user id', userId, 255),
        requireZone('zone', user.zone),
        requireLocale(user.locale),
        requireTime('now', now),
      );
    },
    cacheUserZone(workspaceId: string, userId: string, zone: string, now: number): void {
      upsert.run(
        requireWorkspace(workspaceId),
        requireText('user id', userId, 255),
        requireZone('zone', zone),
        requireTime('now', now),
      );
    },
  };
}
