import { describe, expect, it } from 'vitest';
import { at, clock, clocksOf, contract, ev, wall } from '../support/cases.js';

const gold = contract({ vendor: 'jamf', plan: 'gold' });
const silver = contract({ vendor: 'jamf', plan: 'silver' });
const standard = contract({ vendor: 'jamf', plan: 'standard' });
const autodeskEnterprise = contract({ vendor: 'autodesk', plan: 'enterprise', region: 'emea' });
const autodeskIncluded = contract({ vendor: 'autodesk', plan: 'included', region: 'emea' });

describe('first response', () => {
  it('runs from the opening on the 24x7 calendar (Jamf Gold P1: 1 hour)', () => {
    const opened = at('2026-03-07 22:00'); // a Saturday night: 24x7 does not care
    const r = clock(clocksOf(gold, { severity: 'p1', openedAt: opened, now: opened + 15 * 60_000 }), 'response');
    expect(r.state).toBe('running');
    expect(wall(r.dueAt!)).toBe('2026-03-07 23:00');
    expect(r.minutesLeft).toBeCloseTo(45);
    expect(r.pausedUntil).toBeNull();
    expect(r.explanation?.en).toMatch(/Due/);
    expect(r.source?.quote).toContain('金級 1h 24x7');
  });

  it('waits for business hours on a local-business-hours tier and says the clock is paused', () => {
    const opened = at('2026-03-06 16:30'); // Friday, 30 minutes before the inferred 17:00 close
    const now = at('2026-03-06 20:00');
    const r = clock(clocksOf(silver, { severity: 'P1', openedAt: opened, now }), 'response');
    expect(wall(r.dueAt!)).toBe('2026-03-09 09:30'); // 30 min on Friday, 30 min on Monday
    expect(r.minutesLeft).toBeCloseTo(30);
    expect(wall(r.pausedUntil!)).toBe('2026-03-09 09:00');
    expect(r.pausedBecause).toBe('the weekend');
  });

  it('names the public holiday that pauses a business-hours clock', () => {
    const opened = at('2026-04-02 16:30'); // Thursday before Good Friday (DE)
    const now = at('2026-04-03 10:00');
    const r = clock(clocksOf(silver, { severity: 'P1', openedAt: opened, now }), 'response');
    expect(wall(r.dueAt!)).toBe('2026-04-07 09:30'); // Easter Monday is a holiday too
    expect(r.pausedBecause).toMatch(/Good Friday/);
  });

  it('is met by the first vendor message and says whether that was in time', () => {
    const opened = at('2026-03-02 10:00');
    const late = clocksOf(gold, {
      severity: 'p1',
      openedAt: opened,
      events: [ev('responded', at('2026-03-02 11:20'))],
      now: at('2026-03-02 12:00'),
    });
    const r = clock(late, 'response');
    expect(r.state).toBe('met');
    expect(r.metAt).toBe(at('2026-03-02 11:20'));
    expect(r.metAt! > r.dueAt!).toBe(true);
  });

  it('is overdue, with a negative time left, once the deadline passes without a response', () => {
    const opened = at('2026-03-02 10:00');
    const r = clock(clocksOf(gold, { severity: 'p1', openedAt: opened, now: at('2026-03-02 11:30') }), 'response');
    expect(r.state).toBe('overdue');
    expect(r.minutesLeft).toBeCloseTo(-30);
  });

  it('starts again on every inbound customer message where the target covers it (Jamf)', () => {
    const opened = at('2026-03-02 10:00');
    const events = [ev('responded', at('2026-03-02 10:20')), ev('customer', at('2026-03-02 12:00'))];
    const r = clock(
      clocksOf(gold, { severity: 'p1', openedAt: opened, events, now: at('2026-03-02 12:10') }),
      'response',
    );
    expect(r.state).toBe('running');
    expect(r.startedBy).toBe('your message to the vendor');
    expect(wall(r.dueAt!)).toBe('2026-03-02 13:00');
    // the vendor's answer meets it
    const answered = [...events, ev('updated', at('2026-03-02 12:40'))];
    const met = clock(
      clocksOf(gold, { severity: 'p1', openedAt: opened, events: answered, now: at('2026-03-02 13:10') }),
      'response',
    );
    expect(met.state).toBe('met');
  });

  it('runs from a severity change made before the first response, with the new target', () => {
    const opened = at('2026-03-02 10:00');
    const events = [ev('severity', at('2026-03-02 10:40'), { from: 'P3', to: 'P1' })];
    const r = clock(
      clocksOf(gold, { severity: 'P1', openedAt: opened, events, now: at('2026-03-02 10:45') }),
      'response',
    );
    expect(wall(r.dueAt!)).toBe('2026-03-02 11:40');
    // before the change the P3 target (3 hours) applied
    const before = clock(clocksOf(gold, { severity: 'P3', openedAt: opened, now: at('2026-03-02 10:30') }), 'response');
    expect(wall(before.dueAt!)).toBe('2026-03-02 13:00');
  });

  it('ignores an undone vendor response', () => {
    const opened = at('2026-03-02 10:00');
    const events = [ev('responded', at('2026-03-02 10:10'), null, true)];
    const r = clock(
      clocksOf(gold, { severity: 'p1', openedAt: opened, events, now: at('2026-03-02 10:20') }),
      'response',
    );
    expect(r.state).toBe('running');
  });
});

describe('update cadence', () => {
  it('does not run before the first response', () => {
    const opened = at('2026-03-02 10:00');
    const u = clock(clocksOf(gold, { severity: 'p1', openedAt: opened, now: opened }), 'update');
    expect(u.state).toBe('not-started');
    expect(u.dueAt).toBeNull();
  });

  it("runs from the vendor's last response or update (Gold P1: every 4 hours)", () => {
    const opened = at('2026-03-02 10:00');
    const events = [ev('responded', at('2026-03-02 10:20')), ev('updated', at('2026-03-02 13:00'))];
    const u = clock(
      clocksOf(gold, { severity: 'p1', openedAt: opened, events, now: at('2026-03-02 14:00') }),
      'update',
    );
    expect(wall(u.dueAt!)).toBe('2026-03-02 17:00');
    expect(u.minutesLeft).toBeCloseTo(180);
  });

  it("adds one business day for a 'daily' cadence on a business-hours calendar (Standard P3)", () => {
    const opened = at('2026-03-05 09:00');
    const events = [ev('responded', at('2026-03-05 14:15'))]; // Thursday
    const u = clock(
      clocksOf(standard, { severity: 'p3', openedAt: opened, events, now: at('2026-03-05 15:00') }),
      'update',
    );
    expect(wall(u.dueAt!)).toBe('2026-03-06 14:15'); // same time on the next working day
    const friday = [ev('responded', at('2026-03-06 14:15'))];
    const f = clock(
      clocksOf(standard, { severity: 'p3', openedAt: opened, events: friday, now: at('2026-03-06 15:00') }),
      'update',
    );
    expect(wall(f.dueAt!)).toBe('2026-03-09 14:15'); // over the weekend
  });

  it("counts a 'daily' cadence on a 24x7 tier as 24 hours (Gold P3)", () => {
    const opened = at('2026-03-06 09:00');
    const events = [ev('responded', at('2026-03-06 18:00'))];
    const u = clock(
      clocksOf(gold, { severity: 'p3', openedAt: opened, events, now: at('2026-03-06 19:00') }),
      'update',
    );
    expect(wall(u.dueAt!)).toBe('2026-03-07 18:00');
  });

  it('has no deadline where the contract asks for updates on a status change (P4)', () => {
    const opened = at('2026-03-02 10:00');
    const events = [ev('responded', at('2026-03-02 11:00'))];
    const u = clock(
      clocksOf(gold, { severity: 'p4', openedAt: opened, events, now: at('2026-03-02 12:00') }),
      'update',
    );
    expect(u.state).toBe('on-change');
    expect(u.dueAt).toBeNull();
  });

  it('takes the new cadence from a later severity change', () => {
    const opened = at('2026-03-02 10:00');
    const events = [
      ev('responded', at('2026-03-02 10:10')),
      ev('severity', at('2026-03-02 11:00'), { from: 'P2', to: 'P1' }),
    ];
    const platinum = contract({ vendor: 'jamf', plan: 'platinum' });
    const u = clock(
      clocksOf(platinum, { severity: 'P1', openedAt: opened, events, now: at('2026-03-02 11:05') }),
      'update',
    );
    expect(wall(u.dueAt!)).toBe('2026-03-02 13:00'); // every 2 hours from the change
    expect(u.startedBy).toBe('severity changed');
  });
});

describe('severity', () => {
  it('asks for a severity where the targets depend on it', () => {
    const r = clocksOf(gold, { severity: null, openedAt: at('2026-03-02 10:00'), now: at('2026-03-02 10:00') });
    expect(r.needsSeverity).toBe(true);
  });

  it('needs none for Autodesk: 4 business hours on Enterprise, one business day on Included', () => {
    const opened = at('2026-03-02 15:00');
    const ent = clocksOf(autodeskEnterprise, { severity: null, openedAt: opened, now: opened });
    expect(ent.needsSeverity).toBe(false);
    const r = clock(ent, 'response');
    expect(r.state).toBe('running');
    expect(r.dueAt! - opened).toBe(4 * 3_600_000);
    const inc = clock(clocksOf(autodeskIncluded, { severity: null, openedAt: opened, now: opened }), 'response');
    expect(inc.dueAt).toBeGreaterThan(r.dueAt!);
  });
});

describe('wait, close and reopen', () => {
  it('keeps the vendor clocks running while the case waits on us', () => {
    const opened = at('2026-03-02 10:00');
    const base = [ev('responded', at('2026-03-02 10:20'))];
    const waiting = [...base, ev('waiting', at('2026-03-02 11:00'))];
    const a = clocksOf(gold, { severity: 'p1', openedAt: opened, events: base, now: at('2026-03-02 12:00') });
    const b = clocksOf(gold, { severity: 'p1', openedAt: opened, events: waiting, now: at('2026-03-02 12:00') });
    expect(b.status).toBe('waiting');
    expect(b.waitingSince).toBe(at('2026-03-02 11:00'));
    expect(clock(b, 'update').dueAt).toBe(clock(a, 'update').dueAt);
  });

  it('stops every clock when closed, and runs a new response clock from a reopening', () => {
    const opened = at('2026-03-02 10:00');
    const closed = [ev('responded', at('2026-03-02 10:20')), ev('closed', at('2026-03-02 12:00'))];
    const c = clocksOf(gold, { severity: 'p1', openedAt: opened, events: closed, now: at('2026-03-02 13:00') });
    expect(c.status).toBe('closed');
    expect(c.clocks.every((k) => k.state === 'closed')).toBe(true);
    const reopened = [...closed, ev('reopened', at('2026-03-03 09:00'))];
    const r = clocksOf(gold, { severity: 'p1', openedAt: opened, events: reopened, now: at('2026-03-03 09:10') });
    expect(r.status).toBe('open');
    expect(wall(clock(r, 'response').dueAt!)).toBe('2026-03-03 10:00');
    expect(clock(r, 'update').state).toBe('not-started');
  });
});
