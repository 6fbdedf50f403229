/**
 * The reminder scheduler: one loop (every 15 s by default) that claims due reminders, posts them and marks
 * them sent.
 *
 * Delivery guarantees, given the store's claim (pending → sending with attempts + 1, in one transaction):
 * - a restart loses none: a row is only ever `sent` after its post succeeded; rows left `sending` by a crash
 *   are claimed again (at start-up at once, with a zero lease, since this loop is the only poster);
 * - a restart repeats none marked sent, and at most the one message that was posted but not yet marked:
 *   messages are posted one at a time, each marked before the next is posted;
 * - reminders that fell due while the app was down are posted once by the first tick, marked as late.
 *
 * Slack's limits: at most one message a second per channel (the pacer; other channels go first meanwhile),
 * HTTP 429 waits for Retry-After and tries again, 5xx and network errors retry with backoff and then leave
 * the reminder pending for the next tick with a logged error; permanent errors (no token, channel gone)
 * mark it failed. Clock and sleep are injected so that tests run on a fake clock.
 */

import type { Reminder } from '../model/records.js';
import { DEFAULT_LEASE_MS, type Store } from '../store/index.js';
import { type OutgoingMessage, renderReminder } from './message.js';

export type PostOutcome =
  | { ok: true; ts: string | null }
  | { ok: false; kind: 'rate-limited'; retryAfterMs: number; error: string }
  | { ok: false; kind: 'transient'; error: string }
  | { ok: false; kind: 'permanent'; error: string };

export interface ReminderPoster {
  post(message: OutgoingMessage): Promise<PostOutcome>;
}

export interface SchedulerLog {
  info(message: string): void;
  error(message: string): void;
}

export type SchedulerStore = Pick<
  Store,
  'claimDueReminders' | 'markReminderSent' | 'releaseReminder' | 'markReminderFailed' | 'addCaseEvent'
> &
  Partial<Pick<Store, 'checkpoint'>>;

export interface SchedulerOptions {
  intervalMs?: number;
  /** reminders claimed at once; the tick claims again while batches come back full */
  batchSize?: number;
  leaseMs?: number;
  /** the gap between two messages in one channel */
  channelGapMs?: number;
  /** waits between tries on a 5xx or network error; then the reminder waits for the next tick */
  backoffMs?: number[];
  /** a Retry-After longer than this releases the reminder instead of holding the loop */
  maxRetryAfterMs?: number;
  /** 429s waited out for one message before it is released */
  maxRateLimitWaits?: number;
  /** claims of one reminder before it is marked failed */
  maxAttempts?: number;
  /** a reminder posted this long after its due time is marked as late */
  lateAfterMs?: number;
}

export interface SchedulerDeps {
  store: SchedulerStore;
  poster: ReminderPoster;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  log?: SchedulerLog;
  options?: SchedulerOptions;
  /** called after each message is marked sent (tests and the console use it) */
  onSent?: (message: OutgoingMessage, reminder: Reminder) => void;
}

export interface TickReport {
  claimed: number;
  sent: number;
  late: number;
  released: number;
  failed: number;
}

export interface Scheduler {
  /** one tick; `startup` reclaims every reminder left `sending` by a crashed process at once */
  tick(opts?: { startup?: boolean }): Promise<TickReport>;
  /** runs a start-up tick, then a tick every interval, until stop() */
  start(): void;
  stop(): Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const silentLog: SchedulerLog = { info: () => {}, error: () => {} };

export function createScheduler(deps: SchedulerDeps): Scheduler {
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? realSleep;
  const log = deps.log ?? silentLog;
  const o = deps.options ?? {};
  const intervalMs = o.intervalMs ?? 15_000;
  const batchSize = o.batchSize ?? 50;
  const leaseMs = o.leaseMs ?? DEFAULT_LEASE_MS;
  const channelGapMs = o.channelGapMs ?? 1_000;
  const backoffMs = o.backoffMs ?? [1_000, 2_000, 4_000];
  const maxRetryAfterMs = o.maxRetryAfterMs ?? 60_000;
  const maxRateLimitWaits = o.maxRateLimitWaits ?? 3;
  const maxAttempts = o.maxAttempts ?? 10;
  const lateAfterMs = o.lateAfterMs ?? 2 * intervalMs;
  const { store, poster } = deps;

  /** when each channel may take its next message */
  const channelFreeAt = new Map<string, number>();
  const channelKey = (r: Reminder) => `${r.workspaceId}/${r.channelId}`;

  async function waitForChannel(key: string): Promise<void> {
    const free = channelFreeAt.get(key) ?? 0;
    const wait = free - now();
    if (wait > 0) await sleep(wait);
  }

  async function deliver(r: Reminder, report: TickReport): Promise<void> {
    if (r.attempts > maxAttempts) {
      store.markReminderFailed(r.workspaceId, r.id, `gave up after ${r.attempts - 1} attempts: ${r.lastError ?? ''}`);
      log.error(`reminder ${r.id} (${r.workspaceId}) failed: gave up after ${r.attempts - 1} attempts`);
      report.failed += 1;
      return;
    }
    const key = channelKey(r);
    let transientTries = 0;
    let rateLimitWaits = 0;
    for (;;) {
      await waitForChannel(key);
      const message = renderReminder(r, now(), lateAfterMs);
      let outcome: PostOutcome;
      try {
        outcome = await poster.post(message);
      } catch (error) {
        outcome = { ok: false, kind: 'transient', error: error instanceof Error ? error.message : String(error) };
      }
      channelFreeAt.set(key, now() + channelGapMs);
      if (outcome.ok) {
        store.markReminderSent(r.workspaceId, r.id, now(), outcome.ts);
        report.sent += 1;
        if (message.late) report.late += 1;
        if (r.caseId !== null) {
          try {
            store.addCaseEvent(r.workspaceId, r.caseId, {
              kind: 'reminded',
              at: now(),
              source: 'auto',
              data: { reminderId: r.id, kind: r.kind, late: message.late },
            });
          } catch {
            // the history line is a courtesy; the reminder itself is marked sent
          }
        }
        deps.onSent?.(message, r);
        return;
      }
      if (outcome.kind === 'permanent') {
        store.markReminderFailed(r.workspaceId, r.id, outcome.error);
        log.error(`reminder ${r.id} (${r.workspaceId}, ${r.channelId}) failed: ${outcome.error}`);
        report.failed += 1;
        return;
      }
      if (outcome.kind === 'rate-limited') {
        rateLimitWaits += 1;
        if (outcome.retryAfterMs > maxRetryAfterMs || rateLimitWaits > maxRateLimitWaits) {
          store.releaseReminder(r.workspaceId, r.id, outcome.error, now() + outcome.retryAfterMs);
          log.error(`reminder ${r.id} (${r.workspaceId}) rate limited; due again in ${outcome.retryAfterMs} ms`);
          report.released += 1;
          return;
        }
        channelFreeAt.set(key, now() + outcome.retryAfterMs);
        continue;
      }
      const backoff = backoffMs[transientTries];
      transientTries += 1;
      if (backoff === undefined) {
        store.releaseReminder(r.workspaceId, r.id, outcome.error, now() + intervalMs);
        log.error(`reminder ${r.id} (${r.workspaceId}) not posted, tried ${transientTries} times: ${outcome.error}`);
        report.released += 1;
        return;
      }
      await sleep(backoff);
    }
  }

  /** Posts one at a time, taking first a reminder whose channel is free (the order is due time otherwise). */
  async function deliverAll(batch: Reminder[], report: TickReport): Promise<void> {
    const queue = [...batch];
    while (queue.length > 0) {
      const t = now();
      let index = queue.findIndex((r) => (channelFreeAt.get(channelKey(r)) ?? 0) <= t);
      if (index < 0) index = 0;
      const [next] = queue.splice(index, 1);
      if (next) await deliver(next, report);
    }
  }

  let running = false;
  async function tick(opts: { startup?: boolean } = {}): Promise<TickReport> {
    const report: TickReport = { claimed: 0, sent: 0, late: 0, released: 0, failed: 0 };
    if (running) return report;
    running = true;
    try {
      let lease = opts.startup ? 0 : leaseMs;
      for (;;) {
        const batch = store.claimDueReminders(now(), batchSize, lease);
        lease = leaseMs;
        report.claimed += batch.length;
        await deliverAll(batch, report);
        if (batch.length < batchSize) break;
      }
    } finally {
      running = false;
      // the tick's writes go into the database file now, between ticks, rather than inside a later claim
      try {
        store.checkpoint?.();
      } catch (error) {
        log.error(`checkpoint after a reminder tick failed: ${error instanceof Error ? error.message : error}`);
      }
    }
    return report;
  }

  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = true;
  let current: Promise<unknown> = Promise.resolve();
  const loop = (startup: boolean) => {
    current = tick({ startup })
      .then((report) => {
        if (report.claimed > 0) {
          log.info(
            `reminders: ${report.sent} sent (${report.late} late), ${report.released} to retry, ${report.failed} failed`,
          );
        }
      })
      .catch((error: unknown) => log.error(`reminder tick failed: ${error instanceof Error ? error.message : error}`))
      .finally(() => {
        if (!stopped) timer = setTimeout(() => loop(false), intervalMs);
      });
  };

  return {
    tick,
    start() {
      if (!stopped) return;
      stopped = false;
      loop(true);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await current;
    },
  };
}
