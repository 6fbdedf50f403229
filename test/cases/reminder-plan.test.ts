import { describe, expect, it } from 'vitest';
import { planCaseReminders } from '../../src/cases/reminder-plan.js';
import { at, clocksOf, contract, ev, wall } from '../support/cases.js';

const gold = contract({ vendor: 'jamf', plan: 'gold' });
const silver = contract({ vendor: 'jamf', plan: 'silver' });
const kase = { id: 7, channelId: 'C1', threadTs: '7.1', vendorRef: 'JAMF-123' };
const defaults = { reminderLeadMinutes: [30, 0], broadcastBreaches: false };

function plan(
  c: ReturnType<typeof contract>,
  opts: Parameters<typeof clocksOf>[1],
  settings: { reminderLeadMinutes: number[]; broadcastBreaches: boolean } = defaults,
) {
  const clocks = clocksOf(c, opts);
  return planCaseReminders({ kase, clocks, vendorName: 'Jamf', settings, zone: c.zone, now: opts.now });
}

describe('planCaseReminders', () => {
  it('plans a warning 30 business minutes before and a breach at the deadline', () => {
    const opened = at('2026-03-07 22:00');
    const rows = plan(gold, { severity: 'p1', openedAt: opened, now: opened });
    expect(rows.map((r) => [r.kind, wall(r.dueAt)])).toEqual([
      ['response-warning', '2026-03-07 22:30'],
      ['response-breach', '2026-03-07 23:00'],
    ]);
    for (const r of rows) {
      expect(r).toMatchObject({ caseId: 7, channelId: 'C1', threadTs: '7.1' });
      expect(r.text).toContain('JAMF-123');
    }
    expect(rows[0]!.text).toMatch(/^Reminder: Jamf's first response/);
    expect(rows[1]!.text).toMatch(/^Breach:/);
  });

  it('puts a business-hours warning inside business hours, never at night', () => {
    const opened = at('2026-03-06 16:50'); // Friday; Silver P1 is 1 hour of local business hours
    const rows = plan(silver, { severity: 'p1', openedAt: opened, now: opened });
    expect(rows.map((r) => [r.kind, wall(r.dueAt)])).toEqual([
      ['response-warning', '2026-03-09 09:20'],
      ['response-breach', '2026-03-09 09:50'],
    ]);
  });

  it('says when the business-hours clock is paused at the moment of the reminder', () => {
    const opened = at('2026-03-06 16:00'); // due at the Friday 17:00 close
    const rows = plan(silver, { severity: 'p1', openedAt: opened, now: opened });
    const breach = rows.find((r) => r.kind === 'response-breach')!;
    expect(wall(breach.dueAt)).toBe('2026-03-06 17:00');
    expect(breach.text).toMatch(/paused for the weekend until Mon 9 Mar 2026 09:00/);
  });

  it('keeps the same dedupe keys when nothing moved, and new ones when the deadline did', () => {
    const opened = at('2026-03-02 10:00');
    const first = plan(gold, { severity: 'p1', openedAt: opened, now: opened });
    const again = plan(gold, { severity: 'p1', openedAt: opened, now: opened + 60_000 });
    expect(again.map((r) => r.dedupeKey)).toEqual(first.map((r) => r.dedupeKey));
    const responded = plan(gold, {
      severity: 'p1',
      openedAt: opened,
      events: [ev('responded', at('2026-03-02 10:20'))],
      now: at('2026-03-02 10:21'),
    });
    expect(responded.map((r) => r.kind)).toEqual(['update-warning', 'update-breach']);
    expect(wall(responded[1]!.dueAt)).toBe('2026-03-02 14:20');
    for (const r of responded) expect(first.map((f) => f.dedupeKey)).not.toContain(r.dedupeKey);
  });

  it('leaves out a warning once the deadline has passed, but keeps the breach', () => {
    const opened = at('2026-03-02 10:00');
    const rows = plan(gold, { severity: 'p1', openedAt: opened, now: at('2026-03-02 11:30') });
    expect(rows.map((r) => r.kind)).toEqual(['response-breach']);
  });

  it('leaves out a warning as long as the whole target, and follows the lead times set', () => {
    const opened = at('2026-03-02 10:00');
    const rows = plan(
      gold,
      { severity: 'p1', openedAt: opened, now: opened },
      { reminderLeadMinutes: [60, 15, 0], broadcastBreaches: true },
    );
    expect(rows.map((r) => [r.kind, wall(r.dueAt)])).toEqual([
      ['response-warning', '2026-03-02 10:45'],
      ['response-breach', '2026-03-02 11:00'],
    ]);
    expect((rows[1]!.payload as { broadcast: boolean }).broadcast).toBe(true);
    expect((rows[0]!.payload as { broadcast: boolean }).broadcast).toBe(false);
  });

  it('plans nothing for a closed case or an on-change cadence', () => {
    const opened = at('2026-03-02 10:00');
    const closed = plan(gold, {
      severity: 'p1',
      openedAt: opened,
      events: [ev('closed', opened + 1000)],
      now: opened + 2000,
    });
    expect(closed).toEqual([]);
    const p4 = plan(gold, {
      severity: 'p4',
      openedAt: opened,
      events: [ev('responded', opened + 60_000)],
      now: opened + 120_000,
    });
    expect(p4).toEqual([]);
  });
});
