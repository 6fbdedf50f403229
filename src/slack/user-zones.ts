/**
 * The askers' zones in memory, in front of the store's user_zones table (which keeps a users.info answer for a
 * day): a request whose asker is here touches neither SQLite nor Slack. An entry lives `USER_ZONE_MEMORY_MS` (an
 * hour) from when it was put here, so a zone shown is at most a day and an hour old; at most `maxEntries` are kept,
 * the oldest dropped first (about 150 bytes each). It also holds the users.info calls in flight, so that a second
 * question from the same asker waits on the first call instead of making another.
 */
export const USER_ZONE_MEMORY_MS = 60 * 60 * 1000;

export class UserZoneCache {
  private readonly zones = new Map<string, { zone: string; at: number; locale?: string }>();
  /** users.info calls in flight: the zone and the Slack locale they bring */
  readonly inFlight = new Map<string, Promise<{ zone: string | undefined; locale: string } | undefined>>();

  constructor(readonly maxEntries = 20_000) {}

  static key(workspaceId: string, userId: string): string {
    return `${workspaceId}\u0000${userId}`;
  }

  get(key: string, now: number): string | undefined {
    const entry = this.zones.get(key);
    if (!entry) return undefined;
    if (now - entry.at > USER_ZONE_MEMORY_MS || now < entry.at) {
      this.zones.delete(key);
      return undefined;
    }
    return entry.zone;
  }

  /** the Slack locale remembered with the zone ('' when Slack gave none; undefined when not asked) */
  localeOf(key: string): string | undefined {
    return this.zones.get(key)?.locale;
  }

  set(key: string, zone: string, now: number, locale?: string): void {
    this.zones.delete(key);
    this.zones.set(key, locale === undefined ? { zone, at: now } : { zone, at: now, locale });
    if (this.zones.size > this.maxEntries) {
      const oldest = this.zones.keys().next().value;
      if (oldest !== undefined) this.zones.delete(oldest);
    }
  }

  get size(): number {
    return this.zones.size;
  }
}
