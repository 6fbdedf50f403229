/**
 * `fee cancel <service date> notice <date> [amount <n>]` and `fee flex <allowance>`: the rules core applies
 * the schedule and the cap; the numbers and the quote come from the knowledge files; every boundary is shown.
 */
import { DateTime } from 'luxon';
import type { PlanFile } from '../knowledge/schema.js';
import { type Answer, emptyAnswer } from '../model/answer.js';
import { cancellationFee, flexCreditCap } from '../rules/index.js';
import { feeWords } from '../text/fee-words.js';
import { strings } from '../text/i18n.js';
import type { Language } from '../text/normalize.js';
import { problemsText } from '../text/problem-words.js';
import { topicLabel } from '../text/topic-words.js';
import type { Command } from './command.js';
import { asUsage, cite, note, suggest } from './common.js';
import type { AnswerContext } from './context.js';
import { HORIZON_YEARS, horizonProblem, outsideHorizonAnswer } from './horizon.js';
import { formatAmount } from './parse/amount.js';

type FeeCancelCommand = Extract<Command, { kind: 'fee-cancel' }>;
type FeeFlexCommand = Extract<Command, { kind: 'fee-flex' }>;

function zoneFor(ctx: AnswerContext, vendor: string): string {
  return ctx.contracts.find((c) => c.vendor === vendor)?.zone ?? ctx.userZone ?? ctx.workspaceZone ?? 'UTC';
}

function shiftDate(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate() ?? date;
}

/**
 * Whose cancellation schedule applies: the vendor named in the question, else the vendor of one of the
 * workspace's contracts that has one (an imported plan's, for a workspace on it), else the first that has one.
 */
function cancellationFile(cmd: FeeCancelCommand, ctx: AnswerContext): PlanFile | undefined {
  const files = ctx.knowledge.plans.filter((f) => f.fees.cancellation);
  const text = cmd.text.toLowerCase();
  const named = files.find((f) => text.includes(f.vendor) || text.includes(f.vendorName.en.toLowerCase()));
  const contracted = files.find((f) => ctx.contracts.some((c) => c.vendor === f.vendor));
  return named ?? contracted ?? files[0];
}

export function feeCancelAnswer(cmd: FeeCancelCommand, ctx: AnswerContext, lang: Language): Answer {
  const s = strings(lang);
  const w = feeWords(lang);
  const far =
    (cmd.serviceDate && horizonProblem(cmd.serviceDate, ctx.now, lang)) ||
    (cmd.noticeDate && horizonProblem(cmd.noticeDate, ctx.now, lang)) ||
    (cmd.noticeDays !== undefined && cmd.noticeDays > HORIZON_YEARS * 365
      ? horizonProblem(
          DateTime.fromJSDate(ctx.now)
            .plus({ days: Math.min(cmd.noticeDays, 1_000_000) })
            .toJSDate(),
          ctx.now,
          lang,
        )
      : null);
  if (far) return outsideHorizonAnswer(far, lang);
  const answer = emptyAnswer('fee', s.feeCancelTitle, '');
  const file = cancellationFile(cmd, ctx);
  const schedule = file?.fees.cancellation;
  if (!file || !schedule) {
    answer.kind = 'not-covered';
    answer.summary = w.noSchedule;
    return answer;
  }
  for (const p of cmd.problems) note(answer, problemsText([p], lang));
  if (!cmd.serviceDate && cmd.noticeDays !== undefined && cmd.noticeDate === undefined) {
    // only the days of notice were given: a service that many days from today gives the same step and table
    const zone = zoneFor(ctx, file.vendor);
    const today = DateTime.fromJSDate(ctx.now, { zone }).toISODate();
    if (today) {
      const serviceDate = shiftDate(today, cmd.noticeDays);
      const dated = feeCancelAnswer({ ...cmd, serviceDate, noticeDate: today }, ctx, lang);
      dated.notes.unshift(w.noServiceDate(today, cmd.noticeDays, serviceDate));
      return dated;
    }
  }
  if (!cmd.serviceDate) {
    return asUsage(answer, lang, w.giveDates, [
      'fee cancel 2026-12-20 notice 2026-12-07',
      'fee cancel 2026-12-20 notice 10 days amount 12000',
    ]);
  }
  let noticeDate = cmd.noticeDate;
  if (!noticeDate && cmd.noticeDays !== undefined) noticeDate = shiftDate(cmd.serviceDate, -cmd.noticeDays);
  if (!noticeDate) {
    const zone = zoneFor(ctx, file.vendor);
    noticeDate = DateTime.fromJSDate(ctx.now, { zone }).toISODate() ?? undefined;
    note(answer, w.noNoticeDate(noticeDate ?? '', zone));
  }
  if (!noticeDate) throw new Error('no notice date');
  if (noticeDate > cmd.serviceDate) {
    // ISO dates compare as text; a cancellation after the service is a typo or swapped dates, not a fee
    return asUsage(answer, lang, w.noticeAfterService(noticeDate, cmd.serviceDate), [
      `fee cancel ${noticeDate} notice ${cmd.serviceDate}`,
    ]);
  }

  const result = cancellationFee({
    serviceDate: cmd.serviceDate,
    noticeDate,
    ...(cmd.amount !== undefined ? { amount: cmd.amount } : {}),
    steps: schedule.steps,
  });
  const c = cite(answer, schedule, lang);
  answer.basis = [`fee.${file.vendor}.cancellation`, `fee.${file.vendor}.cancellation.${result.stepIndex}`];
  const pct = `${result.percent} %`;
  answer.summary = w.cancelSummary(
    result.daysOfNotice,
    noticeDate,
    cmd.serviceDate,
    pct,
    result.fee !== undefined ? formatAmount(result.fee) : undefined,
  );
  answer.facts.push(
    { label: w.daysOfNotice, value: String(result.daysOfNotice), cite: c },
    { label: w.charge, value: pct, cite: c },
  );
  if (result.fee !== undefined && cmd.amount !== undefined) {
    answer.facts.push({
      label: w.fee,
      value: w.feeOf(formatAmount(result.fee), pct, formatAmount(cmd.amount)),
      cite: c,
    });
  }
  const stepLabel = (min: number, max: number | null) =>
    max === null ? w.daysOrMore(min) : min === max ? `${min}` : `${min}–${max}`;
  answer.tables.push({
    columns: [...w.stepColumns],
    rows: schedule.steps.map((st, i) => [
      stepLabel(st.minDays, st.maxDays),
      `${st.chargePercent} %`,
      st.maxDays === null
        ? shiftDate(cmd.serviceDate as string, -st.minDays)
        : `${shiftDate(cmd.serviceDate as string, -st.maxDays)} – ${shiftDate(cmd.serviceDate as string, -st.minDays)}`,
      i === result.stepIndex ? w.applies : '',
    ]),
  });
  note(answer, w.howCounted);
  // the nearest cheaper step: how much earlier notice would have had to be given
  const cheaper = schedule.steps
    .filter((st) => st.chargePercent < result.percent && st.minDays > result.daysOfNotice)
    .sort((a, b) => a.minDays - b.minDays)[0];
  if (cheaper) {
    const by = shiftDate(cmd.serviceDate, -cheaper.minDays);
    note(answer, w.cheaper(by, cheaper.minDays, cheaper.chargePercent));
  }
  if (cmd.amount === undefined) suggest(answer, `fee cancel ${cmd.serviceDate} notice ${noticeDate} amount 10000`);
  return answer;
}

function flexFile(ctx: AnswerContext): PlanFile | undefined {
  return ctx.knowledge.plans.find((f) => f.fees.flexCap);
}

export function feeFlexAnswer(cmd: FeeFlexCommand, ctx: AnswerContext, lang: Language): Answer {
  const s = strings(lang);
  const w = feeWords(lang);
  const answer = emptyAnswer('fee', s.feeFlexTitle, '');
  const file = flexFile(ctx);
  const rule = file?.fees.flexCap;
  if (!file || !rule) {
    answer.kind = 'not-covered';
    answer.summary = w.noFlexRule;
    return answer;
  }
  let allowance = cmd.allowance;
  if (allowance === undefined && cmd.problems.length > 0) {
    // an amount was typed but could not be read: say so rather than fall back to the contract's
    return asUsage(answer, lang, w.unreadableFlex(problemsText(cmd.problems, lang)), [
      'fee flex 250000',
      'fee flex 250k',
    ]);
  }
  if (allowance === undefined) {
    const fromContract = ctx.contracts.find((c) => c.vendor === file.vendor && c.amounts.flexAllowance !== undefined);
    allowance = fromContract?.amounts.flexAllowance;
    if (allowance !== undefined && fromContract) {
      note(answer, w.allowanceFrom(fromContract.id));
    }
  }
  if (allowance === undefined) {
    return asUsage(answer, lang, w.giveAllowance, ['fee flex 250000', 'fee flex 1000000']);
  }
  const result = flexCreditCap({ allowance, percent: rule.percent, floor: rule.floor });
  const c = cite(answer, rule, lang);
  const money = (n: number) => formatAmount(n, rule.currency);
  answer.summary = w.flexSummary(money(allowance), money(result.cap), rule.percent, money(rule.floor));
  answer.facts.push(
    { label: w.allowance, value: money(allowance), cite: c },
    { label: `${rule.percent} %`, value: money(result.percentAmount), cite: c },
    { label: w.floor, value: money(rule.floor), cite: c },
    { label: w.cap, value: money(result.cap), cite: c },
  );
  const breakEven = (rule.floor * 100) / rule.percent;
  note(answer, w.breakEven(money(breakEven), money(rule.floor), rule.percent));
  if (result.by === 'allowance') {
    note(answer, w.belowFloor(money(rule.floor)));
  }
  const related = file.facts.filter((f) => f.topic === 'flex-allowance' || f.keywords.includes('flex'));
  for (const f of related.slice(0, 4))
    answer.facts.push({ label: topicLabel(f.topic, lang), value: f.text[lang], cite: cite(answer, f, lang) });
  return answer;
}
