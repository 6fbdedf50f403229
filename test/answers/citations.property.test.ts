/**
 * A broad sweep of generated questions (commands and plain questions, English and Chinese words taken from
 * the knowledge files, with and without contracts, at random moments): every answer is an answer (never an
 * error), every citation occurs verbatim in its source, every reference to a citation resolves, and every
 * time carries its offset.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quoteOccursIn } from '../../src/knowledge/quotes.js';
import type { Answer } from '../../src/model/answer.js';
import { answer, context, contract, knowledge, search } from '../support/answers.js';

const severityWords = knowledge.plans.flatMap((f) =>
  f.severities.flatMap((s) => [s.id, s.name.en, s.name.zh, ...s.aliases]),
);
const planWords = knowledge.plans.flatMap((f) => f.plans.flatMap((p) => [p.id, p.name.en, p.name.zh, ...p.aliases]));
const quotaWords = knowledge.plans.flatMap((f) => f.quotas.flatMap((q) => [q.name.en, q.name.zh, ...q.aliases]));

const workspaces = [
  [],
  [contract({ vendor: 'jamf', plan: 'silver', zone: 'America/New_York', holidays: { country: 'US' } })],
  [
    contract({
      vendor: 'microsoft',
      plan: 'unified',
      addons: ['uer', 'aem'],
      zone: 'Asia/Taipei',
      holidays: { country: 'TW' },
    }),
    contract({
      vendor: 'autodesk',
      plan: 'enterprise',
      region: 'emea',
      zone: 'Europe/Berlin',
      startDate: '2026-01-01',
      endDate: '2027-12-31',
    }),
  ],
  [
    contract({
      vendor: 'jamf',
      plan: 'platinum',
      zone: 'Australia/Sydney',
      holidays: { country: 'AU', subdivision: 'NSW' },
    }),
    contract({
      vendor: 'microsoft',
      plan: 'unified',
      addons: ['rapid-response'],
      zone: 'Europe/Berlin',
      hours: { start: '08:00', end: '16:00' },
    }),
  ],
];

const question = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('sla', 'due', 'SLA', '期限', ''),
      fc.constantFrom(...severityWords),
      fc.option(fc.constantFrom(...planWords), { nil: '' }),
      fc.constantFrom(
        '',
        'azure',
        'response time?',
        '多快回應',
        'at 2026-12-04 16:00',
        'tomorrow 9am',
        'at 2027-03-28 02:30',
      ),
    )
    .map((parts) => parts.join(' ')),
  fc
    .tuple(
      fc.constantFrom('price', '價格', 'how much is'),
      fc.option(fc.constantFrom(...planWords), { nil: '' }),
      fc.constantFrom('', 'education', '商業'),
    )
    .map((p) => p.join(' ')),
  fc
    .tuple(fc.constantFrom('quota', '配額'), fc.option(fc.constantFrom(...quotaWords), { nil: '' }))
    .map((p) => p.join(' ')),
  fc
    .tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 200_000 }))
    .map(([days, amount]) => `fee cancel 2027-02-10 notice ${days} days amount ${amount}`),
  fc.integer({ min: 1, max: 3_000_000 }).map((n) => `fee flex ${n}`),
  fc.constantFrom(...planWords, ...quotaWords).map((w) => `what is ${w}`),
  fc.constantFrom('contract', 'help', '', '說明'),
);

function checkAnswer(text: string, a: Answer) {
  expect(a.kind, `${text}: ${a.summary}`).not.toBe('error');
  expect(a.title.length, text).toBeGreaterThan(0);
  expect(a.summary.length, text).toBeGreaterThan(0);
  for (const c of a.citations) {
    expect(quoteOccursIn(c.quote, knowledge.sourceText(c.doc)), `${text}: ${c.quote}`).toBe(true);
    if (c.certainty === 'inferred') expect(c.reason, text).toBeTruthy();
  }
  for (const ref of [...a.facts, ...a.times]) {
    if (ref.cite !== undefined) expect(a.citations[ref.cite], text).toBeDefined();
  }
  for (const t of a.times) {
    expect(t.at, text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2}|Z)$/);
    if (t.userAt) expect(Date.parse(t.userAt)).toBe(Date.parse(t.at));
  }
  for (const table of a.tables) for (const row of table.rows) expect(row.length, text).toBe(table.columns.length);
}

describe('every citation in every answer occurs verbatim in its source', () => {
  it('generated questions', () => {
    fc.assert(
      fc.property(
        question,
        fc.constantFrom(...workspaces),
        fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }),
        (text, contracts, now) => {
          checkAnswer(text, answer(text, context({ contracts, now, userZone: 'Asia/Taipei', search: search() })));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('every glossary word asked about', () => {
    for (const word of [...new Set([...planWords, ...severityWords])].slice(0, 300)) {
      const text = `what is ${word}`;
      checkAnswer(text, answer(text, context({ search: search() })));
    }
  });
});
