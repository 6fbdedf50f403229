/**
 * Keys seen recently, forgotten after a while: Slack delivers a mention as both a `message` and an `app_mention`
 * event (and retries events it thinks were lost), and the app must act on it once.
 *
 * `storedRecentKeys` keeps them in the store (shared by every process on the database, kept across a restart);
 * `RecentKeys` is the in-memory version, for tests and tools that run without a store.
 */
import type { Store } from '../store/index.js';

export interface OnceMemory {
  /** true the first time `key` is offered within the time-to-live */
  firstTime(key: string, nowMs: number): Promise<boolean>;
}

export const RECENT_TTL_MS = 10 * 60 * 1000;

export function storedRecentKeys(store: Pick<Store, 'firstSeen'>, kind = 'message', ttlMs = RECENT_TTL_MS): OnceMemory {
  return { firstTime: async (key, nowMs) => await store.firstSeen(kind, key, nowMs + ttlMs, nowMs) };
}

export class RecentKeys implements OnceMemory {
  private readonly seenAt = new Map<string, number>();

  constructor(
    private readonly ttlMs = RECENT_TTL_MS,
    private readonly maxKeys = 50_000,
  ) {}

  async firstTime(key: string, nowMs: number): Promise<boolean> {
    for (const [k, at] of this.seenAt) {
      if (nowMs - at < this.ttlMs && this.seenAt.size < this.maxKeys) break;
      this.seenAt.delete(k);
    }
    if (this.seenAt.has(key)) return false;
    this.seenAt.set(key, nowMs);
    return true;
  }
}
