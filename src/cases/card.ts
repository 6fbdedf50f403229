/**
 * A case's card (pure): what the live card in the case thread shows, as data. Who and what (vendor, plan,
 * severity, the vendor's reference, the owner), each clock with its state and the business time it has used
 * of its target, and the actions that fit the case as it stands. Laid out by src/slack/blocks/case-card.ts.
 */
import type { Locale } from '../model/answer.js';
import type { Language } from '../model/language.js';
import { businessMinutesBetween } from '../rules/index.js';
import { contractTitle } from '../text/names.js';
import type { CaseClock, ClockKind } from './clocks.js';
import type { CaseState } from './service.js';

/**
 * - met: answered in time; met-late: answered after the deadline
 * - running: due later; due-soon: within the reminder lead (or the last quarter of its time); late: past due
 * - waiting: the clock starts later (the update cadence before the first response)
 * - no-deadline: the contract asks for it without a span (updates on change, our duty without a time)
 */
export type CardClockState = 'met' | 'met-late' | 'running' | 'due-soon' | 'late' | 'waiting' | 'no-deadline';

export interface CardClock {
  kind: ClockKind;
  state: CardClockState;
  dueAt: number | null;
  metAt: number | null;
  /** business minutes used of the target so far (or until it was met), and the target's business minutes */
  usedMinutes: number | null;
  totalMinutes: number | null;
  minutesLeft: number | null;
  /** the business-hours clock is closed now (night, weekend, holiday) until then */
  pausedUntil: number | null;
  /** the target in the contract's words, e.g. "every 4 h" */
  target: string | null;
}

export type CardAction = 'responded' | 'updated' | 'close';

export interface CaseCard {
  caseId: number;
  status: 'open' | 'waiting' | 'closed';
  vendorName: string;
  /** "Acme EMEA — Jamf Premium Support Gold + …": the vendor said once */
  contractName: string;
  severity: string | null;
  vendorRef: string | null;
  ownerId: string | null;
  openedAt: number;
  /** the contract's zone: the fallback zone of every instant on the card */
  zone: string;
  lang: Language;
  /** Simplified Chinese: the card's words are converted for display (absent: as `lang` writes them) */
  locale?: Locale;
  clocks: CardClock[];
  actions: CardAction[];
}

function usedOf(clock: CaseClock, until: number): { used: number | null; total: number | null } {
  const cal = clock.calendar?.calendar;
  if (!cal || clock.startedAt === null || clock.dueAt === null) return { used: null, total: null };
  try {
    const total = businessMinutesBetween(cal, new Date(clock.startedAt), new Date(clock.dueAt));
    const used = businessMinutesBetween(cal, new Date(clock.startedAt), new Date(Math.max(clock.startedAt, until)));
    return { used: Math.round(used), total: Math.round(total) };
  } catch {
    return { used: null, total: null };
  }
}

function cardClock(clock: CaseClock, now: number, soonMinutes: number, lang: Language): CardClock | null {
  const base = {
    kind: clock.kind,
    dueAt: clock.dueAt,
    metAt: clock.metAt,
    minutesLeft: clock.minutesLeft,
    pausedUntil: clock.pausedUntil,
    target: clock.target?.text[lang] ?? null,
  };
  switch (clock.state) {
    case 'met': {
      const { used, total } = usedOf(clock, clock.metAt ?? now);
      const late = clock.dueAt !== null && clock.metAt !== null && clock.metAt > clock.dueAt;
      return { ...base, state: late ? 'met-late' : 'met', usedMinutes: used, totalMinutes: total };
    }
    case 'running':
    case 'overdue': {
      const { used, total } = usedOf(clock, now);
      const left = clock.minutesLeft ?? 0;
      const soon = left <= soonMinutes || (total !== null && total > 0 && left <= total / 4);
      // at the deadline itself it is breached (the breach reminder goes out then), not merely due soon
      const state = clock.state === 'overdue' || left <= 0 ? 'late' : soon ? 'due-soon' : 'running';
      return { ...base, state, usedMinutes: used, totalMinutes: total };
    }
    case 'not-started':
      return { ...base, state: 'waiting', usedMinutes: null, totalMinutes: null };
    case 'on-change':
    case 'text-only':
      return { ...base, state: 'no-deadline', usedMinutes: null, totalMinutes: null };
    default:
      // no target for this case, or the case is closed: nothing to show for it
      return null;
  }
}

export function caseCard(
  state: CaseState,
  now: number,
  options: { lang?: Language; soonMinutes?: number } = {},
): CaseCard {
  const lang = options.lang ?? 'en';
  const soon = options.soonMinutes ?? 30;
  const { kase, clocks, file } = state;
  const status = clocks.status === 'closed' ? 'closed' : clocks.status === 'waiting' ? 'waiting' : 'open';
  const cardClocks =
    status === 'closed'
      ? []
      : clocks.clocks.map((c) => cardClock(c, now, soon, lang)).filter((c): c is CardClock => c !== null);
  const response = clocks.clocks.find((c) => c.kind === 'response');
  const responded = response?.state === 'met';
  const actions: CardAction[] = status === 'closed' ? [] : [responded ? 'updated' : 'responded', 'close'];
  return {
    caseId: kase.id,
    status,
    vendorName: file.vendorName[lang],
    contractName: contractTitle({ plans: [file] }, state.contract, lang),
    severity: clocks.severity ? clocks.severity.name[lang] : null,
    vendorRef: kase.vendorRef,
    ownerId: kase.ownerId || null,
    openedAt: kase.openedAt,
    zone: state.contract.zone,
    lang,
    clocks: cardClocks,
    actions,
  };
}
