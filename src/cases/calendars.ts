/**
 * Compiled calendars for a case: the knowledge layer resolves a target's calendar for the contract (zone,
 * holidays, hours, region); the rules core compiles it. Compiled calendars are cached by their spec, since
 * every clock of every case on the same contract uses the same few.
 */
import { type ContractCalendarFields, resolveCalendar } from '../knowledge/calendars.js';
import type { PlanFile } from '../knowledge/schema.js';
import { type Calendar, type CompileOptions, compileCalendar } from '../rules/index.js';
import type { CalendarResolver, CaseCalendar } from './clocks.js';

const compiled = new Map<string, Calendar>();
const MAX_CACHED = 500;

function compileCached(spec: Parameters<typeof compileCalendar>[0], options: CompileOptions): Calendar {
  const key = JSON.stringify(spec);
  let cal = compiled.get(key);
  if (!cal) {
    cal = compileCalendar(spec, options);
    if (compiled.size >= MAX_CACHED) compiled.clear();
    compiled.set(key, cal);
  }
  return cal;
}

/** A resolver of calendar ids for one contract (each id resolved and compiled once). */
export function contractCalendars(
  file: PlanFile,
  contract: ContractCalendarFields,
  options: CompileOptions = {},
): CalendarResolver {
  const resolved = new Map<string, CaseCalendar>();
  return (calendarId: string) => {
    let cal = resolved.get(calendarId);
    if (!cal) {
      const r = resolveCalendar(file, calendarId, contract);
      cal = {
        id: calendarId,
        def: r.def,
        calendar: compileCached(r.spec, options),
        zone: r.zone,
        label: r.def.label,
        alwaysOpen: r.spec.hours === '24x7',
        businessDay: r.def.businessDay,
        assumed: r.assumed,
      };
      resolved.set(calendarId, cal);
    }
    return cal;
  };
}
