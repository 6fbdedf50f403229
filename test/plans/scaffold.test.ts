/**
 * `entitlebot plan scaffold`: a skeleton from a document, English and Chinese alike; every candidate quotes its
 * passage verbatim; completing the TODOs of the worked example's skeleton gives a plan that passes check.
 */
import { readFileSync } from 'node:fs';
import STCharacters from 'opencc-js/dict/STCharacters';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { splitClauses } from '../../src/knowledge/clauses.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { numberOf } from '../../src/knowledge/numbers.js';
import { proposePlanCandidates } from '../../src/knowledge/plan-candidates.js';
import { quoteOccursIn } from '../../src/knowledge/quotes.js';
import { checkPlan } from '../../src/plans/check.js';
import { scaffoldPlan } from '../../src/plans/scaffold.js';
import { bytes, EXAMPLE_DOC_NAME, exampleDocText, runMain } from './helpers.js';

/** Traditional → Simplified, character by character, from OpenCC's table (the inverse of the search's fold). */
const T2S = new Map<string, string>();
for (const entry of STCharacters.split('|')) {
  const [simple, traditional] = entry.split(' ');
  for (const t of traditional?.split('') ?? []) if (simple && t !== simple && !T2S.has(t)) T2S.set(t, simple);
}
const toSimplified = (text: string) => [...text].map((ch) => T2S.get(ch) ?? ch).join('');

const ZH_DOC = new URL('./fixtures/fanxing-support.zh-TW.txt', import.meta.url);
const zhText = () => readFileSync(ZH_DOC, 'utf8');
const candidates = (name: string, text: string) => proposePlanCandidates(name, text, splitClauses(name, text));
const skeleton = (name: string, text: string) => {
  const r = scaffoldPlan(name, bytes(text));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
};

describe('plan candidates from an English policy (the worked example)', () => {
  const c = candidates(EXAMPLE_DOC_NAME, exampleDocText());

  it('finds the four severity levels with their labels', () => {
    expect(c.levels.map((l) => [l.id, l.label])).toEqual([
      ['1', 'Critical'],
      ['2', 'High'],
      ['3', 'Normal'],
      ['4', 'Low'],
    ]);
  });

  it('finds response and update figures with their units, levels and plan', () => {
    const t = (plan: string, level: string, kind: string) =>
      c.targets.find((x) => x.plan === plan && x.levels.includes(level) && x.kind === kind)?.span;
    expect(t('Essential Support', '1', 'response')).toEqual({ minutes: 240 });
    expect(t('Essential Support', '1', 'update')).toEqual({ businessDays: 1 });
    expect(t('Essential Support', '4', 'response')).toEqual({ businessDays: 2 });
    expect(t('Premier Support', '1', 'response')).toEqual({ minutes: 30 });
    expect(t('Premier Support', '1', 'update')).toEqual({ minutes: 120 });
    expect(t('Premier Support', '2', 'update')).toEqual({ minutes: 480 });
    expect(c.targets.find((x) => x.kind === 'customer')?.span).toEqual({ minutes: 60 });
    // "24 hours a day, 7 days a week" is coverage, not a deadline
    expect(c.targets.some((x) => 'minutes' in x.span && x.span.minutes === 1440)).toBe(false);
  });

  it('finds coverage hours, quotas, prices and cancellation steps', () => {
    expect(c.coverage.find((k) => k.hours)).toMatchObject({ hours: ['08:00', '18:00'], weekdays: true });
    expect(c.quotas.map((q) => [q.limit, q.window])).toEqual([
      [4, 'calendar-year'],
      [2, 'calendar-quarter'],
    ]);
    expect(c.prices.map((p) => [p.amount, p.currency, p.period, p.customerType])).toEqual([
      [24000, 'USD', 'year', 'commercial'],
      [12000, 'USD', 'year', 'education'],
    ]);
    expect(c.cancellation.map((s) => [s.minDays, s.maxDays, s.chargePercent])).toEqual([
      [10, null, 0],
      [3, 9, 50],
      [0, 2, 100],
    ]);
  });
});

describe('plan candidates from a Chinese policy', () => {
  const c = candidates('fanxing-support.zh-TW.txt', zhText());

  it('finds levels, figures in 分鐘/小時/工作小時/工作日, plans, quotas, prices and steps', () => {
    expect(c.levels.map((l) => [l.id, l.label])).toEqual([
      ['1', '緊急'],
      ['2', '高'],
      ['3', '中'],
    ]);
    const t = (plan: string, level: string, kind: string) =>
      c.targets.find((x) => x.plan === plan && x.levels.includes(level) && x.kind === kind);
    expect(t('金級', '1', 'response')).toMatchObject({ span: { minutes: 30 }, around: true });
    // "每 2 小時提供更新。" follows "全天候 24x7 提供服務；" in the same clause: it runs around the clock too
    expect(t('金級', '1', 'update')).toMatchObject({ span: { minutes: 120 }, around: true });
    expect(t('銀級', '1', 'response')?.around).toBe(false);
    expect(t('銀級', '1', 'response')?.span).toEqual({ minutes: 240 });
    expect(t('銀級', '2', 'response')?.span).toEqual({ businessDays: 2 });
    expect(c.coverage.find((k) => k.hours)).toMatchObject({ hours: ['09:00', '18:00'], weekdays: true });
    expect(c.quotas.map((q) => [q.limit, q.window])).toEqual([[2, 'calendar-quarter']]);
    expect(c.prices.map((p) => [p.amount, p.currency, p.customerType])).toEqual([
      [300000, 'TWD', 'commercial'],
      [150000, 'TWD', 'education'],
    ]);
    expect(c.cancellation.map((s) => [s.minDays, s.maxDays, s.chargePercent])).toEqual([
      [10, null, 0],
      [3, 9, 50],
      [0, 2, 100],
    ]);
  });

  it('reads the shipped Jamf table (Traditional Chinese): P1 on Platinum is 1 hour, updates every 2 working hours', () => {
    const text = readFileSync(new URL('../../knowledge/sources/jamf-support.zh-TW.txt', import.meta.url), 'utf8');
    const jamf = candidates('jamf-support.zh-TW.txt', text);
    expect(jamf.levels.map((l) => l.id)).toEqual(['1', '2', '3', '4']);
    const p1 = jamf.targets.filter((t) => t.levels.includes('1') && t.plan === '白金級');
    expect(p1.map((t) => [t.kind, t.span])).toEqual([
      ['response', { minutes: 60 }],
      ['update', { minutes: 120 }],
    ]);
    // each cell's coverage is the one beside it in the row: Platinum 24x7, Silver local business hours
    const silver = jamf.targets.find((t) => t.levels.includes('1') && t.plan === '銀級' && t.kind === 'response');
    expect(p1.every((t) => t.around)).toBe(true);
    expect(silver).toMatchObject({ span: { minutes: 60 }, around: false });
  });

  it('finds the same figures in the Simplified Chinese version of the document', () => {
    const simplified = toSimplified(zhText());
    expect(simplified).not.toBe(zhText());
    const s = candidates('fanxing-support.zh-CN.txt', simplified);
    const figures = (x: ReturnType<typeof candidates>) => ({
      levels: x.levels.map((l) => l.id),
      targets: x.targets.map((t) => [t.kind, t.levels, t.span, t.around]),
      quotas: x.quotas.map((q) => [q.limit, q.window]),
      prices: x.prices.map((p) => [p.amount, p.currency, p.customerType]),
      steps: x.cancellation.map((k) => [k.minDays, k.maxDays, k.chargePercent]),
      hours: x.coverage.find((k) => k.hours)?.hours,
    });
    expect(figures(s)).toEqual(figures(c));
    expect(s.targets.length).toBeGreaterThanOrEqual(4);
  });

  it('numbers written in Chinese or English words', () => {
    expect([numberOf('兩'), numberOf('十二'), numberOf('二十'), numberOf('three'), numberOf('1,000')]).toEqual([
      2, 12, 20, 3, 1000,
    ]);
  });
});

describe('the skeleton', () => {
  for (const [name, text] of [
    [EXAMPLE_DOC_NAME, exampleDocText()],
    ['fanxing-support.zh-TW.txt', zhText()],
    [
      'jamf-support.zh-TW.txt',
      readFileSync(new URL('../../knowledge/sources/jamf-support.zh-TW.txt', import.meta.url), 'utf8'),
    ],
  ] as const) {
    it(`is YAML whose every quote occurs verbatim in ${name}`, () => {
      const out = skeleton(name, text);
      const plan = parse(out);
      const quotes: string[] = [];
      const walk = (v: unknown) => {
        if (Array.isArray(v)) v.forEach(walk);
        else if (v && typeof v === 'object') {
          for (const [k, x] of Object.entries(v)) {
            if (k === 'quote' && typeof x === 'string' && !x.startsWith('TODO')) quotes.push(x);
            else walk(x);
          }
        }
      };
      walk(plan);
      expect(quotes.length).toBeGreaterThan(5);
      for (const q of quotes) expect(quoteOccursIn(q, text), q).toBe(true);
      expect(out).toMatch(/# candidate: /);
    });
  }

  it('lists passages with figures it cannot place as TODO comments', () => {
    const text = `${exampleDocText()}\n\nEach customer may register up to 25 named contacts in the portal.\n`;
    expect(skeleton(EXAMPLE_DOC_NAME, text)).toMatch(
      /# TODO: passages.*\n(?:#.*\n)*#\s+"Each customer may register up to 25 named contacts/,
    );
  });

  it('does not pass check while TODOs remain, and does once they are filled in', () => {
    const out = skeleton(EXAMPLE_DOC_NAME, exampleDocText());
    const knowledge = loadKnowledge();
    const check = (plan: string) =>
      checkPlan({
        planFile: 'skeleton.yml',
        planBytes: bytes(plan),
        docFile: EXAMPLE_DOC_NAME,
        docBytes: bytes(exampleDocText()),
        knowledge,
      }).problems;
    const before = check(out);
    expect(before.length).toBeGreaterThan(5);
    expect(before.every((p) => /still a TODO/.test(p.message) && p.line !== undefined)).toBe(true);
    let n = 0;
    // a person completes it: plan ids, customer types, words in the other language, the inferred reason
    const completed = out
      .replace(/"TODO: plan ids?"/g, 'larkspur-premier')
      .replace(/"TODO: commercial or education"/g, 'commercial')
      .replace(/"TODO: [^"]*"/g, () => `"Completed by a person ${++n}"`);
    expect(check(completed)).toEqual([]);
  });

  it('refuses a document that is not text or over 2 MB, through the command too', async () => {
    const r = scaffoldPlan('x.pdf', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2]));
    expect(r.ok).toBe(false);
    const cli = await runMain(['plan', 'scaffold', 'package-lock.json.nope']);
    expect(cli.code).toBe(2);
    const ok = await runMain(['plan', 'scaffold', 'docs/examples/larkspur-support-policy.txt']);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^# Plan skeleton/);
  });
});
