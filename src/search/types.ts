/** The search API's types, shared by the engine and its callers (src/answers). */
import type { Clause } from '../knowledge/clauses.js';
import type { Term } from '../knowledge/terms.js';
import type { RecordHit, RecordSearchOptions } from './records.js';

export interface SearchHit {
  kind: 'term' | 'clause';
  /** a term id (`microsoft.rede`) or a clause id (`microsoft@9665`) */
  id: string;
  /** ranking score (higher is better); comparable within one query only */
  score: number;
  /** share of the question's tokens this entry matched, 0..1 */
  coverage: number;
  /** true when the question contains one of the term's names in full */
  named: boolean;
  term?: Term;
  clause?: Clause;
}

export interface SearchOptions {
  /** at most this many hits (default 10) */
  limit?: number;
  /** only entries of this vendor ('microsoft' | 'jamf' | 'autodesk') */
  vendor?: string;
}

export type LookupResult =
  | { status: 'found'; best: SearchHit; others: SearchHit[]; knownWeight: number }
  | { status: 'not-covered'; query: string; reason: string; knownWeight: number };

export interface KnowledgeSearch {
  search(query: string, options?: SearchOptions): SearchHit[];
  /** the best entry for a question, or `not-covered` when nothing in the contracts answers it */
  lookup(query: string, options?: SearchOptions): LookupResult;
  /** the facts, targets, quotas, prices and fee steps that best answer a question (src/search/records.ts) */
  records(query: string, options?: RecordSearchOptions): RecordHit[];
  /** whether a question token occurs anywhere in the index: terms, clauses or records */
  knows(token: string): boolean;
  /** whether a Latin word is a typo (one edit) of a word the records use */
  near(token: string): boolean;
  readonly size: { terms: number; clauses: number };
}

/**
 * When `lookup` says a question is covered. Calibrated on the labelled and out-of-scope questions of
 * test/search/queries.ts (docs/benchmarks.md, "Search"). A question is covered when
 * - no capitalised Latin word of it (Adobe, AWS, Salesforce) is unknown to the whole index: a product
 *   or vendor the contracts never mention means another contract, and
 * - either the best hit is a term the question names in full (its Chinese or English name, an
 *   abbreviation, or an alias of two words or four Chinese characters), or both: the question's known
 *   words weigh at least MIN_KNOWN_WEIGHT of all its words (each word weighted by its rarity, inverse
 *   field frequency; a word the index does not know, or knows only by a fuzzy guess, weighs as much as
 *   the rarest), and the best hit matched at least MIN_BEST_COVERAGE of the question's tokens.
 */
export const COVERAGE_RULE = { MIN_KNOWN_WEIGHT: 0.6, MIN_BEST_COVERAGE: 0.4 } as const;
