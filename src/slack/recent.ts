/**
 * Keys seen recently, forgotten after a while: Slack delivers a mention as both a `message` and an `app_mention`
 * event (and retries events it thinks were lost), and the app must act on it once.
 */
export class RecentKeys {
  private readonly seenAt = new Map<string, number>();

  constructor(
    private readonly ttlMs = 10 * 60 * 1000,
    private readonly maxKeys = 50_000,
  ) {}

  /** true the first time `key` is offered within the time-to-live */
  firstTime(key: string, nowMs: number): boolean {
    for (const [k, at] of this.seenAt) {
      if (nowMs - at < this.ttlMs && this.seenAt.size < this.maxKeys) break;
      this.seenAt.delete(k);
    }
    if (this.seenAt.has(key)) return false;
    this.seenAt.set(key, nowMs);
    return true;
  }
}
