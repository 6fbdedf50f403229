/**
 * Spot checks that the encoded numbers say what the documents say. Wherever possible the expected value is
 * read from the record's own quote (or the source text), not written into the test.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { normalizeForQuote, quoteOccursIn } from '../../src/knowledge/quotes.js';
import type { Target } from '../../src/knowledge/schema.js';
import { citedRecords, parseNumber, rawPlanFiles, sourceText } from '../support/knowledge.js';

const k = loadKnowledge();
const minutesOf = (t: Target) => (t.span && 'minutes' in t.span ? t.span.minutes : undefined);
const N = normalizeForQuote;

describe('every cited record', () => {
  const records = rawPlanFiles().flatMap((f) => citedRecords(f.name, f.data));

  it('there are cited records of every kind', () => {
    const paths = records.map((r) => r.path.replace(/\[\d+\]/g, '').split('.')[0]);
    for (const kind of ['calendars', 'severities', 'plans', 'targets', 'facts', 'fees', 'prices', 'quotas']) {
      expect(paths, kind).toContain(kind);
    }
  });

  it('quotes a short verbatim span of its source document (whitespace-insensitive) and glosses it in English', () => {
    for (const { file, path, record } of records) {
      const source = record.source as { doc: string; quote: string; gloss?: string };
      const where = `${file} ${path}`;
      expect(quoteOccursIn(source.quote, sourceText(source.doc)), `${where}: ${source.quote}`).toBe(true);
      expect(N(source.quote).length, `${where}: quote too long`).toBeLessThanOrEqual(160);
      expect(source.gloss, `${where}: gloss`).toMatch(/[A-Za-z]/);
    }
  });

  it('gives a one-line reason when its reading is inferred', () => {
    for (const { file, path, record } of records) {
      if (record.certainty !== 'inferred') continue;
      expect(typeof record.reason, `${file} ${path}`).toBe('string');
      expect(String(record.reason).trim().length, `${file} ${path}`).toBeGreaterThan(20);
      expect(String(record.reason), `${file} ${path}`).not.toContain('\n');
    }
  });

  it('is listed with its reason in docs/knowledge.md when inferred', () => {
    const doc = readFileSync(new URL('../../docs/knowledge.md', import.meta.url), 'utf8');
    for (const { file, path, record } of records) {
      if (record.certainty !== 'inferred') continue;
      const name = typeof record.id === 'string' ? record.id : `${record.plan}/${record.customerType}`;
      expect(doc, `${file} ${path} (${name})`).toContain(`\`${name}\``);
    }
  });

  it('a numeric value or limit appears in its own quote (digits or Chinese numerals)', () => {
    const numbersIn = (quote: string) =>
      [...quote.normalize('NFKC').matchAll(/\$?([\d,]*\d|[一二兩三四五六七八九十]+)/g)].map((m) =>
        parseNumber(m[1] ?? ''),
      );
    for (const { file, path, record } of records) {
      const value =
        typeof record.value === 'number' ? record.value : typeof record.limit === 'number' ? record.limit : undefined;
      if (value === undefined) continue;
      const quote = (record.source as { quote: string }).quote;
      expect(numbersIn(quote), `${file} ${path}: ${quote}`).toContain(value);
    }
  });
});

describe('the sources', () => {
  it('are the shipped documents unchanged', () => {
    const seeds = new URL('../../../shared/seeds/', import.meta.url);
    for (const doc of k.sourceDocs) {
      let seed: string;
      try {
        seed = readFileSync(new URL(doc, seeds), 'utf8');
      } catch {
        continue; // the seeds folder exists only on the build machines
      }
      expect(k.sourceText(doc) === seed, doc).toBe(true);
    }
  });
});

describe('Jamf', () => {
  const jamf = k.vendor('jamf');
  const text = N(sourceText(jamf.document));
  const tierZh: Record<string, string> = { platinum: '白金級', gold: '金級', silver: '銀級', standard: '標準級' };
  /** The stretch of the table for one priority: from its heading to the next one. */
  const section = (p: string) => {
    const start = text.indexOf(`(Priority${p.slice(1)})`);
    const next = text.indexOf(`(Priority${Number(p.slice(1)) + 1})`);
    return text.slice(start, next === -1 ? text.indexOf('*回應時間') : next);
  };

  it('has a response, coverage and update target for every priority and tier', () => {
    for (const p of ['P1', 'P2', 'P3', 'P4']) {
      for (const tier of Object.keys(tierZh)) {
        for (const kind of ['response', 'coverage', 'update'] as const) {
          const found = jamf.targets.filter(
            (t) => t.plans.includes(tier) && t.severities.includes(p) && t.kind === kind,
          );
          expect(found, `${tier} ${p} ${kind}`).toHaveLength(1);
        }
      }
    }
  });

  it('reads each target from its own row of its priority in the table', () => {
    for (const t of jamf.targets) {
      const [tier] = t.plans;
      const [p] = t.severities;
      const quote = N(t.source.quote);
      expect(section(p ?? ''), t.id).toContain(quote);
      expect(quote.startsWith(tierZh[tier ?? ''] ?? '?'), t.id).toBe(true);
      // the row names the calendar: 24x7 or local business hours x 5
      expect(t.calendar, t.id).toBe(quote.includes('24x7') ? '24x7' : 'local-business-hours');
    }
  });

  it('response minutes equal the hours in the row, and cover every inbound message', () => {
    for (const t of jamf.targets.filter((x) => x.kind === 'response')) {
      const hours = Number(/(\d+)h/.exec(N(t.source.quote))?.[1]);
      expect(minutesOf(t), t.id).toBe(hours * 60);
      expect(t.coversInbound, t.id).toBe(true);
    }
    expect(jamf.facts.find((f) => f.id === 'jamf-response-time-definition')?.source.quote).toMatch(/入站的客戶溝通/);
  });

  it('the update cadence is the one in the row', () => {
    for (const t of jamf.targets.filter((x) => x.kind === 'update')) {
      const quote = N(t.source.quote);
      const every = /每(\d+)個工作小時/.exec(quote);
      if (every) {
        expect(t.cadence, t.id).toBe('every');
        expect(minutesOf(t), t.id).toBe(Number(every[1]) * 60);
      } else if (quote.includes('每個工作日一次')) {
        expect(t.cadence, t.id).toBe('daily');
      } else {
        expect(quote, t.id).toContain('當狀態變更時提供更新');
        expect(t.cadence, t.id).toBe('on-change');
        expect(t.span, t.id).toBeUndefined();
      }
    }
  });

  it('the faster tier never has a slower target for the same priority', () => {
    const order = ['platinum', 'gold', 'silver', 'standard'];
    for (const p of ['P1', 'P2', 'P3', 'P4']) {
      const minutes = order.map((tier) =>
        minutesOf(
          jamf.targets.find((t) => t.kind === 'response' && t.plans[0] === tier && t.severities[0] === p) as Target,
        ),
      );
      expect(
        [...minutes].sort((a, b) => (a ?? 0) - (b ?? 0)),
        p,
      ).toEqual(minutes);
    }
  });

  it('prices are the amounts in the cost row, by customer type', () => {
    expect(jamf.prices).toHaveLength(6);
    for (const price of jamf.prices) {
      const quote = N(price.source.quote);
      expect(Number(/([\d,]+)/.exec(quote)?.[1]?.replace(/,/g, '')), `${price.plan} ${price.customerType}`).toBe(
        price.amount,
      );
      expect(quote).toContain(price.customerType === 'commercial' ? '商業用戶' : '教育用戶');
      expect(price.period, 'the period is not stated').toBeNull();
    }
    expect(jamf.prices.some((p) => p.plan === 'standard')).toBe(false);
  });

  it('premium contacts are 2, 3 and 10 in the column order of the table', () => {
    const row = /進階支援連絡人([\d.]+)/.exec(text)?.[1]?.split('.').filter(Boolean).map(Number);
    const contacts = ['silver', 'gold', 'platinum'].map(
      (tier) =>
        jamf.facts.find((f) => f.topic === 'premium-contacts' && f.plans.length === 1 && f.plans[0] === tier)?.value,
    );
    expect(contacts).toEqual(row);
  });
});

describe('Microsoft', () => {
  const ms = k.vendor('microsoft');
  const UNIT_MINUTES: Record<string, number> = { 分鐘: 1, 小時: 60, 個營業小時: 60 };

  it('every timed response or customer target matches the first duration in its quote, and its calendar', () => {
    const timed = ms.targets.filter((t) => (t.kind === 'response' || t.kind === 'customer') && minutesOf(t));
    expect(timed.length).toBeGreaterThanOrEqual(12);
    for (const t of timed) {
      const m = /(\d+|[一兩四])(分鐘|個營業小時|小時)/.exec(N(t.source.quote));
      expect(m, t.id).not.toBeNull();
      const minutes = parseNumber(m?.[1] ?? '') * (UNIT_MINUTES[m?.[2] ?? ''] ?? Number.NaN);
      expect(minutesOf(t), t.id).toBe(minutes);
      // "營業小時" (business hours) runs on business hours; minutes and plain hours run around the clock
      expect(t.calendar, t.id).toBe(m?.[2] === '個營業小時' ? 'business-hours' : '24x7');
    }
  });

  it('the base first-response table: Sev 1 (Azure / other), A, B and C', () => {
    const base = (sev: string) =>
      k
        .targetsFor('microsoft', ['unified'], sev)
        .filter((t) => t.kind === 'response')
        .map((t) => `${t.scope ?? '-'} ${minutesOf(t)} ${t.calendar}`)
        .sort();
    expect(base('1')).toEqual(['azure 15 24x7', 'other 60 24x7']);
    expect(base('A')).toEqual(['- 60 24x7']);
    expect(base('B')).toEqual(['- 120 business-hours']);
    expect(base('C')).toEqual(['- 240 business-hours']);
  });

  it('coverage is 24x7 for 1 and A, business hours for B and C', () => {
    const coverage = (sev: string) =>
      k.targetsFor('microsoft', ['unified'], sev).find((t) => t.kind === 'coverage')?.calendar;
    expect(['1', 'A', 'B', 'C'].map(coverage)).toEqual(['24x7', '24x7', 'business-hours', 'business-hours']);
  });

  it('business hours default to Mon–Fri 09:00–17:30, as the definition says', () => {
    const cal = ms.calendars.find((c) => c.id === 'business-hours');
    const [, from, to] = /(\d+:\d+)至(\d+:\d+)/.exec(N(cal?.source.quote ?? '')) ?? [];
    expect(cal?.defaultHours).not.toBe('24x7');
    const hours = cal?.defaultHours as Record<string, [string, string][]>;
    expect(Object.keys(hours).sort()).toEqual(['fri', 'mon', 'thu', 'tue', 'wed']);
    for (const day of Object.values(hours)) expect(day).toEqual([[from?.padStart(5, '0'), to]]);
  });

  it('the cancellation steps are those of the clause and cover every number of days exactly once', () => {
    const fee = ms.fees.cancellation;
    const quote = N(fee?.source.quote ?? '');
    expect(quote).toContain(`至少${fee?.steps.find((s) => s.chargePercent === 0)?.minDays}天前`);
    const half = fee?.steps.find((s) => s.chargePercent === 50);
    expect(quote).toContain(`提前${half?.minDays}至${half?.maxDays}天取消將產生服務費用的50%`);
    expect(quote).toContain(`提前${fee?.steps.find((s) => s.chargePercent === 100)?.maxDays}天內取消`);
    fc.assert(
      fc.property(fc.nat({ max: 10_000 }), (days) => {
        const matching = (fee?.steps ?? []).filter(
          (s) => days >= s.minDays && (s.maxDays === null || days <= s.maxDays),
        );
        expect(matching).toHaveLength(1);
      }),
    );
  });

  it('the flex cap is the greater of the percentage and the floor in the clause', () => {
    const cap = ms.fees.flexCap;
    const quote = N(cap?.source.quote ?? '');
    expect(quote).toContain(`${cap?.percent}%`);
    expect(quote).toContain(`$${cap?.floor.toLocaleString('en-US')}美元`);
    expect(quote).toContain('以價高者為準');
  });

  it('UER and Rapid Response replace the base targets they improve on, never with a slower one', () => {
    for (const t of ms.targets.filter((x) => x.supersedes?.length)) {
      for (const id of t.supersedes ?? []) {
        const old = k.target(id)?.target;
        expect(old?.kind, `${t.id} → ${id}`).toBe(t.kind);
        if (minutesOf(t) !== undefined)
          expect(minutesOf(t) ?? 0, `${t.id} → ${id}`).toBeLessThanOrEqual(minutesOf(old as Target) ?? 0);
      }
    }
  });

  it('each Azure exclusion list names the services of its own footnote', () => {
    for (const id of [
      'unified-azure-exclusions',
      'uer-azure-exclusions',
      'rapid-response-exclusions',
      'aed-out-of-scope',
    ]) {
      const fact = k.fact(id)?.fact;
      expect(fact?.topic, id).toBe('exclusions');
      expect(N(fact?.source.quote ?? ''), id).toContain('StorSimple');
    }
  });
});

describe('Autodesk', () => {
  const ad = k.vendor('autodesk');

  it('targets do not depend on severity', () => {
    expect(ad.severityFree).toBe(true);
    for (const t of ad.targets) expect(t.severities).toEqual(['*']);
  });

  it('the response targets are 1 business day (included) and 4 hours (Enterprise) on the regional support week', () => {
    const included = k.target('autodesk-included-response')?.target;
    const enterprise = k.target('autodesk-enterprise-response')?.target;
    const days = parseNumber(/(\d+)\)個工作日/.exec(N(included?.source.quote ?? ''))?.[1] ?? '');
    const hours = parseNumber(/(\d+)\)個小時/.exec(N(enterprise?.source.quote ?? ''))?.[1] ?? '');
    expect(included?.span).toEqual({ businessDays: days });
    expect(minutesOf(enterprise as Target)).toBe(hours * 60);
    expect(N(enterprise?.source.quote ?? '')).toContain('不論嚴重等級');
    expect(included?.calendar).toBe('support-week');
    expect(enterprise?.calendar).toBe('support-week');
  });

  it('the support week is all of Monday to Friday, a business day being 24 open hours', () => {
    const week = ad.calendars.find((c) => c.id === 'support-week');
    expect(week?.businessDay).toBe('24-open-hours');
    expect(Object.keys(week?.regions ?? {}).sort()).toEqual(['americas', 'apac', 'emea']);
    expect(week?.regions?.apac?.zone).toBe('Asia/Singapore');
    expect(week?.regions?.americas?.zone).toBe('America/New_York');
  });

  it('CSM hours per region are the ones in the table', () => {
    const text = N(sourceText(ad.document));
    const clock = (hhmm: string) => {
      const h = Number(hhmm.slice(0, 2));
      return h < 12 ? `上午${h}時` : h < 18 ? `下午${h - 12}時` : `晚上${h - 12}時`;
    };
    const rowStart: Record<string, string> = {
      apac: '亞太地區新加坡標準時間:',
      americas: '美洲地區美東標準時間',
      emea: '歐洲、中東和非洲地區歐洲中央時間',
    };
    const csm = ad.calendars.find((c) => c.id === 'csm-hours');
    for (const [region, def] of Object.entries(csm?.regions ?? {})) {
      const hours = def.hours as Record<string, [string, string][]>;
      const [[from, to] = ['', '']] = hours.mon ?? [];
      const start = text.indexOf(rowStart[region] ?? '?');
      expect(start, region).toBeGreaterThan(-1);
      expect(text.slice(start, start + 80), region).toContain(`${clock(from)}至${clock(to)}`);
    }
  });

  it('product coaching: 3 a calendar quarter, no carry-over; success planning meeting and EBR: 1 a calendar year', () => {
    const q = (id: string) => k.quota(id)?.quota;
    expect(q('autodesk-product-coaching')).toMatchObject({ limit: 3, window: 'calendar-quarter', carryOver: false });
    expect(q('autodesk-success-planning-meeting')).toMatchObject({ limit: 1, window: 'calendar-year' });
    expect(q('autodesk-executive-business-review')).toMatchObject({ limit: 1, window: 'calendar-year' });
  });
});
