import type Database from 'better-sqlite3';
import { requireText, requireTime, requireWorkspace, requireZone } from './validate.js';

/** users.info answers, cached per workspace so that every answer about a time need not call Slack. */
export function userZoneMethods(db: Database.Database) {
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
