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
import { type AnswerRecord, recordsOf } from '../knowledge/records.js';
import type { Answer } from '../model/answer.js';
import { strings } from '../text/i18n.js';
import type { Language } from '../text/normalize.js';
import type { Command } from './command.js';
import { fileOf } from './common.js';
import type { AnswerContext } from './context.js';
import { dueAnswer } from './due.js';
import { feeCancelAnswer, feeFlexAnswer } from './fee.js';
import type { Question } from './parse/question.js';
import { priceAnswer } from './price.js';
import { feeDates, slaCommand, vendorsOf } from './question-commands.js';
import { quotaAnswer } from './quota.js';
import { ASKS_WHEN, type RankedRecord, rankRecords, samePlanFamily } from './rank-records.js';
import { compareAnswer, compareRecordsAnswer, notCoveredAnswer, recordAnswer, yesNoOf } from './record.js';
import { slaAnswer } from './sla.js';
import { termAnswer } from './term.js';
import { unknownNameOf, unknownWords } from './unknown-words.js';
import { askedValue, nearValue, statesValue, type Unstated, unstatedValue } from './unstated.js';

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

/** Candidates that compute from the question's own numbers: unknown words do not make them doubtful. */
const COMPUTATIONS = new Set(['fee', 'fee-command', 'due', 'flex', 'quota']);

/** Candidates built from the entities alone, blind to the question's other words. */
const STRUCTURED = new Set(['sla', 'price', 'compare', 'fee-schedule']);

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
      // a price, count or time asked of a plan some record of which states one: the card defines the plan
      // but does not answer ("Jamf Standard 多少錢？" is the record saying no price is listed)
      const asked = askedValue(q);
      if (
        asked &&
        q.kind !== 'definition' &&
        q.plans.length > 0 &&
        records.some(
          (r) => r.score >= CLOSE && statesValue(r.record, asked) && q.plans.some((p) => r.record.plans.includes(p.id)),
        )
      )
        score *= 0.75;
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

  // a price, count or length of time asked of a thing none of whose records states one: no card about the
  // thing answers it ("how much is Unified a year?"); a computation from the question's own numbers may
  const unstated = unstatedValue(q, ctx.knowledge);
  if (unstated && !candidates.some((c) => COMPUTATIONS.has(c.name)))
    return unstatedAnswer(unstated, q, records, ctx, lang);

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

/** "The contracts do not say: they state no price for Microsoft Unified", with the thing's closest records. */
function unstatedAnswer(u: Unstated, q: Question, records: RankedRecord[], ctx: AnswerContext, lang: Language): Answer {
  const s = strings(lang);
  const names = u.plans.map((p) => {
    const file = fileOf(ctx.knowledge, p.vendor);
    const plan = file?.plans.find((x) => x.id === p.id)?.name[lang] ?? p.id;
    const vendor = file?.vendorName[lang] ?? p.vendor;
    return plan.startsWith(vendor) ? plan : `${vendor} ${plan}`;
  });
  const quotaNames = u.quotas.flatMap((id) =>
    ctx.knowledge.plans.flatMap((f) => f.quotas.filter((x) => x.id === id).map((x) => x.name[lang])),
  );
  const thing = (quotaNames.length > 0 ? quotaNames : names).join(s.comma);
  const own = (r: AnswerRecord) =>
    u.quotas.length > 0
      ? r.quota !== undefined && u.quotas.includes(r.quota.id)
      : u.plans.some((p) => p.vendor === r.vendor && r.plans.includes(p.id));
  // the thing's own records near the value asked for (its fee's basis), then its others, then the rest
  const near = recordsOf(ctx.knowledge).filter((r) => own(r) && nearValue(r, u.kind));
  const ranked = records.filter((r) => r.score >= CLOSE).map((r) => r.record);
  const closest = [
    ...ranked.filter((r) => own(r) && nearValue(r, u.kind)),
    ...near,
    ...ranked.filter(own),
    ...ranked,
  ].filter((r, i, all) => all.findIndex((x) => x.id === r.id) === i);
  return notCoveredAnswer(q, [], closest.slice(0, 2), ctx, lang, s.notStatedValue(u.kind, thing));
}
