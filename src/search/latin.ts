/**
 * The Latin words of the index, for typo tolerance and for telling known words from guesses.
 *
 * MiniSearch's own fuzzy search walks its whole term tree, and with tens of thousands of Chinese
 * bigrams in it a single fuzzy word costs milliseconds. Fuzzy matching is for Latin words only anyway
 * (on Chinese one edit turns 被動 into 主動), so it runs here, on a tree of the Latin words alone, and
 * the close words it finds go into the query as extra terms with a lower weight.
 */
import SearchableMap from 'minisearch/SearchableMap';
import { isLatinWord } from './tokenize.js';

/** Words this long or longer get typo tolerance: one edit up to 7 letters, two from 8. */
export const FUZZY_MIN_LENGTH = 5;
/** Words this long or longer also match the words they start (webcast -> webcasts). */
export const PREFIX_MIN_LENGTH = 4;
/** The weight of a fuzzy match relative to an exact one, before the length factor (MiniSearch's default). */
const FUZZY_WEIGHT = 0.45;

export interface NearWord {
  word: string;
  /** query-term boost: FUZZY_WEIGHT scaled down with the edit distance */
  weight: number;
}

export class LatinVocabulary {
  private readonly tree = new SearchableMap<true>();
  /** the longest word: a word longer by more than the typo distance has no near word, and is not searched */
  private readonly longest: number = 0;

  constructor(words: Iterable<string>) {
    for (const w of words) {
      if (!isLatinWord(w)) continue;
      this.tree.set(w, true);
      this.longest = Math.max(this.longest, w.length);
    }
  }

  /** The index has this word, or (for a word of PREFIX_MIN_LENGTH letters or more) a word it starts. */
  knows(word: string): boolean {
    if (this.tree.has(word)) return true;
    return isLatinWord(word) && word.length >= PREFIX_MIN_LENGTH && this.tree.atPrefix(word).size > 0;
  }

  /** Words within the typo distance of a word the index does not have; none for a known word. */
  near(word: string): NearWord[] {
    if (!isLatinWord(word) || word.length < FUZZY_MIN_LENGTH || this.knows(word)) return [];
    const maxDistance = Math.min(2, Math.round(word.length * 0.2));
    // fuzzyGet's work grows with the word's length times the tree's size: 40,000 letters took seconds
    if (word.length > this.longest + maxDistance) return [];
    const near: NearWord[] = [];
    for (const [candidate, [, distance]] of this.tree.fuzzyGet(word, maxDistance)) {
      if (distance > 0)
        near.push({ word: candidate, weight: (FUZZY_WEIGHT * candidate.length) / (candidate.length + distance) });
    }
    return near;
  }
}
