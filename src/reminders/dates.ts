/**
 * Date reminders from the contracts (pure): a contract, its plan file, its quota uses, its booked services
 * and `now` in; the reminders that have fallen due by `now` (and are still true) out.
 *
 * The contract's numbers come from the knowledge files; only when to nudge is ours (`DatePolicy`):
 * - a calendar-quarter quota without carry-over (Autodesk's 3 product coaching sessions): sessions left two
 *   weeks before the quarter ends;
 * - a calendar-year quota (the success planning meeting, the executive business review) not yet used or
 *   booked by 1 November;
 * - a fact that sets a deadline before the work order ends (Microsoft: proactive-service requests 60 days
 *   before): two weeks before that cut-off;
 * - the cancellation-fee steps before a booked service (Microsoft: 14 and 6 days): on the last day of each
 *   cheaper step;
 * - a fact that sets a booking lead before an event (Azure Event Management: 6 calendar weeks): a week before
 *   the last day to book a planned event.
 *
 * A reminder is produced only once its moment has come (09:00 in the contract's zone on its day) and while
 * it still holds, so the caller can run this every so often and schedule what comes back: dedupe keys make
 * each reminder happen once.
 */
import { DateTime } from 'luxon';
import { statusOf } from '../answers/quota.js';
import type { PlanFile } from '../knowledge/schema.js';
import type { Language } from '../model/language.js';
import type { Contract, QuotaUse, ReminderInput } from '../model/records.js';
import { dateReminderWords } from '../text/date-reminder-words.js';
import { toSimplified } from '../text/script.js';
import { formatDay } from '../text/time.js';

export interface DatePolicy {
  /** days before a quarter ends to remind of unused quarterly sessions */
  quarterLeadDays: number;
  /** MM-DD by which a once-a-year meeting should be booked */
  yearlyBookBy: string;
  /** days before a work-order cut-off to remind */
  cutoffLeadDays: number;
  /** days before the last day to book an event (a booking lead) to remind */
  bookingLeadDays: number;
  /** local time of day the date reminders go out */
  hour: number;
}

export const DEFAULT_DATE_POLICY: DatePolicy = {
  quarterLeadDays: 14,
  yearlyBookBy: '11-01',
  cutoffLeadDays: 14,
  bookingLeadDays: 7,
  hour: 9,
};

/** A service booked for a date (a quota use recorded for a day still ahead counts as one). */
export interface Booking {
  /** what is booked, e.g. 'AEM event' or a quota id */
  what: string;
  quotaId?: string;
  /** YYYY-MM-DD in the contract's zone */
  date: string;
}

export interface DatePlanInput {
  file: PlanFile;
  contract: Contract;
  uses: readonly QuotaUse[];
  bookings?: readonly Booking[];
  now: number;
  /** where the reminders are posted */
  channelId: string;
  policy?: Partial<DatePolicy>;
  /** the language the reminders are written in (the workspace's); English by default */
  language?: Language;
  /** for Chinese, the script (Traditional by default); Simplified converts the text and marks the payload */
  script?: 'zh-Hant' | 'zh-Hans';
}

/** Quota uses dated after today (in the contract's zone) are bookings. */
export function bookingsFromUses(
  file: PlanFile,
  contract: Contract,
  uses: readonly QuotaUse[],
  now: number,
): Booking[] {
  const today = DateTime.fromMillis(now, { zone: contract.zone }).toISODate() ?? '';
  return uses
    .filter((u) => u.contractId === contract.id && u.usedOn > today)
    .map((u) => ({
      what: file.quotas.find((q) => q.id === u.quotaId)?.name.en ?? u.quotaId,
      quotaId: u.quotaId,
      date: u.usedOn,
    }));
}

function at(date: DateTime, hour: number): number {
  return date.set({ hour, minute: 0, second: 0, millisecond: 0 }).toMillis();
}

function day(iso: string, zone: string): DateTime {
  return DateTime.fromISO(iso, { zone }).startOf('day');
}

export function planDateReminders(input: DatePlanInput): ReminderInput[] {
  const policy = { ...DEFAULT_DATE_POLICY, ...input.policy };
  const { file, contract, now } = input;
  const lang = input.language ?? 'en';
  const simplified = lang === 'zh' && input.script === 'zh-Hans';
  const w = dateReminderWords(lang);
  const fmt = (d: DateTime) => formatDay(d.toISODate() ?? '', lang);
  const zone = contract.zone;
  const planIds = new Set([contract.plan, ...contract.addons]);
  const applies = (plans: readonly string[]) => plans.some((p) => planIds.has(p));
  const today = DateTime.fromMillis(now, { zone }).startOf('day');
  const rows: ReminderInput[] = [];
  const add = (key: string, kind: string, dueAt: number, text: string, until: number) => {
    // due by now and still relevant
    if (dueAt > now || now >= until) return;
    rows.push({
      contractId: contract.id,
      channelId: input.channelId,
      threadTs: null,
      kind: `date-${kind}`,
      dueAt,
      text: simplified ? toSimplified(text) : text,
      payload: {
        type: 'date',
        zone,
        contractId: contract.id,
        language: lang,
        ...(simplified ? { locale: 'zh-Hans' } : {}),
      },
      dedupeKey: `date:${contract.id}:${key}`,
    });
  };
  const contractUses = input.uses.filter((u) => u.contractId === contract.id);
  const vendor = file.vendorName[lang];
  const quotaName = (id: string | undefined, fallback: string) =>
    file.quotas.find((q) => q.id === id)?.name[lang] ?? fallback;
  const unitOf = (rule: (typeof file.quotas)[number]) => (lang === 'zh' ? rule.unitZh : rule.unit);

  for (const rule of file.quotas) {
    if (!applies(rule.plans) || (rule.window !== 'calendar-quarter' && rule.window !== 'calendar-year')) continue;
    const status = statusOf(rule, contract, contractUses, new Date(now));
    if (!status.windowEnd || !status.expiresAt) continue;
    const end = day(status.windowEnd, zone);
    const name = `${vendor} ${rule.name[lang]}`;
    if (rule.window === 'calendar-quarter' && !rule.carryOver && status.remaining > 0) {
      const remindOn = end.minus({ days: policy.quarterLeadDays });
      add(
        `${rule.id}:${status.windowStart}`,
        'quota-left',
        at(remindOn, policy.hour),
        w.quotaLeft(name, status.remaining, status.limit, unitOf(rule), fmt(end)),
        status.expiresAt.getTime(),
      );
    }
    if (rule.window === 'calendar-year' && status.used === 0) {
      const [month, dayOfMonth] = policy.yearlyBookBy.split('-').map(Number);
      const remindOn = end.set({ month: month ?? 11, day: dayOfMonth ?? 1 });
      add(
        `${rule.id}:${status.windowStart}`,
        'not-booked',
        at(remindOn, policy.hour),
        w.notBooked(name, status.limit, fmt(end)),
        status.expiresAt.getTime(),
      );
    }
  }

  for (const fact of file.facts) {
    if (!applies(fact.plans) || typeof fact.value !== 'number' || !fact.unit) continue;
    if (/before the work order ends/i.test(fact.unit) && contract.endDate) {
      const end = day(contract.endDate, zone);
      const cutoff = end.minus({ days: fact.value });
      add(
        `${fact.id}:${contract.endDate}`,
        'cutoff',
        at(cutoff.minus({ days: policy.cutoffLeadDays }), policy.hour),
        w.cutoff(vendor, fact.text[lang], fmt(end), fmt(cutoff)),
        at(cutoff.plus({ days: 1 }), 0),
      );
    }
    const weeksBefore = /weeks before the event/i.test(fact.unit);
    if (weeksBefore) {
      for (const b of input.bookings ?? []) {
        const rule = b.quotaId ? file.quotas.find((q) => q.id === b.quotaId) : undefined;
        if (!rule?.plans.some((p) => fact.plans.includes(p))) continue;
        const eventDay = day(b.date, zone);
        const lastDay = eventDay.minus({ weeks: fact.value });
        add(
          `${fact.id}:${b.quotaId}:${b.date}`,
          'booking-lead',
          at(lastDay.minus({ days: policy.bookingLeadDays }), policy.hour),
          w.bookingLead(`${vendor} ${quotaName(b.quotaId, b.what)}`, fmt(eventDay), fmt(lastDay), fact.value),
          at(lastDay.plus({ days: 1 }), 0),
        );
      }
    }
  }

  const cancellation = file.fees.cancellation;
  if (cancellation && applies(cancellation.plans)) {
    const steps = [...cancellation.steps].sort((a, b) => b.minDays - a.minDays);
    for (const b of input.bookings ?? []) {
      const serviceDay = day(b.date, zone);
      if (serviceDay < today) continue;
      steps.forEach((step, i) => {
        const next = steps[i + 1];
        if (step.minDays <= 0 || !next) return;
        const lastDay = serviceDay.minus({ days: step.minDays });
        add(
          `cancel:${b.quotaId ?? b.what}:${b.date}:${step.minDays}`,
          'cancellation-step',
          at(lastDay, policy.hour),
          w.cancelStep(
            `${vendor} ${quotaName(b.quotaId, b.what)}`,
            fmt(serviceDay),
            step.chargePercent,
            next.chargePercent,
          ),
          at(lastDay.plus({ days: 1 }), 0),
        );
      });
    }
  }
  return rows;
}
