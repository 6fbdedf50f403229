/**
 * Bounds on what one request may ask for, so that no question costs more than a few milliseconds or keeps
 * memory: typed dates lie within HORIZON_YEARS of now (a deadline in 2499 would make the rules core build
 * and count centuries of calendar), and text is at most MAX_INPUT_CHARS long (every parser is linear, but
 * the glossary search and the answers need no more than a paragraph; Slack allows 40,000 characters).
 */
import { DateTime } from 'luxon';
import type { Answer } from '../model/answer.js';
import { emptyAnswer } from '../model/answer.js';
import { MAX_YEAR, MIN_YEAR } from '../rules/index.js';
import { strings } from '../text/i18n.js';
import type { Language } from '../text/normalize.js';

/** Dates typed by people, and the clock's "now" itself, lie within this many years of now. */
export const HORIZON_YEARS = 10;
/** The longest text read, in characters (UTF-16 code units, as JavaScript counts them). */
export const MAX_INPUT_CHARS = 2_000;

/** The first and last instant of the horizon around `now`. */
export function horizonOf(now: Date): { from: Date; to: Date } {
  const t = DateTime.fromJSDate(now, { zone: 'UTC' });
  return { from: t.minus({ years: HORIZON_YEARS }).toJSDate(), to: t.plus({ years: HORIZON_YEARS }).toJSDate() };
}

/** null when `at` (an instant, or a YYYY-MM-DD date) is within the horizon; else why not, for a person. */
export function horizonProblem(at: Date | string, now: Date, lang: Language = 'en'): string | null {
  const { from, to } = horizonOf(now);
  const instant = typeof at === 'string' ? DateTime.fromISO(at, { zone: 'UTC' }).toJSDate() : at;
  const t = instant.getTime();
  // a whole date is inside when any of its hours is (a day's zone may be up to 14 hours off UTC)
  const slack = typeof at === 'string' ? 86_400_000 : 0;
  if (Number.isFinite(t) && t + slack >= from.getTime() && t - slack <= to.getTime()) return null;
  const shown = typeof at === 'string' ? at : Number.isFinite(t) ? instant.toISOString().slice(0, 10) : String(at);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return strings(lang).outsideHorizon(shown, day(from), day(to), HORIZON_YEARS);
}

/** The answer to a date outside the horizon. */
export function outsideHorizonAnswer(problem: string, lang: Language, kind: Answer['kind'] = 'error'): Answer {
  const answer = emptyAnswer(kind, strings(lang).outsideHorizonTitle, problem);
  answer.suggestions.push('help');
  return answer;
}

/** An answer when `text` is longer than MAX_INPUT_CHARS, else null. */
export function tooLongAnswer(text: string, lang: Language): Answer | null {
  if (text.length <= MAX_INPUT_CHARS) return null;
  const s = strings(lang);
  const answer = emptyAnswer('error', s.tooLongTitle, s.tooLong(text.length, MAX_INPUT_CHARS));
  answer.suggestions.push('help');
  return answer;
}

/**
 * The clock itself must leave the horizon inside the years the rules core covers (`--now 9999-12-31` in the
 * console would otherwise fail half-way through a command).
 */
export function nowProblem(now: Date): string | null {
  const year = now.getUTCFullYear();
  if (Number.isFinite(year) && year >= MIN_YEAR + HORIZON_YEARS && year <= MAX_YEAR - HORIZON_YEARS) return null;
  const shown = Number.isFinite(now.getTime()) ? now.toISOString() : 'an invalid time';
  return `The clock reads ${shown}; Entitlebot works with the years ${MIN_YEAR + HORIZON_YEARS}–${MAX_YEAR - HORIZON_YEARS}.`;
}
