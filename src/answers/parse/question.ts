/**
 * The question model: what a sentence asks, read once into entities and a kind, before any answer is
 * chosen (src/answers/build/choose.ts scores the candidate answers against it).
 *
 * Entities: vendors in all their names (the plan files' names and `vendorAliases`: 微軟, MS, msft), plans
 * and add-ons, every severity named (a comparison may name two), a product scope with its negation
 * ("rather than Azure", 「Azure 以外」 → the other-products scope), dates (ISO, 3 March, 3 月 3 日, today,
 * tomorrow), an amount with its currency words (12,000, USD 5k, 3 萬元), days of notice ("two weeks
 * before", 「提前 10 天」) and which kind of target is asked about (response, update, coverage, our side).
 *
 * Kinds: value (the default), yes-no, count, comparison, list, definition, deadline (a time to compute from
 * a severity and an opening time), fee (a cancellation fee to compute), case (about a tracked case).
 */

import type { Knowledge } from '../../knowledge/load.js';
import { numberOf } from '../../knowledge/numbers.js';
import type { Level, Target } from '../../knowledge/schema.js';
import { editDistance, type Language, languageOf, normalize } from '../../text/normalize.js';
import type { PlanRef, SeverityRef } from '../command.js';
import { extractAmount } from './amount.js';
import { vocabularyOf } from './parse.js';
import { findPhrases } from './vocabulary.js';
import { CUES, CUSTOMER_TYPES } from './words.js';

export type QuestionKind =
  | 'value'
  | 'yes-no'
  | 'count'
  | 'comparison'
  | 'list'
  | 'definition'
  | 'deadline'
  | 'fee'
  | 'case';

/** A date as typed: the year is missing when the text left it out ("3 March", 「3 月 3 日」). */
export interface DateMention {
  year?: number;
  month: number;
  day: number;
  /** relative to today: 0 today, 1 tomorrow */
  relative?: number;
  text: string;
  index: number;
}

export interface Question {
  /** the text as typed, without a mention, `/support` or a trailing `public` */
  text: string;
  /** normalize(text) */
  norm: string;
  language: Language;
  kind: QuestionKind;
  vendors: string[];
  plans: PlanRef[];
  /** every severity named, in the order typed */
  severities: SeverityRef[];
  scope?: { id: string; negated: boolean };
  dates: DateMention[];
  amount?: number;
  noticeDays?: number;
  /** a clock time was typed (09:00, 4pm): a deadline question names when the case was opened */
  hasTime: boolean;
  targetKind?: Target['kind'];
  customerType?: 'commercial' | 'education';
  /** words about cancelling */
  cancel: boolean;
  /** a question about the price of a plan */
  price: boolean;
  /** the question asks for something recorded in the store (quota uses left) */
  usage: boolean;
  /** the words that named a vendor, plan, severity or scope, as typed (normalised) */
  named: string[];
  /** quotas named by their names or aliases */
  quotas: string[];
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';

/** A number word, or "a"/"an" as one ("a week before"). */
function countOf(word: string): number | undefined {
  if (word === 'a' || word === 'an') return 1;
  return numberOf(word);
}

/** "EBRs" → "EBR", "SIPs" → "SIP": an abbreviation's plural names the same thing. */
export function singularAbbreviations(text: string): string {
  return text.replace(/\b([A-Z]{2,})s\b/g, '$1');
}

/** Every date in normalised text, in order, with the text it came from. */
export function findDates(norm: string): DateMention[] {
  const out: DateMention[] = [];
  const taken: [number, number][] = [];
  const add = (m: RegExpExecArray, d: Omit<DateMention, 'text' | 'index'>) => {
    const start = m.index;
    const end = start + m[0].length;
    if (taken.some(([a, b]) => start < b && end > a)) return;
    if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) return;
    taken.push([start, end]);
    out.push({ ...d, text: m[0], index: start });
  };
  const patterns: [RegExp, (m: RegExpExecArray) => Omit<DateMention, 'text' | 'index'>][] = [
    [
      /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日號号]?/g,
      (m) => ({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }),
    ],
    [/(\d{1,2})\s*月\s*(\d{1,2})\s*[日號号]?/g, (m) => ({ month: Number(m[1]), day: Number(m[2]) })],
    [
      new RegExp(`(?<![a-z0-9])(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?:\\s+(\\d{4}))?(?![a-z])`, 'g'),
      (m) => ({
        month: MONTHS.indexOf((m[2] ?? '').slice(0, 3)) + 1,
        day: Number(m[1]),
        ...(m[3] ? { year: Number(m[3]) } : {}),
      }),
    ],
    [
      new RegExp(`(?<![a-z])${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*,?\\s*(\\d{4}))?(?![\\d:])`, 'g'),
      (m) => ({
        month: MONTHS.indexOf((m[1] ?? '').slice(0, 3)) + 1,
        day: Number(m[2]),
        ...(m[3] ? { year: Number(m[3]) } : {}),
      }),
    ],
  ];
  for (const [re, read] of patterns) {
    re.lastIndex = 0;
    for (let m = re.exec(norm); m; m = re.exec(norm)) add(m, read(m));
  }
  const relative: [RegExp, number][] = [
    [/(?<![a-z])today(?![a-z])|今天|今日/g, 0],
    [/(?<![a-z])tomorrow(?![a-z])|明天|明日/g, 1],
    [/後天|后天/g, 2],
  ];
  for (const [re, days] of relative) {
    for (let m = re.exec(norm); m; m = re.exec(norm)) add(m, { month: 1, day: 1, relative: days });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Days of notice: "14 days before", "two weeks ahead", 「提前 10 天」, 「3 天前」, "notice 5 days". */
export function findNoticeDays(norm: string): number | undefined {
  // a number starts where a word does: otherwise a long run of letters or digits is tried from each of its
  // characters in turn, each try running to the run's end (time growing with the square of the run)
  const num = '(?<![a-z0-9])(\\d+|[a-z]+|[一二兩两三四五六七八九十])';
  const unit = '(days?|weeks?|天|日|週|周|星期|個星期|个星期)';
  const patterns = [
    new RegExp(`(?:notice of|notice|提前|提早)\\s*${num}\\s*${unit}`, 'u'),
    new RegExp(`${num}\\s*${unit}\\s*(?:before|ahead|in advance|prior|notice|early|前|之前|以前|通知)`, 'u'),
  ];
  for (const re of patterns) {
    const m = re.exec(norm);
    if (!m?.[1] || !m[2]) continue;
    const n = countOf(m[1]);
    if (n === undefined) continue;
    return /week|週|周|星期/.test(m[2]) ? n * 7 : n;
  }
  return undefined;
}

const YES_NO_EN =
  /^(?:so\s+|and\s+|but\s+|hey\s+|hi\s+|also\s+)?(is|are|does|do|did|can|could|will|would|should|has|have|may|must|am|was|were)\b/;
const YES_NO_ZH =
  /[嗎吗][\s?？]*$|[嗎吗](\s|$)|是否|有沒有|有没有|能否|可否|可不可以|能不能|會不會|会不会|是不是|算不算|可以.*嗎|可以.*吗/u;
const COUNT =
  /how many|how much time|number of|幾個|几个|幾位|几位|幾次|几次|幾小時|几小时|幾天|几天|幾人|几人|多少個|多少个|多少位|多少次|多少小時|多少小时|多少天|多少人|幾個人|几个人|几週|幾週/u;
const COMPARISON =
  /\bvs\.?\b|\bversus\b|compar|difference between|differ|which (?:one )?is (?:faster|quicker|better|slower|longer|shorter)|faster than|slower than|better than|\bor\b.*\?|跟.*(一樣|一样|相同|不同|差)|和.*(一樣|一样|相同|不同|差)|與.*(一樣|相同|不同)|比較|比较|差別|差别|差異|差异|哪個快|哪个快|哪個比較|哪个比较|還是|还是/u;
const LIST = /^(list|which|what are the|what are all)\b|有哪些|哪幾|哪几|列出/u;
const DEFINITION =
  /^(what is|what's|whats|what are|define|definition of|meaning of|explain)\b|what does .* (mean|stand for)|stand for|什麼是|什么是|是什麼|是什么|何謂|何谓|的定義|的定义|什麼意思|什么意思/u;
/** Asking what a word means, whatever it is about ("what does response time mean", 「怎麼定義」). */
const MEANING =
  /what does .* (mean|stand for)|\bmeaning of\b|\bdefine\b|\bdefinition of\b|怎麼定義|怎么定义|如何定義|如何定义|的定義|的定义|什麼意思|什么意思|何謂|何谓/u;
const CASE_WORDS =
  /\b(my|our|this|the) (case|ticket|incident)\b|\bnext (update|response)\b|\boverdue\b|\bopen cases\b|我的案件|我們的案件|我们的案件|這個案件|这个案件|此案件|這張單|这张单|下次更新|下一次更新|下次回覆|下次回复|逾期了|\b(is|are) (it|they|the vendor|we) (late|overdue|behind)\b|廠商.*(逾期|遲了)/u;

const TARGET_KIND: [Target['kind'], RegExp][] = [
  [
    'customer',
    /\bour (obligation|side|duty)\b|\bwe (have|need|must) to\b|\bmust we\b|我方|我們的義務|我们的义务|我們要|我们要/u,
  ],
  ['update', /\bupdates?\b|\bcadence\b|how often|更新/u],
  [
    'response',
    /respon|\breply\b|\banswer\b|\bfast(er|est)?\b|\bquick|\bslow|first call|回應|回应|回覆|回复|回復|响应|響應|多快/u,
  ],
  [
    'coverage',
    /24\s*\/\s*7|24\s*x\s*7|around the clock|\bcoverage\b|weekends?|\bnights?\b|全天候|24 小時|24小時|24 小时|二十四小時|週末|周末|晚上|假日/u,
  ],
];

/** How many words a definition question asks about once its question words are gone ("what is a CSM" → 2). */
function definedWords(norm: string): number {
  const rest = norm.replace(DEFINITION, ' ').replace(/[?？]/g, ' ').trim();
  const latin = rest.match(/[a-z0-9]+/g)?.length ?? 0;
  const han = rest.match(/\p{Script=Han}/gu)?.length ?? 0;
  return latin + Math.ceil(han / 2);
}

/** Words a question's typos are corrected to: the vocabulary's one-word names and the target words. */
const CUE_WORDS = ['response', 'respond', 'update', 'updates', 'severity', 'priority', 'coverage', 'microsoft'];
const typoWords = new WeakMap<object, string[]>();

/**
 * "platnum" → "platinum", "respnse" → "response": a Latin word of five letters or more that is no word of
 * the vocabulary but one edit from one (two for words of eight letters or more) is read as that word.
 */
function correctTypos(text: string, vocab: ReturnType<typeof vocabularyOf>, real: ReadonlySet<string>): string {
  let words = typoWords.get(vocab);
  if (!words) {
    const single = vocab.phrases
      .filter((p) => (p.ref.type === 'plan' || p.ref.type === 'vendor') && /^[a-z]{5,}$/.test(p.phrase))
      .map((p) => p.phrase);
    words = [...new Set([...single, ...CUE_WORDS])];
    typoWords.set(vocab, words);
  }
  const known = new Set(words);
  return text.replace(/[a-z]{5,}/g, (w) => {
    // a word the contracts themselves use ("include", "design") is no typo of a plan's name ("included")
    if (known.has(w) || isRealWord(w, real)) return w;
    const limit = w.length >= 8 ? 2 : 1;
    let best: string | undefined;
    let bestD = limit + 1;
    for (const candidate of words) {
      if (Math.abs(candidate.length - w.length) > limit) continue;
      const d = editDistance(w, candidate);
      if (d < bestD) {
        best = candidate;
        bestD = d;
      }
    }
    return best && !/^(respond|responds|updated|updates)$/.test(w) ? best : w;
  });
}

const realWordSets = new WeakMap<object, Set<string>>();

/** The English words of the knowledge base's own statements (facts, targets, quotas, plan summaries). */
function realWordsOf(knowledge: Pick<Knowledge, 'plans'> | undefined): ReadonlySet<string> {
  if (!knowledge) return new Set();
  let set = realWordSets.get(knowledge);
  if (!set) {
    set = new Set();
    for (const f of knowledge.plans) {
      const texts = [
        ...f.facts.map((x) => x.text?.en ?? ''),
        ...f.targets.map((x) => x.text.en),
        ...f.quotas.map((x) => x.text?.en ?? ''),
        ...f.plans.map((x) => x.summary ?? ''),
      ];
      for (const t of texts) for (const w of t.toLowerCase().match(/[a-z]{5,}/g) ?? []) set.add(w);
    }
    realWordSets.set(knowledge, set);
  }
  return set;
}

/** A word of the statements, or one of its plain inflections ("include" of "included", "design" of "designs"). */
function isRealWord(w: string, real: ReadonlySet<string>): boolean {
  return [w, `${w}s`, `${w}d`, `${w}ed`, `${w}es`].some((x) => real.has(x));
}

/** Read a question into its entities and kind. Pure; never throws. */
export function understand(text: string, knowledge?: Pick<Knowledge, 'plans'>): Question {
  const typed = singularAbbreviations(
    (text ?? '')
      .normalize('NFKC')
      .trim()
      .replace(/^(<@[A-Z0-9]+(\|[^>]*)?>\s*)+/i, '')
      .replace(/^\/support\b\s*/i, '')
      .replace(/(?:^|\s)(public|公開|公开)[\s.!。!]*$/i, '')
      .trim(),
  );
  const norm = normalize(typed);
  const language = languageOf(typed);
  const dates = findDates(norm);
  let rest = norm;
  for (const d of dates) rest = rest.replace(d.text, ' ');
  const hasTime = /(?<![\d.])\d{1,2}:\d{2}(?!\d)|\b\d{1,2}\s*(am|pm)\b|[上下]午\s*\d|\d\s*點|\d\s*点/.test(rest);
  const noticeDays = findNoticeDays(norm);
  // an amount is money when it is large or carries a currency word; "14 days" and "P1" are not amounts
  const moneyText = rest
    // from a digit run's start only (the same matches; retried from each digit, a long run took quadratic time)
    .replace(
      /(?<!\d)\d+\s*(days?|weeks?|hours?|h|min|minutes?|天|日|週|周|小時|小时|分鐘|分钟|個|个|人|位)(?![a-z])/g,
      ' ',
    )
    .replace(/(?<![a-z0-9])(p|sev|s)\s*-?\s*\d/g, ' ')
    .replace(/\d{1,2}:\d{2}/g, ' ');
  const { amount: rawAmount } = extractAmount(moneyText);
  const currency = /usd|\$|美元|元|萬|万|dollars?|\bk\b|cost|costing|worth|amount|金額|金额|費用|费用|價值|价值/.test(
    moneyText,
  );
  const amount = rawAmount !== undefined && (rawAmount >= 100 || currency) ? rawAmount : undefined;

  const vocab = vocabularyOf(knowledge);
  rest = correctTypos(rest, vocab, realWordsOf(knowledge));
  const { matches } = findPhrases(vocab, rest, { args: false });
  const vendors: string[] = [];
  const plans: PlanRef[] = [];
  const severities: SeverityRef[] = [];
  let scope: Question['scope'];
  for (const m of matches) {
    const ref = m.phrase.ref;
    if (ref.type === 'vendor' && !vendors.includes(ref.vendor)) vendors.push(ref.vendor);
    if (ref.type === 'scope' && !scope)
      scope = { id: ref.scope, negated: ref.scope === 'other' && /azure/.test(m.text) };
    if (ref.type === 'plan') {
      const e = ref.entry;
      if (!plans.some((p) => p.vendor === e.vendor && p.id === e.id))
        plans.push({ vendor: e.vendor, id: e.id, kind: e.kind, addsTo: e.addsTo, text: m.text });
    }
    if (ref.type === 'severity') {
      // "ms sev1", "jamf p1": the vendor's name inside a severity alias names the vendor too
      for (const v of vocab.phrases) {
        if (v.ref.type !== 'vendor' || vendors.includes(v.ref.vendor) || !/^[a-z]/.test(v.phrase)) continue;
        if (
          new RegExp(`(^|\\s)${v.phrase}(\\s|$)`).test(m.text) &&
          ref.entries.every((e) => e.vendor === (v.ref as { vendor: string }).vendor)
        )
          vendors.push(v.ref.vendor);
      }
      const levels = new Set<Level>(ref.entries.map((e) => e.level));
      const [only] = levels;
      severities.push({ text: m.text, matches: ref.entries, ...(levels.size === 1 && only ? { level: only } : {}) });
    }
    if (ref.type === 'level') severities.push({ text: m.text, matches: [], level: ref.level });
  }
  // a plan word several vendors share ("standard") is narrowed by a vendor named beside it
  const narrowed = vendors.length > 0 ? plans.filter((p) => vendors.includes(p.vendor)) : plans;
  const chosenPlans = narrowed.length > 0 ? narrowed : plans;
  for (const p of chosenPlans) if (!vendors.includes(p.vendor)) vendors.push(p.vendor);
  // a severity word several vendors share is narrowed by the vendor named
  const chosenSeverities = severities.map((s) => {
    const own = s.matches.filter((e) => vendors.includes(e.vendor));
    return own.length > 0 && own.length < s.matches.length ? { ...s, matches: own } : s;
  });

  const targetKind = TARGET_KIND.find(([, re]) => re.test(rest) || re.test(norm))?.[0];
  const cancel = CUES.cancel.test(norm);
  const price = CUES.price.test(norm) && !cancel;
  const usage = /\b(left|remaining|used|have we used|still have)\b|剩|用了|還有幾|还有几|已使用/u.test(norm);
  const customerType = CUSTOMER_TYPES.education.test(norm)
    ? 'education'
    : CUSTOMER_TYPES.commercial.test(norm)
      ? 'commercial'
      : undefined;

  const namedSomething = vendors.length > 0 || chosenPlans.length > 0 || chosenSeverities.length > 0;
  const sides = chosenPlans.length >= 2 || chosenSeverities.length >= 2;
  let kind: QuestionKind = 'value';
  if (cancel && (noticeDays !== undefined || dates.length >= 2 || (dates.length >= 1 && amount !== undefined)))
    kind = 'fee';
  // a deadline computation: a severity with an opening time, or "when is … due" (from now)
  else if (
    chosenSeverities.length > 0 &&
    CUES.due.test(norm) &&
    (hasTime || dates.length > 0 || /(?<![a-z])(due|deadline)(?![a-z])|到期|期限/u.test(norm))
  )
    kind = 'deadline';
  else if (!namedSomething && CASE_WORDS.test(norm) && !cancel) kind = 'case';
  else if (sides && COMPARISON.test(norm)) kind = 'comparison';
  else if (COUNT.test(norm)) kind = 'count';
  else if (YES_NO_EN.test(norm) || YES_NO_ZH.test(norm)) kind = 'yes-no';
  else if (MEANING.test(norm) || (DEFINITION.test(norm) && !targetKind && definedWords(norm) <= 4)) kind = 'definition';
  else if (LIST.test(norm)) kind = 'list';

  return {
    text: typed,
    norm,
    language,
    kind,
    vendors,
    plans: chosenPlans,
    severities: chosenSeverities,
    ...(scope ? { scope } : {}),
    dates,
    ...(amount !== undefined ? { amount } : {}),
    ...(noticeDays !== undefined ? { noticeDays } : {}),
    hasTime,
    ...(targetKind ? { targetKind } : {}),
    ...(customerType ? { customerType } : {}),
    cancel,
    price,
    usage,
    named: [
      ...matches.map((m) => m.text),
      ...(CUSTOMER_TYPES.education.exec(norm)?.slice(0, 1) ?? []),
      ...(CUSTOMER_TYPES.commercial.exec(norm)?.slice(0, 1) ?? []),
      ...(norm.match(/\b(schools?|universit(y|ies)|colleges?|companies|businesses)\b/g) ?? []),
    ],
    quotas: [...new Set(matches.flatMap((m) => (m.phrase.ref.type === 'quota' ? [m.phrase.ref.entry.id] : [])))],
  };
}
