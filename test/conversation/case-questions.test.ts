/**
 * Short questions in a case thread, a thread with no case, the list of open cases, and a case question asked
 * outside any case thread: what a user sees when they ask about "the case" the way people type
 * (src/conversation/case-questions.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleText } from '../../src/conversation/handle.js';
import type { ConversationContext, ConversationDeps, Reply } from '../../src/conversation/types.js';
import { openStore, type Store } from '../../src/store/index.js';
import { search } from '../support/answers.js';
import { at, contract, knowledge } from '../support/cases.js';

let store: Store;
let deps: ConversationDeps;
const now = at('2026-03-02 10:00');

beforeEach(async () => {
  store = await openStore(':memory:', { now: () => now });
  deps = { store, knowledge, search: search(), clock: { now: () => new Date(now) } };
  await store.addContract('T1', contract({ vendor: 'jamf', plan: 'gold' }));
});
afterEach(async () => await store.close());

function say(text: string, opts: Partial<ConversationContext> = {}): Promise<Reply> {
  return handleText(
    deps,
    {
      workspaceId: 'T1',
      channelId: 'C1',
      threadTs: '7.1',
      userId: 'U1',
      now: new Date(now),
      via: 'mention',
      ...opts,
    },
    text,
  );
}

describe('short questions in a case thread', () => {
  beforeEach(async () => {
    await say('case open p1');
  });

  it.each([
    ['update due?', /next update/],
    ['next update?', /next update/],
    ['any update?', /next update/],
    ['deadline?', /first response .*is due/],
    ['overdue?', /^Nothing is late\./],
  ])('"%s" gets the case clocks', async (q, summary) => {
    const r = await say(q);
    expect(r.answer.kind).toBe('case');
    expect(r.answer.title).toBe('Case #1');
    expect(r.answer.summary).toMatch(summary);
    expect(r.answer.times.length).toBeGreaterThan(0);
  });

  it.each([
    ['下次更新？', /下次更新/],
    ['下次更新', /下次更新/],
    ['逾期了嗎', /^沒有逾期。/],
  ])('「%s」 gets the case clocks in Traditional Chinese', async (q, summary) => {
    const r = await say(q);
    expect(r.answer.kind).toBe('case');
    expect(r.answer.title).toBe('案件 #1');
    expect(r.answer.summary).toMatch(summary);
    expect(r.answer.locale).toBe('zh-Hant');
  });

  it('「逾期了吗」 is answered for a Simplified reader', async () => {
    const r = await say('逾期了吗');
    expect(r.answer.kind).toBe('case');
    expect(r.answer.locale).toBe('zh-Hans');
  });

  it('"status" shows every clock of the case', async () => {
    const r = await say('status');
    expect(r.answer.title).toMatch(/^Case #1: .*Priority 1/);
    expect(r.answer.facts.find((f) => f.label === 'Status')?.value).toBe('open');
  });

  it('a glossary question in a thread is still a glossary answer', async () => {
    const r = await say('what is a CSM', { threadTs: '9.9' });
    expect(r.answer.kind).toBe('term');
  });
});

describe('a thread that tracks no case', () => {
  it.each(['update due?', 'when is my next update due?', 'overdue?', '下次更新？'])(
    '"%s" says no case is tracked here and how to track one, instead of a glossary card',
    async (q) => {
      const r = await say(q, { threadTs: '9.9' });
      expect(r.answer.kind).toBe('case');
      expect(r.answer.title).toMatch(/No case is tracked in this thread|本討論串沒有追蹤中的案件/);
      expect(r.answer.summary).toContain('case open');
    },
  );

  it('a question with a real answer of its own is answered', async () => {
    const r = await say('when is the next update due for gold p1?', { threadTs: '9.9' });
    expect(r.answer.kind).toBe('due');
  });
});

describe('listing the open cases', () => {
  beforeEach(async () => {
    await say('case open p1 ref=A-1', { threadTs: '1.1', channelId: 'C1' });
    await say('case open p2 ref=B-2', { threadTs: '2.2', channelId: 'C2' });
    await say('case open p3 ref=C-3', { threadTs: '3.3', channelId: 'C1' });
    await say('case close', { threadTs: '3.3', channelId: 'C1' });
  });

  it.each(['cases', 'open cases', 'case list', '目前有哪些案件', '目前有哪些案件？', '进行中的案件'])(
    '"%s" in a channel lists the open cases of that channel with their next deadline',
    async (q) => {
      const r = await say(q, { threadTs: undefined, channelId: 'C1' });
      expect(r.answer.kind).toBe('case');
      expect(r.answer.facts.map((f) => f.label)).toEqual(['#1 A-1']);
      expect(r.answer.facts[0]!.value).toMatch(/next due|下一個期限|下一个期限/);
    },
  );

  it('the console lists the whole workspace', async () => {
    const r = await say('cases', { threadTs: undefined, via: 'console' });
    expect(r.answer.facts.map((f) => f.label)).toEqual(['#1 A-1', '#2 B-2']);
    expect(r.answer.summary).toContain('2 cases are open in this workspace');
  });

  it('a channel without open cases says so and how to start one', async () => {
    const r = await say('目前有哪些案件', { threadTs: undefined, channelId: 'C9' });
    expect(r.answer.facts).toEqual([]);
    expect(r.answer.summary).toContain('沒有追蹤中的案件');
    expect(r.answer.summary).toContain('case open');
  });
});

describe('a case opened in Chinese', () => {
  let clockNow = at('2026-03-06 16:30'); // a Friday afternoon in Berlin
  let s: Store;
  let d: ConversationDeps;
  beforeEach(async () => {
    clockNow = at('2026-03-06 16:30');
    s = await openStore(':memory:', { now: () => clockNow });
    d = { store: s, knowledge, search: undefined, clock: { now: () => new Date(clockNow) } };
    await s.addContract('T1', contract({ vendor: 'jamf', plan: 'silver', hours: { start: '09:00', end: '17:00' } }));
  });
  afterEach(async () => await s.close());
  const tell = (text: string) =>
    handleText(
      d,
      { workspaceId: 'T1', channelId: 'C1', threadTs: '6.6', userId: 'U1', now: new Date(clockNow), via: 'mention' },
      text,
    );

  it('is reminded in Chinese, and a clock paused for the weekend is said in Chinese', async () => {
    await tell('案件 開啟 p1');
    const reminders = await s.listReminders('T1', { status: 'pending' });
    expect(reminders.length).toBeGreaterThan(0);
    for (const r of reminders) {
      expect(r.text).toMatch(/^(提醒|已逾期)：/);
      expect(r.text).not.toMatch(/Reminder|Breach|business time/);
    }
    // Friday 17:00 closes the week: the one-hour response runs on into Monday morning
    expect(reminders.find((r) => r.text.startsWith('提醒'))?.text).toContain('2026/03/09（週一）09:30');
    // asked on Saturday, the case's answer says the clock is paused for the weekend, in Chinese
    clockNow = at('2026-03-07 10:00');
    const r = await tell('逾期了嗎');
    expect(r.answer.summary).toContain('營業時間時鐘目前暫停（週末）');
    expect(r.answer.summary).not.toContain('the weekend');
  });

  it('an English case keeps English reminders', async () => {
    await tell('case open p1');
    const reminders = await s.listReminders('T1', { status: 'pending' });
    expect(reminders.every((r) => /^(Reminder|Breach):/.test(r.text))).toBe(true);
  });
});

describe('a case question asked outside any case thread', () => {
  it('says where to ask and lists the open cases with their next deadline', async () => {
    await say('contract add jamf gold zone=Europe/Berlin holidays=DE');
    await say('case open p2 ref=JAMF-9', { threadTs: '8.1' });
    const reply = await say('when is my next update due?', { threadTs: undefined, via: 'command' });
    expect(reply.answer.kind).toBe('case');
    expect(reply.answer.summary).toMatch(/Ask it in the case’s thread/);
    expect(reply.answer.facts.map((f) => f.label)).toEqual(['#1 JAMF-9']);
    expect(reply.answer.facts[0]!.value).toMatch(/next due .*2026/);
    expect(reply.visibility).toBe('ephemeral');
  });

  it('with no case tracked, says how to start one; other plain questions still reach the glossary', async () => {
    const reply = await say('is the vendor late?', { threadTs: undefined });
    expect(reply.answer.summary).toMatch(/No vendor case is being tracked/);
    const term = await say('what is the flex allowance', { threadTs: undefined });
    expect(term.answer.kind).not.toBe('case');
  });
});
