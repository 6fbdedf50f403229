import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Answer, CASE_ACTION, emptyAnswer } from '../../../src/model/answer.js';
import {
  answerBlocks,
  answerMessages,
  answerText,
  distinctCitations,
  wordsMessages,
} from '../../../src/slack/blocks/answer.js';
import { MESSAGE_BUDGET, messageSize } from '../../../src/slack/blocks/limits.js';
import { blockLimitViolations } from '../../support/block-limits.js';

const NOW = Date.parse('2026-03-02T06:00:00Z');

function sample(): Answer {
  const a = emptyAnswer('sla', 'Jamf Gold — P1', 'Jamf responds to a P1 within 1 hour, 24x7.');
  a.facts.push({ label: 'Response', value: '1 hour', cite: 0 }, { label: 'Coverage', value: '24x7', cite: 1 });
  a.times.push({
    label: 'First response due',
    at: '2026-03-02T09:30:00.000+01:00',
    zone: 'Europe/Berlin',
    userAt: '2026-03-02T16:30:00.000+08:00',
    userZone: 'Asia/Singapore',
    minutesLeft: 150,
    explanation: 'Opened Friday 17:00; the weekend is skipped.',
  });
  a.citations.push(
    { doc: 'jamf-support.zh-TW.txt', quote: '回應時間 1 小時', gloss: 'response time 1 hour', certainty: 'stated' },
    // the same words again (another fact's source): shown once
    { doc: 'jamf-support.zh-TW.txt', quote: '回應時間  1 小時', gloss: 'response time 1 hour', certainty: 'inferred' },
  );
  a.notes.push('Jamf gives no hours for "local business hours"; 09:00–17:00 assumed.', 'Second note.', 'Third note.');
  a.suggestions.push('due p1 gold', 'sla p2 gold');
  a.actions = [{ id: 'case_responded', text: 'Vendor responded', value: '42', style: 'primary' }];
  a.replay = { kind: 'question', text: 'sla p1 gold', at: NOW };
  return a;
}

const allText = (blocks: unknown[]) => JSON.stringify(blocks);
const count = (text: string, part: string) => text.split(part).length - 1;

describe('the answer card', () => {
  it('puts the answer first, then the key fields, the time as a date token with its fallback, and time left', () => {
    const blocks = answerBlocks(sample());
    const first = allText([blocks[0]]);
    expect(first).toContain('Jamf Gold — P1');
    expect(first).toContain('within 1 hour');
    const text = allText(blocks);
    expect(text).toContain('*Response*');
    const unix = Date.parse('2026-03-02T09:30:00+01:00') / 1000;
    expect(text).toContain(`<!date^${unix}^{date_short_pretty} {time}|Mon 2 Mar 2026 09:30 (Europe/Berlin)>`);
    // counted from when it was asked: 2 h 30 min of wall time, and the business time left
    expect(text).toContain('in 2 h 30 min, 2 h 30 min of business time');
    expect(text).not.toContain('your time');
  });

  it('shows one context line with the main quote, never the same quote twice', () => {
    const blocks = answerBlocks(sample());
    expect(blocks.filter((b) => b.type === 'context')).toHaveLength(1);
    const text = allText(blocks);
    expect(count(text, '回應時間')).toBe(1);
    expect(text).toContain('response time 1 hour');
    expect(text).toContain('jamf-support.zh-TW.txt (stated)');
  });

  it('shows two notes and says how many more are behind the button', () => {
    const text = allText(answerBlocks(sample()));
    expect(text).toContain('Second note.');
    expect(text).not.toContain('Third note.');
    expect(text).toContain('+1 more note');
  });

  it("offers the contract's words behind a button carrying how to rebuild the answer", () => {
    const blocks = answerBlocks(sample());
    const actions = blocks.find((b) => b.type === 'actions') as { elements: { action_id: string; value: string }[] };
    const button = actions.elements.find((e) => e.action_id === CASE_ACTION.showWords)!;
    expect(JSON.parse(button.value)).toEqual({ kind: 'question', text: 'sla p1 gold', at: NOW });
    expect(actions.elements.map((e) => e.action_id)).toContain('case_responded');
  });

  it('has no words button when the answer cannot be rebuilt', () => {
    const a = sample();
    a.replay = undefined;
    expect(allText(answerBlocks(a))).not.toContain(CASE_ACTION.showWords);
    a.replay = { kind: 'question', text: 'x'.repeat(3000), at: NOW };
    expect(allText(answerBlocks(a))).not.toContain(CASE_ACTION.showWords);
  });

  it('says how late an overdue deadline is', () => {
    const a = sample();
    a.times[0]!.minutesLeft = -65;
    expect(allText(answerBlocks(a, { now: Date.parse('2026-03-02T10:00:00Z') }))).toContain(
      '1 h 30 min ago, late by 1 h 5 min of business time',
    );
  });

  it('lays a table out one row to a few lines, the first two cells on the first', () => {
    const a = emptyAnswer('sla', 'Targets', '2 rows');
    a.tables.push({
      columns: ['Plan', 'Severity', 'First response', 'Coverage'],
      rows: [
        ['Jamf Gold', 'P1', '1 h', '24x7'],
        ['Jamf Silver', '–', '3 h', '–'],
      ],
    });
    const text = allText(answerBlocks(a));
    expect(text).toContain('*Jamf Gold* · P1\\nFirst response: 1 h\\nCoverage: 24x7');
    expect(text).toContain('*Jamf Silver*\\nFirst response: 3 h');
    expect(text).not.toContain('```');
  });

  it('escapes the characters Slack treats as markup in user-provided text', () => {
    const a = emptyAnswer('term', 'A <b> & C', 'x <@U123> & <!channel>');
    const text = allText(answerBlocks(a));
    expect(text).toContain('x &lt;@U123&gt; &amp; &lt;!channel&gt;');
  });

  it('omits the buttons when asked (ephemeral answers whose buttons would be stale)', () => {
    expect(allText(answerBlocks(sample(), { actions: false }))).not.toContain('case_responded');
  });

  it('gives a fallback text with the title and summary', () => {
    expect(answerText(sample())).toBe('Jamf Gold — P1: Jamf responds to a P1 within 1 hour, 24x7.');
  });
});

describe("the contract's words", () => {
  it('gives every quote once, with gloss, document, certainty and what it is the source of, every note and why', () => {
    const text = allText(wordsMessages(sample()).map((m) => m.blocks));
    expect(count(text, '回應時間')).toBe(1);
    expect(text).toContain('Source of: Response, Coverage');
    expect(text).toContain('Third note.');
    expect(text).toContain('the weekend is skipped');
  });

  it('keeps the stated reading when the same words are cited as stated and as inferred', () => {
    const { list, indexOf } = distinctCitations(sample().citations);
    expect(list).toHaveLength(1);
    expect(list[0]!.certainty).toBe('stated');
    expect(indexOf(1)).toBe(0);
  });
});

function withinBudget(blocks: unknown[]) {
  const size = messageSize(blocks);
  expect(size.blocks).toBeLessThanOrEqual(MESSAGE_BUDGET.blocks);
  expect(size.chars).toBeLessThanOrEqual(MESSAGE_BUDGET.chars);
  expect(blockLimitViolations(blocks, 50)).toEqual([]);
}

describe('every message stays within the budget', () => {
  it('a huge answer gives a one-message card and a full wording split over several messages, loss said', () => {
    const a = emptyAnswer('term', 'Many clauses', 'x'.repeat(7000));
    for (let i = 0; i < 60; i++)
      a.citations.push({ doc: 'd.txt', quote: `條款 ${i} ${'字'.repeat(500)}`, certainty: 'stated' });
    for (let i = 0; i < 25; i++) a.facts.push({ label: `Fact ${i}`, value: 'v'.repeat(2500) });
    const card = answerMessages(a);
    expect(card).toHaveLength(1);
    withinBudget(card[0]!.blocks);
    const words = wordsMessages(a, { maxMessages: 20 });
    expect(words.length).toBeGreaterThan(1);
    for (const m of words) withinBudget(m.blocks);
    const text = allText(words.map((m) => m.blocks));
    expect(text).toContain('條款 0 ');
    expect(text).toContain('條款 59 ');
    expect(text).toContain('Fact 24');
    const capped = wordsMessages(a, { maxMessages: 2 });
    expect(capped).toHaveLength(2);
    expect(allText(capped[1]!.blocks)).toMatch(/more parts? left out/);
  });

  it('holds for any answer (property)', () => {
    const text = (max: number) =>
      fc.string({ maxLength: max, unit: fc.constantFrom('a', ' ', '\n', '字', '<', '&', '😀') });
    const answer = fc.record({
      title: text(400),
      summary: text(8000),
      facts: fc.array(fc.record({ label: text(300), value: text(4000) }), { maxLength: 40 }),
      notes: fc.array(text(3000), { maxLength: 15 }),
      suggestions: fc.array(text(200), { maxLength: 12 }),
      quotes: fc.array(text(5000), { maxLength: 30 }),
      table: fc.array(fc.array(text(300), { minLength: 2, maxLength: 2 }), { maxLength: 80 }),
      buttons: fc.array(text(200), { maxLength: 30 }),
    });
    fc.assert(
      fc.property(answer, (r) => {
        const a = emptyAnswer('term', r.title, r.summary);
        a.facts = r.facts;
        a.notes = r.notes;
        a.suggestions = r.suggestions;
        a.citations = r.quotes.map((quote) => ({ doc: 'd.txt', quote, certainty: 'stated' as const }));
        a.tables = [{ columns: ['Plan', 'Target'], rows: r.table }];
        a.actions = r.buttons.map((t, i) => ({ id: `b${i}`, text: t || 'x', value: t }));
        a.replay = { kind: 'question', text: r.title, at: NOW };
        for (const m of [...answerMessages(a), ...wordsMessages(a)]) {
          withinBudget(m.blocks);
          expect(m.text.length).toBeLessThanOrEqual(3000);
        }
      }),
      { numRuns: 60 },
    );
  });
});
