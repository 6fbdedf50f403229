/**
 * The checks of `plan check` on a plan's values that the schema cannot make: hours run forward, durations are
 * plausible, zones are IANA zones, holiday codes are known, and every quote occurs in the source document.
 */

import { sourceRefs } from '../knowledge/load.js';
import { findQuote, quoteOccursIn } from '../knowledge/quotes.js';
import type { CalendarDef, PlanFile, PlanOverride, Span, WeekHours } from '../knowledge/schema.js';
import { checkHolidayRegion, isValidZoneName } from '../rules/index.js';
import { nearestPassage } from './nearest.js';

/** Where a check says what is wrong: a path inside the plan, the message and a hint. */
export type Report = (path: string | PropertyKey[], message: string, hint?: string) => void;

/** The durations beyond which a figure is surely a typo (minutes for hours, a missing unit). */
const MAX_SPAN_MINUTES = 366 * 24 * 60;
const MAX_SPAN_BUSINESS_DAYS = 260;

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

function checkHours(hours: WeekHours | undefined, path: PropertyKey[], report: Report): void {
  if (!hours || hours === '24x7') return;
  for (const [day, intervals] of Object.entries(hours)) {
    let lastEnd = -1;
    (intervals ?? []).forEach(([from, to], k) => {
      const start = minutesOf(from);
      const end = minutesOf(to);
      if (end <= start) {
        report(
          [...path, day, k],
          `${from}–${to} does not run forward`,
          'write [start, end] with end after start; a span past midnight is two intervals, e.g. [22:00, 24:00] on one day and [00:00, 06:00] on the next',
        );
      } else if (start < lastEnd) {
        report(
          [...path, day, k],
          `${from}–${to} overlaps the interval before it`,
          'list the intervals of a day in order, without overlap',
        );
      }
      lastEnd = Math.max(lastEnd, end);
    });
  }
}

function checkSpan(span: Span | undefined, path: PropertyKey[], report: Report): void {
  if (!span) return;
  if ('minutes' in span) {
    if (!Number.isInteger(span.minutes)) {
      report(
        [...path, 'minutes'],
        `${span.minutes} is not a whole number of minutes`,
        'write minutes as a whole number: 90 for an hour and a half',
      );
    } else if (span.minutes > MAX_SPAN_MINUTES) {
      report(
        [...path, 'minutes'],
        `${span.minutes} minutes is more than a year`,
        'spans are in minutes: 4 hours is 240; or use { businessDays: N }',
      );
    }
  } else if (span.businessDays > MAX_SPAN_BUSINESS_DAYS) {
    report(
      [...path, 'businessDays'],
      `${span.businessDays} business days is more than a year`,
      'check the figure and its unit',
    );
  }
}

function checkCalendar(c: CalendarDef, i: number, report: Report): void {
  const at = ['calendars', i];
  checkHours(c.hours, [...at, 'hours'], report);
  checkHours(c.defaultHours, [...at, 'defaultHours'], report);
  for (const [region, r] of Object.entries(c.regions ?? {})) {
    const rAt = [...at, 'regions', region];
    if (!isValidZoneName(r.zone)) {
      report(
        [...rAt, 'zone'],
        `"${r.zone}" is not an IANA time zone`,
        'write a zone such as Asia/Singapore, America/New_York or Europe/Berlin (not an abbreviation like PST or an offset)',
      );
    }
    if (r.holidays) {
      try {
        checkHolidayRegion(r.holidays.country, r.holidays.subdivision);
      } catch (error) {
        report(
          [...rAt, 'holidays'],
          (error as Error).message,
          'use an ISO 3166 code in capitals as date-holidays knows it, e.g. { country: US, subdivision: CA }',
        );
      }
    }
    checkHours(r.hours, [...rAt, 'hours'], report);
  }
}

export function checkTimes(data: PlanFile | PlanOverride, report: Report): void {
  data.calendars.forEach((c, i) => {
    checkCalendar(c, i, report);
  });
  data.targets.forEach((t, i) => {
    checkSpan(t.span, ['targets', i, 'span'], report);
  });
  data.facts.forEach((f, i) => {
    checkSpan(f.span, ['facts', i, 'span'], report);
  });
}

export function checkQuotes(data: unknown, docName: string, docText: string, report: Report): void {
  for (const ref of sourceRefs(data)) {
    if (ref.doc !== docName) {
      report(
        [...ref.path, 'doc'],
        `cites "${ref.doc}", but the document given is "${docName}"`,
        `every quote in this plan comes from its own document: doc: ${docName}`,
      );
    } else if (!quoteOccursIn(ref.quote, docText)) {
      const near = nearestPassage(ref.quote, docText);
      report(
        [...ref.path, 'quote'],
        `not found in ${docName} (whitespace and full/half width aside): "${shorten(ref.quote)}"`,
        near && near.similarity >= 0.3
          ? `the nearest passage is: "${shorten(near.passage, 300)}" — copy it exactly (only whitespace may differ)`
          : 'copy the words from the document exactly (only whitespace may differ)',
      );
    } else if (findQuote(ref.quote, docText) === null) {
      report(
        [...ref.path, 'quote'],
        'found only across characters that normalise together',
        'copy the passage as printed',
      );
    }
  }
}

function shorten(s: string, max = 160): string {
  const t = s.replace(/\s+/gu, ' ').trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}
