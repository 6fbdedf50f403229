/**
 * Text normalisation shared by the parser and the builders.
 * NFKC folds full-width Latin letters, digits and punctuation (ｓｌａ，Ｐ１) to their ASCII forms.
 */

import { foldText } from '../search/tokenize.js';

export type { Language } from '../model/language.js';
export { hasCjk, languageOf } from './language.js';

/**
 * NFKC, lower case, Simplified Chinese folded to Traditional (the search module's character fold, so that
 * 紧急 matches the alias 緊急), Chinese and typographic punctuation replaced by spaces (keeping the characters a
 * value needs: `-` `:` `/` `.` `=` `+` `,` between digits), whitespace collapsed.
 */
export function normalize(text: string): string {
  return (
    foldText(text)
      // CJK punctuation NFKC leaves alone
      .replace(/[、。「」『』《》〈〉【】〔〕～·•]/gu, ' ')
      .replace(/[‐‑‒–—―]/gu, '-')
      .replace(/[‘’“”"`]/gu, ' ')
      .replace(/[?!;()[\]{}<>|]/g, ' ')
      // a comma is a thousands separator between digits, otherwise a pause
      .replace(/(?<!\d),|,(?!\d{3})/g, ' ')
      // a full stop ends a sentence unless it sits inside a number or a word like e.g.
      .replace(/\.(?=\s|$)/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** Edit distance with adjacent transpositions counted once ("sal" → "sla" is 1); small strings only. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** Escape a literal for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A pattern that finds `phrase` as a whole word in normalised text: Latin phrases need a boundary that is
 * not a letter or digit; CJK phrases match anywhere (Chinese has no spaces).
 */
export function phrasePattern(phrase: string): RegExp {
  const body = escapeRegExp(phrase).replace(/\s+/g, '\\s*');
  const before = /^[a-z0-9]/.test(phrase) ? '(?<![a-z0-9])' : '';
  const after = /[a-z0-9]$/.test(phrase) ? '(?![a-z0-9])' : '';
  return new RegExp(`${before}${body}${after}`, 'gu');
}
