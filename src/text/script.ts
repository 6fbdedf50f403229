/**
 * Which language and script a reply is in, and the conversion of an answer's own words to Simplified
 * Chinese for display.
 *
 * The answer builders write English or Traditional Chinese (the script of the source documents and the
 * knowledge files). A question in Simplified Chinese gets the same answer with `locale: 'zh-Hans'`; the
 * renderers pass it through `forDisplay`, which converts the answer's own words with OpenCC (Taiwan phrases
 * to mainland phrases and characters, e.g. 軟體 → 软件) and leaves every quote from a source document
 * verbatim, as the source has it.
 */

import { createRequire } from 'node:module';
import STCharacters from 'opencc-js/dict/STCharacters';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import type { Answer, Locale } from '../model/answer.js';
import { hasCjk, type Language } from './normalize.js';

export type { Locale } from '../model/answer.js';

export const LOCALES: readonly Locale[] = ['en', 'zh-Hant', 'zh-Hans'];

/** The words a locale is written with: the builders' tables are English and Chinese. */
export function languageOfLocale(locale: Locale): Language {
  return locale === 'en' ? 'en' : 'zh';
}

function keysOf(dict: string): Set<string> {
  const keys = new Set<string>();
  for (const entry of dict.split('|')) {
    const [from, to] = entry.split(' ');
    if (from && to && from !== to && [...from].length === 1) keys.add(from);
  }
  return keys;
}

let marks: { simplified: Set<string>; traditional: Set<string> } | undefined;

/**
 * Characters only one script uses: a Simplified character OpenCC turns into another Traditional one
 * (们 → 們) that Traditional text never has, and the reverse. Characters both scripts share (的, 期, 案)
 * say nothing.
 */
function scriptMarks() {
  if (!marks) {
    const toTraditional = keysOf(STCharacters);
    const toSimplified = keysOf(TSCharacters);
    marks = {
      simplified: new Set([...toTraditional].filter((c) => !toSimplified.has(c))),
      traditional: new Set([...toSimplified].filter((c) => !toTraditional.has(c))),
    };
  }
  return marks;
}

/**
 * 'zh-Hans' when the text has more Simplified-only than Traditional-only characters, 'zh-Hant' when fewer;
 * `fallback` when it has neither (「目前有哪些案件」 is written the same in both).
 */
export function chineseScriptOf(text: string, fallback: 'zh-Hant' | 'zh-Hans' = 'zh-Hant'): 'zh-Hant' | 'zh-Hans' {
  const { simplified, traditional } = scriptMarks();
  let s = 0;
  let t = 0;
  for (const ch of text) {
    if (simplified.has(ch)) s++;
    else if (traditional.has(ch)) t++;
  }
  if (s === t) return fallback;
  return s > t ? 'zh-Hans' : 'zh-Hant';
}

/**
 * The locale of a question: Chinese (in the script it is written in, or the asker's own script where the
 * characters are common to both) when it has Chinese characters; else
 * `preferred` (the asker's Slack locale) when the text has no words of its own, only command words and
 * codes (`sla p1 gold`, `help`, an empty command); else English.
 */
export function localeOf(text: string, preferred?: Locale, commandOnly = false): Locale {
  if (hasCjk(text)) return chineseScriptOf(text, preferred === 'zh-Hans' ? 'zh-Hans' : 'zh-Hant');
  if (preferred && commandOnly) return preferred;
  return 'en';
}

/** A Slack user locale ("zh-TW", "zh-CN", "en-US", "ja-JP") as one of ours, or undefined for other languages. */
export function localeFromSlack(code: string | undefined | null): Locale | undefined {
  if (!code) return undefined;
  const c = code.toLowerCase().replace('_', '-');
  if (/^zh-(cn|sg|hans)/.test(c)) return 'zh-Hans';
  if (/^zh/.test(c)) return 'zh-Hant';
  if (/^en/.test(c)) return 'en';
  return undefined;
}

let converter: ((text: string) => string) | undefined;

type OpenCCConverter = (options: { from: string; to: string }) => (text: string) => string;

/**
 * Traditional (Taiwan) → Simplified (mainland), phrases and characters. OpenCC's converter and its phrase tables
 * are loaded and built on the first Simplified answer (20–50 ms, bench/display.ts), not at start-up: English and
 * Traditional answers never pay for them.
 */
export function toSimplified(text: string): string {
  if (!hasCjk(text)) return text;
  const convert =
    converter ??
    (createRequire(import.meta.url)('opencc-js/t2cn') as { Converter: OpenCCConverter }).Converter({
      from: 'twp',
      to: 'cn',
    });
  converter = convert;
  return convert(text);
}

/**
 * Converts `text` to Simplified, except what it quotes from a source document: a 「…」 span whose words occur
 * in one of the answer's citations (a definition or a clause quoted in a summary, a phrase of the contract
 * quoted in a reason) stays as the source has it. Other 「…」 spans (the asker's own words) are converted.
 */
function convertOwnWords(text: string, quotes: string[]): string {
  if (!hasCjk(text)) return text;
  if (!text.includes('「')) return toSimplified(text);
  const isQuote = (span: string) => {
    const flat = span.replace(/\s+/g, ' ').trim();
    return flat.length > 0 && quotes.some((q) => q.includes(flat));
  };
  let out = '';
  let own = '';
  let depth = 0;
  let span = '';
  for (const ch of text) {
    if (depth === 0) {
      if (ch === '「') {
        out += toSimplified(own);
        own = '';
        depth = 1;
        span = '';
      } else own += ch;
      continue;
    }
    if (ch === '「') depth++;
    else if (ch === '」') depth--;
    if (depth === 0) {
      out += `「${isQuote(span) ? span : toSimplified(span)}」`;
    } else span += ch;
  }
  // an unclosed 「 : the rest is ordinary text
  if (depth > 0) own += `「${span}`;
  return out + toSimplified(own);
}

/** The renderers' own words (labels, dates, time lines) in the answer's script. */
export function displayText(answer: Pick<Answer, 'locale'>): (text: string) => string {
  return answer.locale === 'zh-Hans' ? toSimplified : (text) => text;
}

/**
 * The answer as it is shown: for 'zh-Hans' every text of the answer's own (title, summary, labels, values,
 * times, tables, notes, glosses' labels, reasons, buttons) converted to Simplified; the quotes stay verbatim.
 * Other locales are returned as they are.
 */
export function forDisplay(answer: Answer): Answer {
  if (answer.locale !== 'zh-Hans') return answer;
  // the reasons quote the documents too (「當地上班時間 x 5」): those stretches stay verbatim
  const quotes = answer.citations.map((c) => c.quote.replace(/\s+/g, ' ').trim());
  const conv = (text: string) => convertOwnWords(text, quotes);
  return {
    ...answer,
    title: conv(answer.title),
    summary: conv(answer.summary),
    facts: answer.facts.map((f) => ({ ...f, label: conv(f.label), value: conv(f.value) })),
    tables: answer.tables.map((t) => ({ ...t, columns: t.columns.map(conv), rows: t.rows.map((r) => r.map(conv)) })),
    times: answer.times.map((t) => ({
      ...t,
      label: conv(t.label),
      ...(t.explanation !== undefined ? { explanation: conv(t.explanation) } : {}),
    })),
    citations: answer.citations.map((c) => ({ ...c, ...(c.reason ? { reason: conv(c.reason) } : {}) })),
    notes: answer.notes.map(conv),
    suggestions: answer.suggestions.map((s) => toSimplified(s)),
    ...(answer.actions ? { actions: answer.actions.map((a) => ({ ...a, text: toSimplified(a.text) })) } : {}),
  };
}

/**
 * A word table (strings, phrase functions, nested tables) in a locale's script: for 'zh-Hans' every word it
 * gives is converted to Simplified; otherwise the table itself. For surfaces that are not an Answer (the Home
 * tab, modals) whose tables are written in English and Traditional Chinese.
 */
export function inScript<T>(table: T, locale: Locale | undefined): T {
  if (locale !== 'zh-Hans') return table;
  const convert = (value: unknown): unknown => {
    if (typeof value === 'string') return toSimplified(value);
    if (typeof value === 'function')
      return (...args: unknown[]) => convert((value as (...a: unknown[]) => unknown)(...args));
    if (Array.isArray(value)) return value.map(convert);
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v)]));
    return value;
  };
  return convert(table) as T;
}
