/**
 * Proposes plan records from a support document, for `entitlebot plan scaffold`: the second half of what
 * `npm run extract` does (candidates.ts proposes glossary terms from the same clauses). Pure: clauses in,
 * candidates out. English and Chinese (Traditional or Simplified) documents alike.
 *
 * Every candidate carries the passage it came from (a sentence of a clause, so it occurs verbatim in the
 * document, whitespace aside) for a person to confirm. A sentence that mentions a figure or a keyword the
 * patterns cannot place becomes an `unplaced` passage, so that nothing the document says is silently dropped.
 */

import type { Clause } from './clauses.js';
import { numberOf } from './numbers.js';
import { quoteOccursIn } from './quotes.js';

export interface LevelCandidate {
  /** as the document writes it after the word: '1', 'A', 'P1' */
  id: string;
  /** 'Severity 1', '優先權 1' */
  name: string;
  /** the label beside it, when given: 'Critical', '緊急' */
  label?: string;
  quote: string;
}

export interface TargetCandidate {
  /** customer: the customer's own obligation ("the customer must respond within 1 hour") */
  kind: 'response' | 'update' | 'customer';
  levels: string[];
  /** the plan name in force where the sentence sits (a label line or heading before it), when any */
  plan?: string;
  span: { minutes: number } | { businessDays: number };
  /** as written: '4 business hours', '30 分鐘' */
  figure: string;
  around: boolean;
  quote: string;
}

export interface CoverageCandidate {
  words: string[];
  /** HH:MM–HH:MM when the passage gives hours */
  hours?: [string, string];
  weekdays?: boolean;
  quote: string;
}

export interface QuotaCandidate {
  limit: number;
  unit: string;
  window: 'calendar-quarter' | 'calendar-year' | 'rolling-12-months' | 'contract-term' | 'per-event';
  quote: string;
}

export interface PriceCandidate {
  amount: number;
  currency: string;
  period: string | null;
  customerType?: 'commercial' | 'education';
  quote: string;
}

export interface CancellationCandidate {
  minDays: number;
  maxDays: number | null;
  chargePercent: number;
  quote: string;
}

export interface PlanCandidates {
  doc: string;
  levels: LevelCandidate[];
  plans: { name: string; quote: string }[];
  targets: TargetCandidate[];
  coverage: CoverageCandidate[];
  quotas: QuotaCandidate[];
  prices: PriceCandidate[];
  cancellation: CancellationCandidate[];
  unplaced: string[];
}

const NUM = String.raw`(\d+(?:\.\d+)?|[零一二兩两三四五六七八九十]+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)(?:\s*[(（]\s*\d+\s*[)）])?`;

/** Level words: English and Chinese, followed by the level's id. */
const LEVEL =
  /(?<![A-Za-z])(Severity|Sev|Priority|Prio|嚴重性|嚴重程度|嚴重等級|严重性|严重程度|优先级|優先級|優先權|优先权)\s*([1-5]|[A-D](?![a-z]))(?:\s*[(（]([^)）]{1,20})[)）])?|(?<![A-Za-z0-9])(P[1-5]|S[1-4]|Sev[1-4])(?![0-9])/gu;

/** Time figures and their units (longer units first). */
const FIGURE = new RegExp(
  String.raw`${NUM}\s*(business hours?|working hours?|support hours?|business days?|working days?|hours?|hrs?|minutes?|mins?|days?|h(?![a-z])|個工作小時|个工作小时|工作小時|工作小时|營業小時|营业小时|上班小時|個小時|个小时|小時|小时|分鐘|分钟|個營業日|个营业日|個工作日|个工作日|營業日|营业日|個工作天|个工作天|工作天|工作日|天)`,
  'giu',
);
const EVERY_DAY =
  /every (?:business|working) day|each (?:business|working) day|每(?:個|个)?(?:營業日|营业日|工作日|工作天)|daily/iu;
const RESPONSE = /respon[sd]|reply|replies|acknowledg|回應|回应|回覆|回复|響應|响应/iu;
const CUSTOMER_DUTY =
  /(?:customer|you) (?:must|shall|is required to|agrees to)|客戶(?:須|需|應|必須)|客户(?:须|需|应|必须)|貴用戶(?:須|應|必須)|贵用户(?:须|应|必须)/iu;
const UPDATE = /update|status|更新|進度|进度/iu;
const AROUND =
  /24\s*[x×*/]\s*7|7\s*[x×*]\s*24|24 hours a day|around the clock|round-the-clock|全天候|每週七天|每周七天|一週七天|全年無休|全年无休/iu;
const COVERAGE = [
  AROUND,
  /business hours|working hours|office hours|support hours|local time|Monday (?:to|through|-|–) Friday|Mon(?:day)?\s*[-–]\s*Fri(?:day)?|weekdays|public holidays|上班時間|上班时间|營業時間|营业时间|工作時間|工作时间|當地時間|当地时间|週一至週五|周一至周五|星期一至星期五|國定假日|国定假日|例假日|公眾假期/iu,
];
const HOURS = /([01]?\d|2[0-4])[:：]([0-5]\d)\s*(?:to|until|-|–|—|~|至|到)\s*([01]?\d|2[0-4])[:：]([0-5]\d)/u;
const WEEKDAYS =
  /Monday (?:to|through|-|–) Friday|Mon(?:day)?\s*[-–]\s*Fri(?:day)?|週一至週五|周一至周五|星期一至星期五/iu;
const PLAN_NAME =
  /\b((?:[A-Z][A-Za-z]+ ){0,2}[A-Z][A-Za-z]+ (?:Support|Plan|Tier|Success Plan|Package|Edition))\b|((?:白金|鉑金|铂金|鑽石|钻石|金|銀|银|銅|铜|標準|标准|基本|進階|进阶|高級|高级|企業|企业|專業|专业|旗艦|旗舰)(?:級|级|方案|版|支援|支持))/gu;
const QUOTA = new RegExp(
  String.raw`${NUM}\s+((?:[a-z-]+ ){0,3}?[a-z-]+?s?)\s+(?:per|each|every|a|an)\s+(calendar\s+|contract\s+)?(quarter|year|month|term|twelve months|12 months|event|incident)`,
  'giu',
);
const QUOTA_ZH = new RegExp(
  String.raw`(?:每(?:個|个)?(日曆|日历)?(季度|季|年|年度|合約期|合约期)|(十二個月|十二个月|12 個月|12 个月)期間?內?)[^。；]{0,60}?${NUM}\s*(次|場|场|個|个|小時|小时|位|項|项)`,
  'gu',
);
const PRICE =
  /(USD|US\$|EUR|GBP|TWD|NT\$|CNY|RMB|JPY|\$|€|£|¥)\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|(\d{1,3}(?:,\d{3})+|\d+)\s*(美元|美金|歐元|欧元|新台幣|新臺幣|新台币|台幣|台币|人民幣|人民币|元)/gu;
const CURRENCY: Record<string, string> = {
  $: 'USD',
  US$: 'USD',
  美元: 'USD',
  美金: 'USD',
  '€': 'EUR',
  歐元: 'EUR',
  欧元: 'EUR',
  '£': 'GBP',
  NT$: 'TWD',
  新台幣: 'TWD',
  新台币: 'TWD',
  台币: 'TWD',
  新臺幣: 'TWD',
  台幣: 'TWD',
  人民幣: 'CNY',
  人民币: 'CNY',
  RMB: 'CNY',
  '¥': 'JPY',
};
const PERIOD = /per (year|annum|month|quarter)|annual(?:ly)?|yearly|monthly|每年|每年度|每月|每季/iu;
const CANCEL = /cancel|取消/iu;
const FIGURE_OR_KEYWORD =
  /\d|respon|update|severity|priority|cancel|fee|price|quota|per (?:quarter|year)|回應|回应|更新|嚴重|严重|優先|优先|取消|費用|费用|價格|价格|每季|每年/iu;

/** true: the text says around the clock; false: it names business hours; undefined: neither. */
function coverageOf(text: string): boolean | undefined {
  const tight = text.replace(/\s+/gu, '');
  if (AROUND.test(text) || AROUND.test(tight)) return true;
  const business = COVERAGE[1] as RegExp;
  if (business.test(text) || business.test(tight)) return false;
  return undefined;
}

/** A clause's sentences: at 。！？； and at '. ' before a capital, digit or bracket; each verbatim. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[。！？；])|(?<=[^\d\s][.!?;])\s+(?=[A-Z0-9(（\-•])|\s+(?=[-•]\s)/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 1);
}

function levelsIn(text: string): { id: string; name: string; label?: string; index: number }[] {
  const out: { id: string; name: string; label?: string; index: number }[] = [];
  for (const m of text.matchAll(LEVEL)) {
    if (m[4]) {
      out.push({ id: m[4].replace(/^Sev/iu, ''), name: m[4], index: m.index ?? 0 });
      continue;
    }
    const word = m[1] ?? '';
    const id = m[2] ?? '';
    out.push({
      id,
      name: `${word}${/\p{Script=Han}/u.test(word) ? ' ' : ' '}${id}`,
      label: m[3]?.trim(),
      index: m.index ?? 0,
    });
  }
  return out;
}

function toSpan(n: number, unit: string): TargetCandidate['span'] | undefined {
  const u = unit.toLowerCase();
  if (/^(minutes?|mins?|分鐘|分钟)$/u.test(u)) return { minutes: n };
  if (/day|日|天/u.test(u)) return { businessDays: n };
  if (/hour|hrs?|^h$|小時|小时/u.test(u)) return { minutes: Math.round(n * 60) };
  return undefined;
}

/** "up to 10 days before", "3 to 9 days", "less than 3 days", "至少 14 天前", "6 至 13 天", "5 天內". */
function cancellationSteps(sentence: string): CancellationCandidate[] {
  const percent =
    /(\d{1,3})\s*%|in full|full (?:fee|amount|charge)|全額|全额|free of charge|no charge|免費|免费|完整退款|不收取?費用|不收取?费用|不收費|不收费/iu.exec(
      sentence,
    );
  if (!percent) return [];
  const chargePercent = percent[1]
    ? Number(percent[1])
    : /free|no charge|免費|免费|退款|不收/iu.test(percent[0])
      ? 0
      : 100;
  const range = /(\d+)\s*(?:to|-|–|至|到)\s*(\d+)\s*(?:calendar |business )?(?:days?|天|日)/iu.exec(sentence);
  if (range) return [{ minDays: Number(range[1]), maxDays: Number(range[2]), chargePercent, quote: sentence }];
  const atLeast =
    /(?:up to|at least|more than|至少|超過|超过)\s*(\d+)\s*(?:calendar |business )?(?:days?|天|日)/iu.exec(sentence);
  if (atLeast) {
    const n = Number(atLeast[1]) + (/more than|超過|超过/iu.test(atLeast[0]) ? 1 : 0);
    return [{ minDays: n, maxDays: null, chargePercent, quote: sentence }];
  }
  const within =
    /(?:less than|fewer than|within)\s*(\d+)\s*(?:calendar |business )?days?|(\d+)\s*天(?:內|内|以內|以内)/iu.exec(
      sentence,
    );
  if (within) {
    const n = Number(within[1] ?? within[2]);
    return [{ minDays: 0, maxDays: /less|fewer/iu.test(within[0]) ? n - 1 : n, chargePercent, quote: sentence }];
  }
  return [];
}

/** Proposals for one document, in document order within each kind. */
export function proposePlanCandidates(doc: string, source: string, clauses: readonly Clause[]): PlanCandidates {
  const out: PlanCandidates = {
    doc,
    levels: [],
    plans: [],
    targets: [],
    coverage: [],
    quotas: [],
    prices: [],
    cancellation: [],
    unplaced: [],
  };
  const seenLevels = new Map<string, LevelCandidate>();
  const seenPlans = new Set<string>();
  let currentPlan: string | undefined;
  let currentLevels: string[] = [];
  /** a table header naming the response time was seen in this section */
  let responseColumn = false;
  let section = '';

  for (const clause of clauses) {
    if (clause.heading.join('/') !== section) {
      section = clause.heading.join('/');
      responseColumn = false;
    }
    for (const h of clause.heading) {
      for (const m of h.matchAll(PLAN_NAME)) currentPlan = (m[1] ?? m[2])?.trim() ?? currentPlan;
    }
    let clauseAround: boolean | undefined;
    for (const sentence of sentencesOf(clause.text)) {
      if (!quoteOccursIn(sentence, source)) continue;
      let placed = false;

      // plan names; a short line ending in ':' that names a plan sets the plan for what follows
      for (const m of sentence.matchAll(PLAN_NAME)) {
        const name = (m[1] ?? m[2])?.trim();
        if (!name || /^(The|This|Our|Your|Every|Each|Any)\b/u.test(name)) continue;
        if (!seenPlans.has(name)) {
          seenPlans.add(name);
          out.plans.push({ name, quote: sentence });
        }
        placed = true;
      }
      // "Premier Support:" on its own line, or "金級方案：…" opening a sentence: the plan of what follows
      const label = /^(.{2,40}?)[:：]\s*$/u.exec(sentence) ?? /^([^:：，,。]{2,16}?)[:：]/u.exec(sentence);
      const labelPlan = label ? [...(label[1] ?? '').matchAll(PLAN_NAME)][0] : undefined;
      if (labelPlan) currentPlan = (labelPlan[1] ?? labelPlan[2])?.trim();

      const levels = levelsIn(sentence);
      for (const l of levels) {
        // P1, S1 and Sev1 are the same level as Priority 1 / Severity 1
        const key = l.id.toUpperCase().replace(/^[PS](?=\d)/u, '');
        const existing = seenLevels.get(key);
        // the defining sentence is the one where the level comes first with a label or a colon
        const defines = l.index === 0 && (l.label !== undefined || /^[^:：]{0,30}[:：]/u.test(sentence));
        if (!existing) {
          const level: LevelCandidate = {
            id: l.id,
            name: l.name,
            quote: sentence,
            ...(l.label ? { label: l.label } : {}),
          };
          seenLevels.set(key, level);
          out.levels.push(level);
        } else if (defines && existing.quote !== sentence && !existing.label && l.label) {
          existing.quote = sentence;
          existing.label = l.label;
        }
      }
      const levelsBefore = currentLevels;
      /** the levels a figure at `at` is for: those named since the previous figure, else the last ones named */
      const levelsAt = (at: number, previousFigure: number): string[] => {
        const named = levels.filter((l) => l.index < at && l.index >= previousFigure).map((l) => l.id);
        if (named.length > 0) return [...new Set(named)];
        const earlier = levels.filter((l) => l.index < at);
        const last = earlier.at(-1);
        return last ? [last.id] : levelsBefore;
      };
      let previousFigure = 0;
      if (levels.length > 0) {
        const last = levels.at(-1) as { index: number };
        currentLevels = [...new Set(levels.filter((l) => l.index >= last.index - 40).map((l) => l.id))];
        placed = true;
      }

      // Whether a figure runs around the clock: the coverage words between it and its neighbouring figures
      // (a table row "白金級 1h 24x7 … 銀級 1h 當地上班時間"), else the sentence's, else the clause's so far
      // ("…全天候 24x7 提供服務；每 2 小時提供更新。").
      const figureStarts = [...sentence.matchAll(FIGURE)].map((m) => m.index ?? 0);
      const aroundAt = (at: number, previousFigure: number): boolean => {
        const next = figureStarts.find((start) => start > at) ?? sentence.length;
        return coverageOf(sentence.slice(previousFigure, next)) ?? coverageOf(sentence) ?? clauseAround ?? false;
      };

      // response and update figures: each part of a sentence (split at ';' and ',') on its own
      const parts = sentence.split(/(?<=[;；,，])\s*/u);
      let kindBefore: TargetCandidate['kind'] | undefined;
      if (RESPONSE.test(sentence) && !FIGURE.test(sentence)) responseColumn = true;
      FIGURE.lastIndex = 0;
      let partStart = 0;
      for (const part of parts) {
        const offset = sentence.indexOf(part, partStart);
        partStart = offset + part.length;
        const kind = CUSTOMER_DUTY.test(sentence)
          ? 'customer'
          : RESPONSE.test(part)
            ? 'response'
            : UPDATE.test(part)
              ? 'update'
              : kindBefore;
        kindBefore = kind;
        // a table row under a "response time" header: figures are responses, "every N" ones updates
        if (!kind && !responseColumn) continue;
        let found = false;
        for (const m of part.matchAll(FIGURE)) {
          const n = numberOf(m[1] ?? '');
          const span = n === undefined ? undefined : toSpan(n, m[2] ?? '');
          if (!span) continue;
          // a figure in a cancellation or quota sentence is not a target
          if (CANCEL.test(sentence)) continue;
          const before = part.slice(0, m.index ?? 0);
          const after = part.slice((m.index ?? 0) + m[0].length);
          // "24 hours a day, 7 days a week", "每天二十四小時", "24x7": coverage, not a deadline
          if (
            /^\s*(?:a|per|each) (?:day|week)|^\s*[x×*/]\s*\d/iu.test(after) ||
            /(?:每天|每日|一天|\d\s*[x×*/])\s*$/u.test(before)
          )
            continue;
          const figureKind = kind ?? (/(?:每|every|each)\s*$/iu.test(before) ? 'update' : 'response');
          const rowPlan = [...before.matchAll(PLAN_NAME)].at(-1);
          const plan = rowPlan ? (rowPlan[1] ?? rowPlan[2]) : currentPlan;
          const at = offset + (m.index ?? 0);
          const around = aroundAt(at, previousFigure);
          const figureLevels = levelsAt(at, previousFigure);
          previousFigure = at + m[0].length;
          out.targets.push({
            kind: figureKind,
            levels: figureLevels,
            ...(plan ? { plan } : {}),
            span,
            figure: m[0].trim(),
            around,
            quote: sentence,
          });
          found = true;
          placed = true;
        }
        if (!found && kind === 'update' && EVERY_DAY.test(part)) {
          out.targets.push({
            kind,
            levels: levelsAt(offset, previousFigure),
            ...(currentPlan ? { plan: currentPlan } : {}),
            span: { businessDays: 1 },
            figure: EVERY_DAY.exec(part)?.[0] ?? 'every business day',
            around: aroundAt(offset, previousFigure),
            quote: sentence,
          });
          placed = true;
        }
      }

      clauseAround = coverageOf(sentence) ?? clauseAround;
      const isTarget = out.targets.at(-1)?.quote === sentence;
      if (!isTarget && COVERAGE.some((re) => re.test(sentence))) {
        const words = COVERAGE.flatMap((re) => {
          const m = new RegExp(re.source, 'giu');
          return [...sentence.matchAll(m)].map((x) => x[0]);
        });
        const hours = HOURS.exec(sentence);
        out.coverage.push({
          words: [...new Set(words)],
          ...(hours
            ? {
                hours: [`${hours[1]?.padStart(2, '0')}:${hours[2]}`, `${hours[3]?.padStart(2, '0')}:${hours[4]}`] as [
                  string,
                  string,
                ],
              }
            : {}),
          ...(WEEKDAYS.test(sentence) ? { weekdays: true } : {}),
          quote: sentence,
        });
        placed = true;
      }

      for (const m of sentence.matchAll(QUOTA)) {
        const limit = numberOf(m[1] ?? '');
        const per = (m[4] ?? '').toLowerCase();
        const window =
          per === 'quarter'
            ? 'calendar-quarter'
            : per === 'year'
              ? 'calendar-year'
              : /twelve|12/u.test(per)
                ? 'rolling-12-months'
                : per === 'term'
                  ? 'contract-term'
                  : /event|incident/u.test(per)
                    ? 'per-event'
                    : undefined;
        if (limit === undefined || !window || CANCEL.test(sentence)) continue;
        out.quotas.push({ limit, unit: (m[2] ?? '').trim(), window, quote: sentence });
        placed = true;
      }
      for (const m of sentence.matchAll(QUOTA_ZH)) {
        const limit = numberOf(m[4] ?? '');
        const per = m[2] ?? '';
        const window = m[3]
          ? 'rolling-12-months'
          : /季/u.test(per)
            ? 'calendar-quarter'
            : /年/u.test(per)
              ? 'calendar-year'
              : 'contract-term';
        if (limit === undefined) continue;
        out.quotas.push({ limit, unit: m[5] ?? '', window, quote: sentence });
        placed = true;
      }

      if (!CANCEL.test(sentence)) {
        for (const m of sentence.matchAll(PRICE)) {
          const symbol = m[1] ?? m[4] ?? '';
          const amount = Number((m[2] ?? m[3] ?? '').replace(/,/gu, ''));
          if (!(amount >= 100) || (symbol === '元' && !/價|价|費|费/u.test(sentence))) continue;
          const period = PERIOD.exec(sentence)?.[0] ?? null;
          const rest = sentence.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 60);
          const edu = rest.search(/educat|school|universit|教育|學校|学校/iu);
          const com = rest.search(/commercial|business customers|商業|商业|企業|企业/iu);
          const customerType =
            edu !== -1 && (com === -1 || edu < com) ? 'education' : com !== -1 ? 'commercial' : undefined;
          out.prices.push({
            amount,
            currency: CURRENCY[symbol] ?? symbol,
            period: period ? period.replace(/^per /iu, '') : null,
            ...(customerType ? { customerType } : {}),
            quote: sentence,
          });
          placed = true;
        }
      } else {
        const steps = cancellationSteps(sentence);
        out.cancellation.push(...steps);
        if (steps.length > 0) placed = true;
      }

      if (!placed && FIGURE_OR_KEYWORD.test(sentence) && /\d|[一二兩两三四五六七八九十]/u.test(sentence)) {
        out.unplaced.push(sentence);
      }
    }
  }
  return out;
}
