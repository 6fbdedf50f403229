/**
 * The validated knowledge, saved. Reading and checking knowledge/ (YAML, zod, every quote against its source,
 * holiday regions against date-holidays) takes a few hundred milliseconds and loads zod, js-yaml and
 * date-holidays; a one-shot `entitlebot ask` cannot afford that. So, like the saved search index, the result is
 * kept in data/knowledge.json with a fingerprint of every file under knowledge/ and of the code that decides
 * what valid knowledge is (the schema, the loaders, the checks). A start whose fingerprint matches reads the JSON
 * and builds the lookups; any other start validates the files as before (those modules are imported only then)
 * and rewrites the saved copy. The saved copy is never trusted over the files: a changed byte anywhere in
 * knowledge/ or in those modules means validating again.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { moduleText } from '../fingerprint/module-text.js';
import type { HolidayOverrides } from '../rules/index.js';
import { buildKnowledge, type Knowledge } from './build.js';
import type { Clause } from './clauses.js';
import type { PlanFile } from './schema.js';
import type { Term } from './terms.js';

/** Bump when the saved layout changes. */
const FORMAT = 2;
const KNOWLEDGE_DIR = new URL('../../knowledge/', import.meta.url);
/** data/ is the app's own, untracked directory (the saved search index lives there too) */
export const SAVED_KNOWLEDGE = new URL('../../data/knowledge.json', import.meta.url);

/** The modules whose rules decide what valid knowledge is (relative to this file, without extension). */
const VALIDATORS = [
  './schema',
  './load',
  './build',
  './holidays',
  './terms',
  './quotes',
  './yaml',
  './clauses',
  '../rules/holidays',
];

export interface OpenedKnowledge {
  knowledge: Knowledge;
  /** the glossary (knowledge/terms); from a saved copy, read on first use */
  readonly terms: Term[];
  /** the source documents as clauses; from a saved copy, read on first use */
  readonly clauses: Clause[];
  /** what the saved copy was checked against */
  fingerprint: string;
  /** true when read from the saved copy, false when the files were validated in this process */
  fromSaved: boolean;
}

interface SavedKnowledge {
  format: number;
  fingerprint: string;
  plans: PlanFile[];
  holidayOverrides?: HolidayOverrides;
  /**
   * The glossary and the clauses, as JSON inside a string: only the search index needs them, and a start that
   * never searches (most one-shot commands) then pays for scanning a string instead of building ~4,000 objects
   * (about half the saved copy's parse time).
   */
  search: string;
}

interface SearchPart {
  terms: Term[];
  clauses: Clause[];
}

/** Every file under `dir`, as paths relative to it, sorted. */
function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(dir, rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out.sort();
}

/**
 * The fingerprint of a knowledge folder: every file's path and bytes, and the validating code. Also returns the
 * source documents' texts, which the knowledge needs anyway, so that they are read once.
 */
export function knowledgeFingerprint(dir: string): { fingerprint: string; sources: Map<string, string> } {
  const hash = createHash('sha256');
  hash.update(`format ${FORMAT}\u0000`);
  for (const name of VALIDATORS) hash.update(`${name}\u0000${moduleText(name, import.meta.url)}\u0001`);
  const sources = new Map<string, string>();
  for (const rel of listFiles(dir)) {
    const bytes = readFileSync(join(dir, rel));
    hash.update(`${rel}\u0000`);
    hash.update(bytes);
    hash.update('\u0001');
    if (rel.startsWith('sources/') && rel.endsWith('.txt') && !rel.slice('sources/'.length).includes('/')) {
      sources.set(rel.slice('sources/'.length), bytes.toString('utf8'));
    }
  }
  return { fingerprint: hash.digest('hex'), sources };
}

function readSaved(file: URL, fingerprint: string): SavedKnowledge | undefined {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as SavedKnowledge;
    return saved.format === FORMAT && saved.fingerprint === fingerprint && typeof saved.search === 'string'
      ? saved
      : undefined;
  } catch {
    return undefined; // missing, unreadable or half-written: validate instead
  }
}

/** Written beside the target and renamed over it, so that a process starting meanwhile never reads half a file. */
export function writeAtomically(file: URL, data: string | Uint8Array): void {
  const path = fileURLToPath(file);
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, path);
  } catch {
    // a read-only checkout still works: it validates at every start
  }
}

const opened = new Map<string, Promise<OpenedKnowledge>>();

/**
 * The knowledge base, its glossary and its clauses: from the saved copy when its fingerprint matches, else
 * validated from the files (throwing a KnowledgeError or TermsError naming every problem) and saved. Once per
 * folder and process. `file: null` neither reads nor writes a saved copy.
 */
export function openKnowledge(options: { dir?: string | URL; file?: URL | null } = {}): Promise<OpenedKnowledge> {
  const dir = resolve(typeof options.dir === 'string' ? options.dir : fileURLToPath(options.dir ?? KNOWLEDGE_DIR));
  const file = options.file === undefined ? SAVED_KNOWLEDGE : options.file;
  const key = `${dir}\u0000${file?.href ?? ''}`;
  let result = opened.get(key);
  if (!result) {
    result = readKnowledge(dir, file);
    opened.set(key, result);
    result.catch(() => opened.delete(key));
  }
  return result;
}

/** openKnowledge without its once-per-process memory (tests use it to see each start alone). */
export async function readKnowledge(dir: string, file: URL | null): Promise<OpenedKnowledge> {
  const { fingerprint, sources } = knowledgeFingerprint(dir);
  const saved = file ? readSaved(file, fingerprint) : undefined;
  if (saved) {
    const knowledge = buildKnowledge(saved.plans, sources);
    if (saved.holidayOverrides) knowledge.holidayOverrides = saved.holidayOverrides;
    let search: SearchPart | undefined;
    const searchPart = () => {
      search ??= JSON.parse(saved.search) as SearchPart;
      return search;
    };
    return {
      knowledge,
      get terms() {
        return searchPart().terms;
      },
      get clauses() {
        return searchPart().clauses;
      },
      fingerprint,
      fromSaved: true,
    };
  }
  // the validating modules (zod, js-yaml, date-holidays) load only here
  const [{ validateKnowledge }, { loadTerms }, { splitClauses }] = await Promise.all([
    import('./load.js'),
    import('./terms.js'),
    import('./clauses.js'),
  ]);
  const knowledge = validateKnowledge(dir);
  const terms = loadTerms(pathToFileURL(`${join(dir, 'terms')}/`));
  const clauses = knowledge.sourceDocs.flatMap((doc) => splitClauses(doc, knowledge.sourceText(doc)));
  if (file) {
    const copy: SavedKnowledge = {
      format: FORMAT,
      fingerprint,
      plans: knowledge.plans,
      ...(knowledge.holidayOverrides ? { holidayOverrides: knowledge.holidayOverrides } : {}),
      search: JSON.stringify({ terms, clauses } satisfies SearchPart),
    };
    writeAtomically(file, JSON.stringify(copy));
  }
  return { knowledge, terms, clauses, fingerprint, fromSaved: false };
}
