/**
 * The term search for one workspace: the shipped index, and beside it an index over the clauses of the
 * documents the workspace imported (built on the first glossary question after a change of its plans: it hangs
 * off the workspace's Knowledge, which is rebuilt on import). A question goes to both; the workspace's own
 * passage wins when it covers the question at least as well, so "what is a TAM" finds the imported contract's
 * words, and another workspace never sees them. The search modules are imported on that first need, as the
 * shipped index's are (runtime.ts).
 *
 * The record index (every fact, target, quota, price and fee step, which questions in words are answered from)
 * is the workspace's own whole one: the shipped records with its imported plans' added and its overrides in
 * place of the records they change. Record scores weigh words by their rarity among the records, so two
 * indexes' scores could not be compared; one index over the merged records can.
 */
import type { SearchLike } from '../answers/context.js';
import type { Knowledge } from '../knowledge/build.js';
import { splitClauses } from '../knowledge/clauses.js';
import type { RecordSearch } from '../search/records.js';
import type { SearchIndex } from './types.js';

const indexes = new WeakMap<Knowledge, SearchLike | null>();
const recordIndexes = new WeakMap<Knowledge, RecordSearch>();

/** Every `source.doc` in a parsed file. */
function citedDocs(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const v of value) citedDocs(v, out);
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      const doc = key === 'source' && v && typeof v === 'object' ? (v as { doc?: unknown }).doc : undefined;
      if (typeof doc === 'string') out.add(doc);
      else citedDocs(v, out);
    }
  }
  return out;
}

/** The vendor whose records cite `doc` (an imported vendor's own, or the shipped vendor an override changes). */
function vendorCiting(knowledge: Knowledge, doc: string): string | undefined {
  return knowledge.plans.find((file) => file.document === doc || citedDocs(file).has(doc))?.vendor;
}

async function ensureOwnIndex(knowledge: Knowledge, shipped: Knowledge): Promise<void> {
  if (!recordIndexes.has(knowledge)) {
    const [{ buildRecordSearch, withTermNames }, { recordsOf }, { loadTerms }] = await Promise.all([
      import('../search/records.js'),
      import('../knowledge/records.js'),
      import('../knowledge/terms.js'),
    ]);
    recordIndexes.set(knowledge, buildRecordSearch(withTermNames(recordsOf(knowledge), loadTerms())));
  }
  if (indexes.has(knowledge)) return;
  const docs = knowledge.sourceDocs.filter((d) => !shipped.sourceDocs.includes(d));
  const clauses = docs.flatMap((doc) => {
    const vendor = vendorCiting(knowledge, doc);
    return splitClauses(doc, knowledge.sourceText(doc)).map((c) => (vendor ? { ...c, vendor } : c));
  });
  if (clauses.length === 0) {
    indexes.set(knowledge, null);
    return;
  }
  const { buildSearchIndex } = await import('../search/index.js');
  indexes.set(knowledge, buildSearchIndex({ terms: [], clauses }));
}

/** The search a workspace's request uses: the shipped one alone while the workspace imported nothing. */
export function searchFor(
  shared: SearchIndex | undefined,
  knowledge: Knowledge,
  shipped: Knowledge,
): SearchIndex | undefined {
  if (knowledge === shipped) return shared;
  return {
    async ready() {
      await shared?.ready?.();
      await ensureOwnIndex(knowledge, shipped);
    },
    records(query, options) {
      const own = recordIndexes.get(knowledge);
      return own ? own.find(query, options) : (shared?.records?.(query, options) ?? []);
    },
    knows(token) {
      return recordIndexes.get(knowledge)?.knows(token) === true || shared?.knows?.(token) === true;
    },
    near(token) {
      return recordIndexes.get(knowledge)?.near(token) === true || shared?.near?.(token) === true;
    },
    lookup(query, options) {
      const mine = indexes.get(knowledge)?.lookup(query, options);
      const theirs = shared?.lookup(query, options);
      if (mine?.status !== 'found') {
        return (
          theirs ?? mine ?? { status: 'not-covered', query, reason: 'the search is not available', knownWeight: 0 }
        );
      }
      if (theirs?.status !== 'found') return mine;
      return mine.best.coverage >= theirs.best.coverage ? mine : theirs;
    },
  };
}
