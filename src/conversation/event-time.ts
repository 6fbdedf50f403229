/** When a case event happened: the time typed after `at`, read in the contract's zone. */
import { DateTime } from 'luxon';
import { horizonProblem } from '../answers/horizon.js';
import { type WallTimeShift, wallTimeShift } from '../answers/index.js';
import { CaseProblem } from '../cases/service.js';
import type { Language } from '../model/language.js';
import { caseTextWords } from '../text/case-text-words.js';
import { strings } from '../text/i18n.js';

/**
 * "14:05" (today in the contract's zone, or yesterday when that is still ahead), or an ISO date-time. A local
 * time the clocks skipped or showed twice is not moved silently: `shift` says which instant was taken.
 */
export function eventTime(
  text: string | null,
  zone: string,
  now: number,
  lang: Language = 'en',
): { at: number; shift?: WallTimeShift } {
  const unreadable = () => new CaseProblem(caseTextWords(lang).unreadableTime(text, zone));
  if (!text) return { at: now };
  const t = text.trim().toUpperCase();
  let dt: DateTime;
  let shift: WallTimeShift | undefined;
  const hhmm = /^(\d{1,2}):(\d{2})$/.exec(t);
  if (hhmm && (Number(hhmm[1]) > 23 || Number(hhmm[2]) > 59)) {
    throw unreadable();
  }
  if (hhmm) {
    const hour = Number(hhmm[1]);
    const minute = Number(hhmm[2]);
    let day = DateTime.fromMillis(now, { zone }).startOf('day');
    dt = day.set({ hour, minute });
    if (dt.toMillis() > now) {
      day = day.minus({ days: 1 });
      dt = day.set({ hour, minute });
    }
    shift = wallTimeShift(day, hour, minute, dt, zone);
  } else {
    dt = DateTime.fromISO(t.replace(' ', 'T'), { zone, setZone: true });
    const typedOffset = /(Z|[+-]\d{2}:?\d{2})$/.test(t);
    const local = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})/.exec(t);
    if (dt.isValid && !typedOffset && local) {
      const day = DateTime.fromISO(local[1] ?? '', { zone });
      shift = wallTimeShift(day, Number(local[2]), Number(local[3]), dt, zone);
    }
  }
  if (!dt.isValid) {
    throw unreadable();
  }
  const at = shift?.kind === 'overlap' ? Date.parse(shift.taken) : dt.toMillis();
  if (at > now + 60_000) throw new CaseProblem(caseTextWords(lang).futureTime(text));
  const far = horizonProblem(new Date(at), new Date(now), lang);
  if (far) throw new CaseProblem(far);
  return shift ? { at, shift } : { at };
}

/** The sentence that says which instant a skipped or repeated local time was taken as. */
export function shiftSentence(shift: WallTimeShift | undefined, lang: Language): string {
  if (!shift) return '';
  const s = strings(lang);
  const text =
    shift.kind === 'gap'
      ? s.wallGap(shift.wall, shift.zone, shift.taken)
      : s.wallOverlap(shift.wall, shift.zone, shift.taken, shift.other ?? '');
  return ` ${text}`;
}
