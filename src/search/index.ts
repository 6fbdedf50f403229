/**
 * One MiniSearch index over the glossary terms and the source clauses, searched in English or Chinese.
 *
 * `search` ranks entries; `lookup` also decides whether the contracts cover the question at all, so
 * that "what's the weather in Paris" gets `not-covered` rather than the least bad clause.
 *
 * Ranking: MiniSearch's BM25 over boosted fields, then a name rule on top. A term whose name,
 * abbreviation or alias the question contains in full ranks above entries that merely share words
 * with it ("P1" is Priority 1 before "root cause analysis for P1 issues"), the term naming more of the
 * question first; other terms gain in proportion to how much of one of their names the question has.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { Clause } from '../knowledge/clauses.js';
import type { Term } from '../knowledge/terms.js';
import { isLatinWord, queryTokens, tokenize } from './tokenize.js';

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
  readonly size: { terms: number; clauses: number };
}

/**
 * When `lookup` says a question is covered. Calibrated on the labelled and out-of-scope questions of
 * test/search/queries.ts (docs/benchmarks.md, "Search"). A question is covered when
 * - no capitalised Latin word of it (Adobe, AWS, Salesforce) is unknown to the whole index: a product
 *   or vendor the contracts never mention means another contract, and
 * - either the best hit is a term the question names in full (its Chinese or English name, an
 *   abbreviation, or an alias of two words or more), or both: the question's known words weigh at
 *   least MIN_KNOWN_WEIGHT of all its words (each word weighted by its rarity, inverse field
 *   frequency; a word the index does not know, or knows only by a fuzzy guess, weighs as much as the
 *   rarest), and the best hit matched at least MIN_BEST_COVERAGE of the question's tokens.
 */
export const COVERAGE_RULE = { MIN_KNOWN_WEIGHT: 0.6, MIN_BEST_COVERAGE: 0.4 } as const;

interface IndexDoc {
  key: string;
  kind: 'term' | 'clause';
  vendor: string;
  zh?: string;
  en?: string;
  abbr?: string;
  aliasesZh?: string;
  aliasesEn?: string;
  summary?: string;
  text: string;
  heading?: string;
}

const FIELDS = ['zh', 'en', 'abbr', 'aliasesZh', 'aliasesEn', 'summary', 'text', 'heading'] as const;
const BOOST: Record<(typeof FIELDS)[number], number> = {
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
const VENDOR_WORDS = new Set(['microsoft', 'jamf', 'autodesk']);

/**
 * A name of a term as a token set, and whether it is specific enough to identify the term alone: an
 * official name or abbreviation is; an alias is when it has two Latin words or four Chinese characters
 * (an alias such as "workshop" or 管理員 also fits other questions).
 */
interface Name {
  tokens: Set<string>;
  specific: boolean;
}

function namesOf(t: Term): Name[] {
  const names: Name[] = [];
  const add = (text: string, official: boolean) => {
    // tokenized as a question is, so that the words a question drops (的) do not stop a match
    const tokens = new Set(queryTokens(text).filter((x) => !VENDOR_WORDS.has(x)));
    const latinWords = text.match(/[A-Za-z0-9]+/gu)?.length ?? 0;
    const hanChars = text.match(/\p{Script=Han}/gu)?.length ?? 0;
    if (tokens.size) names.push({ tokens, specific: official || latinWords >= 2 || hanChars >= 4 });
  };
  add(t.zh, true);
  add(t.en, true);
  for (const a of t.abbreviations) add(a, true);
  for (const a of t.aliases) add(a, false);
  return names;
}

function termDoc(t: Term): IndexDoc {
  return {
    key: `t:${t.id}`,
    kind: 'term',
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

function clauseDoc(c: Clause): IndexDoc {
  return { key: `c:${c.id}`, kind: 'clause', vendor: c.vendor, text: c.text, heading: c.heading.join(' ') };
}

interface Ranked {
  hit: SearchHit;
  /** the question contains a whole specific name: how many of the question's tokens that name covers */
  namedTokens: number;
}

export function buildSearchIndex({
  terms,
  clauses,
}: {
  terms: readonly Term[];
  clauses: readonly Clause[];
}): KnowledgeSearch {
  // Field frequency of every token (how many field texts contain it), for the rarity weights.
  const fieldFrequency = new Map<string, number>();
  let fieldTexts = 0;
  const countingTokenize = (text: string): string[] => {
    const tokens = tokenize(text);
    fieldTexts++;
    for (const t of new Set(tokens)) fieldFrequency.set(t, (fieldFrequency.get(t) ?? 0) + 1);
    return tokens;
  };

  const mini = new MiniSearch<IndexDoc>({
    idField: 'key',
    fields: [...FIELDS],
    storeFields: ['kind', 'vendor'],
    tokenize: countingTokenize,
    processTerm: (t) => t,
    searchOptions: {
      boost: BOOST,
      combineWith: 'OR',
      // Fuzzy and prefix matching for Latin words only: on Chinese, one edit turns 被動 into 主動.
      fuzzy: (t) => (isLatinWord(t) && t.length >= 5 ? 0.2 : false),
      prefix: (t) => isLatinWord(t) && t.length >= 4,
      tokenize: (q) => q.split(' '),
      processTerm: (t) => t,
    },
  });
  mini.addAll([...terms.map(termDoc), ...clauses.map(clauseDoc)]);

  const termById = new Map(terms.map((t) => [t.id, t]));
  const namesById = new Map(terms.map((t) => [t.id, namesOf(t)]));
  const clauseById = new Map(clauses.map((c) => [c.id, c]));
  // Latin words of the index, sorted, to tell a word the index knows (or starts) from a fuzzy guess.
  const latinWords = [...fieldFrequency.keys()].filter(isLatinWord).sort();
  const startsAWord = (prefix: string): boolean => {
    let lo = 0;
    let hi = latinWords.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((latinWords[mid] ?? '') < prefix) lo = mid + 1;
      else hi = mid;
    }
    return (latinWords[lo] ?? '').startsWith(prefix);
  };
  /** The index has this token, or (for a Latin word of 4 letters or more) a word it starts. */
  const known = (token: string): boolean =>
    fieldFrequency.has(token) || (isLatinWord(token) && token.length >= 4 && startsAWord(token));
  const rarity = (token: string) => Math.log(1 + fieldTexts / (1 + (fieldFrequency.get(token) ?? 0)));

  const rank = (r: SearchResult, tokens: string[], mentionedVendors: Set<string>): Ranked => {
    const key = String(r.id);
    const id = key.slice(2);
    const coverage = r.queryTerms.length / tokens.length;
    if (key.startsWith('c:')) {
      const hit: SearchHit = { kind: 'clause', id, score: r.score, coverage, named: false, clause: clauseById.get(id) };
      return { hit, namedTokens: 0 };
    }
    const term = termById.get(id);
    // The question's words, with what fuzzy and prefix matching made of them in this entry.
    const words = new Set([...tokens, ...r.terms]);
    const questionSize = tokens.filter((t) => !VENDOR_WORDS.has(t)).length || 1;
    let best = 0;
    let namedTokens = 0;
    for (const name of namesById.get(id) ?? []) {
      let shared = 0;
      for (const t of name.tokens) if (words.has(t)) shared++;
      const contained = shared / name.tokens.size;
      const similarity = contained * (0.5 + (0.5 * Math.min(shared, questionSize)) / questionSize);
      best = Math.max(best, similarity);
      if (contained === 1 && name.specific) namedTokens = Math.max(namedTokens, shared);
    }
    const otherVendor = mentionedVendors.size > 0 && term && !mentionedVendors.has(term.vendor);
    const score = r.score * (1 + 2 * best) * (otherVendor ? 0.5 : 1);
    const hit: SearchHit = { kind: 'term', id, score, coverage, named: namedTokens > 0, term };
    return { hit, namedTokens: otherVendor ? 0 : namedTokens };
  };

  /** Ranked hits and the question tokens that any entry matched. */
  const run = (tokens: string[], options: SearchOptions) => {
    if (!tokens.length) return { ranked: [] as Ranked[], matched: new Set<string>() };
    const vendor = options.vendor;
    const results = mini.search(tokens.join(' '), vendor ? { filter: (r) => r.vendor === vendor } : {});
    const matched = new Set(results.flatMap((r) => r.queryTerms));
    const mentionedVendors = new Set(tokens.filter((t) => VENDOR_WORDS.has(t)));
    const ranked = results.map((r) => rank(r, tokens, mentionedVendors));
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

  /** Share of the question's weight (rarity) carried by words the index knows (fuzzy guesses do not count). */
  const knownWeight = (tokens: string[], matched: Set<string>): number => {
    let knownSum = 0;
    let all = 0;
    for (const t of tokens) {
      const w = rarity(t);
      all += w;
      if (matched.has(t) && known(t)) knownSum += w;
    }
    return all ? knownSum / all : 0;
  };

  return {
    size: { terms: terms.length, clauses: clauses.length },
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
      const named = best.namedTokens > 0;
      if (!named && (weight < COVERAGE_RULE.MIN_KNOWN_WEIGHT || best.hit.coverage < COVERAGE_RULE.MIN_BEST_COVERAGE)) {
        return notCovered('most words of the question do not occur in the contracts');
      }
      return { status: 'found', best: best.hit, others: ranked.slice(1).map((r) => r.hit), knownWeight: weight };
    },
  };
}
