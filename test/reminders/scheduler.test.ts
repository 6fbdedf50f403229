import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../src/reminders/message.js';
import { createScheduler, type PostOutcome } from '../../src/reminders/scheduler.js';
import { openStore, type Store } from '../../src/store/index.js';

const T0 = Date.UTC(2026, 2, 2, 9, 0);

/** A fake clock: sleeping advances it. */
function fakeTime(start = T0) {
  const clock = { t: start, slept: [] as number[] };
  return {
    clock,
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.slept.push(ms);
      clock.t += ms;
    },
  };
}

/** A poster that records what it posts (with the fake time) and answers from a script, then ok. */
function fakePoster(time: ReturnType<typeof fakeTime>, script: PostOutcome[] = []) {
  const posted: (OutgoingMessage & { at: number })[] = [];
  const attempts: string[] = [];
  return {
    posted,
    attempts,
    async post(message: OutgoingMessage): Promise<PostOutcome> {
      attempts.push(message.channel);
      const next = script.shift();
      if (next && !next.ok) return next;
      posted.push({ ...message, at: time.clock.t });
      return { ok: true, ts: `${posted.length}.000` };
    },
  };
}

let store: Store;
beforeEach(async () => {
  store = await openStore(':memory:', { now: () => T0 });
});
afterEach(async () => await store.close());

async function remind(ws: string, channel: string, key: string, dueAt: number, kind = 'response-breach') {
  return await store.scheduleReminder(ws, {
    channelId: channel,
    threadTs: '1.1',
    kind,
    dueAt,
    text: `text ${key}`,
    dedupeKey: key,
  });
}

describe('scheduler tick', () => {
  it('posts what is due, earliest first, marks it sent, and never posts it again', async () => {
    const time = fakeTime();
    const poster = fakePoster(time);
    await remind('T1', 'C1', 'b', T0 - 5_000);
    await remind('T1', 'C2', 'a', T0 - 10_000);
    await remind('T1', 'C3', 'later', T0 + 60_000);
    const scheduler = createScheduler({ store, poster, now: time.now, sleep: time.sleep });
    const report = await scheduler.tick();
    expect(report).toMatchObject({ claimed: 2, sent: 2, late: 0 });
    expect(poster.posted.map((p) => p.text)).toEqual(['text a', 'text b']);
    const sent = await store.listReminders('T1', { status: 'sent' });
    expect(sent.map((r) => r.dedupeKey).sort()).toEqual(['a', 'b']);
    expect(sent.every((r) => r.postedTs !== null)).toBe(true);
    expect((await scheduler.tick()).claimed).toBe(0);
    expect(poster.posted).toHaveLength(2);
  });

  it('keeps one message a second per channel, posting to other channels meanwhile', async () => {
    const time = fakeTime();
    const poster = fakePoster(time);
    await remind('T1', 'C1', 'c1-a', T0 - 3_000);
    await remind('T1', 'C1', 'c1-b', T0 - 2_000);
    await remind('T1', 'C2', 'c2-a', T0 - 1_000);
    const scheduler = createScheduler({ store, poster, now: time.now, sleep: time.sleep });
    await scheduler.tick();
    expect(poster.posted.map((p) => p.text)).toEqual(['text c1-a', 'text c2-a', 'text c1-b']);
    const inC1 = poster.posted.filter((p) => p.channel === 'C1');
    expect(inC1[1]!.at - inC1[0]!.at).toBeGreaterThanOrEqual(1_000);
  });

  it('puts a reminder back until Retry-After on a 429 (holding back its workspace), and a later tick posts it once', async () => {
    const time = fakeTime();
    const poster = fakePoster(time, [{ ok: false, kind: 'rate-limited', retryAfterMs: 3_000, error: 'HTTP 429' }]);
    const r = await remind('T1', 'C1', 'r', T0 - 1);
    await remind('T1', 'C1', 'same-workspace', T0);
    const scheduler = createScheduler({
      store,
      poster,
      now: time.now,
      sleep: time.sleep,
      options: { random: () => 0 },
    });
    const report = await scheduler.tick();
    expect(report).toMatchObject({ sent: 0, released: 2, failed: 0 });
    // the next reminder of the rate-limited workspace was not even tried
    expect(poster.attempts).toEqual(['C1']);
    const back = (await store.getReminder('T1', r.id))!;
    expect(back).toMatchObject({ status: 'pending', lastError: 'HTTP 429' });
    expect(back.dueAt).toBeGreaterThanOrEqual(T0 + 3_000);
    expect((await scheduler.tick()).claimed).toBe(0);
    time.clock.t = back.dueAt + 2_000;
    expect((await scheduler.tick()).sent).toBe(2);
    expect(poster.posted.map((p) => p.text).sort()).toEqual(['text r', 'text same-workspace']);
  });

  it('retries 5xx later with backoff, not in line, with the error logged, and posts when Slack is back', async () => {
    const time = fakeTime();
    const failure: PostOutcome = { ok: false, kind: 'transient', error: 'HTTP 503' };
    const poster = fakePoster(time, [failure, failure, failure, failure]);
    const errors: string[] = [];
    const r = await remind('T1', 'C1', 'x', T0);
    const scheduler = createScheduler({
      store,
      poster,
      now: time.now,
      sleep: time.sleep,
      log: { info: () => {}, error: (m) => errors.push(m) },
      options: { random: () => 1 },
    });
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      const report = await scheduler.tick();
      expect(report).toMatchObject({ sent: 0, released: 1, failed: 0 });
      const after = (await store.getReminder('T1', r.id))!;
      expect(after).toMatchObject({ status: 'pending', lastError: 'HTTP 503' });
      delays.push(after.dueAt - time.clock.t);
      time.clock.t = after.dueAt;
    }
    // doubling from 2 s: the queue is never held while waiting
    expect(delays).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(time.clock.slept).toEqual([]);
    expect(errors.join('\n')).toMatch(/HTTP 503/);
    expect((await scheduler.tick()).sent).toBe(1);
    expect((await store.getReminder('T1', r.id))!.status).toBe('sent');
  });

  it('marks a reminder failed on a permanent error (the channel is gone)', async () => {
    const time = fakeTime();
    const poster = fakePoster(time, [{ ok: false, kind: 'permanent', error: 'channel_not_found' }]);
    const r = await remind('T1', 'C1', 'gone', T0);
    const scheduler = createScheduler({ store, poster, now: time.now, sleep: time.sleep });
    expect((await scheduler.tick()).failed).toBe(1);
    expect(await store.getReminder('T1', r.id)).toMatchObject({ status: 'failed', lastError: 'channel_not_found' });
  });

  it('marks a reminder that fell due while the app was down as late, and posts it once', async () => {
    const time = fakeTime();
    const poster = fakePoster(time);
    await remind('T1', 'C1', 'old', T0 - 3 * 3_600_000);
    const scheduler = createScheduler({ store, poster, now: time.now, sleep: time.sleep });
    const report = await scheduler.tick();
    expect(report.late).toBe(1);
    expect(poster.posted[0]!.text).toMatch(
      /^\(Posted late: this reminder fell due .*while Entitlebot was not running\.\) text old/,
    );
    expect((await scheduler.tick()).claimed).toBe(0);
  });

  it('reposts a reminder a crashed process had claimed but not marked, once its lease ran out, and only that one', async () => {
    const time = fakeTime();
    await remind('T1', 'C1', 'crashed', T0 - 1_000);
    await remind('T1', 'C1', 'done', T0 - 2_000);
    // the previous process claimed both, posted and marked 'done', then died before marking 'crashed'
    const claimed = await store.claimDueReminders(T0, 10, 60_000, 'dead-process');
    const done = claimed.find((r) => r.dedupeKey === 'done')!;
    await store.markReminderSent('T1', done.id, T0, '9.9');
    const poster = fakePoster(time);
    const scheduler = createScheduler({ store, poster, now: time.now, sleep: time.sleep });
    // a start-up does not take over a live claim: the other process may still be posting it
    expect((await scheduler.tick()).claimed).toBe(0);
    time.clock.t = T0 + 60_000;
    await scheduler.tick();
    expect(poster.posted.map((p) => p.text)).toEqual([expect.stringMatching(/text crashed$/)]);
    expect(await store.listReminders('T1', { status: 'sent' })).toHaveLength(2);
  });

  it('adds reminder buttons to case reminders and broadcasts a breach when the workspace asks for it', async () => {
    const time = fakeTime();
    const poster = fakePoster(time);
    const kase = await store.createCase('T1', {
      channelId: 'C1',
      threadTs: '5.5',
      contractId: null,
      severity: null,
      productScope: null,
      vendorRef: null,
      openedAt: T0 - 60_000,
      openedBy: 'U1',
    });
    await store.scheduleReminder('T1', {
      caseId: kase.id,
      channelId: 'C1',
      threadTs: '5.5',
      kind: 'update-breach',
      dueAt: T0,
      text: 'Breach',
      payload: { broadcast: true, zone: 'Europe/Berlin' },
      dedupeKey: 'k',
    });
    const scheduler = createScheduler({ store, poster, now: time.now, sleep: time.sleep });
    await scheduler.tick();
    const msg = poster.posted[0]!;
    expect(msg.broadcast).toBe(true);
    expect(msg.threadTs).toBe('5.5');
    expect(msg.caseId).toBe(kase.id);
    expect((await store.listCaseEvents('T1', kase.id)).map((e) => e.kind)).toContain('reminded');
  });
});

describe('scheduler checkpoints', () => {
  it('moves the write-ahead log into the database after each tick, so that no later claim pays for it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eb-checkpoint-'));
    const fileStore = await openStore(join(dir, 'db.sqlite'), { now: () => T0 });
    try {
      for (let i = 0; i < 20; i++) {
        await fileStore.scheduleReminder('T1', {
          channelId: `C${i}`,
          threadTs: '1.1',
          kind: 'response-breach',
          dueAt: T0 - 1_000,
          text: `text ${i}`,
          dedupeKey: `k${i}`,
        });
      }
      const time = fakeTime();
      const calls: number[] = [];
      const spied = Object.assign(Object.create(fileStore) as Store, {
        checkpoint: async () => {
          const pages = await fileStore.checkpoint();
          calls.push(pages);
          return pages;
        },
      });
      const scheduler = createScheduler({ store: spied, poster: fakePoster(time), now: time.now, sleep: time.sleep });
      expect((await scheduler.tick()).sent).toBe(20);
      // one checkpoint, after the tick's claims and writes, which left nothing of the log uncopied
      expect(calls).toEqual([0]);
    } finally {
      await fileStore.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
