/**
 * The record index: every fact, target, quota, price and fee step of the knowledge base
 * (src/knowledge/records.ts), searched with the same bilingual tokenizer as the glossary. A separate
 * MiniSearch index beside the terms and clauses, so that the glossary's ranking stays as it was tuned.
 *
 * A hit says how well the record covers the question: `coverage` is the share of the question's weight
 * (each token weighted by its rarity among the records; a token no record has weighs as much as the
 * rarest) that the record matched, and `named` whether the question contains one of the record's names in
 * full. The answer engine combines these with the question's entities (vendor, plan, severity) to choose.
 */
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import type { AnswerRecord } from '../knowledge/records.js';
import type { Term } from '../knowledge/terms.js';
import { paraphrase } from './paraphrase.js';
import {
  queryTokens as glossaryQueryTokens,
  tokenize as glossaryTokenize,
  isLatinWord,
  RECORD_STOP_WORDS,
} from './tokenize.js';

/** A plural or third-person -s says nothing a fact is about: "needs" and "need", "hours" and "hour" match. */
const stem = (t: string) => (/^[a-z]{4,}s$/.test(t) && !t.endsWith('ss') ? t.slice(0, -1) : t);
const tokenize = (text: string) => glossaryTokenize(text, RECORD_STOP_WORDS).map(stem);
const queryTokens = (text: string) => glossaryQueryTokens(text, RECORD_STOP_WORDS).map(stem);

const FIELDS = ['names', 'en', 'zh', 'gloss', 'quote', 'owner'] as const;
type Field = (typeof FIELDS)[number];
const BOOST: Record<Field, number> = { names: 3, en: 2, zh: 2, gloss: 1, quote: 1, owner: 0.5 };

export type RecordDoc = { id: string } & Record<Field, string>;

export interface RecordHit {
  record: AnswerRecord;
  score: number;
  /** share of the question's rarity weight this record matched, 0..1 */
  coverage: number;
  /** the question contains one of the record's names (a keyword, a quota's alias) in full */
  named: boolean;
  /** share of the record's own statement (in the question's language) the question repeats, 0..1 */
  precision: number;
}

export interface RecordSearchOptions {
  limit?: number;
  /** only records of these vendors */
  vendors?: readonly string[];
}

export interface RecordSearch {
  find(query: string, options?: RecordSearchOptions): RecordHit[];
  /** whether a question token (as queryTokens makes it) occurs in any record */
  knows(token: string): boolean;
  /** whether a Latin word is one edit away from a word of the records (a typo of a known word) */
  near(token: string): boolean;
  readonly size: number;
}

function docOf(r: AnswerRecord): RecordDoc {
  return {
    id: r.id,
    names: r.names.join(' · '),
    en: r.text.en,
    zh: r.text.zh,
    gloss: r.source.gloss ?? '',
    quote: r.source.quote,
    owner: r.owner.join(' · '),
  };
}

/**
 * A record's names in the other language, from the glossary: a fact whose English names a term ("RCA",
 * "flex allowance") is also found by the term's Chinese name and aliases (根本原因分析, 彈性額度), and one
 * whose Chinese contains a term's Chinese name by its English name and abbreviations.
 */
export function withTermNames(records: readonly AnswerRecord[], terms: readonly Term[]): AnswerRecord[] {
  const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const english = terms.map((t) => ({
    term: t,
    re: new RegExp(
      `(?<![a-z0-9])(${[t.en, ...t.abbreviations]
        .filter((n) => n.length >= 3)
        .map(escapeRe)
        .join('|')})(?![a-z0-9])`,
      'i',
    ),
  }));
  return records.map((r) => {
    const extra = new Set<string>();
    const en = [r.text.en, ...r.names].join(' · ');
    for (const { term, re } of english) {
      if (term.vendor !== r.vendor) continue;
      if (re.test(en)) {
        extra.add(term.zh);
        for (const a of term.aliases) if (/\p{Script=Han}/u.test(a)) extra.add(a);
      }
      if (term.zh.length >= 3 && r.text.zh.includes(term.zh)) {
        extra.add(term.en);
        for (const a of term.abbreviations) extra.add(a);
      }
    }
    return extra.size > 0 ? { ...r, names: [...r.names, ...extra] } : r;
  });
}

/** MiniSearch's options for the record index; loading a saved one needs the same. */
export function recordMiniOptions(): Options<RecordDoc> {
  return {
    idField: 'id',
    fields: [...FIELDS],
    tokenize: (text) => tokenize(text),
    processTerm: (t) => t,
    searchOptions: { boost: BOOST, combineWith: 'OR', tokenize: (q) => q.split(' '), processTerm: (t) => t },
  };
}

/** What indexing the records computes (tokenizing every field is most of it): what a saved index keeps. */
export interface RecordIndexData {
  mini: MiniSearch<RecordDoc>;
  /** how many records contain each token */
  frequency: Map<string, number>;
  /** every token of each record, by record id */
  docTokens: Map<string, Set<string>>;
  statementTokens: Map<string, { en: Set<string>; zh: Set<string> }>;
  nameTokens: Map<string, string[][]>;
}

export function indexRecords(records: readonly AnswerRecord[]): RecordIndexData {
  const frequency = new Map<string, number>();
  const docTokens = new Map<string, Set<string>>();
  const statementTokens = new Map<string, { en: Set<string>; zh: Set<string> }>();
  const nameTokens = new Map<string, string[][]>();
  for (const r of records) {
    const doc = docOf(r);
    const all = new Set<string>();
    for (const f of FIELDS) for (const t of tokenize(doc[f])) all.add(t);
    docTokens.set(r.id, all);
    statementTokens.set(r.id, { en: new Set(tokenize(r.text.en)), zh: new Set(tokenize(r.text.zh)) });
    for (const t of all) frequency.set(t, (frequency.get(t) ?? 0) + 1);
    // a name counts without the owner's words in it: "EDE hours" names ede-hours by "hours", not by "EDE"
    const ownerTokens = new Set(r.owner.flatMap((o) => queryTokens(o)));
    nameTokens.set(
      r.id,
      r.names
        .map((n) => [...new Set(queryTokens(n))].filter((t) => !ownerTokens.has(t)))
        .filter((tokens) => tokens.length > 0),
    );
  }
  const mini = new MiniSearch<RecordDoc>(recordMiniOptions());
  mini.addAll(records.map(docOf));
  return { mini, frequency, docTokens, statementTokens, nameTokens };
}

export function buildRecordSearch(records: readonly AnswerRecord[]): RecordSearch {
  return recordSearchOver(records, indexRecords(records));
}

/** The search over `records` with their index (built by indexRecords for these records, or loaded). */
export function recordSearchOver(
  records: readonly AnswerRecord[],
  { mini, frequency, docTokens, statementTokens, nameTokens }: RecordIndexData,
): RecordSearch {
  const byId = new Map(records.map((r) => [r.id, r]));
  const n = records.length;
  const HAN_BIGRAM = /^\p{Script=Han}{2}$/u;
  // a Chinese bigram no record has is usually two words' edges (「線期」 of 上線期), not a missing subject
  const rarity = (t: string) => {
    const r = Math.log(1 + n / (1 + (frequency.get(t) ?? 0)));
    return !frequency.has(t) && HAN_BIGRAM.test(t) ? 0.35 * r : r;
  };
  // one edit away (symmetric deletions): every Latin word of the records and each of it with one letter dropped
  const deletions = new Set<string>();
  const dropOne = (w: string) => [...w].map((_, i) => w.slice(0, i) + w.slice(i + 1));
  let longest = 0;
  for (const t of frequency.keys()) {
    if (!isLatinWord(t) || t.length < 4) continue;
    longest = Math.max(longest, t.length);
    deletions.add(t);
    for (const d of dropOne(t)) deletions.add(d);
  }
  // a word longer than any record's by more than one letter is near none (and dropping each of its letters in
  // turn would take time and memory growing with the square of its length: a 2,000-letter word, 4 M characters)
  const near = (t: string) =>
    isLatinWord(t) &&
    t.length >= 4 &&
    t.length <= longest + 1 &&
    (deletions.has(t) || dropOne(t).some((d) => deletions.has(d)));

  const find = (query: string, options: RecordSearchOptions = {}): RecordHit[] => {
    const typed = [...new Set(queryTokens(query))];
    const tokens = [...new Set(queryTokens(paraphrase(query)))];
    if (tokens.length === 0) return [];
    const vendors = options.vendors && options.vendors.length > 0 ? new Set(options.vendors) : undefined;
    const results = mini.search(tokens.join(' '), {
      // a word longer than any record's (by more than the one typo allowed) is neither a prefix of one nor near one;
      // MiniSearch's fuzzy walk over such a word costs its length times the tree
      prefix: (t) => isLatinWord(t) && t.length >= 5 && t.length <= longest,
      fuzzy: (t) => (isLatinWord(t) && t.length >= 6 && t.length <= longest + 1 ? 1 : false),
      ...(vendors ? { filter: (r: SearchResult) => vendors.has(byId.get(String(r.id))?.vendor ?? '') } : {}),
    });
    // the question's own words weigh; paraphrase words only help them match
    const weights = typed.map((t) => rarity(t));
    const total = weights.reduce((a, b) => a + b, 0) || 1;
    const typedSet = new Set(typed);
    const hits: RecordHit[] = [];
    for (const r of results.slice(0, 60)) {
      const record = byId.get(String(r.id));
      if (!record) continue;
      const own = docTokens.get(record.id) ?? new Set<string>();
      const matched = new Set<string>();
      for (const t of r.queryTerms) matched.add(t);
      let covered = 0;
      typed.forEach((t, i) => {
        if (matched.has(t) || own.has(t)) covered += weights[i] ?? 0;
      });
      // a paraphrase that matched stands for the question words it came from: count it once, lightly
      const paraphrased = [...matched].some((t) => !typedSet.has(t));
      const coverage = Math.min(1, covered / total + (paraphrased ? 0.15 : 0));
      const named = (nameTokens.get(record.id) ?? []).some(
        (name) => name.length > 0 && name.every((t) => typedSet.has(t) || tokens.includes(t)),
      );
      const statement = statementTokens.get(record.id)?.[/\p{Script=Han}/u.test(query) ? 'zh' : 'en'];
      let repeated = 0;
      for (const t of statement ?? []) if (tokens.includes(t)) repeated++;
      const precision = statement && statement.size > 0 ? repeated / statement.size : 0;
      hits.push({ record, score: r.score, coverage, named, precision });
    }
    hits.sort((a, b) => b.score - a.score);
    return hits.slice(0, Math.max(1, options.limit ?? 10));
  };

  return { find, knows: (t) => frequency.has(t), near, size: records.length };
}
