/**
 * Formatting shared by the two renderers (Slack blocks and console text): times in a named zone,
 * business time left or overdue, table layout. Pure.
 */
import type { Answer, AnswerTime, Citation } from '../model/answer.js';
import { strings } from './i18n.js';
import type { Language } from './normalize.js';
import { formatClock, formatLeft } from './time.js';

/** An answer's ISO time on the wall clock of `zone`; the text itself when it is not a time. */
function clockOf(iso: string, zone: string, lang: Language): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : formatClock(ms, zone, lang);
}

/**
 * The lines that describe one AnswerTime: contract zone, asker's zone, time left, why. `show` puts the
 * renderer's own words in the answer's script (src/text/script.ts displayText); `why` is the model's own.
 */
export function timeLines(
  time: AnswerTime,
  lang: Language = 'en',
  show: (text: string) => string = (t) => t,
): { contract: string; user?: string; left?: string; why?: string } {
  const s = strings(lang);
  const contract = show(`${clockOf(time.at, time.zone, lang)}${s.inZone(time.zone)}`);
  const showUser = time.userZone !== undefined && time.userZone !== time.zone;
  const user = showUser
    ? show(`${clockOf(time.userAt ?? time.at, time.userZone!, lang)}${s.yourTime(time.userZone!)}`)
    : undefined;
  return {
    contract,
    user,
    left: time.minutesLeft === undefined ? undefined : show(formatLeft(time.minutesLeft, lang)),
    why: time.explanation,
  };
}

/** "doc (inferred: reason)"; `show` converts the label's words, not the reason (already in the answer's script). */
export function citationLabel(
  citation: Citation,
  lang: Language = 'en',
  show: (text: string) => string = (t) => t,
): string {
  const slot = '\u0000';
  const label = show(strings(lang).citationHow(citation.doc, citation.certainty, citation.reason ? slot : undefined));
  const full = citation.reason ? label.replace(slot, () => citation.reason ?? '') : label;
  // a quote from the workspace's own contract (an imported plan or override) says so
  return citation.yours ? `${show(strings(lang).perYourContract)}${full}` : full;
}

/** The language of an answer's words: its locale, or English when none was set. */
export function answerLanguage(answer: Pick<Answer, 'locale'>): Language {
  return answer.locale === 'zh-Hant' || answer.locale === 'zh-Hans' ? 'zh' : 'en';
}

/** Display width: CJK and other wide characters take two columns in a monospace font. */
export function displayWidth(text: string): number {
  // most cells are plain ASCII: no need to look at each character
  if (!/[^ -\u10ff]/.test(text)) return text.length;
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    width += isWide(cp) ? 2 : 1;
  }
  return width;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** A table as aligned monospace lines (header, rule, rows). Cells are single-line. */
export function tableLines(columns: string[], rows: string[][]): string[] {
  const clean = (s: string) => (/\s\s|[\t\n\r]|^\s|\s$/.test(s) ? s.replace(/\s+/g, ' ').trim() : s);
  const header = columns.map(clean);
  const body = rows.map((r) => columns.map((_, i) => clean(r[i] ?? '')));
  const cellWidths = body.map((r) => r.map(displayWidth));
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...cellWidths.map((w) => w[i] ?? 0)));
  const line = (cells: string[], cellWidth: (i: number) => number) => {
    let out = '';
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i] ?? '';
      out += i === cells.length - 1 ? cell : cell + ' '.repeat(Math.max(0, (widths[i] ?? 0) - cellWidth(i)) + 2);
    }
    return out.trimEnd();
  };
  return [
    line(header, (i) => displayWidth(header[i] ?? '')),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...body.map((r, j) => line(r, (i) => cellWidths[j]?.[i] ?? 0)),
  ];
}
