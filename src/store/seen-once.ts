import type Database from 'better-sqlite3';
import { StoreError } from './errors.js';
import { requireText, requireTime } from './validate.js';

/** expired keys are deleted at most this often (one indexed range delete) */
const PRUNE_EVERY_MS = 60_000;

/**
 * The Slack layer's "act once" memory (docs/store.md, cross-workspace statement 3): a key is accepted the first
 * time it is offered while its memory lasts. One statement per request: an insert that, on a key already held,
 * takes it over only when the old memory has expired. Shared by every process on the file and kept across restarts.
 */
export function seenOnceMethods(db: Database.Database) {
  const offer = db.prepare<{ kind: string; key: string; expiresAt: number; now: number }>(`
    INSERT INTO seen_once (kind, key, expires_at) VALUES (@kind, @key, @expiresAt)
    ON CONFLICT (kind, key) DO UPDATE SET expires_at = excluded.expires_at WHERE seen_once.expires_at <= @now`);
  const prune = db.prepare<[number]>('DELETE FROM seen_once WHERE expires_at <= ?');
  let prunedAt = 0;

  return {
    firstSeen(kind: string, key: string, expiresAt: number, now: number): boolean {
      requireText('kind', kind, 40);
      requireText('key', key, 500);
      requireTime('expiresAt', expiresAt);
      requireTime('now', now);
      if (expiresAt <= now) throw new StoreError('invalid', 'expiresAt must be after now.');
      if (now - prunedAt >= PRUNE_EVERY_MS) {
        prunedAt = now;
        prune.run(now);
      }
      return offer.run({ kind, key, expiresAt, now }).changes > 0;
    },
  };
}
