/**
 * Hostile input through the whole text path (handleText with the real knowledge, a SQLite store): dates far
 * from now, overlong text and a clock outside the covered years each get a clear answer, and nothing is stored.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HORIZON_YEARS, MAX_INPUT_CHARS } from '../../src/answers/index.js';
import { parseNow, UsageError } from '../../src/console/options.js';
import { handleText } from '../../src/conversation/handle.js';
import type { ConversationContext, ConversationDeps, Reply } from '../../src/conversation/types.js';
import { openStore, type Store } from '../../src/store/index.js';
import { knowledge } from '../support/cases.js';

let store: Store;
let deps: ConversationDeps;
const NOW = new Date('2026-12-02T10:00:00Z');

beforeEach(async () => {
  store = await openStore(':memory:', { now: () => NOW.getTime() });
  deps = { store, knowledge, search: undefined, clock: { now: () => new Date(NOW) } };
});
afterEach(async () => await store.close());

function say(text: string, opts: Partial<ConversationContext> = {}): Promise<Reply> {
  return handleText(
    deps,
    { workspaceId: 'T1', channelId: 'C1', userId: 'U1', now: new Date(NOW), via: 'console', ...opts },
    text,
  );
}

describe('dates more than ten years from now', () => {
  beforeEach(async () => {
    await say('contract add autodesk enterprise region=apac start=2026-01-01 end=2026-12-31');
    await say('contract add jamf gold zone=Europe/Berlin holidays=DE');
  });

  it('a deadline in 2499 is refused with the range that works (it used to compile every year up to 2499)', async () => {
    for (const text of ['due p4 at 2499-12-24 16:00', 'due at 2499-12-24 16:00', '期限 P1 金級 2499-12-24 16:00']) {
      const r = await say(text);
      expect(r.answer.kind).toBe('error');
      expect(r.answer.summary).toContain('2499-12-24');
      expect(r.answer.summary).toMatch(/2016-12-02.*2036-12-02/);
      expect(r.answer.times).toEqual([]);
    }
    // the edge of the horizon still answers
    const edge = await say('due p1 at 2036-11-24 16:00');
    expect(edge.answer.kind).toBe('due');
    expect(edge.answer.times.length).toBeGreaterThan(0);
    const past = await say('due p1 at 2016-12-05 10:00');
    expect(past.answer.kind).toBe('due');
  });

  it('a quota use, a fee, a contract term and a case event far away are refused, and nothing is stored', async () => {
    const quota = await say('quota use coaching 1 on 2499-01-15');
    expect(quota.answer.summary).toMatch(/2499-01-15 is more than 10 years from now/);
    expect(await store.listQuotaUses('T1')).toEqual([]);

    const fee = await say('fee cancel 2499-12-20 notice 2026-12-07');
    expect(fee.answer.summary).toMatch(/2499-12-20 .*more than 10 years/);
    const days = await say('fee cancel notice 99999999 days');
    expect(days.answer.summary).toMatch(/more than 10 years/);

    const before = (await store.listContracts('T1')).length;
    const added = await say('contract add jamf silver start=1900-01-01 end=2499-12-31');
    expect(added.answer.summary).toMatch(/start: 1900-01-01 is more than 10 years from now/);
    expect(await store.listContracts('T1')).toHaveLength(before);

    await say('case open p1 contract=jamf', { threadTs: '7.1' });
    const ancient = await say('case responded at 1900-01-01T09:00', { threadTs: '7.1' });
    expect(ancient.answer.summary).toMatch(/1900-01-01 is more than 10 years from now/);
    const kase = await store.getCaseByThread('T1', 'C1', '7.1');
    expect(kase?.status).toBe('open');
  });
});

describe('a clock outside the covered years', () => {
  it('--now 9999-12-31 is refused by the console before anything runs', () => {
    expect(() => parseNow('9999-12-31T00:00:00Z')).toThrow(UsageError);
    expect(() => parseNow('9999-12-31T00:00:00Z')).toThrow(/1910–2490/);
    expect(parseNow('2026-12-02T10:00:00Z').toISOString()).toBe('2026-12-02T10:00:00.000Z');
  });

  it('a conversation whose clock reads 9999 answers so and opens no case', async () => {
    await say('contract add jamf gold zone=Europe/Berlin holidays=DE');
    const r = await say('case open p1', { threadTs: '8.1', now: new Date('9999-12-31T00:00:00Z') });
    expect(r.answer.summary).toMatch(/9999-12-31.*1910–2490/);
    expect(await store.getCaseByThread('T1', 'C1', '8.1')).toBeNull();
  });
});

describe('overlong text', () => {
  it(`text over ${MAX_INPUT_CHARS} characters gets a reply saying the limit, in the question's language`, async () => {
    const en = await say(`what is ${'x'.repeat(40_000)}`);
    expect(en.answer.kind).toBe('error');
    expect(en.answer.summary).toMatch(/40,008 characters; Entitlebot reads at most 2,000/);
    const zh = await say('彈性額度'.repeat(10_000));
    expect(zh.answer.summary).toMatch(/40,000 個字元/);
    const limit = await say(`sla p1 gold ${'x'.repeat(MAX_INPUT_CHARS - 12)}`);
    expect(limit.answer.kind).toBe('sla');
  });
});

it('states the horizon as ten years', () => {
  expect(HORIZON_YEARS).toBe(10);
});
