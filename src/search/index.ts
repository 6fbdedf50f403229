/**
 * Bilingual search over the contracts: one MiniSearch index over the glossary terms and the source
 * clauses, searched in English or Chinese (Traditional or Simplified), with abbreviations and typos.
 *
 * - `buildSearchIndex({ terms, clauses })` builds it from data in memory (pure; tests use this).
 * - `loadKnowledgeSearch()` is what the app calls at start-up: the glossary and the clauses from
 *   knowledge/, indexed once per process, from the saved index in data/ while it matches.
 *
 * `search` ranks entries; `lookup` also decides whether the contracts cover the question at all, so
 * that "what's the weather in Paris" gets `not-covered` rather than the least bad clause (see
 * COVERAGE_RULE).
 */
import { loadClauses } from '../knowledge/corpus.js';
import { loadKnowledge } from '../knowledge/load.js';
import { recordsOf } from '../knowledge/records.js';
import { loadTerms } from '../knowledge/terms.js';
import { indexDocuments, type SearchInput, searchOver } from './engine.js';
import { loadOrBuildSearchIndex, SAVED_INDEX } from './saved.js';
import type { KnowledgeSearch } from './types.js';

export { paraphrased } from './paraphrase.js';
export {
  buildRecordSearch,
  type RecordHit,
  type RecordSearch,
  type RecordSearchOptions,
} from './records.js';
export { COVERAGE_RULE, type KnowledgeSearch, type LookupResult, type SearchHit, type SearchOptions } from './types.js';
export type { SearchInput };

/** Builds the index for these terms and clauses. */
export function buildSearchIndex(input: SearchInput): KnowledgeSearch {
  return searchOver(indexDocuments(input), input);
}

export { SAVED_INDEX };

let loaded: KnowledgeSearch | undefined;

/** The search over knowledge/terms and knowledge/sources, built or loaded once per process. */
export function loadKnowledgeSearch(): KnowledgeSearch {
  loaded ??= loadOrBuildSearchIndex(
    { terms: loadTerms(), clauses: loadClauses(), records: recordsOf(loadKnowledge()) },
    SAVED_INDEX,
  );
  return loaded;
}
