import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Answer, emptyAnswer } from '../../../src/model/answer.js';
import { answerBlocks, answerMessages, answerText } from '../../../src/slack/blocks/answer.js';
import { blockLimitViolations } from '../../support/block-limits.js';

function sample(): Answer {
  const a = emptyAnswer('sla', 'Jamf Gold — P1', 'Jamf responds to a P1 within 1 hour, 24x7.');
  a.facts.push({ label: 'Response', value: '1 hour', cite: 0 }, { label: 'Coverage', value: '24x7' });
  a.times.push({
    label: 'First response due',
    at: '2026-03-02T09:30:00.000+01:00',
    zone: 'Europe/Berlin',
    userAt: '2026-03-02T16:30:00.000+08:00',
    userZone: 'Asia/Singapore',
    minutesLeft: 150,
    explanation: 'Opened Friday 17:00; the weekend is skipped.',
  });
  a.citations.push({
    doc: 'jamf-support.zh-TW.txt',
    quote: '回應時間 1 小時',
    gloss: 'response time 1 hour',
    certainty: 'stated',
  });
  a.notes.push('Jamf gives no hours for "local business hours"; 09:00–17:00 assumed.');
  a.suggestions.push('due p1 gold', 'sla p2 gold');
  a.actions = [{ id: 'case_responded', text: 'Vendor responded', value: '42', style: 'primary' }];
  return a;
}

function allText(blocks: unknown[]): string {
  return JSON.stringify(blocks);
}

describe('answerBlocks', () => {
  it('shows the title, summary, facts with citation marks, both zones, time left and the quote', () => {
    const text = allText(answerBlocks(sample()));
    expect(text).toContain('Jamf Gold — P1');
    expect(text).toContain('within 1 hour');
    expect(text).toContain('*Response* [1]');
    expect(text).toContain('Mon 2 Mar 2026 09:30');
    expect(text).toContain('(Europe/Berlin)');
    expect(text).toContain('16:30');
    expect(text).toContain('your time (Asia/Singapore)');
    expect(text).toContain('in 2 h 30 min of business time');
    expect(text).toContain('回應時間 1 小時');
    expect(text).toContain('response time 1 hour');
    expect(text).toContain('`due p1 gold`');
    expect(text).toContain('"action_id":"case_responded"');
  });

  it('says how late an overdue deadline is', () => {
    const a = sample();
    a.times[0]!.minutesLeft = -65;
    expect(allText(answerBlocks(a))).toContain('late by 1 h 5 min of business time');
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

describe('answerMessages keeps every message within Block Kit limits', () => {
  it('splits a very long answer over several messages and loses nothing up to the message cap', () => {
    const a = emptyAnswer('term', 'Many clauses', 'x'.repeat(7000));
    for (let i = 0; i < 60; i++)
      a.citations.push({ doc: 'd.txt', quote: `條款 ${i} ${'字'.repeat(500)}`, certainty: 'stated' });
    for (let i = 0; i < 25; i++) a.facts.push({ label: `Fact ${i}`, value: 'v'.repeat(2500) });
    const messages = answerMessages(a, { maxMessages: 10 });
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(blockLimitViolations(m.blocks, 50)).toEqual([]);
    const text = allText(messages.map((m) => m.blocks));
    expect(text).toContain('條款 0 ');
    expect(text).toContain('條款 59 ');
    expect(text).toContain('Fact 24');
  });

  it('trims past the message cap with a note saying how much was left out', () => {
    const a = emptyAnswer('term', 'Many clauses', 'x');
    for (let i = 0; i < 300; i++) a.citations.push({ doc: 'd.txt', quote: `條款 ${i}`, certainty: 'stated' });
    const messages = answerMessages(a, { maxMessages: 2 });
    expect(messages).toHaveLength(2);
    expect(allText(messages[1]!.blocks)).toMatch(/more parts? left out/);
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
        for (const m of answerMessages(a)) {
          expect(blockLimitViolations(m.blocks, 50)).toEqual([]);
          expect(m.text.length).toBeLessThanOrEqual(3000);
        }
      }),
      { numRuns: 60 },
    );
  });
});
