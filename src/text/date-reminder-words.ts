/**
 * The words of the reminders the contracts' dates give (src/reminders/dates.ts), in both languages: a
 * quarter's sessions left, a yearly meeting not booked, a work-order cut-off, a booking lead, a cheaper
 * cancellation step ending. Names, units and the contract's statements come from the knowledge files in the
 * same language; dates from `formatDay`.
 */
import { wordTable } from './word-table.js';

interface DateReminderWords {
  quotaLeft: (what: string, left: number, limit: number, unit: string, end: string) => string;
  notBooked: (what: string, limit: number, end: string) => string;
  cutoff: (vendor: string, statement: string, end: string, last: string) => string;
  bookingLead: (what: string, event: string, last: string, weeks: number) => string;
  cancelStep: (what: string, service: string, charge: number, next: number) => string;
}

const en: DateReminderWords = {
  quotaLeft: (what, left, limit, unit, end) =>
    `${what}: ${left} of ${limit} ${unit} left this quarter. They lapse after ${end} (no carry-over), so book them now.`,
  notBooked: (what, limit, end) =>
    `${what}: none booked yet this year (${limit} per calendar year). It lapses after ${end}; ask for it now.`,
  cutoff: (vendor, statement, end, last) =>
    `${vendor}: ${statement} The work order ends ${end}, so the last day is ${last}.`,
  bookingLead: (what, event, last, weeks) =>
    `${what} on ${event}: it must be scheduled and confirmed in writing by ${last} (${weeks} weeks ahead).`,
  cancelStep: (what, service, charge, next) =>
    `${what} on ${service}: today is the last day to cancel it ${charge === 0 ? 'without a fee' : `for ${charge} % of the fee`}; from tomorrow a cancellation costs ${next} % of the service fee.`,
};

const zh: DateReminderWords = {
  quotaLeft: (what, left, limit, unit, end) =>
    `${what}：本季還剩 ${left}/${limit} ${unit}。${end}之後即失效（不可順延），請儘早預約。`,
  notBooked: (what, limit, end) => `${what}：今年尚未預約（每日曆年 ${limit} 次）。${end}之後即失效，請儘早申請。`,
  cutoff: (vendor, statement, end, last) => `${vendor}：${statement}工單於 ${end} 結束，因此最後一天是 ${last}。`,
  bookingLead: (what, event, last, weeks) =>
    `${what}（${event}）：須於 ${last} 前排定並以書面確認（提前 ${weeks} 週）。`,
  cancelStep: (what, service, charge, next) =>
    `${what}（${service}）：今天是${charge === 0 ? '免費' : `以費用的 ${charge}%`}取消的最後一天；明天起取消須支付服務費用的 ${next}%。`,
};

export const dateReminderWords = wordTable<DateReminderWords>(en, zh);
