/** Shared fixtures for the case tests: real knowledge, contracts on it, and a fake clock's instants. */
import { DateTime } from 'luxon';
import { contractCalendars } from '../../src/cases/case-calendars.js';
import { type ClockEvent, computeClocks } from '../../src/cases/clocks.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import type { ContractInput } from '../../src/model/records.js';

export const knowledge = loadKnowledge();

export function contract(over: Partial<ContractInput> & Pick<ContractInput, 'vendor' | 'plan'>): ContractInput {
  return {
    addons: [],
    name: null,
    customerType: 'commercial',
    region: null,
    zone: 'Europe/Berlin',
    holidays: { country: 'DE' },
    hours: null,
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    amounts: {},
    ...over,
  };
}

/** An instant from wall time in a zone: at('2026-03-02 10:00') (Monday) */
export function at(wall: string, zone = 'Europe/Berlin'): number {
  const dt = DateTime.fromFormat(wall, 'yyyy-MM-dd HH:mm', { zone });
  if (!dt.isValid) throw new Error(`bad test time ${wall}`);
  return dt.toMillis();
}

export function wall(ms: number, zone = 'Europe/Berlin'): string {
  return DateTime.fromMillis(ms, { zone }).toFormat('yyyy-MM-dd HH:mm');
}

export function ev(kind: string, atMs: number, data?: unknown, undone = false): ClockEvent {
  return { kind, at: atMs, data: data ?? null, undoneAt: undone ? atMs + 1 : null };
}

export function clocksOf(
  c: ContractInput,
  opts: { severity: string | null; openedAt: number; events?: ClockEvent[]; now: number; scope?: string | null },
) {
  const file = knowledge.vendor(c.vendor);
  return computeClocks({
    file,
    contract: { plan: c.plan, addons: c.addons },
    kase: { severity: opts.severity, productScope: opts.scope ?? null, openedAt: opts.openedAt },
    events: opts.events ?? [],
    now: opts.now,
    calendarFor: contractCalendars(file, c),
  });
}

export function clock(result: ReturnType<typeof clocksOf>, kind: 'response' | 'update' | 'obligation') {
  const found = result.clocks.find((c) => c.kind === kind);
  if (!found) throw new Error(`no ${kind} clock`);
  return found;
}
