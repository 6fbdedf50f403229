/**
 * Answers that rest on one knowledge record (a fact, target, quota, price or fee step), a comparison of
 * targets, and the "not in these contracts" answer with the closest things the contracts do say.
 *
 * Shape: the first line answers the question (the figure, yes/no with the statement it rests on, or
 * "the contracts do not say"), then the supporting facts, then the quotes (citations).
 */
import type { AnswerRecord } from '../knowledge/records.js';
import type { Target } from '../knowledge/schema.js';
import { type Answer, emptyAnswer } from '../model/answer.js';
import { strings } from '../text/i18n.js';
import { planName } from '../text/names.js';
import type { Language } from '../text/normalize.js';
import { formatSpan } from '../text/time.js';
import { topicLabel } from '../text/topic-words.js';
import { cite, fileOf, suggest } from './common.js';
import type { AnswerContext } from './context.js';
import { checkList, type ListCheck } from './list.js';
import type { Question } from './parse/question.js';
import { type Combo, selectCombos, severityFor, targetsOf } from './select.js';

const NEGATION_EN =
  /\b(not|no|cannot|can't|never|without|excluded|excludes|out of scope|lapses?|forfeit(ed)?|expires?|expired)\b/i;

/**
 * The statement's main clause: its first sentence, up to "; " or ", but", without "if …" / "unless …"
 * conditions (in "Microsoft may downgrade if you cannot respond" the "cannot" is the condition's).
 */
function mainClause(text: string): string {
  const first = text.split(/(?<=[.;:])\s|,\s*but\s/u)[0] ?? text;
  return first.replace(/\b(if|unless|when|where)\b[^,;.]*/giu, ' ');
}

/**
 * Yes or no to a yes/no question, from the record: a coverage target says whether the work runs around
 * the clock; a fact with a true/false value says whether the thing holds; otherwise a statement with a
 * negation ("does not cover", 「不得」) answers no and one without answers yes. Undefined: cannot tell.
 */
export function yesNoOf(record: AnswerRecord, q: Question, ctx: AnswerContext): boolean | undefined {
  const t = record.target;
  if (t && (q.targetKind === 'coverage' || t.kind === 'coverage')) {
    const file = fileOf(ctx.knowledge, record.vendor);
    const calendar = file?.calendars.find((c) => c.id === t.calendar);
    return calendar ? calendar.kind === 'fixed' && calendar.hours === '24x7' : undefined;
  }
  if (t) return undefined;
  const listed = checkList(record, q.norm, ctx.knowledge);
  if (listed) return listed.verdict === 'yes' ? true : listed.verdict === 'not-excluded' ? undefined : false;
  const negated = NEGATION_EN.test(mainClause(record.text.en));
  const value = record.fact?.value ?? (record.quota ? record.quota.carryOver : undefined);
  if (value === false) return false;
  if (record.quota && /carry|roll|next|延|順延|顺延/u.test(q.norm)) return record.quota.carryOver;
  return !negated;
}

/**
 * The first line of a yes/no about items of a list: "No — Chinese is not among those listed: Rapid
 * Response … English and Japanese only." The statement that follows names the list.
 */
function listSummary(check: ListCheck, text: string, lang: Language): string {
  const s = strings(lang);
  const items = check.items.map((i) => i[lang]).join(s.comma);
  const colon = s.colon;
  const after = s.afterYesNo;
  switch (check.verdict) {
    case 'yes':
      return `${s.yes}${after}${text}`;
    case 'no':
      return `${s.no}${after}${s.notAmong(items)}${colon}${text}`;
    case 'not-listed':
      return `${s.notListed}${after}${s.notAmong(items)}${colon}${text}`;
    case 'on-request':
      return `${s.possibly}${after}${s.onRequestOnly(items)}${colon}${text}`;
    case 'excluded':
      return `${s.no}${after}${s.isExcluded(items)}${colon}${text}`;
    case 'not-excluded':
      return `${s.notAmongExclusions(items)}${colon}${text}`;
  }
}

function plansLabel(ctx: AnswerContext, record: AnswerRecord, lang: Language): string {
  return record.plans.map((p) => planName(ctx.knowledge, p, lang)).join(strings(lang).comma);
}

function titleOf(ctx: AnswerContext, record: AnswerRecord, lang: Language): string {
  const file = fileOf(ctx.knowledge, record.vendor);
  const topic = record.fact
    ? topicLabel(record.fact.topic, lang)
    : record.quota
      ? record.quota.name[lang]
      : record.kind === 'price'
        ? strings(lang).price
        : record.kind.startsWith('fee')
          ? strings(lang).feeCancelTitle
          : record.kind === 'flex-cap'
            ? strings(lang).feeFlexTitle
            : strings(lang).slaAllTitle;
  return `${file?.vendorName[lang] ?? record.vendor} · ${topic}`;
}

/** The answer a record gives to the question. `also`: other records worth showing as support. */
export function recordAnswer(
  record: AnswerRecord,
  q: Question,
  ctx: AnswerContext,
  lang: Language,
  also: AnswerRecord[] = [],
): Answer {
  const s = strings(lang);
  const answer = emptyAnswer('term', titleOf(ctx, record, lang), '');
  const text = record.text[lang];
  const c = cite(answer, record, lang);
  const listed = q.kind === 'yes-no' ? checkList(record, q.norm, ctx.knowledge) : undefined;
  if (listed) {
    answer.summary = listSummary(listed, text, lang);
  } else if (q.kind === 'yes-no') {
    const yes = yesNoOf(record, q, ctx);
    answer.summary =
      yes === undefined ? `${s.contractsSay}${s.colon}${text}` : `${yes ? s.yes : s.no}${s.afterYesNo}${text}`;
  } else {
    // a target leads with its figure ("4 h — Severity C: first call response within 4 business hours")
    const span = record.target?.span;
    answer.summary = span ? `${formatSpan(span, lang)}${s.dash}${text}` : text;
  }
  answer.facts.push({ label: s.statement, value: text, cite: c });
  const applies = plansLabel(ctx, record, lang);
  if (applies) answer.facts.push({ label: s.appliesTo, value: applies });
  const basis = [record.id];
  const related = record.target?.related ?? [];
  const file = fileOf(ctx.knowledge, record.vendor);
  for (const id of related) {
    const fact = file?.facts.find((f) => f.id === id);
    if (!fact) continue;
    answer.facts.push({ label: topicLabel(fact.topic, lang), value: fact.text[lang], cite: cite(answer, fact, lang) });
    basis.push(fact.id);
  }
  for (const other of also.slice(0, 2)) {
    if (basis.includes(other.id)) continue;
    answer.facts.push({ label: titleOf(ctx, other, lang), value: other.text[lang], cite: cite(answer, other, lang) });
    basis.push(other.id);
  }
  answer.basis = basis;
  if (record.kind === 'fee-schedule') suggest(answer, 'fee cancel 2026-12-20 notice 2026-12-07 amount 10000');
  return answer;
}

/** "These contracts do not say …", with the two closest records they do have. */
export function notCoveredAnswer(
  q: Question,
  unknown: string[],
  closest: AnswerRecord[],
  ctx: AnswerContext,
  lang: Language,
  headline?: string,
): Answer {
  const s = strings(lang);
  const what = unknown.length > 0 ? unknown.map((w) => s.quoted(w)).join(s.comma) : '';
  const answer = emptyAnswer(
    'not-covered',
    s.notCoveredTitle,
    headline ?? (what ? s.notSaid(what) : s.notSaidAnything),
  );
  for (const r of closest.slice(0, 2)) {
    answer.facts.push({
      label: `${s.closest} · ${titleOf(ctx, r, lang)}`,
      value: r.text[lang],
      cite: cite(answer, r, lang),
    });
  }
  answer.basis = [];
  answer.suggestions.push(...s.notCoveredExamples);
  void q;
  return answer;
}

/**
 * A comparison of facts rather than targets ("how many premium contacts, gold vs platinum?"): for each plan
 * named, the best record of that plan among `ranked`.
 */
export function compareRecordsAnswer(
  q: Question,
  ranked: { record: AnswerRecord; score: number }[],
  ctx: AnswerContext,
  lang: Language,
): Answer | undefined {
  const s = strings(lang);
  const picks: { name: string; record: AnswerRecord }[] = [];
  for (const p of q.plans) {
    const best = ranked.find((r) => !r.record.target && r.record.plans.includes(p.id) && r.score > 0.3);
    if (best && !picks.some((x) => x.record.id === best.record.id))
      picks.push({ name: planName(ctx.knowledge, p.id, lang), record: best.record });
  }
  if (picks.length < 2) return undefined;
  const answer = emptyAnswer('term', `${s.compareTitle} · ${titleOf(ctx, picks[0]?.record as AnswerRecord, lang)}`, '');
  answer.summary = picks.map((x) => x.record.text[lang]).join(s.space);
  for (const x of picks)
    answer.facts.push({ label: x.name, value: x.record.text[lang], cite: cite(answer, x.record, lang) });
  answer.basis = picks.map((x) => x.record.id);
  return answer;
}

interface Side {
  name: string;
  targets: Target[];
  combo: Combo;
}

function figure(t: Target, combo: Combo, lang: Language): string {
  const s = strings(lang);
  const value =
    t.kind === 'update'
      ? t.cadence === 'on-change'
        ? s.onChange
        : t.cadence === 'daily'
          ? s.daily
          : t.span
            ? s.everySpan(formatSpan(t.span, lang))
            : t.text[lang]
      : t.span
        ? formatSpan(t.span, lang)
        : t.text[lang];
  const calendar = combo.file.calendars.find((c) => c.id === t.calendar)?.label[lang];
  return calendar && t.kind !== 'coverage' ? `${value}${s.on(calendar)}` : value;
}

function minutesOf(t: Target): number {
  if (t.cadence === 'on-change') return Number.POSITIVE_INFINITY;
  if (!t.span) return Number.POSITIVE_INFINITY;
  return 'minutes' in t.span ? t.span.minutes : t.span.businessDays * 24 * 60;
}

/**
 * "Which is faster, Gold or Silver?", 「金級 P1 跟白金級 P1 一樣嗎？」: every side named, each with its figure.
 * Sides are the plans named (an add-on is a side of its own beside its base), else the severities named.
 * Undefined when fewer than two sides have a target of the kind asked about.
 */
export function compareAnswer(q: Question, ctx: AnswerContext, lang: Language): Answer | undefined {
  const s = strings(lang);
  const kind = q.targetKind && q.targetKind !== 'customer' ? q.targetKind : 'response';
  const scope = q.scope?.id;
  const sides: Side[] = [];
  const pick = (combo: Combo, severityId: string | undefined, name: string) => {
    const targets = targetsOf(ctx.knowledge, combo, severityId, scope).filter((t) => t.kind === kind && !t.milestone);
    if (targets.length > 0) sides.push({ name, targets, combo });
  };
  if (q.plans.length >= 2) {
    const sel = { plans: [], vendors: [] };
    void sel;
    for (const p of q.plans) {
      const file = fileOf(ctx.knowledge, p.vendor);
      if (!file) continue;
      const base = p.kind === 'base' ? p.id : (p.addsTo[0] ?? p.id);
      const combo: Combo = { file, plan: base, addons: p.kind === 'addon' ? [p.id] : [] };
      const sev = q.severities[0];
      const choice = sev && !file.severityFree ? severityFor(file, sev) : undefined;
      if (sev && !file.severityFree && !choice) continue;
      const name = [planName(ctx.knowledge, p.id, lang), choice?.severity.name[lang]].filter(Boolean).join(' ');
      pick(combo, choice?.severity.id, name);
    }
  } else if (q.severities.length >= 2) {
    const { combos } = selectCombos(
      ctx.knowledge,
      { plans: q.plans, vendors: q.vendors, ...(q.scope ? { scope: q.scope.id } : {}) },
      ctx.contracts,
    );
    const combo = combos[0];
    if (!combo) return undefined;
    for (const sev of q.severities) {
      const choice = severityFor(combo.file, sev);
      if (!choice) continue;
      pick(combo, choice.severity.id, `${planName(ctx.knowledge, combo.plan, lang)} ${choice.severity.name[lang]}`);
    }
  }
  if (sides.length < 2) return undefined;
  const label = { response: s.firstResponse, update: s.update, coverage: s.coverage, customer: s.yourDuty }[kind];
  const answer = emptyAnswer('sla', `${s.compareTitle} · ${label}`, '');
  const lines = sides.map(
    (side) => `${side.name}${s.colon}${side.targets.map((t) => figure(t, side.combo, lang)).join(' / ')}`,
  );
  const best = sides.map((side) => Math.min(...side.targets.map(minutesOf)));
  const calendars = new Set(sides.flatMap((side) => side.targets.map((t) => t.calendar)));
  let verdict = '';
  if (kind !== 'coverage') {
    const fastest = Math.min(...best);
    const winners = sides.filter((_, i) => best[i] === fastest);
    if (winners.length === sides.length) verdict = calendars.size > 1 ? s.differentCalendars : s.sameFigure;
    else if (winners[0])
      verdict = `${s.faster(winners[0].name)}${calendars.size > 1 ? ` ${s.differentCalendars}` : ''}`;
  }
  answer.summary = `${lines.join(s.semicolon)}${s.fullStop}${verdict}`.trim();
  for (const side of sides) {
    for (const t of side.targets)
      answer.facts.push({ label: side.name, value: t.text[lang], cite: cite(answer, t, lang) });
  }
  answer.basis = sides.flatMap((side) => side.targets.map((t) => t.id));
  return answer;
}
