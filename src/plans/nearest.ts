/**
 * The passage of a document nearest to a quote that does not occur in it, so that `plan check` can show what
 * the document says instead ("did you mean ..."). Passages are sentences (Latin or CJK punctuation) and lines;
 * nearness is the overlap of character pairs after the quote normalisation (NFKC, no whitespace) and lower case.
 */
import { normalizeForQuote } from '../knowledge/quotes.js';

function bigrams(s: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) {
    const g = s.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

function dice(a: Map<string, number>, aSize: number, b: Map<string, number>, bSize: number): number {
  if (aSize + bSize === 0) return 0;
  let common = 0;
  for (const [g, n] of a) common += Math.min(n, b.get(g) ?? 0);
  return (2 * common) / (aSize + bSize);
}

/** Sentences and lines of a document, trimmed, with runs of whitespace made one space. */
export function passages(text: string): string[] {
  return text
    .split(/\n\s*\n|(?<=[。！？；])|(?<=[.!?;])\s+|\n(?=\s*(?:[-•*·]|\d+[.)]\s))/u)
    .map((p) => p.replace(/\s+/gu, ' ').trim())
    .filter((p) => normalizeForQuote(p).length >= 2);
}

export interface Nearest {
  passage: string;
  /** 0..1: shared character pairs */
  similarity: number;
}

/**
 * The best passage, or two adjacent passages together when the quote spans a sentence end. Undefined when
 * nothing shares a character pair with the quote.
 */
export function nearestPassage(quote: string, text: string): Nearest | undefined {
  const q = normalizeForQuote(quote).toLowerCase();
  const qGrams = bigrams(q);
  const qSize = Math.max(0, q.length - 1);
  const list = passages(text);
  let best: Nearest | undefined;
  const consider = (passage: string) => {
    const p = normalizeForQuote(passage).toLowerCase();
    const similarity = dice(qGrams, qSize, bigrams(p), Math.max(0, p.length - 1));
    if (similarity > 0 && (!best || similarity > best.similarity)) best = { passage, similarity };
  };
  for (let i = 0; i < list.length; i++) {
    const one = list[i] as string;
    consider(one);
    const two = list[i + 1];
    if (two !== undefined) consider(`${one} ${two}`);
  }
  return best;
}
