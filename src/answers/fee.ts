/**
 * `fee cancel <service date> notice <date> [amount <n>]` and `fee flex <allowance>`: the rules core applies
 * the schedule and the cap; the numbers and the quote come from the knowledge files; every boundary is shown.
 */
import { DateTime } from 'luxon';
import type { PlanFile } from '../knowledge/schema.js';
import { type Answer, emptyAnswer } from '../model/answer.js';
import { cancellationFee, flexCreditCap } from '../rules/index.js';
import { parserProblem, strings } from '../text/i18n.js';
import type { Language } from '../text/normalize.js';
import type { Command } from './command.js';
import { asUsage, cite, fmtNumber, note, suggest, topicLabel } from './common.js';
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
    answer.summary =
      lang === 'zh'
        ? '這些合約文件中沒有取消費用的規定。'
        : 'None of these contract documents has a cancellation schedule.';
    return answer;
  }
  for (const p of cmd.problems) note(answer, parserProblem(p, lang));
  if (!cmd.serviceDate && cmd.noticeDays !== undefined && cmd.noticeDate === undefined) {
    // only the days of notice were given: a service that many days from today gives the same step and table
    const zone = zoneFor(ctx, file.vendor);
    const today = DateTime.fromJSDate(ctx.now, { zone }).toISODate();
    if (today) {
      const serviceDate = shiftDate(today, cmd.noticeDays);
      const dated = feeCancelAnswer({ ...cmd, serviceDate, noticeDate: today }, ctx, lang);
      dated.notes.unshift(
        lang === 'zh'
          ? `未提供服務日期：以今天（${today}）通知、${cmd.noticeDays} 天後（${serviceDate}）的服務計算。`
          : `No service date given: counted as notice today (${today}) for a service ${cmd.noticeDays} days later (${serviceDate}).`,
      );
      return dated;
    }
  }
  if (!cmd.serviceDate) {
    return asUsage(
      answer,
      lang,
      {
        en: 'Give the date of the booked service and the date you cancel (or the days of notice), e.g. `fee cancel 2026-12-20 notice 2026-12-07`.',
        zh: '請提供預定服務的日期與取消通知日期（或提前天數），例如 `fee cancel 2026-12-20 notice 2026-12-07`。',
      },
      ['fee cancel 2026-12-20 notice 2026-12-07', 'fee cancel 2026-12-20 notice 10 days amount 12000'],
    );
  }
  let noticeDate = cmd.noticeDate;
  if (!noticeDate && cmd.noticeDays !== undefined) noticeDate = shiftDate(cmd.serviceDate, -cmd.noticeDays);
  if (!noticeDate) {
    const zone = zoneFor(ctx, file.vendor);
    noticeDate = DateTime.fromJSDate(ctx.now, { zone }).toISODate() ?? undefined;
    note(
      answer,
      lang === 'zh'
        ? `未提供通知日期：以今天（${noticeDate}，${zone}）計算。`
        : `No notice date given: counted from today (${noticeDate}, ${zone}).`,
    );
  }
  if (!noticeDate) throw new Error('no notice date');
  if (noticeDate > cmd.serviceDate) {
    // ISO dates compare as text; a cancellation after the service is a typo or swapped dates, not a fee
    return asUsage(
      answer,
      lang,
      {
        en: `The notice date ${noticeDate} is after the service date ${cmd.serviceDate}: a cancellation is given on or before the service. Did you swap them? The service date comes first.`,
        zh: `通知日期 ${noticeDate} 晚於服務日期 ${cmd.serviceDate}：取消須在服務日當天或之前通知。是否把兩個日期對調了？服務日期在前。`,
      },
      [`fee cancel ${noticeDate} notice ${cmd.serviceDate}`],
    );
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
  answer.summary =
    lang === 'zh'
      ? `提前 ${result.daysOfNotice} 天取消（${noticeDate} 通知，服務日 ${cmd.serviceDate}）：收取 ${pct} 的費用${result.fee !== undefined ? `，即 ${fmtNumber(result.fee)}` : ''}。`
      : `${result.daysOfNotice} days of notice (cancelled ${noticeDate} for a service on ${cmd.serviceDate}): ${pct} of the fee is charged${result.fee !== undefined ? `, i.e. ${fmtNumber(result.fee)}` : ''}.`;
  answer.facts.push(
    { label: lang === 'zh' ? '提前天數' : 'Days of notice', value: String(result.daysOfNotice), cite: c },
    { label: lang === 'zh' ? '收費比例' : 'Charge', value: pct, cite: c },
  );
  if (result.fee !== undefined && cmd.amount !== undefined) {
    answer.facts.push({
      label: lang === 'zh' ? '取消費用' : 'Fee',
      value:
        lang === 'zh'
          ? `${fmtNumber(result.fee)}（${pct} × ${fmtNumber(cmd.amount)}）`
          : `${fmtNumber(result.fee)} (${pct} × ${fmtNumber(cmd.amount)})`,
      cite: c,
    });
  }
  const stepLabel = (min: number, max: number | null) =>
    max === null ? (lang === 'zh' ? `${min} 天以上` : `${min} days or more`) : min === max ? `${min}` : `${min}–${max}`;
  answer.tables.push({
    columns:
      lang === 'zh'
        ? ['提前天數', '收費', '最晚通知日', '']
        : ['Days of notice', 'Charge', 'Notice given on or before', ''],
    rows: schedule.steps.map((st, i) => [
      stepLabel(st.minDays, st.maxDays),
      `${st.chargePercent} %`,
      st.maxDays === null
        ? shiftDate(cmd.serviceDate as string, -st.minDays)
        : `${shiftDate(cmd.serviceDate as string, -st.maxDays)} – ${shiftDate(cmd.serviceDate as string, -st.minDays)}`,
      i === result.stepIndex ? (lang === 'zh' ? '← 適用' : '← applies') : '',
    ]),
  });
  note(
    answer,
    lang === 'zh'
      ? '提前天數為通知日至服務日的日曆天數（前一天取消為 1 天，當天取消為 0 天）；每一級的上下限皆包含在內。'
      : 'Days of notice are whole calendar days from the notice date to the service date (the day before is 1 day, the day itself 0); both ends of each step are included.',
  );
  // the nearest cheaper step: how much earlier notice would have had to be given
  const cheaper = schedule.steps
    .filter((st) => st.chargePercent < result.percent && st.minDays > result.daysOfNotice)
    .sort((a, b) => a.minDays - b.minDays)[0];
  if (cheaper) {
    const by = shiftDate(cmd.serviceDate, -cheaper.minDays);
    note(
      answer,
      lang === 'zh'
        ? `若於 ${by} 或之前通知（提前 ${cheaper.minDays} 天），收費為 ${cheaper.chargePercent} %。`
        : `Notice on or before ${by} (${cheaper.minDays} days) would have cost ${cheaper.chargePercent} %.`,
    );
  }
  if (cmd.amount === undefined) suggest(answer, `fee cancel ${cmd.serviceDate} notice ${noticeDate} amount 10000`);
  return answer;
}

function flexFile(ctx: AnswerContext): PlanFile | undefined {
  return ctx.knowledge.plans.find((f) => f.fees.flexCap);
}

export function feeFlexAnswer(cmd: FeeFlexCommand, ctx: AnswerContext, lang: Language): Answer {
  const s = strings(lang);
  const answer = emptyAnswer('fee', s.feeFlexTitle, '');
  const file = flexFile(ctx);
  const rule = file?.fees.flexCap;
  if (!file || !rule) {
    answer.kind = 'not-covered';
    answer.summary =
      lang === 'zh'
        ? '這些合約文件中沒有彈性額度的規定。'
        : 'None of these contract documents has a flex-allowance rule.';
    return answer;
  }
  let allowance = cmd.allowance;
  if (allowance === undefined && cmd.problems.length > 0) {
    // an amount was typed but could not be read: say so rather than fall back to the contract's
    const problems = cmd.problems.join('; ');
    return asUsage(
      answer,
      lang,
      { en: `${problems}.`, zh: `${problems}。請提供正數金額，例如 \`fee flex 250000\`。` },
      ['fee flex 250000', 'fee flex 250k'],
    );
  }
  if (allowance === undefined) {
    const fromContract = ctx.contracts.find((c) => c.vendor === file.vendor && c.amounts.flexAllowance !== undefined);
    allowance = fromContract?.amounts.flexAllowance;
    if (allowance !== undefined && fromContract) {
      note(
        answer,
        lang === 'zh' ? `彈性額度取自合約 #${fromContract.id}。` : `Allowance from contract #${fromContract.id}.`,
      );
    }
  }
  if (allowance === undefined) {
    return asUsage(
      answer,
      lang,
      {
        en: 'Give the flex allowance, e.g. `fee flex 250000` (or record it on the contract with `flex=250000`).',
        zh: '請提供彈性額度金額，例如 `fee flex 250000`（或在合約上設定 `flex=250000`）。',
      },
      ['fee flex 250000', 'fee flex 1000000'],
    );
  }
  const result = flexCreditCap({ allowance, percent: rule.percent, floor: rule.floor });
  const c = cite(answer, rule, lang);
  const money = (n: number) => formatAmount(n, rule.currency);
  answer.summary =
    lang === 'zh'
      ? `彈性額度 ${money(allowance)} 時，最多可將 ${money(result.cap)} 用於主動式服務抵用（${rule.percent}% 或 ${money(rule.floor)}，以較高者為準）。`
      : `With a flex allowance of ${money(allowance)}, at most ${money(result.cap)} may go to proactive credits (the greater of ${rule.percent} % or ${money(rule.floor)}).`;
  answer.facts.push(
    { label: lang === 'zh' ? '彈性額度' : 'Allowance', value: money(allowance), cite: c },
    { label: `${rule.percent} %`, value: money(result.percentAmount), cite: c },
    { label: lang === 'zh' ? '下限金額' : 'Floor', value: money(rule.floor), cite: c },
    { label: lang === 'zh' ? '上限' : 'Cap', value: money(result.cap), cite: c },
  );
  const breakEven = (rule.floor * 100) / rule.percent;
  note(
    answer,
    lang === 'zh'
      ? `兩者在彈性額度 ${money(breakEven)} 時相等：低於此額以 ${money(rule.floor)} 為準，高於此額以 ${rule.percent}% 為準。`
      : `The two are equal at an allowance of ${money(breakEven)}: below it the ${money(rule.floor)} floor applies, above it ${rule.percent} %.`,
  );
  if (result.by === 'allowance') {
    note(
      answer,
      lang === 'zh'
        ? `額度低於 ${money(rule.floor)}：抵用不能超過額度本身，故上限為整個額度。`
        : `The allowance is below ${money(rule.floor)}: credits cannot exceed the allowance itself, so the whole allowance is the cap.`,
    );
  }
  const related = file.facts.filter((f) => f.topic === 'flex-allowance' || f.keywords.includes('flex'));
  for (const f of related.slice(0, 4))
    answer.facts.push({ label: topicLabel(f.topic, lang), value: f.text[lang], cite: cite(answer, f, lang) });
  return answer;
}
