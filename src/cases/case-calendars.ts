/**
 * Compiled calendars for a case: the knowledge layer resolves a target's calendar for the contract (zone,
 * holidays, hours, region); the rules core compiles it once per spec (compiledCalendar), since every clock of
 * every case on the same contract uses the same few.
 */
import { type ContractCalendarFields, compiledCalendar, resolveCalendar } from '../knowledge/calendars.js';
import type { PlanFile } from '../knowledge/schema.js';
import type { HolidayOverrides } from '../rules/index.js';
import type { CalendarResolver, CaseCalendar } from './clocks.js';

/** A resolver of calendar ids for one contract (each id resolved and compiled once). */
export function contractCalendars(
  file: PlanFile,
  contract: ContractCalendarFields,
  holidayOverrides?: HolidayOverrides,
): CalendarResolver {
  const resolved = new Map<string, CaseCalendar>();
  return (calendarId: string) => {
    let cal = resolved.get(calendarId);
    if (!cal) {
      const r = resolveCalendar(file, calendarId, contract);
      cal = {
        id: calendarId,
        def: r.def,
        calendar: compiledCalendar(r.spec, holidayOverrides),
        zone: r.zone,
        label: r.def.label,
        alwaysOpen: r.spec.hours === '24x7',
        businessDay: r.def.businessDay,
        assumed: r.assumed,
        assumedZh: r.assumedZh,
      };
      resolved.set(calendarId, cal);
    }
    return cal;
  };
}
