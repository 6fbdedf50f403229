/**
 * Whitespace-insensitive matching of quotes against the source documents.
 *
 * The sources are PDF extractions: sentences are broken by line breaks, runs of spaces and full-width
 * spaces at arbitrary points (e.g. "每 2  \n\n個工作小時"). A quote matches when, after NFKC normalisation
 * and the removal of every whitespace character, it is a substring of the document treated the same way.
 */

/** Whitespace, plus the invisible characters PDF extraction leaves behind (zero-width space/joiners, BOM). */
const INVISIBLE = /[\s\u200b-\u200d\u2060\ufeff]/gu;

export function normalizeForQuote(s: string): string {
  return s.normalize('NFKC').replace(INVISIBLE, '');
}

/** Documents are long and checked many times at load: keep their normalised form. */
const normalizedDocs = new Map<string, string>();

function normalizedDoc(text: string): string {
  let n = normalizedDocs.get(text);
  if (n === undefined) {
    n = normalizeForQuote(text);
    if (normalizedDocs.size > 32) normalizedDocs.clear();
    normalizedDocs.set(text, n);
  }
  return n;
}

/** True when `quote` occurs in `text`, ignoring whitespace and NFKC differences. An empty quote never occurs. */
export function quoteOccursIn(quote: string, text: string): boolean {
  const q = normalizeForQuote(quote);
  return q.length > 0 && normalizedDoc(text).includes(q);
}

/** How many times `quote` occurs in `text` (same matching as quoteOccursIn; overlapping occurrences count). */
export function quoteOccurrences(quote: string, text: string): number {
  const q = normalizeForQuote(quote);
  if (q.length === 0) return 0;
  const doc = normalizedDoc(text);
  let count = 0;
  for (let i = doc.indexOf(q); i !== -1; i = doc.indexOf(q, i + 1)) count++;
  return count;
}

/**
 * Where `quote` first occurs in `text`, as offsets into the ORIGINAL text ([start, end) over UTF-16 code
 * units), so that a caller can show or highlight the passage as printed. Null when it does not occur.
 * Each code point is normalised on its own, which equals whole-string NFKC for these documents (no
 * combining sequences).
 */
export function findQuote(quote: string, text: string): { start: number; end: number } | null {
  const q = normalizeForQuote(quote);
  if (q.length === 0) return null;
  let normalized = '';
  // origin[i]: the original offset of the code point that produced normalized[i]
  const origin: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    const n = normalizeForQuote(ch);
    for (let k = 0; k < n.length; k++) origin.push(i);
    normalized += n;
    i += ch.length;
  }
  const at = normalized.indexOf(q);
  if (at === -1) return null;
  const start = origin[at] ?? 0;
  const lastOrigin = origin[at + q.length - 1] ?? start;
  const lastCp = text.codePointAt(lastOrigin) ?? 0;
  return { start, end: lastOrigin + String.fromCodePoint(lastCp).length };
}
