/**
 * A saved search index: building the index cold takes a few hundred milliseconds (most of it tokenizing
 * Chinese with Intl.Segmenter and filling MiniSearch's term tree). The saved file records a fingerprint of
 * everything the index was built from - the terms, the clauses, the code of the tokenizer and the engine, and the
 * versions of MiniSearch and OpenCC - and is used only while that still matches; otherwise the index is built and
 * the file rewritten.
 *
 * The file is in V8's serialization format (node:v8), holding MiniSearch's own term tree and posting maps as they
 * are in memory: reading it is one native deserialization (about 25 ms here), where MiniSearch's JSON form had
 * to be parsed and every one of its ~9,000 terms inserted into a new tree again (about 75 ms, more under load).
 * That reaches into MiniSearch's private fields (the ones its own `loadJS` sets); the fingerprint includes
 * MiniSearch's version and the loaded index is checked against the saved counts, so another version builds
 * afresh rather than misread the file.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { deserialize, serialize } from 'node:v8';
import MiniSearch from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import { moduleText } from '../fingerprint/module-text.js';
import { writeAtomically } from '../knowledge/saved.js';
import {
  type IndexData,
  type IndexDoc,
  indexDocuments,
  miniSearchOptions,
  type SearchInput,
  searchOver,
} from './engine.js';
import { type RecordDoc, type RecordIndexData, recordMiniOptions } from './records.js';
import { tokenize } from './tokenize.js';
import type { KnowledgeSearch } from './types.js';

/** Bump when the saved layout or the index's fields change. */
const FORMAT = 3;
/** Where the app keeps its saved index (data/ is the app's own, untracked directory). */
export const SAVED_INDEX = new URL('../../data/search-index.v8', import.meta.url);
/** The modules whose code decides what the index holds (relative to this file, without extension). */
const CODE = ['./tokenize', './engine', './latin', './names', './records', './saved'];
const PACKAGES = ['minisearch', 'opencc-js'];

function packageVersion(name: string): string {
  try {
    const require = createRequire(import.meta.url);
    return (require(`${name}/package.json`) as { version?: string }).version ?? '?';
  } catch {
    return '?';
  }
}

export function fingerprint({ terms, clauses, records = [] }: SearchInput): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([FORMAT, PACKAGES.map((p) => `${p}@${packageVersion(p)}`)]));
  for (const name of CODE) hash.update(`${name}\u0000${moduleText(name, import.meta.url)}\u0001`);
  hash.update(JSON.stringify(terms));
  for (const c of clauses) hash.update(`${c.id}\u0000${c.heading.at(-1) ?? ''}\u0000${c.text}\u0001`);
  hash.update(JSON.stringify(records));
  return hash.digest('hex');
}

/** MiniSearch's private state, as its own loadJS and toJSON read and write it. */
interface MiniSearchState {
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, unknown>;
  _idToShortId: Map<unknown, number>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _storedFields: Map<number, Record<string, unknown>>;
  _dirtCount: number;
  _index: SearchableMap<unknown> & { _tree: unknown };
}

/** One MiniSearch index as saved: its state without what is derived again on reading, and its counts. */
interface SavedMini {
  termCount: number;
  state: Omit<MiniSearchState, '_idToShortId' | '_index'> & { tree: unknown };
}

interface SavedIndex {
  format: number;
  fingerprint: string;
  fieldTexts: number;
  fieldFrequency: Map<string, number>;
  glossary: SavedMini;
  records: Omit<RecordIndexData, 'mini'> & { mini: SavedMini };
}

function saveMini(mini: MiniSearch<never>): SavedMini {
  const state = mini as unknown as MiniSearchState;
  return {
    termCount: mini.termCount,
    state: {
      _documentCount: state._documentCount,
      _nextId: state._nextId,
      _documentIds: state._documentIds,
      _fieldIds: state._fieldIds,
      _fieldLength: state._fieldLength,
      _avgFieldLength: state._avgFieldLength,
      _storedFields: state._storedFields,
      _dirtCount: state._dirtCount,
      tree: state._index._tree,
    },
  };
}

/** `mini` (new, with the options it was built with) given the saved state; false when the counts disagree. */
function restoreMini(mini: MiniSearch<never>, saved: SavedMini): boolean {
  const state = mini as unknown as MiniSearchState;
  const { tree, ...fields } = saved.state;
  Object.assign(state, fields);
  state._idToShortId = new Map([...fields._documentIds].map(([short, id]) => [id, short]));
  state._index = new SearchableMap(tree as never) as MiniSearchState['_index'];
  return mini.termCount === saved.termCount && mini.documentCount === fields._documentCount;
}

function readSaved(file: URL, expected: string): IndexData | undefined {
  let saved: SavedIndex;
  try {
    saved = deserialize(readFileSync(file)) as SavedIndex;
  } catch {
    return undefined; // missing, unreadable or from an older format: build instead
  }
  if (saved?.format !== FORMAT || saved.fingerprint !== expected) return undefined;
  const mini = new MiniSearch<IndexDoc>(miniSearchOptions(tokenize));
  const recordMini = new MiniSearch<RecordDoc>(recordMiniOptions());
  if (!restoreMini(mini as never, saved.glossary) || !restoreMini(recordMini as never, saved.records.mini)) {
    return undefined;
  }
  return {
    mini,
    fieldFrequency: saved.fieldFrequency,
    fieldTexts: saved.fieldTexts,
    records: { ...saved.records, mini: recordMini },
  };
}

function writeSaved(file: URL, print: string, data: IndexData): void {
  const saved: SavedIndex = {
    format: FORMAT,
    fingerprint: print,
    fieldTexts: data.fieldTexts,
    fieldFrequency: data.fieldFrequency,
    glossary: saveMini(data.mini as never),
    records: { ...data.records, mini: saveMini(data.records.mini as never) },
  };
  writeAtomically(file, serialize(saved));
}

/**
 * The search for these terms, clauses and records, from `file` when it holds a matching saved index (the
 * glossary's and the records' both: indexing the records' fields was most of a start, about 0.3–0.7 s).
 */
export function loadOrBuildSearchIndex(input: SearchInput, file: URL): KnowledgeSearch {
  const print = fingerprint(input);
  let data = readSaved(file, print);
  if (!data) {
    data = indexDocuments(input);
    writeSaved(file, print, data);
  }
  return searchOver(data, input);
}
