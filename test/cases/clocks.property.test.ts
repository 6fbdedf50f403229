import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClockEvent } from '../../src/cases/clocks.js';
import { replay } from '../../src/cases/clocks.js';
import { at, clocksOf, contract } from '../support/cases.js';

const plans = ['standard', 'silver', 'gold', 'platinum'].map((plan) => contract({ vendor: 'jamf', plan }));
const severities = ['P1', 'P2', 'P3', 'P4'];
const OPENED = at('2026-03-02 08:00');
const WEEK_MIN = 7 * 24 * 60;

const eventArb = fc.record({
  kind: fc.constantFrom('responded', 'updated', 'customer', 'severity', 'waiting', 'resumed'),
  minute: fc.integer({ min: 0, max: WEEK_MIN }),
  to: fc.constantFrom(...severities),
  undone: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
});

const scenarioArb = fc.record({
  plan: fc.integer({ min: 0, max: plans.length - 1 }),
  severity: fc.constantFrom(...severities),
  events: fc.array(eventArb, { maxLength: 12 }),
  nowMinute: fc.integer({ min: 0, max: 2 * WEEK_MIN }),
});

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function toEvents(s: Scenario, severity: string): ClockEvent[] {
  let current = severity;
  return [...s.events]
    .sort((a, b) => a.minute - b.minute)
    .map((e) => {
      const atMs = OPENED + e.minute * 60_000;
      if (e.kind === 'severity') {
        const data = { from: current, to: e.to };
        current = e.to;
        return { kind: 'severity', at: atMs, data, undoneAt: null };
      }
      return { kind: e.kind, at: atMs, data: null, undoneAt: e.undone ? atMs + 1 : null };
    });
}

function run(s: Scenario, events: ClockEvent[]) {
  const c = plans[s.plan]!;
  const now = OPENED + s.nowMinute * 60_000;
  return clocksOf(c, { severity: s.severity, openedAt: OPENED, events, now });
}

describe('clock invariants (Jamf, random event histories)', () => {
  it("never puts the next update before the vendor's last response or update", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const events = toEvents(s, s.severity);
        const result = run(s, events);
        const update = result.clocks.find((c) => c.kind === 'update')!;
        const lastVendor = replay({ severity: s.severity, productScope: null, openedAt: OPENED }, events).lastVendorAt;
        if (update.dueAt !== null) {
          expect(lastVendor).not.toBeNull();
          expect(update.dueAt).toBeGreaterThanOrEqual(lastVendor!);
          expect(update.dueAt).toBeGreaterThanOrEqual(update.startedAt!);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('never moves a vendor deadline when the case waits on us (the contracts grant no pause)', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.integer({ min: 0, max: WEEK_MIN }),
        fc.integer({ min: 1, max: 3 * 24 * 60 }),
        (s, waitAt, length) => {
          const plain = toEvents(
            { ...s, events: s.events.filter((e) => e.kind !== 'waiting' && e.kind !== 'resumed') },
            s.severity,
          );
          const paused: ClockEvent[] = [
            ...plain,
            { kind: 'waiting', at: OPENED + waitAt * 60_000, data: null, undoneAt: null },
            { kind: 'resumed', at: OPENED + (waitAt + length) * 60_000, data: null, undoneAt: null },
          ].sort((a, b) => a.at - b.at);
          const a = run(s, plain);
          const b = run(s, paused);
          for (const kind of ['response', 'update'] as const) {
            const before = a.clocks.find((c) => c.kind === kind)!;
            const after = b.clocks.find((c) => c.kind === kind)!;
            expect(after.dueAt).toBe(before.dueAt);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reports time left that agrees with the state: positive while running, negative when overdue', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const result = run(s, toEvents(s, s.severity));
        for (const c of result.clocks) {
          if (c.state === 'running') expect(c.minutesLeft!).toBeGreaterThanOrEqual(0);
          if (c.state === 'overdue') expect(c.minutesLeft!).toBeLessThanOrEqual(0);
          if (c.dueAt !== null && c.startedAt !== null) expect(c.dueAt).toBeGreaterThanOrEqual(c.startedAt);
        }
      }),
      { numRuns: 200 },
    );
  });
});
