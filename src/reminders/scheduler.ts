/**
 * The reminder scheduler: one loop (every 15 s by default) that claims due reminders, posts them and marks
 * them sent. Several schedulers (processes) may share one database.
 *
 * Delivery guarantees, given the store's claim (pending → sending with a lease, in one IMMEDIATE transaction):
 * - a reminder is only ever `sent` after its post succeeded, so a crash loses none;
 * - a claim carries a lease (default 60 s) that the scheduler renews every third of it while it holds the row
 *   (a timer, so a slow Slack call does not let it lapse); only a lease that ran out is taken over, by any
 *   scheduler, and a scheduler starting up waits like any other. So two live schedulers never post the same
 *   reminder; a crash repeats at most the messages that were in flight (posted, not yet marked), once each,
 *   after the lease runs out;
 * - trouble with Slack never gives a reminder up quickly: a 429 or 5xx, a network error or a call that takes
 *   longer than the per-call timeout puts it back to pending, due again after a backoff (exponential in the
 *   attempts, with a floor — `Retry-After: 0` is not "now" — full jitter and a cap); other channels go on
 *   meanwhile. A reminder is given up (failed) only on a permanent error (no token, channel gone) or when it is
 *   stale: more than `staleAfterMs` (a day) late, or still unsent when the next reminder of its case falls due;
 * - Slack's pacing: at most one message a second per channel; a 429 holds back the whole workspace until its
 *   Retry-After; up to `concurrency` channels are posted to at once, so one slow channel holds no other.
 *
 * Clock and sleep are injected so that tests run on a fake clock; the lease timer and the per-call timeout use
 * real timers.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
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
  | 'claimDueReminders'
  | 'renewReminderLeases'
  | 'nextCaseReminderDue'
  | 'markReminderSent'
  | 'releaseReminder'
  | 'markReminderFailed'
  | 'addCaseEvent'
> &
  Partial<Pick<Store, 'checkpoint'>>;

export interface SchedulerOptions {
  intervalMs?: number;
  /** reminders claimed at once; the tick claims again while batches come back full */
  batchSize?: number;
  /** how long a claim holds without renewal; renewed every third of it */
  leaseMs?: number;
  /** the gap between two messages in one channel */
  channelGapMs?: number;
  /** channels posted to at once */
  concurrency?: number;
  /** a post that takes longer counts as a network error (the reminder is retried later) */
  callTimeoutMs?: number;
  /** the first retry's delay; doubled per attempt up to `backoffCapMs`, then jittered (50–100 %) */
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** no retry sooner than this, whatever Retry-After says */
  backoffFloorMs?: number;
  /** a reminder this late is given up */
  staleAfterMs?: number;
  /** a reminder posted this long after its due time is marked as late */
  lateAfterMs?: number;
  /** the jitter source, [0, 1); tests fix it */
  random?: () => number;
  /** this scheduler's name on its claims (default: host, pid and a random suffix) */
  owner?: string;
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
  readonly owner: string;
  /** one tick */
  tick(): Promise<TickReport>;
  /** runs a tick at once, then a tick every interval, until stop() */
  start(): void;
  stop(): Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const silentLog: SchedulerLog = { info: () => {}, error: () => {} };

export const DEFAULT_STALE_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * The delay before retry number `attempt` (1 = the first retry): base × 2^(attempt−1), capped, with full jitter
 * between half and all of it, never under the floor nor under what Slack asked for (`retryAfterMs`).
 */
export function retryDelay(
  attempt: number,
  o: { baseMs: number; capMs: number; floorMs: number; retryAfterMs?: number; random: () => number },
): number {
  const exp = Math.min(o.capMs, o.baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  const jittered = exp * (0.5 + 0.5 * o.random());
  const asked = o.retryAfterMs === undefined ? 0 : o.retryAfterMs + o.floorMs * o.random();
  return Math.round(Math.max(o.floorMs, o.retryAfterMs === undefined ? jittered : asked));
}

function timeout<T>(work: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    work,
    new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export function createScheduler(deps: SchedulerDeps): Scheduler {
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? realSleep;
  const log = deps.log ?? silentLog;
  const o = deps.options ?? {};
  const batchSize = o.batchSize ?? 50;
  const leaseMs = o.leaseMs ?? DEFAULT_LEASE_MS;
  // never longer than a lease: a claim abandoned by a dead process is taken over within a lease and a tick
  const intervalMs = Math.min(o.intervalMs ?? 15_000, leaseMs);
  const channelGapMs = o.channelGapMs ?? 1_000;
  const concurrency = Math.max(1, o.concurrency ?? 4);
  const callTimeoutMs = o.callTimeoutMs ?? 15_000;
  const backoff = {
    baseMs: o.backoffBaseMs ?? 2_000,
    capMs: o.backoffCapMs ?? 5 * 60_000,
    floorMs: o.backoffFloorMs ?? 1_000,
    random: o.random ?? Math.random,
  };
  const staleAfterMs = o.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  const lateAfterMs = o.lateAfterMs ?? 2 * (o.intervalMs ?? 15_000);
  const owner = o.owner ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const { store, poster } = deps;

  /** when each channel may take its next message */
  const channelFreeAt = new Map<string, number>();
  /** a 429 holds back every channel of the workspace until then */
  const workspaceFreeAt = new Map<string, number>();
  const channelKey = (r: Reminder) => `${r.workspaceId}/${r.channelId}`;
  /** the reminders this scheduler holds (claimed, not yet marked) */
  const held = new Map<number, Reminder>();

  const renew = async () => {
    if (held.size === 0) return;
    try {
      const list = [...held.values()].map((r) => ({ workspaceId: r.workspaceId, id: r.id }));
      const kept = new Set(await store.renewReminderLeases(list, owner, now() + leaseMs));
      for (const id of [...held.keys()]) {
        if (!kept.has(id)) {
          held.delete(id);
          log.error(`reminder ${id}: its lease ran out and another scheduler took it; not posting it here`);
        }
      }
    } catch (error) {
      log.error(`renewing reminder leases failed: ${error instanceof Error ? error.message : error}`);
    }
  };

  async function staleReason(r: Reminder, at: number): Promise<string | null> {
    if (at - r.dueAt > staleAfterMs) {
      return `stale: ${Math.round((at - r.dueAt) / 60_000)} min late (given up after ${Math.round(staleAfterMs / 60_000)} min)`;
    }
    if (r.caseId !== null) {
      const next = await store.nextCaseReminderDue(r.workspaceId, r.caseId, r.dueAt, r.id);
      if (next !== null && at >= next) return 'stale: the next reminder of its case is already due';
    }
    return null;
  }

  async function release(r: Reminder, error: string, delayMs: number, report: TickReport): Promise<void> {
    await store.releaseReminder(r.workspaceId, r.id, error, now() + delayMs);
    report.released += 1;
  }

  async function deliver(r: Reminder, report: TickReport): Promise<void> {
    const key = channelKey(r);
    const free = channelFreeAt.get(key) ?? 0;
    if (free > now()) await sleep(free - now());
    if (!held.has(r.id)) return; // taken over meanwhile (our lease lapsed)
    const at = now();
    const stale = await staleReason(r, at);
    if (stale) {
      await store.markReminderFailed(r.workspaceId, r.id, `${stale}; last error: ${r.lastError ?? 'none'}`);
      log.error(`reminder ${r.id} (${r.workspaceId}, ${r.channelId}) given up: ${stale}`);
      report.failed += 1;
      return;
    }
    const paused = workspaceFreeAt.get(r.workspaceId) ?? 0;
    if (paused > at) {
      await release(
        r,
        r.lastError ?? 'HTTP 429 ratelimited',
        paused - at + Math.round(backoff.floorMs * backoff.random()),
        report,
      );
      return;
    }
    const message = renderReminder(r, at, lateAfterMs);
    let outcome: PostOutcome;
    try {
      const result = await timeout(poster.post(message), callTimeoutMs);
      outcome =
        result === 'timeout'
          ? { ok: false, kind: 'transient', error: `no answer from Slack in ${callTimeoutMs} ms` }
          : result;
    } catch (error) {
      outcome = { ok: false, kind: 'transient', error: error instanceof Error ? error.message : String(error) };
    }
    channelFreeAt.set(key, now() + channelGapMs);
    if (outcome.ok) {
      await store.markReminderSent(r.workspaceId, r.id, now(), outcome.ts);
      report.sent += 1;
      if (message.late) report.late += 1;
      if (r.caseId !== null) {
        try {
          await store.addCaseEvent(r.workspaceId, r.caseId, {
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
      await store.markReminderFailed(r.workspaceId, r.id, outcome.error);
      log.error(`reminder ${r.id} (${r.workspaceId}, ${r.channelId}) failed: ${outcome.error}`);
      report.failed += 1;
      return;
    }
    if (outcome.kind === 'rate-limited') {
      const delay = retryDelay(r.attempts, { ...backoff, retryAfterMs: Math.max(0, outcome.retryAfterMs) });
      workspaceFreeAt.set(r.workspaceId, now() + delay);
      await release(r, outcome.error, delay, report);
      log.error(`reminder ${r.id} (${r.workspaceId}) rate limited; due again in ${delay} ms`);
      return;
    }
    const delay = retryDelay(r.attempts, backoff);
    await release(r, outcome.error, delay, report);
    log.error(
      `reminder ${r.id} (${r.workspaceId}, ${r.channelId}) not posted (${outcome.error}); again in ${delay} ms`,
    );
  }

  /**
   * Each channel's reminders in due order, one at a time; up to `concurrency` channels at once, the channel whose
   * earliest reminder is due first going first.
   */
  async function deliverAll(batch: Reminder[], report: TickReport): Promise<void> {
    const byChannel = new Map<string, Reminder[]>();
    for (const r of batch) {
      const list = byChannel.get(channelKey(r));
      if (list) list.push(r);
      else byChannel.set(channelKey(r), [r]);
    }
    const queues = [...byChannel.values()];
    const worker = async () => {
      for (let queue = queues.shift(); queue; queue = queues.shift()) {
        for (const r of queue) {
          try {
            await deliver(r, report);
          } catch (error) {
            // the store failed (a busy or vanished file): the lease runs out and the reminder is claimed again
            log.error(`reminder ${r.id} (${r.workspaceId}): ${error instanceof Error ? error.message : error}`);
          } finally {
            held.delete(r.id);
          }
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, queues.length) }, worker));
  }

  let running = false;
  async function tick(): Promise<TickReport> {
    const report: TickReport = { claimed: 0, sent: 0, late: 0, released: 0, failed: 0 };
    if (running) return report;
    running = true;
    const renewer = setInterval(renew, Math.max(10, Math.floor(leaseMs / 3)));
    renewer.unref?.();
    try {
      for (;;) {
        const batch = await store.claimDueReminders(now(), batchSize, leaseMs, owner);
        for (const r of batch) held.set(r.id, r);
        report.claimed += batch.length;
        await deliverAll(batch, report);
        if (batch.length < batchSize) break;
      }
    } finally {
      clearInterval(renewer);
      held.clear();
      running = false;
      // the tick's writes go into the database file now, between ticks, rather than inside a later claim
      try {
        await store.checkpoint?.();
      } catch (error) {
        log.error(`checkpoint after a reminder tick failed: ${error instanceof Error ? error.message : error}`);
      }
    }
    return report;
  }

  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = true;
  let current: Promise<unknown> = Promise.resolve();
  const loop = () => {
    current = tick()
      .then((report) => {
        if (report.claimed > 0) {
          log.info(
            `reminders: ${report.sent} sent (${report.late} late), ${report.released} to retry, ${report.failed} failed`,
          );
        }
      })
      .catch((error: unknown) => log.error(`reminder tick failed: ${error instanceof Error ? error.message : error}`))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, intervalMs);
      });
  };

  return {
    owner,
    tick,
    start() {
      if (!stopped) return;
      stopped = false;
      loop();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await current;
    },
  };
}
