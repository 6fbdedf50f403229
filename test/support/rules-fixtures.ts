/** Calendars shared by the rules tests. */
import type { CalendarSpec, WallInterval } from '../../src/rules/index.js';

export const weekdays = (intervals: WallInterval[]): CalendarSpec['hours'] => ({
  mon: intervals,
  tue: intervals,
  wed: intervals,
  thu: intervals,
  fri: intervals,
});

/** Mon–Fri 09:00–17:30 Europe/Berlin with German public holidays (the benchmark calendar). */
export const berlinOffice = (extra: Partial<CalendarSpec> = {}): CalendarSpec => ({
  zone: 'Europe/Berlin',
  hours: weekdays([['09:00', '17:30']]),
  holidays: { country: 'DE' },
  ...extra,
});

/** ISO text → epoch ms, for comparing with returned Dates. */
export const ms = (iso: string) => new Date(iso).getTime();
