/**
 * `due <severity> [<plan>] [at <time>]`: when the first response, the first update and the customer's own
 * obligation would fall due for a case opened now (or at the time given), each computed by the rules core
 * on the calendar the target names, resolved for the workspace's contract (or the plan's defaults).
 */
import { compiledCalendar, resolveCalendar } from '../knowledge/calendars.js';
import type { Target } from '../knowledge/schema.js';
import { type Answer, emptyAnswer } from '../model/answer.js';
import {
  addBusinessDays,
  addBusinessTime,
  businessMinutesBetween,
  describeExplanation,
  explainDeadline,
} from '../rules/index.js';
import { dueWords } from '../text/due-words.js';
import { milestoneLabel, strings } from '../text/i18n.js';
import { planName } from '../text/names.js';
import type { Language } from '../text/normalize.js';
import { problemsText, problemText } from '../text/problem-words.js';
import { formatSpan, formatTime } from '../text/time.js';
import type { Command } from './command.js';
import { answerTime, asUsage, cite, note, suggest } from './common.js';
import type { AnswerContext } from './context.js';
import { horizonProblem, outsideHorizonAnswer } from './horizon.js';
import { resolveWhen } from './parse/when.js';
import { type Combo, contractFor, selectCombos, severityFor, targetsOf } from './select.js';
import { appliedAddonNotes } from './sla.js';

type DueCommand = Extract<Command, { kind: 'due' }>;

/** At most this many plans are computed in one answer (a catalogue of every plan would be noise). */
const MAX_COMBOS = 6;

/** Compiled calendars, shared with the case clocks (see compiledCalendar). */
export const calendarFor = compiledCalendar;

export interface Deadline {
  due: Date;
  explanation: string;
  /** business minutes from now (negative: late); undefined beyond LEFT_HORIZON_MS, where it is not worth counting */
  minutesLeft?: number;
  zone: string;
  /** what was assumed, in the answer's language */
  assumed: string[];
}

/**
 * How far from now the business time left is still counted. Counting it means compiling every calendar year in
 * between (for Chinese-calendar holidays, tens of milliseconds a year), and "2,016 h of business time" a year
 * out tells nobody more than the date itself does.
 */
const LEFT_HORIZON_MS = 366 * 24 * 3_600_000;

/**
 * The deadline of a target's span from `start` on its calendar, with the rules core's explanation.
 * Spans in business days use addBusinessDays with the calendar's business-day mode.
 */
export function deadlineOf(
  ctx: AnswerContext,
  combo: Combo,
  target: Pick<Target, 'span' | 'calendar'>,
  start: Date,
  lang: Language,
): Deadline | null {
  if (!target.span || !target.calendar) return null;
  const contract = contractFor(combo, ctx.contracts);
  const resolved = resolveCalendar(combo.file, target.calendar, contract, ctx.userZone ?? ctx.workspaceZone);
  const cal = calendarFor(resolved.spec, ctx.holidayOverrides ?? ctx.knowledge.holidayOverrides);
  let due: Date;
  let minutes: number;
  if ('minutes' in target.span) {
    minutes = target.span.minutes;
    due = addBusinessTime(cal, start, minutes);
  } else {
    due = addBusinessDays(cal, start, target.span.businessDays, resolved.def.businessDay);
    minutes = businessMinutesBetween(cal, start, due);
  }
  const explanation = describeExplanation(explainDeadline(cal, start, minutes), lang);
  const now = ctx.now;
  const gap = due.getTime() - now.getTime();
  const minutesLeft =
    Math.abs(gap) > LEFT_HORIZON_MS
      ? undefined
      : Math.round(gap >= 0 ? businessMinutesBetween(cal, now, due) : -businessMinutesBetween(cal, due, now));
  const zone = contract?.zone ?? resolved.zone;
  const assumed = lang === 'zh' ? resolved.assumedZh : resolved.assumed;
  return { due, explanation, minutesLeft, zone, assumed };
}

function label(ctx: AnswerContext, combo: Combo, t: Target, lang: Language): string {
  const s = strings(lang);
  const base = t.kind === 'response' ? s.dueResponse : t.kind === 'update' ? s.dueUpdate : s.dueDuty;
  const parts = [base];
  if (t.milestone) parts.push(milestoneLabel(t.milestone, lang));
  if (t.scope) parts.push(t.scope === 'azure' ? s.azure : t.scope === 'other' ? s.other : t.scope);
  // a target that only an add-on gives says so (AEM's 15 minutes beside the base package's)
  const addon = t.plans.includes(combo.plan) ? undefined : t.plans.find((p) => combo.addons.includes(p));
  if (addon) parts.push(planName(ctx.knowledge, addon, lang));
  return parts.join(' · ');
}

export function dueAnswer(cmd: DueCommand, ctx: AnswerContext, lang: Language): Answer {
  const s = strings(lang);
  const w = dueWords(lang);
  const answer = emptyAnswer('due', s.dueResponse, '');
  for (const p of cmd.problems) note(answer, problemsText([p], lang));
  const { combos: all, from } = selectCombos(ctx.knowledge, cmd, ctx.contracts);
  const needsSeverity = all.some((c) => !c.file.severityFree);
  if (cmd.unknownSeverity) {
    note(answer, w.unknownSeverity(cmd.unknownSeverity));
  }
  if (!cmd.severity && needsSeverity) {
    const free = all.filter((c) => c.file.severityFree);
    if (free.length === 0) {
      return asUsage(answer, lang, w.whichSeverity, ['due p1 gold', 'due sev1 unified', 'due b unified at 16:00']);
    }
  }
  const combos = all.slice(0, MAX_COMBOS);
  if (all.length > combos.length) {
    note(answer, w.firstComputed(all.length, combos.length));
  }
  if (from === 'catalog') {
    note(answer, w.noContract);
  }

  const headline: string[] = [];
  let opened: { at: Date; zone: string } | null = null;
  for (const combo of combos) {
    const contract = contractFor(combo, ctx.contracts);
    const zone = contract?.zone ?? ctx.userZone ?? ctx.workspaceZone ?? 'UTC';
    let start = ctx.now;
    if (cmd.at) {
      const when = resolveWhen(cmd.at, ctx.now, zone);
      if ('error' in when) {
        answer.kind = 'error';
        answer.title = s.errorTitle;
        answer.summary = w.unreadableTime(problemText(when.error, lang));
        answer.suggestions.push('due p1 gold at 2026-12-04 16:00', 'due p1 gold at 16:00');
        return answer;
      }
      const far = horizonProblem(when.at, ctx.now, lang);
      if (far) return outsideHorizonAnswer(far, lang);
      start = when.at;
      if (when.shift) {
        const { kind, wall, zone: where, taken, other } = when.shift;
        // first among the notes: it changes what every time below means
        const text = kind === 'gap' ? s.wallGap(wall, where, taken) : s.wallOverlap(wall, where, taken, other ?? '');
        if (!answer.notes.includes(text)) answer.notes.unshift(text);
      }
    }
    let severityId: string | undefined;
    let sevName = '';
    if (!combo.file.severityFree && cmd.severity) {
      const choice = severityFor(combo.file, cmd.severity);
      if (!choice) continue;
      severityId = choice.severity.id;
      sevName = choice.severity.name[lang];
      if (choice.mapped) {
        note(answer, s.mappedLevel(cmd.severity.text, sevName, combo.file.vendorName[lang], choice.severity.level));
      }
    } else if (!combo.file.severityFree) {
      continue;
    }
    const targets = targetsOf(ctx.knowledge, combo, severityId, cmd.scope).filter((t) => t.kind !== 'coverage');
    const name =
      planName(ctx.knowledge, combo.plan, lang) +
      combo.addons.map((a) => ` + ${planName(ctx.knowledge, a, lang)}`).join('');
    const prefix = combos.length > 1 ? `${name}: ` : '';
    if (!opened) opened = { at: start, zone };
    appliedAddonNotes(ctx, combo, severityId, answer, lang);
    for (const t of targets) {
      if (t.kind === 'response' && t.coversInbound) {
        note(answer, w.coversInbound);
      }
      if (t.kind === 'update' && t.cadence === 'on-change') {
        answer.facts.push({ label: `${prefix}${s.update}`, value: t.text[lang], cite: cite(answer, t, lang) });
        continue;
      }
      if (!t.span) {
        if (t.kind === 'customer')
          answer.facts.push({ label: `${prefix}${s.yourDuty}`, value: t.text[lang], cite: cite(answer, t, lang) });
        continue;
      }
      const d = deadlineOf(ctx, combo, t, start, lang);
      if (!d) continue;
      const c = cite(answer, t, lang);
      answer.times.push(
        answerTime(`${prefix}${label(ctx, combo, t, lang)}`, d.due, d.zone, ctx.userZone, {
          minutesLeft: d.minutesLeft,
          explanation: d.explanation,
          cite: c,
        }),
      );
      for (const a of d.assumed) note(answer, s.assumed(a));
      if (t.kind === 'response' && !t.milestone) {
        headline.push(
          w.headline(
            `${prefix}${label(ctx, combo, t, lang)}`,
            formatTime(d.due, d.zone, lang),
            formatSpan(t.span, lang),
          ),
        );
      }
      if (t.kind === 'update') {
        note(answer, w.updateFrom);
      }
    }
    if (answer.title === s.dueResponse) answer.title = s.dueTitle(name, sevName);
  }

  if (answer.times.length === 0) {
    return asUsage(answer, lang, w.noTarget, ['due p1 gold', 'due sev1 unified']);
  }
  if (opened) {
    answer.times.unshift(answerTime(s.opened, opened.at, opened.zone, ctx.userZone));
  }
  answer.summary = headline.length > 0 ? headline.join(s.semicolon) : (answer.times[1]?.explanation ?? '');
  if (combos.length > 1) answer.title = w.manyTitle;
  suggest(
    answer,
    `sla ${cmd.severity?.text ?? ''} ${cmd.plans.map((p) => p.id).join(' ')}`.replace(/\s+/g, ' ').trim(),
  );
  return answer;
}
