/**
 * Issue 12, findings 6 and 7: delivery that survives Slack, and two schedulers that never post twice. The
 * scheduler posts through the real Web API client to the fake Slack on loopback (429s, 5xx, hangs, latency);
 * the stores are real SQLite files.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createScheduler, type Scheduler, type SchedulerOptions } from '../../src/reminders/scheduler.js';
import { slackPoster } from '../../src/slack/poster.js';
import { openStore, type Store } from '../../src/store/index.js';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.js';
import { tempDir } from '../support/store.js';

const T0 = Date.UTC(2026, 2, 2, 9, 0);
const TOKEN = 'xoxb-delivery';
const temp = tempDir();
let fake: FakeSlack;
let store: Store;

beforeEach(async () => {
  fake = await startFakeSlack();
  store = await openStore(temp.file('delivery.db'));
});
afterEach(async () => {
  await store.close();
  await fake.close();
  temp.cleanup();
});

async function schedule(s: Store, count: number, channels: number, dueAt = T0, ws = 'T1') {
  for (let i = 0; i < count; i++) {
    await s.scheduleReminder(ws, {
      channelId: `C${i % channels}`,
      kind: 'update-breach',
      dueAt: dueAt - (count - i),
      text: `reminder ${i}`,
      dedupeKey: `k${i}`,
    });
  }
}

function scheduler(s: Store, clock: { t: number }, options: SchedulerOptions = {}): Scheduler {
  return createScheduler({
    store: s,
    poster: slackPoster({ store: s, botToken: TOKEN, slackApiUrl: fake.apiUrl, timeoutMs: 5_000 }),
    now: () => clock.t,
    sleep: async (ms) => {
      clock.t += ms;
    },
    options: { channelGapMs: 0, ...options },
  });
}

const posted = () => fake.callsTo('chat.postMessage');
const delivered = () => posted().filter((c) => c.ok === true);

function countsByText(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const call of delivered()) {
    const own = /reminder \d+$/.exec(String(call.params.text))?.[0] ?? String(call.params.text);
    counts.set(own, (counts.get(own) ?? 0) + 1);
  }
  return counts;
}

describe('delivery that survives Slack', () => {
  it('a 429 with Retry-After: 0 is not "now": no storm of calls, no reminder given up', async () => {
    await schedule(store, 120, 12);
    fake.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 0, times: 1_000_000 });
    const clock = { t: T0 };
    const s = scheduler(store, clock);
    // 20 s of ticks, one a second (the loop itself ticks every 15 s)
    for (let i = 0; i < 20; i++) {
      await s.tick();
      clock.t += 1_000;
    }
    // at most one call per channel posted to at once (4) per tick; the unguarded scheduler made 4,800 in 20 s
    expect(posted().length).toBeLessThanOrEqual(80);
    expect(await store.listReminders('T1', { status: 'failed' })).toEqual([]);
    // Slack is back: every reminder goes out once
    fake.failNext('chat.postMessage', { times: 0 });
    for (let i = 0; i < 40 && (await store.listReminders('T1', { status: 'sent' })).length < 120; i++) {
      clock.t += 15_000;
      await s.tick();
    }
    expect(await store.listReminders('T1', { status: 'sent' })).toHaveLength(120);
    expect([...countsByText().values()].every((n) => n === 1)).toBe(true);
  });

  it('a five-minute 5xx outage delays the reminders; none is failed, each goes out once after', async () => {
    await schedule(store, 2, 2);
    fake.failNext('chat.postMessage', { status: 503, times: 1_000_000 });
    const clock = { t: T0 };
    const s = scheduler(store, clock);
    for (; clock.t < T0 + 5 * 60_000; clock.t += 15_000) await s.tick();
    expect(await store.listReminders('T1', { status: 'failed' })).toEqual([]);
    expect((await store.listReminders('T1', { status: 'pending' }))[0]!.lastError).toMatch(/HTTP 503/);
    fake.failNext('chat.postMessage', { times: 0 });
    for (let i = 0; i < 40 && (await store.listReminders('T1', { status: 'sent' })).length < 2; i++) {
      clock.t += 15_000;
      await s.tick();
    }
    expect(await store.listReminders('T1', { status: 'sent' })).toHaveLength(2);
    expect(countsByText()).toEqual(
      new Map([
        ['reminder 0', 1],
        ['reminder 1', 1],
      ]),
    );
  });

  it('a hanging channel times out per call and holds no other channel', async () => {
    await schedule(store, 6, 6); // reminder 0 (earliest) in C0, which hangs
    fake.failNext('chat.postMessage', { hang: true, times: 1_000_000, match: (p) => p.channel === 'C0' });
    const clock = { t: T0 };
    const s = scheduler(store, clock, { callTimeoutMs: 1_500, concurrency: 2 });
    const report = await s.tick();
    expect(report).toMatchObject({ sent: 5, released: 1, failed: 0 });
    const slow = posted().find((c) => c.params.channel === 'C0')!;
    const others = delivered();
    expect(others).toHaveLength(5);
    // every other channel was served while the slow call was still hanging
    expect(others.every((c) => c.at < slow.at + 1_500)).toBe(true);
    const back = await store.listReminders('T1', { status: 'pending' });
    expect(back).toHaveLength(1);
    expect(back[0]!.lastError).toMatch(/no answer from Slack in 1500 ms|timeout/i);
  });

  it('a reminder is given up only when stale: more than a day late, or past the next reminder of its case', async () => {
    const kase = await store.createCase('T1', {
      channelId: 'C1',
      threadTs: '1.1',
      contractId: null,
      severity: null,
      productScope: null,
      vendorRef: null,
      openedAt: T0 - 3_600_000,
      openedBy: 'U1',
    });
    const base = { channelId: 'C1', threadTs: '1.1', caseId: kase.id };
    const warning = await store.scheduleReminder('T1', {
      ...base,
      kind: 'response-warning',
      dueAt: T0 - 40 * 60_000,
      text: 'warning',
      dedupeKey: 'w',
    });
    await store.scheduleReminder('T1', {
      ...base,
      kind: 'response-breach',
      dueAt: T0 - 10 * 60_000,
      text: 'breach',
      dedupeKey: 'b',
    });
    const ancient = await store.scheduleReminder('T1', {
      channelId: 'C2',
      kind: 'date-cutoff',
      dueAt: T0 - 25 * 3_600_000,
      text: 'ancient',
      dedupeKey: 'a',
    });
    const recent = await store.scheduleReminder('T1', {
      channelId: 'C3',
      kind: 'date-cutoff',
      dueAt: T0 - 23 * 3_600_000,
      text: 'recent',
      dedupeKey: 'r',
    });
    const clock = { t: T0 };
    const report = await scheduler(store, clock).tick();
    expect(report).toMatchObject({ sent: 2, failed: 2 });
    expect(await store.getReminder('T1', warning.id)).toMatchObject({
      status: 'failed',
      lastError: expect.stringMatching(/stale: the next reminder/),
    });
    expect(await store.getReminder('T1', ancient.id)).toMatchObject({
      status: 'failed',
      lastError: expect.stringMatching(/stale: .* late/),
    });
    expect((await store.getReminder('T1', recent.id))!.status).toBe('sent');
    expect(
      delivered()
        .map((c) => c.params.text as string)
        .map((t) => t.replace(/^\(Posted late:.*?\.\) /, '')),
    ).toEqual(expect.arrayContaining(['breach', 'recent']));
  });
});

describe('two schedulers on one database', () => {
  it('never post a reminder twice, though batches outlast the lease and a second one starts meanwhile', async () => {
    await schedule(store, 40, 4, Date.now());
    fake.setLatency(60);
    const other = await openStore(store.path);
    try {
      // real time: leases are renewed by a timer; 300 ms leases, while a batch takes ~600 ms per channel
      const clock = {
        get t() {
          return Date.now();
        },
        set t(_v: number) {},
      };
      const options = { leaseMs: 300, backoffBaseMs: 50, backoffFloorMs: 20, backoffCapMs: 200 };
      const a = scheduler(store, clock, options);
      const b = scheduler(other, clock, options);
      let aDone = false;
      const runA = a.tick().finally(() => {
        aDone = true;
      });
      // b starts up while a is posting, and ticks on: it takes none of a's live claims (a renews them)
      let bClaimed = 0;
      while (!aDone) {
        await new Promise((r) => setTimeout(r, 50));
        bClaimed += (await b.tick()).claimed;
      }
      expect(bClaimed).toBe(0);
      fake.failNext('chat.postMessage', { status: 503, times: 3 });
      await runA;
      fake.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 0, times: 2 });
      for (let i = 0; i < 100 && (await store.listReminders('T1', { status: 'sent' })).length < 40; i++) {
        await Promise.all([a.tick(), b.tick()]);
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(await store.listReminders('T1', { status: 'sent' })).toHaveLength(40);
      const counts = countsByText();
      expect(counts.size).toBe(40);
      expect([...counts.entries()].filter(([, n]) => n > 1)).toEqual([]);
    } finally {
      await other.close();
    }
  }, 60_000);

  it('a claim whose holder died is taken over once its lease ran out, and posted once', async () => {
    await schedule(store, 3, 1);
    await store.claimDueReminders(T0, 10, 1_000, 'dead-process');
    const clock = { t: T0 + 500 };
    const s = scheduler(store, clock);
    expect((await s.tick()).claimed).toBe(0);
    clock.t = T0 + 1_000;
    expect((await s.tick()).sent).toBe(3);
    expect([...countsByText().values()]).toEqual([1, 1, 1]);
  });
});
