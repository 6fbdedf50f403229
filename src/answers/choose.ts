/**
 * Choosing the answer to a question asked in words (not a typed command): every kind of answer that
 * could fit is a candidate with a score, and the best one is built. Nothing is decided by the first rule
 * that matches.
 *
 * Candidates and what their score rests on (0..1):
 * - a computation (fee, deadline, flex cap): the question has the shape of one (a cancellation with
 *   dates, days of notice or an amount; a severity with an opening time);
 * - a comparison: two or more sides named (plans, an add-on beside its base, severities);
 * - support targets (the SLA answer): a severity named, or a severity-free vendor's plan, with the kind of
 *   target asked about (response, update, coverage);
 * - a price: price words with a priced plan;
 * - a record (fact, target, quota, price, fee step) from the record index: how much of the question the
 *   record covers, times how well it agrees with the entities named (vendor, plan, severity, scope);
 * - a glossary term: found and named in full, more so for a definition question;
 * - "not in these contracts": when the best candidate is weak, with the two closest records.
 */
import { DateTime } from 'luxon';
import type { AnswerRecord } from '../knowledge/records.js';
import type { Answer } from '../model/answer.js';
import { paraphrased } from '../search/paraphrase.js';
import type { RecordHit } from '../search/records.js';
import { foldText, queryTokens } from '../search/tokenize.js';
import { strings } from '../text/i18n.js';
import type { Language } from '../text/normalize.js';
import type { Command } from './command.js';
import { fileOf } from './common.js';
import type { AnswerContext } from './context.js';
import { dueAnswer } from './due.js';
import { feeCancelAnswer, feeFlexAnswer } from './fee.js';
import type { Question } from './parse/question.js';
import { priceAnswer } from './price.js';
import { quotaAnswer } from './quota.js';
import { compareAnswer, compareRecordsAnswer, notCoveredAnswer, recordAnswer, yesNoOf } from './record.js';
import { slaAnswer } from './sla.js';
import { termAnswer } from './term.js';

/** Below this, the best candidate is a guess: the answer says what is not covered instead. */
export const WEAK = 0.42;
/**
 * Chinese questions match the records by character bigrams, many of which span two words: a covered
 * Chinese question scores lower than its English twin, and its bar is lower (calibrated on the
 * development set: the out-of-scope Chinese questions stay below 0.3, the covered ones mostly above 0.35).
 */
export const WEAK_ZH = 0.33;
/** A record this close is worth offering beside "not in these contracts". */
const CLOSE = 0.15;
const RECORD_CAP = 0.9;

interface Candidate {
  name: string;
  score: number;
  build: () => Answer | undefined;
}

/** How well a record agrees with what the question names: 1 neutral, below 1 a mismatch. */
function agreement(record: AnswerRecord, q: Question, ctx: AnswerContext): number {
  let f = 1;
  if (q.vendors.length > 0 && !q.vendors.includes(record.vendor)) f *= 0.25;
  if (q.vendors.length === 0 && ctx.contracts.length > 0 && ctx.contracts.some((c) => c.vendor === record.vendor))
    f *= 1.1;
  const ownPlans = q.plans.filter((p) => p.vendor === record.vendor);
  if (ownPlans.length > 0) {
    const hit = ownPlans.some((p) => record.plans.includes(p.id));
    f *= hit ? 1.15 : 0.6;
    // the record of exactly the plan named ("Silver: 2 contacts") before one of every tier ("at least 2")
    if (hit && record.plans.every((id) => ownPlans.some((p) => p.id === id))) f *= 1.1;
  }
  const t = record.target;
  if (t) {
    if (q.severities.length > 0 && !t.severities.includes('*')) {
      const ok = q.severities.some((s) =>
        s.matches.some((m) => m.vendor === record.vendor && t.severities.includes(m.id)),
      );
      if (!ok) f *= 0.3;
    }
    if (q.targetKind && t.kind !== q.targetKind) f *= 0.6;
    if (q.scope && t.scope && t.scope !== q.scope.id) f *= 0.3;
    if (t.milestone) f *= 0.8;
    // a target is one severity's: a question naming none is rarely about it
    if (q.severities.length === 0 && !t.severities.includes('*')) f *= 0.75;
  }
  if (q.kind === 'count' && record.number !== undefined) f *= 1.1;
  // "by when must we …", 「截止期限」: a record that states a time limit
  if (
    ASKS_WHEN.test(q.norm) &&
    (record.fact?.value !== undefined || record.fact?.span || record.fact?.topic === 'deadline')
  )
    f *= 1.15;
  // a quota named by its own name ("success planning meeting") is the quota's record
  if (record.quota && q.quotas.includes(record.quota.id)) f *= 1.15;
  return f;
}

/**
 * Two records of one plan, or of a base plan and an add-on to it: an add-on's record does not make a
 * question about the base ambiguous ("is reactive support remote?" is the base's, whatever multi-country adds).
 */
function samePlanFamily(a: AnswerRecord, b: AnswerRecord, ctx: AnswerContext): boolean {
  if (a.vendor !== b.vendor) return false;
  const file = fileOf(ctx.knowledge, a.vendor);
  const family = (ids: readonly string[]) =>
    new Set(ids.flatMap((id) => [id, ...(file?.plans.find((p) => p.id === id)?.addsTo ?? [])]));
  const fa = family(a.plans);
  return [...family(b.plans)].some((id) => fa.has(id));
}

export interface RankedRecord {
  record: AnswerRecord;
  score: number;
  /** share of the question's weight the record matched (RecordHit.coverage) */
  coverage: number;
}

/** The record hits for a question, re-ranked by coverage, relative relevance and agreement. */
export function rankRecords(q: Question, ctx: AnswerContext): RankedRecord[] {
  const hits: RecordHit[] = ctx.search?.records?.(q.text, { limit: 12 }) ?? [];
  const top = hits[0]?.score ?? 1;
  return hits
    .map((h) => ({
      record: h.record,
      coverage: h.coverage,
      // not capped: two records that both cover the question are told apart by relevance and agreement
      score:
        h.coverage * (0.55 + 0.45 * (h.score / top)) * (0.95 + 0.05 * h.precision) * agreement(h.record, q, ctx) +
        (h.named ? 0.05 : 0),
    }))
    .sort((a, b) => b.score - a.score);
}

/** Words of the question no record, term or clause contains: what the contracts do not speak of. */
function unknownWords(q: Question, ctx: AnswerContext): string[] {
  const knows = ctx.search?.knows;
  if (!knows) return [];
  const near = ctx.search?.near ?? (() => false);
  const named = new Set(q.named.flatMap((n) => n.split(' ')));
  const latin = queryTokens(q.text).filter((t) => (/^[a-z][a-z-]{3,}$/.test(t) && !near(t)) || /^\d{2,}$/.test(t));
  // a figure the contracts never state (99.99 %) is asked about as much as a word
  const unknownLatin = latin.filter((t) => !knows(t) && !named.has(t) && !paraphrased(t));
  // Chinese: whole words (a bigram across two words is no word), as the segmenter cuts them
  const han: string[] = [];
  for (const { segment, isWordLike } of SEGMENTER.segment(q.text)) {
    if (!isWordLike || !/^\p{Script=Han}{2,}$/u.test(segment)) continue;
    // grammar words at a word's edges (要有, 才有, 會做) are no subject: strip them before judging
    const core = segment.replace(FUNCTION_CHARS_AT_EDGES, '');
    if ([...core].length < 2 || knows(foldText(core)) || paraphrased(core)) continue;
    // question words (幾點, 什麼, 可以) are no subject; a word any of whose bigrams the contracts use is known
    const tokens = queryTokens(core).filter((t) => t.length >= 2);
    if (tokens.length > 0 && tokens.every((t) => !knows(t))) han.push(core);
  }
  return [...unknownLatin, ...han].slice(0, 3);
}

const SEGMENTER = new Intl.Segmenter('zh', { granularity: 'word' });
/** Chinese grammar characters (auxiliaries, particles, copulas), not subjects. */
const FUNCTION_CHARS_AT_EDGES =
  /^[要有才會会是的了嗎吗呢吧可以能得把被在和跟與与或還还就都也再多幾几怎麼么什甚哪誰谁該该請请]+|[要有才會会是的了嗎吗呢吧可以能得把被在和跟與与或還还就都也再多幾几怎麼么什甚哪誰谁該该請请]+$/gu;

/** Candidates that compute from the question's own numbers: unknown words do not make them doubtful. */
const COMPUTATIONS = new Set(['fee', 'fee-command', 'due', 'flex', 'quota']);
const ASKS_WHEN =
  /\b(by when|deadline|how long before|how far in advance|how soon|when must|how many days before)\b|期限|截止|多久前|多久之前|提前多久/u;

/** Candidates built from the entities alone, blind to the question's other words. */
const STRUCTURED = new Set(['sla', 'price', 'compare', 'fee-schedule']);

/** A capitalised name (Salesforce, AutoCAD) the contracts never mention: the question is about something else. */
function unknownNameOf(q: Question, ctx: AnswerContext): string | undefined {
  const knows = ctx.search?.knows;
  if (!knows) return undefined;
  const near = ctx.search?.near ?? (() => false);
  for (const m of q.text.matchAll(/(?<![A-Za-z])[A-Z][A-Za-z0-9]{2,}/g)) {
    const word = m[0];
    const tokens = queryTokens(word);
    if (tokens.length > 0 && tokens.every((t) => !knows(t) && !near(t))) return word;
  }
  return undefined;
}

function isoDay(dt: DateTime): string {
  return dt.toISODate() ?? '';
}

/** The service and notice dates of a fee question, years filled in from today. */
function feeDates(q: Question, ctx: AnswerContext): { serviceDate?: string; noticeDate?: string } {
  const zone = ctx.userZone ?? ctx.workspaceZone ?? 'UTC';
  const today = DateTime.fromJSDate(ctx.now, { zone }).startOf('day');
  const resolved = q.dates.map((d) =>
    d.relative !== undefined
      ? { dt: today.plus({ days: d.relative }), yearGiven: true }
      : {
          dt: DateTime.fromObject({ year: d.year ?? today.year, month: d.month, day: d.day }, { zone }),
          yearGiven: d.year !== undefined,
        },
  );
  const valid = resolved.filter((r) => r.dt.isValid);
  if (valid.length === 0) return {};
  if (valid.length === 1) {
    const [only] = valid;
    if (!only) return {};
    const dt = !only.yearGiven && only.dt < today ? only.dt.plus({ years: 1 }) : only.dt;
    return { serviceDate: isoDay(dt) };
  }
  // the later date is the service, the earlier the notice; a date without a year is the next such day
  let [a, b] = valid as [(typeof valid)[number], (typeof valid)[number]];
  if (!a.yearGiven && !b.yearGiven) {
    let service = a.dt > b.dt ? a.dt : b.dt;
    let notice = a.dt > b.dt ? b.dt : a.dt;
    if (notice < today.minus({ days: 1 }) && service < today) {
      service = service.plus({ years: 1 });
      notice = notice.plus({ years: 1 });
    } else if (service < today) service = service.plus({ years: 1 });
    return { serviceDate: isoDay(service), noticeDate: isoDay(notice) };
  }
  if (a.yearGiven !== b.yearGiven) {
    // one year given: the other date takes it, and a notice falls on or before its service
    const known = a.yearGiven ? a : b;
    const other = a.yearGiven ? b : a;
    other.dt = other.dt.set({ year: known.dt.year });
  }
  if (a.dt < b.dt) [a, b] = [b, a];
  return { serviceDate: isoDay(a.dt), noticeDate: isoDay(b.dt) };
}

/** Vendors a question is about: those named, else the one vendor all its severities belong to. */
function vendorsOf(q: Question): string[] {
  if (q.vendors.length > 0) return q.vendors;
  const sets = q.severities.map((s) => new Set(s.matches.map((m) => m.vendor)));
  const [first] = sets;
  if (!first) return [];
  const shared = [...first].filter((v) => sets.every((set) => set.has(v)));
  return shared.length === 1 ? shared : [];
}

function slaCommand(q: Question): Extract<Command, { kind: 'sla' }> {
  return {
    kind: 'sla',
    public: false,
    language: q.language,
    text: q.text,
    plans: q.plans,
    vendors: vendorsOf(q),
    ...(q.severities[0] ? { severity: q.severities[0] } : {}),
    ...(q.scope ? { scope: q.scope.id } : {}),
  };
}

/** The yes/no line of an SLA answer about coverage ("is Standard 24/7 for P1?"). */
function slaYesNo(answer: Answer, q: Question, ctx: AnswerContext, lang: Language, records: RankedRecord[]) {
  const id = answer.basis?.find((b) => ctx.knowledge.target(b)?.target.kind === 'coverage');
  if (!id) return;
  const record = records.find((r) => r.record.id === id)?.record;
  const t = ctx.knowledge.target(id);
  if (!t) return;
  const rec: AnswerRecord = record ?? {
    id,
    kind: 'target',
    vendor: t.file.vendor,
    plans: t.target.plans,
    text: t.target.text,
    source: t.target.source,
    certainty: t.target.certainty,
    names: [],
    owner: [],
    target: t.target,
  };
  const yes = yesNoOf(rec, { ...q, targetKind: 'coverage' }, ctx);
  if (yes === undefined) return;
  const s = strings(lang);
  answer.summary = `${yes ? s.yes : s.no}${s.afterYesNo}${t.target.text[lang]} ${answer.summary}`;
  answer.basis = [id, ...(answer.basis ?? []).filter((b) => b !== id)];
}

/** Answer a question asked in words. `cmd` is what the command parser made of the same text. */
export function answerQuestion(q: Question, cmd: Command, ctx: AnswerContext, lang: Language): Answer {
  const candidates: Candidate[] = [];
  const records = rankRecords(q, ctx);
  const bestRecord = records[0];
  const hasSeverities = ctx.knowledge.plans.filter((f) => !f.severityFree).map((f) => f.vendor);

  // computations
  if (q.kind === 'fee') {
    const dates = feeDates(q, ctx);
    candidates.push({
      name: 'fee',
      score: 1,
      build: () =>
        feeCancelAnswer(
          {
            kind: 'fee-cancel',
            public: false,
            language: q.language,
            text: q.text,
            ...dates,
            ...(q.noticeDays !== undefined && !dates.noticeDate ? { noticeDays: q.noticeDays } : {}),
            ...(q.amount !== undefined ? { amount: q.amount } : {}),
            problems: [],
          },
          ctx,
          lang,
        ),
    });
  }
  if (cmd.kind === 'fee-cancel' && q.kind !== 'fee')
    candidates.push({ name: 'fee-command', score: 0.8, build: () => feeCancelAnswer(cmd, ctx, lang) });
  if (q.kind === 'deadline' && cmd.kind === 'due')
    candidates.push({ name: 'due', score: 1, build: () => dueAnswer(cmd, ctx, lang) });
  if (cmd.kind === 'fee-flex')
    candidates.push({ name: 'flex', score: 0.9, build: () => feeFlexAnswer(cmd, ctx, lang) });
  if (cmd.kind === 'quota' && q.usage)
    candidates.push({ name: 'quota', score: 0.9, build: () => quotaAnswer(cmd, ctx, lang) });

  // comparisons
  if (q.kind === 'comparison') {
    // of targets when a kind of target or a severity is named, else of the records of each plan
    const ofTargets = q.targetKind !== undefined || q.severities.length > 0;
    candidates.push({
      name: 'compare',
      score: 0.95,
      build: () =>
        ofTargets
          ? compareAnswer({ ...q, vendors: vendorsOf(q) }, ctx, lang)
          : (compareRecordsAnswer(q, records, ctx, lang) ?? compareAnswer(q, ctx, lang)),
    });
  }

  // support targets
  const severityFreePlan = q.plans.some((p) => fileOf(ctx.knowledge, p.vendor)?.severityFree);
  const severityFreeVendor = q.vendors.some((v) => fileOf(ctx.knowledge, v)?.severityFree) && q.plans.length === 0;
  if (q.severities.length > 0 || ((severityFreePlan || severityFreeVendor) && q.targetKind)) {
    const vendorOk =
      q.vendors.length === 0 ||
      q.vendors.some((v) => hasSeverities.includes(v) || severityFreePlan || severityFreeVendor);
    let score = q.targetKind ? 0.9 : 0.6;
    if (!vendorOk) score = 0.3;
    // an add-on named with a severity it states no target for ("Rapid Response, Sev A"): the base plan's
    // table would not answer it; a record that says so may
    const addonSilent = q.plans.some((p) => {
      if (p.kind !== 'addon') return false;
      const file = fileOf(ctx.knowledge, p.vendor);
      return (
        q.severities.length > 0 &&
        !file?.targets.some(
          (t) =>
            t.plans.includes(p.id) &&
            (t.severities.includes('*') ||
              q.severities.some((s) => s.matches.some((m) => m.vendor === p.vendor && t.severities.includes(m.id)))),
        )
      );
    });
    if (addonSilent) score *= 0.6;
    // a fact that names more of the question than a severity does ("an RCA for P1 issues") wins
    if (!q.targetKind && bestRecord && !bestRecord.record.target && bestRecord.score > score) score *= 0.8;
    // "how long is AED onboarding" names no severity: a plan alone with a time word is not a target question
    candidates.push({
      name: 'sla',
      score,
      build: () => {
        const a = slaAnswer(slaCommand(q), ctx, lang, q.targetKind);
        if (q.kind === 'yes-no' && a.kind === 'sla') slaYesNo(a, q, ctx, lang, records);
        return a;
      },
    });
  }

  // prices
  if (q.price) {
    const priced = ctx.knowledge.plans.filter((f) => f.prices.length > 0).map((f) => f.vendor);
    const plans = q.plans.filter((p) => priced.includes(p.vendor));
    if (plans.length > 0 || q.vendors.some((v) => priced.includes(v))) {
      candidates.push({
        name: 'price',
        // "are the prices per year?" asks about the prices, not for them
        score: (plans.length > 0 ? 0.86 : 0.6) * (q.kind === 'yes-no' ? 0.7 : 1),
        build: () =>
          priceAnswer(
            {
              kind: 'price',
              public: false,
              language: q.language,
              text: q.text,
              plans,
              vendors: q.vendors.filter((v) => priced.includes(v)),
              ...(q.customerType ? { customerType: q.customerType } : {}),
            },
            ctx,
            lang,
          ),
      });
    }
  }

  // a cancellation without numbers asks for the schedule
  if (q.cancel && q.kind !== 'fee') {
    const schedule = records.find((r) => r.record.kind === 'fee-schedule') ?? undefined;
    const record =
      schedule?.record ??
      ctx.search?.records?.('cancellation fee 取消', { limit: 5 }).find((h) => h.record.kind === 'fee-schedule')
        ?.record;
    const otherVendor = q.vendors.length > 0 && record && !q.vendors.includes(record.vendor);
    if (record && !otherVendor && !/\baem\b|事件管理/u.test(q.norm))
      candidates.push({ name: 'fee-schedule', score: 0.8, build: () => recordAnswer(record, q, ctx, lang) });
  }

  // records; with nothing named, two close records of different plans make the question ambiguous
  const second = records[1];
  const ambiguous =
    bestRecord !== undefined &&
    q.vendors.length === 0 &&
    q.plans.length === 0 &&
    second !== undefined &&
    second.score >= bestRecord.score - 0.05 &&
    !samePlanFamily(bestRecord.record, second.record, ctx);
  if (bestRecord) {
    if (ambiguous) bestRecord.score *= 0.7;
    // a yes or no about a statement the record covers less than half of is a guess ("refunds for
    // outages" is not answered by the outage-handling feature); Chinese bigrams cover less, so a lower bar
    if (q.kind === 'yes-no' && bestRecord.coverage < (q.language === 'zh' ? 0.35 : 0.5)) bestRecord.score *= 0.85;
    const also = records
      .slice(1, 3)
      .filter((r) => r.score > 0.6 * bestRecord.score && r.record.vendor === bestRecord.record.vendor)
      .map((r) => r.record);
    candidates.push({
      name: `record:${bestRecord.record.id}`,
      // a record never outranks a computation, a comparison or a target question's own builder
      score: Math.min(RECORD_CAP, bestRecord.score),
      build: () => recordAnswer(bestRecord.record, q, ctx, lang, q.kind === 'list' ? also : []),
    });
  }

  // glossary terms
  if (ctx.search) {
    const found = ctx.search.lookup(q.text);
    if (found.status === 'found') {
      const named = found.best.named;
      let score =
        q.kind === 'definition'
          ? 0.3 + 0.4 * found.best.coverage + (named ? 0.12 : 0)
          : 0.22 + 0.4 * found.best.coverage + (named ? 0.05 : 0);
      if (q.kind === 'definition') score += 0.35;
      // records of several plans fit equally ("how fast do I get an RCA"): the glossary explains them all
      else if (ambiguous && named) score += 0.2;
      // every word of the question is the term's, and no vendor or plan narrows it: the concept is asked about
      else if (
        named &&
        q.kind === 'value' &&
        !ASKS_WHEN.test(q.norm) &&
        found.best.coverage >= 0.99 &&
        q.vendors.length === 0 &&
        q.plans.length === 0
      )
        score += 0.3;
      // a plan named with more than its name ("Rapid Response languages") asks about one of its records
      else if (
        q.plans.length > 0 &&
        bestRecord &&
        bestRecord.score >= 0.5 &&
        q.plans.some((p) => bestRecord.record.plans.includes(p.id))
      )
        score *= 0.7;
      if ((q.kind === 'count' || q.kind === 'yes-no') && (bestRecord?.score ?? 0) > 0.5) score -= 0.15;
      if (q.vendors.length > 0 && found.best.term && !q.vendors.includes(found.best.term.vendor)) score *= 0.5;
      if (!found.best.term) score *= 0.8;
      // a term neither named nor covering more than half of the question only shares a word or two with it
      // ("the uptime SLA for Microsoft 365" is not Office 365 Engineering Direct)
      if (q.kind !== 'definition' && !named && found.best.coverage <= 0.5) score *= 0.9;
      candidates.push({
        name: `term:${found.best.id}`,
        score,
        build: () =>
          termAnswer(
            { kind: 'term', public: false, language: q.language, text: q.text, query: q.text, implicit: true },
            ctx,
            lang,
          ),
      });
    }
  }

  // whatever else the command parser routed to
  if (
    !['term', 'not-understood', 'sla', 'due', 'price', 'fee-cancel', 'fee-flex'].includes(cmd.kind) &&
    cmd.kind === 'quota'
  )
    candidates.push({ name: 'quota', score: 0.45, build: () => quotaAnswer(cmd, ctx, lang) });

  // words of the question the contracts never use weigh against every reading that is not a computation:
  // "a multi-year discount on platinum" is not answered by Platinum's card
  const unknown = unknownWords(q, ctx);
  const unknownName = unknownNameOf(q, ctx);
  const unknownLatin = unknown.filter((w) => /^[a-z0-9]/.test(w)).length;
  const unknownHan = unknown.length - unknownLatin;
  // the record and term searches already weigh unknown words in their coverage; the builders that read
  // only the entities (targets, prices, comparisons) would answer the half of the question they know
  // a figure no record states (99.99 %) asks for a promise the contracts do not make
  const unknownFigure = unknown.some((w) => /^\d+$/.test(w));
  const doubt = 0.78 ** unknownLatin * 0.8 ** unknownHan * (unknownName ? 0.6 : 1) * (unknownFigure ? 0.5 : 1);
  const blind = 0.35 ** (unknownLatin + unknownHan) * (unknownName ? 0.6 : 1);
  for (const c of candidates) {
    if (COMPUTATIONS.has(c.name)) continue;
    c.score *= STRUCTURED.has(c.name) ? blind : doubt;
  }

  candidates.sort((a, b) => b.score - a.score);
  for (const c of candidates) {
    if (c.score < (q.language === 'zh' ? WEAK_ZH : WEAK)) break;
    const built = c.build();
    if (built) return built;
  }
  // without the search index nothing can be looked up: the term answer says so rather than "not covered"
  if (!ctx.search && cmd.kind === 'term') return termAnswer(cmd, ctx, lang);
  return notCoveredAnswer(
    q,
    unknownName ? [unknownName, ...unknown.filter((w) => w !== unknownName.toLowerCase())] : unknown,
    // the closest records, when anything is close at all ("weather in Paris" has nothing near)
    records
      .slice(0, 2)
      .filter((r) => r.score >= CLOSE)
      .map((r) => r.record),
    ctx,
    lang,
  );
}

/** For the docs and tests: the candidates' names and scores, best first. */
export function explainChoice(q: Question, ctx: AnswerContext): RankedRecord[] {
  return rankRecords(q, ctx).slice(0, 5);
}
