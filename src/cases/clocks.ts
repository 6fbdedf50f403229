/**
 * A case's clocks (pure: knowledge, contract, case, events and `now` in; clocks out).
 *
 * Three clocks, each computed by the rules core on the calendar the contract names for that target:
 * - `response`: the vendor's first response. Runs from the opening (or the latest severity change or
 *   reopening) until the vendor first responds or updates. Where the response target `coversInbound`
 *   (Jamf: "回應時間指的是對新支援工單的初次回應，以及對任何入站的客戶溝通的回應"), our first message
 *   after the vendor's last one starts a new response deadline, met by the vendor's next message.
 * - `update`: the vendor's update cadence. Runs only after the first response, from the vendor's last
 *   response or update (or a later severity change: "new targets from that moment"). `every` adds the span,
 *   `daily` adds one business day (`addBusinessDays` in the calendar's business-day mode), `on-change` has
 *   no deadline and says so.
 * - `obligation`: our own duty where the contract gives it a span (Microsoft Severity B: access and response
 *   from the change-control authority within 4 business hours; C: a response within 24 hours). It runs from
 *   the vendor's last message or from `case wait` (the vendor is waiting on us), whichever is later, until we
 *   write (`case customer`) or resume. Without a span (Severity 1 and A: resources around the clock) it is
 *   shown as text only.
 *
 * Waiting on us (`case wait` … `case resume`). None of the three documents lets the vendor stop its clocks
 * while it waits on the customer, so the vendor's clocks keep running; what the contract does say is shown
 * instead (Microsoft may lower the severity when the customer cannot provide resources or responses, from the
 * plan's fact), and our obligation clock starts. A wait therefore never moves a vendor deadline at all.
 *
 * Closing stops every clock. Reopening is read as a new request: the response clock runs again from the
 * reopening, and the update cadence from the vendor's first message after it.
 *
 * Undone events (a Slack Connect auto-detection someone undid) are ignored. Time is epoch milliseconds.
 */
import type { CalendarDef, PlanFile, Severity, SourceRef, Span, Target } from '../knowledge/schema.js';
import type { CaseEvent, CaseStatus } from '../model/records.js';
import {
  addBusinessDays,
  addBusinessTime,
  businessMinutesBetween,
  type Calendar,
  describeExplanation,
  explainDeadline,
  isOpen,
  nextOpen,
} from '../rules/index.js';
import { applicableTargets, type PlanChoice, resolveSeverity, severityMatters, waitingFact } from './targets.js';

/** A target's calendar, compiled for one contract. */
export interface CaseCalendar {
  id: string;
  def: CalendarDef;
  calendar: Calendar;
  /** the zone the calendar runs in (the customer's, or the vendor region's) */
  zone: string;
  label: { en: string; zh: string };
  alwaysOpen: boolean;
  businessDay: CalendarDef['businessDay'];
  /** what the contract left out and was assumed (default hours, no holidays …) */
  assumed: string[];
  /** the same in Chinese, one for one */
  assumedZh: string[];
}

export type CalendarResolver = (calendarId: string) => CaseCalendar;

export type ClockKind = 'response' | 'update' | 'obligation';

/**
 * - running: due in the future; overdue: due in the past and not met
 * - met: the vendor answered (response clock) — `metAt`, and `dueAt` for whether it was in time
 * - on-change: the cadence has no deadline (updates when the status changes)
 * - text-only: an obligation the contract states without a span
 * - not-started: the clock starts later (the update cadence before the first response)
 * - no-target: the contract states no such target for this case
 * - closed: the case is closed
 */
export type ClockState =
  | 'running'
  | 'overdue'
  | 'met'
  | 'on-change'
  | 'text-only'
  | 'not-started'
  | 'no-target'
  | 'closed';

export interface CaseClock {
  kind: ClockKind;
  state: ClockState;
  target: Target | null;
  /** what started the clock, in a few words */
  startedBy: string | null;
  startedAt: number | null;
  dueAt: number | null;
  metAt: number | null;
  /** business minutes from now to the deadline; negative when overdue (null without a deadline) */
  minutesLeft: number | null;
  calendar: CaseCalendar | null;
  /** set when the business-hours clock is closed right now: when it resumes and why it is closed */
  pausedUntil: number | null;
  pausedBecause: string | null;
  /** the same in Chinese */
  pausedBecauseZh: string | null;
  /** one line: why the deadline falls where it does (the rules core's explanation) */
  explanation: { en: string; zh: string } | null;
  source: SourceRef | null;
}

export interface ClockCase {
  severity: string | null;
  productScope: string | null;
  openedAt: number;
}

export type ClockEvent = Pick<CaseEvent, 'kind' | 'at' | 'data' | 'undoneAt'>;

export interface ClockInput {
  file: PlanFile;
  contract: PlanChoice;
  kase: ClockCase;
  events: readonly ClockEvent[];
  now: number;
  calendarFor: CalendarResolver;
}

export interface CaseClocks {
  status: CaseStatus;
  severity: Severity | null;
  /** the plan's targets depend on the severity and none is set */
  needsSeverity: boolean;
  waitingSince: number | null;
  /** what the contract says about waiting on the customer (shown while waiting) */
  waitingNote: { text: { en: string; zh: string }; source: SourceRef } | null;
  clocks: CaseClock[];
}

/** The state of a case's timeline after replaying its events. */
interface Timeline {
  status: CaseStatus;
  severity: string | null;
  severitySince: number;
  cycleStart: number;
  startedBy: string;
  firstVendorAt: number | null;
  lastVendorAt: number | null;
  /** our first message since the vendor's last one (Jamf: starts a new response deadline) */
  unansweredCustomerAt: number | null;
  /** the vendor's last message or our `wait`, when we have not answered since */
  obligationFrom: number | null;
  obligationStartedBy: string | null;
  waitingSince: number | null;
}

function severityTo(data: unknown): string | null {
  if (data && typeof data === 'object' && 'to' in data) {
    const to = (data as { to: unknown }).to;
    return typeof to === 'string' ? to : null;
  }
  return null;
}

function severityFrom(data: unknown): string | null | undefined {
  if (data && typeof data === 'object' && 'from' in data) {
    const from = (data as { from: unknown }).from;
    return typeof from === 'string' ? from : null;
  }
  return undefined;
}

export function replay(kase: ClockCase, events: readonly ClockEvent[]): Timeline {
  const live = events.filter((e) => e.undoneAt === null || e.undoneAt === undefined);
  const ordered = [...live].sort((a, b) => a.at - b.at);
  // the severity the case was opened with: the first change's `from`, else the case's own
  const firstChange = ordered.find((e) => e.kind === 'severity');
  const opening = firstChange ? severityFrom(firstChange.data) : undefined;
  const t: Timeline = {
    status: 'open',
    severity: opening === undefined ? kase.severity : opening,
    severitySince: kase.openedAt,
    cycleStart: kase.openedAt,
    startedBy: 'case opened',
    firstVendorAt: null,
    lastVendorAt: null,
    unansweredCustomerAt: null,
    obligationFrom: null,
    obligationStartedBy: null,
    waitingSince: null,
  };
  for (const e of ordered) {
    switch (e.kind) {
      case 'responded':
      case 'updated':
        if (t.status === 'closed') break;
        t.firstVendorAt ??= e.at;
        t.lastVendorAt = e.at;
        t.unansweredCustomerAt = null;
        t.obligationFrom = e.at;
        t.obligationStartedBy = e.kind === 'responded' ? 'vendor response' : 'vendor update';
        break;
      case 'customer':
        if (t.status === 'closed') break;
        if (t.firstVendorAt !== null) t.unansweredCustomerAt ??= e.at;
        t.obligationFrom = null;
        break;
      case 'severity': {
        const to = severityTo(e.data);
        if (to) {
          t.severity = to;
          t.severitySince = e.at;
        }
        break;
      }
      case 'waiting':
        if (t.status === 'closed') break;
        t.status = 'waiting';
        t.waitingSince = e.at;
        t.obligationFrom = e.at;
        t.obligationStartedBy = 'vendor waiting on us';
        break;
      case 'resumed':
        if (t.status === 'waiting') t.status = 'open';
        t.waitingSince = null;
        t.obligationFrom = null;
        break;
      case 'closed':
        t.status = 'closed';
        t.waitingSince = null;
        break;
      case 'reopened':
        t.status = 'open';
        t.cycleStart = e.at;
        t.startedBy = 'case reopened';
        t.firstVendorAt = null;
        t.lastVendorAt = null;
        t.unansweredCustomerAt = null;
        t.obligationFrom = null;
        t.waitingSince = null;
        break;
      default:
        break;
    }
  }
  return t;
}

/** The deadline `span` after `from` on a calendar. */
export function addSpan(cal: CaseCalendar, from: number, span: Span): number {
  if ('minutes' in span) return addBusinessTime(cal.calendar, new Date(from), span.minutes).getTime();
  return addBusinessDays(cal.calendar, new Date(from), span.businessDays, cal.businessDay).getTime();
}

function cadenceSpan(target: Target): Span | null {
  if (target.cadence === 'daily') return { businessDays: 1 };
  if (target.cadence === 'on-change') return null;
  return target.span ?? null;
}

function explain(cal: CaseCalendar, from: number, due: number): { en: string; zh: string } {
  const minutes = businessMinutesBetween(cal.calendar, new Date(from), new Date(due));
  const expl = explainDeadline(cal.calendar, new Date(from), minutes);
  return { en: describeExplanation(expl, 'en'), zh: describeExplanation(expl, 'zh') };
}

/** Business minutes from now to `due` (negative: how late). */
export function minutesLeft(cal: CaseCalendar, now: number, due: number): number {
  if (due >= now) return businessMinutesBetween(cal.calendar, new Date(now), new Date(due));
  return -businessMinutesBetween(cal.calendar, new Date(due), new Date(now));
}

/**
 * When a business-hours calendar is closed at `at`: when it opens again and why it is closed, in English
 * (`because`) and Chinese (`becauseZh`).
 */
export function pauseAt(cal: CaseCalendar, at: number): { until: number; because: string; becauseZh: string } | null {
  if (cal.alwaysOpen || isOpen(cal.calendar, new Date(at))) return null;
  const until = nextOpen(cal.calendar, new Date(at)).getTime();
  const skipped = explainDeadline(cal.calendar, new Date(at), 0).skipped;
  const holiday = skipped.find((d) => d.reason === 'holiday' || d.reason === 'closed-date');
  let because = 'the night';
  let becauseZh = '夜間';
  if (holiday) {
    because = holiday.holiday ? `the holiday ${holiday.holiday}` : 'a closed day';
    const local =
      holiday.holidayLocal && /[\u3400-\u9fff]/u.test(holiday.holidayLocal) ? holiday.holidayLocal : undefined;
    const zhName = holiday.holidayZh ?? local ?? (holiday.holiday ? `「${holiday.holiday}」` : undefined);
    becauseZh = zhName ? `假日${zhName}` : '停止服務日';
  } else if (skipped.some((d) => d.reason === 'weekend')) {
    because = 'the weekend';
    becauseZh = '週末';
  }
  return { until, because, becauseZh };
}

interface Candidate {
  target: Target;
  cal: CaseCalendar;
  dueAt: number | null;
}

/** Of several applicable targets, the one that falls due first (add-ons only ever shorten a target). */
function earliest(candidates: Candidate[]): Candidate | null {
  let best: Candidate | null = null;
  for (const c of candidates) {
    if (best === null) best = c;
    else if (c.dueAt !== null && (best.dueAt === null || c.dueAt < best.dueAt)) best = c;
  }
  return best;
}

function emptyClock(kind: ClockKind, state: ClockState, target: Target | null = null): CaseClock {
  return {
    kind,
    state,
    target,
    startedBy: null,
    startedAt: null,
    dueAt: null,
    metAt: null,
    minutesLeft: null,
    calendar: null,
    pausedUntil: null,
    pausedBecause: null,
    pausedBecauseZh: null,
    explanation: null,
    source: target?.source ?? null,
  };
}

function deadlineClock(
  kind: ClockKind,
  c: Candidate,
  startedAt: number,
  startedBy: string,
  now: number,
  metAt: number | null,
): CaseClock {
  const clock = emptyClock(kind, 'running', c.target);
  clock.startedAt = startedAt;
  clock.startedBy = startedBy;
  clock.calendar = c.cal;
  clock.dueAt = c.dueAt;
  clock.metAt = metAt;
  if (c.dueAt === null) return clock;
  clock.explanation = explain(c.cal, startedAt, c.dueAt);
  if (metAt !== null) {
    clock.state = 'met';
    return clock;
  }
  clock.minutesLeft = minutesLeft(c.cal, now, c.dueAt);
  clock.state = now > c.dueAt ? 'overdue' : 'running';
  const pause = now <= c.dueAt ? pauseAt(c.cal, now) : null;
  if (pause) {
    clock.pausedUntil = pause.until;
    clock.pausedBecause = pause.because;
    clock.pausedBecauseZh = pause.becauseZh;
  }
  return clock;
}

function candidates(targets: Target[], from: number, calendarFor: CalendarResolver, cadence: boolean): Candidate[] {
  return targets.map((target) => {
    const cal = calendarFor(target.calendar ?? '24x7');
    const span = cadence ? cadenceSpan(target) : (target.span ?? null);
    return { target, cal, dueAt: span ? addSpan(cal, from, span) : null };
  });
}

export function computeClocks(input: ClockInput): CaseClocks {
  const { file, contract, kase, now, calendarFor } = input;
  const t = replay(kase, input.events);
  const severity = t.severity ? resolveSeverity(file, t.severity) : null;
  const needsSeverity = severity === null && severityMatters(file, contract);
  const fact = t.status === 'waiting' ? waitingFact(file, contract) : null;
  const result: CaseClocks = {
    status: t.status,
    severity,
    needsSeverity,
    waitingSince: t.waitingSince,
    waitingNote: fact ? { text: fact.text, source: fact.source } : null,
    clocks: [],
  };
  const kinds: ClockKind[] = ['response', 'update', 'obligation'];
  if (t.status === 'closed') {
    result.clocks = kinds.map((k) => emptyClock(k, 'closed'));
    return result;
  }
  if (needsSeverity) {
    result.clocks = kinds.map((k) => emptyClock(k, 'no-target'));
    return result;
  }
  const sevId = severity?.id ?? null;
  const targetsOf = (kind: Target['kind']) => applicableTargets(file, contract, sevId, kase.productScope, kind);
  result.clocks.push(responseClock(t, targetsOf('response'), now, calendarFor));
  result.clocks.push(updateClock(t, targetsOf('update'), now, calendarFor));
  result.clocks.push(obligationClock(t, targetsOf('customer'), now, calendarFor));
  return result;
}

function responseClock(t: Timeline, targets: Target[], now: number, calendarFor: CalendarResolver): CaseClock {
  if (targets.length === 0) return emptyClock('response', 'no-target');
  const sevChangedLater = t.severitySince > t.cycleStart;
  if (t.firstVendorAt === null) {
    const from = Math.max(t.cycleStart, t.severitySince);
    const best = earliest(candidates(targets, from, calendarFor, false))!;
    return deadlineClock('response', best, from, sevChangedLater ? 'severity changed' : t.startedBy, now, null);
  }
  const inbound = targets.filter((x) => x.coversInbound);
  if (t.unansweredCustomerAt !== null && inbound.length > 0) {
    const from = Math.max(t.unansweredCustomerAt, t.severitySince);
    const best = earliest(candidates(inbound, from, calendarFor, false))!;
    return deadlineClock('response', best, from, 'your message to the vendor', now, null);
  }
  // met: show the first response against the target it had
  const from = sevChangedLater && t.severitySince <= t.firstVendorAt ? t.severitySince : t.cycleStart;
  const best = earliest(candidates(targets, from, calendarFor, false))!;
  const metAt = inbound.length > 0 && t.lastVendorAt !== null ? t.lastVendorAt : t.firstVendorAt;
  return deadlineClock('response', best, from, sevChangedLater ? 'severity changed' : t.startedBy, now, metAt);
}

function updateClock(t: Timeline, targets: Target[], now: number, calendarFor: CalendarResolver): CaseClock {
  if (targets.length === 0) return emptyClock('update', 'no-target');
  if (t.lastVendorAt === null) {
    const clock = emptyClock('update', 'not-started', targets[0] ?? null);
    clock.startedBy = 'the first response';
    return clock;
  }
  const from = Math.max(t.lastVendorAt, t.severitySince);
  const startedBy = from === t.lastVendorAt ? "the vendor's last message" : 'severity changed';
  const all = candidates(targets, from, calendarFor, true);
  const timed = all.filter((c) => c.dueAt !== null);
  if (timed.length === 0) {
    const c = all[0]!;
    const clock = emptyClock('update', 'on-change', c.target);
    clock.calendar = c.cal;
    clock.startedAt = from;
    clock.startedBy = startedBy;
    return clock;
  }
  return deadlineClock('update', earliest(timed)!, from, startedBy, now, null);
}

function obligationClock(t: Timeline, targets: Target[], now: number, calendarFor: CalendarResolver): CaseClock {
  if (targets.length === 0) return emptyClock('obligation', 'no-target');
  const timedTargets = targets.filter((x) => x.span);
  if (timedTargets.length === 0) {
    const clock = emptyClock('obligation', 'text-only', targets[0] ?? null);
    if (targets[0]?.calendar) clock.calendar = calendarFor(targets[0].calendar);
    return clock;
  }
  if (t.obligationFrom === null) {
    const clock = emptyClock('obligation', 'not-started', timedTargets[0] ?? null);
    clock.startedBy = "the vendor's next message or `case wait`";
    return clock;
  }
  const from = Math.max(t.obligationFrom, t.severitySince);
  const best = earliest(candidates(timedTargets, from, calendarFor, false))!;
  return deadlineClock('obligation', best, from, t.obligationStartedBy ?? 'vendor message', now, null);
}

/** The clocks with a deadline still to meet (running or overdue), the one that falls due first first. */
export function liveClocks(clocks: CaseClocks): CaseClock[] {
  return clocks.clocks
    .filter((c) => (c.state === 'running' || c.state === 'overdue') && c.dueAt !== null)
    .sort((a, b) => (a.dueAt ?? 0) - (b.dueAt ?? 0));
}
