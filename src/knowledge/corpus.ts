/**
 * The source documents as clauses, computed from `knowledge/sources/*.txt` when first asked for
 * (splitting all three takes a few milliseconds, so there is no generated file to keep in step).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Clause, splitClauses } from './clauses.js';

const SOURCES_DIR = new URL('../../knowledge/sources/', import.meta.url);

export interface SourceDoc {
  /** file name, e.g. jamf-support.zh-TW.txt */
  doc: string;
  text: string;
}

let sources: SourceDoc[] | undefined;
let clauses: Clause[] | undefined;

/** Every source document, in file-name order. */
export function loadSources(): SourceDoc[] {
  sources ??= readdirSync(fileURLToPath(SOURCES_DIR))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((doc) => ({ doc, text: readFileSync(new URL(doc, SOURCES_DIR), 'utf8') }));
  return sources;
}

/** Every clause of every source document, in document order. */
export function loadClauses(): Clause[] {
  clauses ??= loadSources().flatMap((s) => splitClauses(s.doc, s.text));
  return clauses;
}
