/**
 * A saved search index: building the index cold takes a few hundred milliseconds (most of it tokenizing
 * Chinese with Intl.Segmenter and filling MiniSearch's term tree), loading a saved one about a third of
 * that. The saved file records a fingerprint of everything the index was built from - the terms, the
 * clauses and the tokenizer's output on a probe text - and is used only while that still matches;
 * otherwise the index is built and the file rewritten.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import MiniSearch from 'minisearch';
import { type IndexData, indexDocuments, miniSearchOptions, type SearchInput, searchOver } from './engine.js';
import { queryTokens, tokenize } from './tokenize.js';
import type { KnowledgeSearch } from './types.js';

/** Bump when the saved layout or the index's fields change. */
const FORMAT = 1;
/** Exercises every tokenizer rule, so that a change to any of them invalidates saved indexes. */
const PROBE = '什么是弹性额度？ Ｆｌｅｘ Allowance 高 IT it severity A 24x7 非主動式增強指定工程 (REDE) 的定義';

export function fingerprint({ terms, clauses }: SearchInput): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([FORMAT, tokenize(PROBE), queryTokens(PROBE)]));
  hash.update(JSON.stringify(terms));
  for (const c of clauses) hash.update(`${c.id}\u0000${c.heading.at(-1) ?? ''}\u0000${c.text}\u0001`);
  return hash.digest('hex');
}

interface SavedIndex {
  format: number;
  fingerprint: string;
  fieldTexts: number;
  fieldFrequency: [string, number][];
  index: unknown;
}

function readSaved(file: URL, expected: string): IndexData | undefined {
  let saved: SavedIndex;
  try {
    saved = JSON.parse(readFileSync(file, 'utf8')) as SavedIndex;
  } catch {
    return undefined; // missing or unreadable: build instead
  }
  if (saved.format !== FORMAT || saved.fingerprint !== expected) return undefined;
  const mini = MiniSearch.loadJS(saved.index as Parameters<typeof MiniSearch.loadJS>[0], miniSearchOptions(tokenize));
  return { mini, fieldFrequency: new Map(saved.fieldFrequency), fieldTexts: saved.fieldTexts };
}

function writeSaved(file: URL, print: string, data: IndexData): void {
  const saved: SavedIndex = {
    format: FORMAT,
    fingerprint: print,
    fieldTexts: data.fieldTexts,
    fieldFrequency: [...data.fieldFrequency],
    index: data.mini.toJSON(),
  };
  try {
    writeFileSync(file, JSON.stringify(saved));
  } catch {
    // A read-only checkout still works: it builds the index at every start.
  }
}

/** The search for these terms and clauses, from `file` when it holds a matching saved index. */
export function loadOrBuildSearchIndex(input: SearchInput, file: URL): KnowledgeSearch {
  const print = fingerprint(input);
  let data = readSaved(file, print);
  if (!data) {
    data = indexDocuments(input);
    writeSaved(file, print, data);
  }
  return searchOver(data, input);
}
