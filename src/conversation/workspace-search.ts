/**
 * The term search for one workspace: the shipped index, and beside it an index over the clauses of the
 * documents the workspace imported (built once per change of its plans: it hangs off the workspace's Knowledge,
 * which is rebuilt on import). A question goes to both; the workspace's own passage wins when it covers the
 * question at least as well, so "what is a TAM" finds the imported contract's words, and another workspace never
 * sees them.
 */
import type { SearchLike } from '../answers/context.js';
import { splitClauses } from '../knowledge/clauses.js';
import { type Knowledge, sourceRefs } from '../knowledge/load.js';
import { buildSearchIndex } from '../search/index.js';

const indexes = new WeakMap<Knowledge, SearchLike | null>();

/** The vendor whose records cite `doc` (an imported vendor's own, or the shipped vendor an override changes). */
function vendorCiting(knowledge: Knowledge, doc: string): string | undefined {
  for (const file of knowledge.plans) {
    if (file.document === doc) return file.vendor;
    for (const ref of sourceRefs(file)) if (ref.doc === doc) return file.vendor;
  }
  return undefined;
}

function ownIndex(knowledge: Knowledge, shipped: Knowledge): SearchLike | null {
  let own = indexes.get(knowledge);
  if (own === undefined) {
    const docs = knowledge.sourceDocs.filter((d) => !shipped.sourceDocs.includes(d));
    const clauses = docs.flatMap((doc) => {
      const vendor = vendorCiting(knowledge, doc);
      return splitClauses(doc, knowledge.sourceText(doc)).map((c) => (vendor ? { ...c, vendor } : c));
    });
    own = clauses.length > 0 ? buildSearchIndex({ terms: [], clauses }) : null;
    indexes.set(knowledge, own);
  }
  return own;
}

/** The search a workspace's request uses: the shipped one alone while the workspace imported nothing. */
export function searchFor(
  shared: SearchLike | undefined,
  knowledge: Knowledge,
  shipped: Knowledge,
): SearchLike | undefined {
  if (knowledge === shipped) return shared;
  const own = ownIndex(knowledge, shipped);
  if (!own) return shared;
  return {
    lookup(query, options) {
      const mine = own.lookup(query, options);
      const theirs = shared?.lookup(query, options);
      if (mine.status !== 'found') return theirs ?? mine;
      if (theirs?.status !== 'found') return mine;
      return mine.best.coverage >= theirs.best.coverage ? mine : theirs;
    },
  };
}
