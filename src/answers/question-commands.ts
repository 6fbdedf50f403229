/** The typed command a question in words amounts to, for the builders that take one (choose.ts). */
import { DateTime } from 'luxon';
import type { Command } from './command.js';
import type { AnswerContext } from './context.js';
import type { Question } from './parse/question.js';

function isoDay(dt: DateTime): string {
  return dt.toISODate() ?? '';
}

/** The service and notice dates of a fee question, years filled in from today. */
export function feeDates(q: Question, ctx: AnswerContext): { serviceDate?: string; noticeDate?: string } {
  const zone = ctx.userZone ?? ctx.workspaceZone ?? 'UTC';
  const today = DateTime.fromJSDate(ctx.now, { zone }).startOf('day');
  const resolved = q.dates.map((d) =>
    d.relative !== undefined
      ? { dt: today.plus({ days: d.relative }), yearGiven: true }
      : {
          dt: DateTime.fromObject({ year: d.year ?? today.year, month: d.month, day: d.day }, { zone }),
          yearGiven: d.year !== undefined,
        },
  );
  const valid = resolved.filter((r) => r.dt.isValid);
  if (valid.length === 0) return {};
  if (valid.length === 1) {
    const [only] = valid;
    if (!only) return {};
    const dt = !only.yearGiven && only.dt < today ? only.dt.plus({ years: 1 }) : only.dt;
    return { serviceDate: isoDay(dt) };
  }
  // the later date is the service, the earlier the notice; a date without a year is the next such day
  let [a, b] = valid as [(typeof valid)[number], (typeof valid)[number]];
  if (!a.yearGiven && !b.yearGiven) {
    let service = a.dt > b.dt ? a.dt : b.dt;
    let notice = a.dt > b.dt ? b.dt : a.dt;
    if (notice < today.minus({ days: 1 }) && service < today) {
      service = service.plus({ years: 1 });
      notice = notice.plus({ years: 1 });
    } else if (service < today) service = service.plus({ years: 1 });
    return { serviceDate: isoDay(service), noticeDate: isoDay(notice) };
  }
  if (a.yearGiven !== b.yearGiven) {
    // one year given: the other date takes it, and a notice falls on or before its service
    const known = a.yearGiven ? a : b;
    const other = a.yearGiven ? b : a;
    other.dt = other.dt.set({ year: known.dt.year });
  }
  if (a.dt < b.dt) [a, b] = [b, a];
  return { serviceDate: isoDay(a.dt), noticeDate: isoDay(b.dt) };
}

/** Vendors a question is about: those named, else the one vendor all its severities belong to. */
export function vendorsOf(q: Question): string[] {
  if (q.vendors.length > 0) return q.vendors;
  const sets = q.severities.map((s) => new Set(s.matches.map((m) => m.vendor)));
  const [first] = sets;
  if (!first) return [];
  const shared = [...first].filter((v) => sets.every((set) => set.has(v)));
  return shared.length === 1 ? shared : [];
}

export function slaCommand(q: Question): Extract<Command, { kind: 'sla' }> {
  return {
    kind: 'sla',
    public: false,
    language: q.language,
    text: q.text,
    plans: q.plans,
    vendors: vendorsOf(q),
    ...(q.severities[0] ? { severity: q.severities[0] } : {}),
    ...(q.scope ? { scope: q.scope.id } : {}),
  };
}
