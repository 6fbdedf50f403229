/**
 * Reminder planning (pure): a case's clocks and the workspace settings in, the reminder rows out.
 *
 * For every running deadline and every lead time in `reminderLeadMinutes` (default [30, 0]): a lead above 0
 * is a warning that many business minutes before the deadline (on the target's own calendar, so a warning
 * for a business-hours clock never lands at night), a lead of 0 is the breach at the deadline. A 24x7 target's
 * reminders fall at any hour. When a business-hours clock is closed at the moment a reminder is posted (a
 * breach at the 17:30 close, say), the text says it is paused for the night, the weekend or the holiday and
 * when it resumes.
 *
 * Each row carries a dedupe key made of the case, the clock, the lead and the deadline itself: replanning
 * after every case event (`replaceCaseReminders`) keeps a reminder whose deadline did not move (and never
 * reposts one already sent), and cancels the ones whose deadline moved or was met.
 *
 * A warning is left out when the deadline has already passed at planning time (the breach says it all) or
 * when the whole span is no longer than the lead (it would fall at the moment the clock starts).
 */

import type { Language } from '../model/language.js';
import type { ReminderInput, WorkspaceSettings } from '../model/records.js';
import { businessMinutesBetween } from '../rules/index.js';
import { toSimplified } from '../text/script.js';
import { formatLeft, formatTime } from '../text/time.js';
import type { CaseCalendar, CaseClock, CaseClocks, ClockKind } from './clocks.js';
import { pauseAt } from './clocks.js';
import { clockTitle } from './words.js';

export interface ReminderCase {
  id: number;
  channelId: string;
  threadTs: string;
  vendorRef: string | null;
}

export interface ReminderPlanInput {
  kase: ReminderCase;
  clocks: CaseClocks;
  /** e.g. 'Jamf' */
  vendorName: string;
  settings: Pick<WorkspaceSettings, 'reminderLeadMinutes' | 'broadcastBreaches'>;
  /** the contract's zone, for the times in the text */
  zone: string;
  now: number;
  /** the language of the text: the case's (default English) */
  language?: Language;
  /** for Chinese, Simplified when the case was opened in it: the text is converted and the payload says so */
  script?: 'zh-Hans';
}

export type ReminderPhase = 'warning' | 'breach';

/** What a posted reminder needs beyond its text (kept as the row's JSON payload). */
export interface CaseReminderPayload {
  type: 'case';
  caseId: number;
  clock: ClockKind;
  phase: ReminderPhase;
  leadMinutes: number;
  deadline: number;
  zone: string;
  broadcast: boolean;
  pausedUntil: number | null;
  pausedBecause: string | null;
  /** the language of the text and buttons (absent: English) */
  language?: Language;
  /** Simplified Chinese: the buttons are converted as the text was */
  locale?: 'zh-Hans';
}

export function reminderKind(clock: ClockKind, phase: ReminderPhase): string {
  return `${clock}-${phase}`;
}

/**
 * The latest instant at or after `floor` from which `lead` business minutes remain until `due`
 * (binary search to the second: business minutes between t and due fall as t grows).
 */
export function businessTimeBefore(cal: CaseCalendar, due: number, lead: number, floor: number): number | null {
  const left = (t: number) => businessMinutesBetween(cal.calendar, new Date(t), new Date(due));
  if (floor >= due || left(floor) <= lead) return null;
  let lo = floor; // left(lo) > lead
  let hi = due; // left(hi) = 0 <= lead
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (left(mid) >= lead) lo = mid;
    else hi = mid;
  }
  return left(hi) >= lead ? hi : lo;
}

function dedupeKey(caseId: number, clock: ClockKind, lead: number, due: number): string {
  return `case:${caseId}:${clock}:${lead}:${due}`;
}

export function planCaseReminders(input: ReminderPlanInput): ReminderInput[] {
  const { clocks, settings, now } = input;
  if (clocks.status === 'closed') return [];
  const leads = [...new Set(settings.reminderLeadMinutes)].filter((m) => m >= 0).sort((a, b) => b - a);
  const rows: ReminderInput[] = [];
  for (const clock of clocks.clocks) {
    if ((clock.state !== 'running' && clock.state !== 'overdue') || clock.dueAt === null || !clock.calendar) continue;
    for (const lead of leads) {
      const row = reminderFor(input, clock, lead, now);
      if (row) rows.push(row);
    }
  }
  return rows;
}

function reminderFor(input: ReminderPlanInput, clock: CaseClock, lead: number, now: number): ReminderInput | null {
  const cal = clock.calendar!;
  const due = clock.dueAt!;
  const phase: ReminderPhase = lead === 0 ? 'breach' : 'warning';
  let at = due;
  if (phase === 'warning') {
    if (due <= now) return null;
    const when = businessTimeBefore(cal, due, lead, clock.startedAt ?? now);
    if (when === null) return null;
    at = when;
  }
  const pause = pauseAt(cal, at);
  const payload: CaseReminderPayload = {
    type: 'case',
    caseId: input.kase.id,
    clock: clock.kind,
    phase,
    leadMinutes: lead,
    deadline: due,
    zone: input.zone,
    broadcast: phase === 'breach' && input.settings.broadcastBreaches,
    pausedUntil: pause?.until ?? null,
    pausedBecause: (input.language === 'zh' ? pause?.becauseZh : pause?.because) ?? null,
    ...(input.language === 'zh' ? { language: 'zh' as const } : {}),
    ...(input.language === 'zh' && input.script === 'zh-Hans' ? { locale: 'zh-Hans' as const } : {}),
  };
  return {
    caseId: input.kase.id,
    channelId: input.kase.channelId,
    threadTs: input.kase.threadTs,
    kind: reminderKind(clock.kind, phase),
    dueAt: at,
    text:
      payload.locale === 'zh-Hans'
        ? toSimplified(reminderText(input, clock, payload))
        : reminderText(input, clock, payload),
    payload,
    dedupeKey: dedupeKey(input.kase.id, clock.kind, lead, due),
  };
}

function reminderText(input: ReminderPlanInput, clock: CaseClock, p: CaseReminderPayload): string {
  if (input.language === 'zh') return reminderTextZh(input, clock, p);
  const title = clockTitle(clock, input.vendorName, input.clocks.severity);
  const ref = input.kase.vendorRef ? ` (case ${input.kase.vendorRef})` : '';
  const due = formatTime(p.deadline, p.zone);
  const parts: string[] = [];
  if (p.phase === 'warning') {
    parts.push(`Reminder: ${title}${ref} is due ${due}, ${formatLeft(p.leadMinutes)}.`);
  } else if (clock.kind === 'obligation') {
    parts.push(`Breach: ${title}${ref} was due ${due} and we have not answered.`);
  } else {
    parts.push(`Breach: ${title}${ref} was due ${due} and has not come.`);
  }
  if (p.pausedUntil !== null) {
    parts.push(`The business-hours clock is paused for ${p.pausedBecause} until ${formatTime(p.pausedUntil, p.zone)}.`);
  }
  if (clock.kind !== 'obligation' && input.clocks.waitingSince !== null) {
    parts.push('The case is waiting on us; the contract does not pause the vendor’s clock.');
  }
  return parts.join(' ');
}

/** The same reminder for a case opened in Chinese. */
function reminderTextZh(input: ReminderPlanInput, clock: CaseClock, p: CaseReminderPayload): string {
  const title = clockTitle(clock, input.vendorName, input.clocks.severity, 'zh');
  const ref = input.kase.vendorRef ? `（案件 ${input.kase.vendorRef}）` : '';
  const due = formatTime(p.deadline, p.zone, 'zh');
  const parts: string[] = [];
  if (p.phase === 'warning') {
    parts.push(`提醒：${title}${ref}的期限為 ${due}，${formatLeft(p.leadMinutes, 'zh')}。`);
  } else if (clock.kind === 'obligation') {
    parts.push(`已逾期：${title}${ref}的期限為 ${due}，我方尚未回覆。`);
  } else {
    parts.push(`已逾期：${title}${ref}的期限為 ${due}，至今仍未收到。`);
  }
  if (p.pausedUntil !== null) {
    parts.push(`營業時間時鐘因${p.pausedBecause}暫停，於 ${formatTime(p.pausedUntil, p.zone, 'zh')} 恢復。`);
  }
  if (clock.kind !== 'obligation' && input.clocks.waitingSince !== null) {
    parts.push('案件正在等待我方；合約並未讓廠商的時鐘因此暫停。');
  }
  return parts.join('');
}
