/**
 * The search engine: one MiniSearch index over the glossary terms and the source clauses, and the
 * ranking and coverage rules on top of it. `src/search/index.ts` is the public entry point.
 *
 * Ranking: MiniSearch's BM25 over boosted fields, then a name rule on top. A term whose name,
 * abbreviation or specific alias the question contains in full ranks above entries that merely share
 * words with it ("P1" is Priority 1 before "root cause analysis for P1 issues"), the term naming more
 * of the question first; other terms gain in proportion to how much of one of their names the question
 * has. When the question names a vendor, the other vendors' terms count half.
 */
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import type { Clause } from '../knowledge/clauses.js';
import type { AnswerRecord } from '../knowledge/records.js';
import type { Term } from '../knowledge/terms.js';
import { LatinVocabulary, PREFIX_MIN_LENGTH } from './latin.js';
import { matchNames, type Name, namesOf, VENDOR_WORDS } from './names.js';
import { indexRecords, type RecordIndexData, recordSearchOver, withTermNames } from './records.js';
import { isLatinWord, queryTokens, tokenize } from './tokenize.js';
import { COVERAGE_RULE, type KnowledgeSearch, type LookupResult, type SearchHit, type SearchOptions } from './types.js';

/** Only this many of MiniSearch's best results are re-ranked by the name rule. */
const RERANK = 50;
/**
 * A token in more than this share of all field texts (支援, 服務, 成功) adds little to the ranking but
 * costs a long posting list: it is left out of the index query when the question has rarer tokens.
 * It still counts for name matching and coverage.
 */
const COMMON_SHARE = 0.05;

const FIELDS = ['zh', 'en', 'abbr', 'aliasesZh', 'aliasesEn', 'summary', 'text', 'heading'] as const;
type Field = (typeof FIELDS)[number];
const BOOST: Record<Field, number> = {
  abbr: 6,
  zh: 5,
  en: 4,
  aliasesZh: 3,
  aliasesEn: 3,
  summary: 1,
  text: 1,
  heading: 0.5,
};
const HAN = /\p{Script=Han}/u;

/**
 * The key a token has inside MiniSearch. MiniSearch's term tree finds a child by scanning a node's
 * edges, and with a few thousand Chinese characters at its root every insertion and lookup scanned
 * them all (the index took 3x longer to build). A Chinese token is therefore spelled in hexadecimal
 * code points behind a '~', which keeps every node small; Latin tokens keep their spelling, for
 * prefix matching.
 */
function indexKey(token: string): string {
  if (!HAN.test(token)) return token;
  let key = '~';
  for (const ch of token) key += (ch.codePointAt(0) ?? 0).toString(16).padStart(6, '0');
  return key;
}

/** indexKey, remembered for the tokens of one build (the same bigrams recur in thousands of texts). */
function memoizedIndexKey(): (token: string) => string {
  const keys = new Map<string, string>();
  return (token) => {
    let key = keys.get(token);
    if (key === undefined) {
      key = indexKey(token);
      keys.set(token, key);
    }
    return key;
  };
}

/** A term or a clause as MiniSearch indexes it; the key's prefix (t: or c:) says which. */
export type IndexDoc = { key: string; vendor: string } & Partial<Record<Field, string>>;

function termDoc(t: Term): IndexDoc {
  return {
    key: `t:${t.id}`,
    vendor: t.vendor,
    zh: t.zh,
    en: t.en,
    abbr: t.abbreviations.join(' '),
    aliasesZh: t.aliases.filter((a) => HAN.test(a)).join(' '),
    aliasesEn: t.aliases.filter((a) => !HAN.test(a)).join(' '),
    summary: t.summary,
    text: t.definition.quote,
  };
}

/** A clause with its nearest heading (the whole path would repeat the top headings in every clause). */
function clauseDoc(c: Clause): IndexDoc {
  return { key: `c:${c.id}`, vendor: c.vendor, text: c.text, heading: c.heading.at(-1) ?? '' };
}

interface Ranked {
  hit: SearchHit;
  /** the question contains a specific name of this term in full: how many tokens that name has */
  namedTokens: number;
}

/** What ranking a result needs to know about the question. */
interface QueryContext {
  tokens: string[];
  typed: Set<string>;
  /** how many common tokens were left out of the index query: they count as matched */
  skipped: number;
  /** the word typed, for a word that typo matching added to the query */
  origin: (t: string) => string;
  /** vendor names the question mentions */
  vendors: Set<string>;
  /** tokens of the question that are not vendor names (at least 1) */
  questionSize: number;
}

interface Run {
  ranked: Ranked[];
  /** the question's tokens the index knows (exactly, by prefix or by a typo) */
  matched: Set<string>;
}

export interface SearchInput {
  terms: readonly Term[];
  clauses: readonly Clause[];
  /** the knowledge base's records (src/knowledge/records.ts); without them `records()` finds nothing */
  records?: readonly AnswerRecord[];
}

/** A built index and the token statistics ranking needs: what a saved index holds. */
export interface IndexData {
  mini: MiniSearch<IndexDoc>;
  /** how many field texts contain each token, for the rarity weights */
  fieldFrequency: Map<string, number>;
  fieldTexts: number;
  /** the records' own index: indexRecords over the records with their glossary names (withTermNames) */
  records: RecordIndexData;
}

/** MiniSearch's options; loading a saved index needs the same ones. */
export function miniSearchOptions(
  tokenizeField: (text: string) => string[],
  key: (token: string) => string = indexKey,
): Options<IndexDoc> {
  return {
    idField: 'key',
    fields: [...FIELDS],
    storeFields: ['vendor'],
    tokenize: (text) => tokenizeField(text).map(key),
    processTerm: (t) => t,
    searchOptions: { boost: BOOST, combineWith: 'OR', tokenize: (q) => q.split(' '), processTerm: (t) => t },
  };
}

/** Tokenizes and indexes every term and clause. */
export function indexDocuments({ terms, clauses, records = [] }: SearchInput): IndexData {
  const fieldFrequency = new Map<string, number>();
  let fieldTexts = 0;
  // A heading is the field text of many clauses: tokenize each distinct text once.
  const tokenized = new Map<string, string[]>();
  const countingTokenize = (text: string): string[] => {
    let tokens = tokenized.get(text);
    if (!tokens) {
      tokens = tokenize(text);
      tokenized.set(text, tokens);
    }
    fieldTexts++;
    for (const t of new Set(tokens)) fieldFrequency.set(t, (fieldFrequency.get(t) ?? 0) + 1);
    return tokens;
  };

  const mini = new MiniSearch<IndexDoc>(miniSearchOptions(countingTokenize, memoizedIndexKey()));
  mini.addAll([...terms.map(termDoc), ...clauses.map(clauseDoc)]);
  return { mini, fieldFrequency, fieldTexts, records: indexRecords(withTermNames(records, terms)) };
}

/** The search over an index built (or loaded) for these terms and clauses. */
export function searchOver(
  { mini, fieldFrequency, fieldTexts, records: recordIndex }: IndexData,
  { terms, clauses, records = [] }: SearchInput,
): KnowledgeSearch {
  const named = withTermNames(records, terms);
  const recordSearch = recordSearchOver(named, recordIndex);
  const latin = new LatinVocabulary(fieldFrequency.keys());
  const termById = new Map(terms.map((t) => [t.id, t]));
  const namesById = new Map<string, Name[]>(terms.map((t) => [t.id, namesOf(t)]));
  const clauseById = new Map(clauses.map((c) => [c.id, c]));
  const rarity = (token: string) => Math.log(1 + fieldTexts / (1 + (fieldFrequency.get(token) ?? 0)));

  const rank = (r: SearchResult, q: QueryContext): Ranked => {
    const key = String(r.id);
    const id = key.slice(2);
    const hits = new Set<string>();
    for (const t of r.queryTerms) hits.add(q.origin(t));
    const coverage = (hits.size + q.skipped) / q.tokens.length;
    if (key.startsWith('c:')) {
      const hit: SearchHit = { kind: 'clause', id, score: r.score, coverage, named: false, clause: clauseById.get(id) };
      return { hit, namedTokens: 0 };
    }
    const term = termById.get(id);
    // The question's words, and what prefix and typo matching turned them into in this entry (Latin
    // words only, whose index key is the word itself; usually none).
    const expanded = r.terms.filter((k) => !q.typed.has(k) && !k.startsWith('~'));
    const has = (token: string) => q.typed.has(token) || (expanded.length > 0 && expanded.includes(token));
    const { similarity, namedTokens } = matchNames(namesById.get(id) ?? [], has, q.questionSize);
    const otherVendor = q.vendors.size > 0 && !!term && !q.vendors.has(term.vendor);
    const score = r.score * (1 + 2 * similarity) * (otherVendor ? 0.5 : 1);
    return {
      hit: { kind: 'term', id, score, coverage, named: namedTokens > 0, term },
      namedTokens: otherVendor ? 0 : namedTokens,
    };
  };

  const common = (t: string) => (fieldFrequency.get(t) ?? 0) > COMMON_SHARE * fieldTexts;

  const run = (tokens: string[], options: SearchOptions): Run => {
    if (!tokens.length) return { ranked: [], matched: new Set() };
    // Typos: close Latin words join the query with a lower weight, and count as the word typed.
    const typoOf = new Map<string, { origin: string; weight: number }>();
    const matched = new Set<string>();
    for (const t of tokens) {
      if (fieldFrequency.has(t) || latin.knows(t)) matched.add(t);
      for (const { word, weight } of latin.near(t)) {
        matched.add(t);
        if (!typoOf.has(word)) typoOf.set(word, { origin: t, weight });
      }
    }
    const origin = (t: string) => typoOf.get(t)?.origin ?? t;
    const typed = new Set(tokens);
    const rare = tokens.filter((t) => !common(t));
    const queried = [...(rare.length ? rare : tokens).map(indexKey), ...typoOf.keys()];
    const vendor = options.vendor;
    const results = mini.search(queried.join(' '), {
      boostTerm: (t) => typoOf.get(t)?.weight ?? 1,
      prefix: (t) => typed.has(t) && isLatinWord(t) && t.length >= PREFIX_MIN_LENGTH,
      ...(vendor ? { filter: (r: SearchResult) => r.vendor === vendor } : {}),
    });
    const context: QueryContext = {
      tokens,
      typed,
      skipped: rare.length ? tokens.length - rare.length : 0,
      origin,
      vendors: new Set(tokens.filter((t) => VENDOR_WORDS.has(t))),
      questionSize: tokens.filter((t) => !VENDOR_WORDS.has(t)).length || 1,
    };
    const ranked = results.slice(0, RERANK).map((r) => rank(r, context));
    ranked.sort((a, b) => b.namedTokens - a.namedTokens || b.hit.score - a.hit.score);
    return { ranked: ranked.slice(0, Math.max(1, options.limit ?? 10)), matched };
  };

  /** A capitalised Latin word of the question (Adobe, AWS) that matched nothing in the index. */
  const unknownName = (query: string, matched: Set<string>): string | undefined => {
    for (const m of query.normalize('NFKC').matchAll(/[A-Za-z][A-Za-z0-9]+/gu)) {
      const word = m[0];
      if (word[0] !== word[0]?.toUpperCase()) continue;
      const tokens = tokenize(word);
      if (tokens.length && !tokens.some((t) => matched.has(t))) return word;
    }
    return undefined;
  };

  /** Share of the question's weight (rarity) carried by words the index knows; typo guesses do not count. */
  const knownWeight = (tokens: string[], matched: Set<string>): number => {
    let known = 0;
    let all = 0;
    for (const t of tokens) {
      const w = rarity(t);
      all += w;
      if (matched.has(t) && (fieldFrequency.has(t) || latin.knows(t))) known += w;
    }
    return all ? known / all : 0;
  };

  return {
    size: { terms: terms.length, clauses: clauses.length },
    records: (query, options) => recordSearch.find(query, options),
    knows: (token) => fieldFrequency.has(token) || recordSearch.knows(token),
    near: (token) => recordSearch.near(token),
    search: (query, options = {}) => run(queryTokens(query), options).ranked.map((r) => r.hit),
    lookup(query, options = {}) {
      const tokens = queryTokens(query);
      const { ranked, matched } = run(tokens, { ...options, limit: options.limit ?? 5 });
      const best = ranked[0];
      const weight = knownWeight(tokens, matched);
      const notCovered = (reason: string): LookupResult => ({
        status: 'not-covered',
        query,
        reason,
        knownWeight: weight,
      });
      if (!best) return notCovered('nothing in the contracts matches these words');
      const unknown = unknownName(query, matched);
      if (unknown) return notCovered(`the contracts do not mention "${unknown}"`);
      const covered =
        best.namedTokens > 0 ||
        (weight >= COVERAGE_RULE.MIN_KNOWN_WEIGHT && best.hit.coverage >= COVERAGE_RULE.MIN_BEST_COVERAGE);
      if (!covered) return notCovered('most words of the question do not occur in the contracts');
      return { status: 'found', best: best.hit, others: ranked.slice(1).map((r) => r.hit), knownWeight: weight };
    },
  };
}
