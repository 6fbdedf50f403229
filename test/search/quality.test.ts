import { beforeAll, describe, expect, it } from 'vitest';
import { loadClauses } from '../../src/knowledge/corpus.js';
import { loadTerms } from '../../src/knowledge/terms.js';
import { buildSearchIndex, type KnowledgeSearch } from '../../src/search/index.js';
import { LABELLED_QUERIES, OUT_OF_SCOPE } from './queries.js';

let search: KnowledgeSearch;
beforeAll(() => {
  search = buildSearchIndex({ terms: loadTerms(), clauses: loadClauses() });
});

function describeHits(query: string): string {
  return search
    .search(query, { limit: 3 })
    .map((h) => `${h.id} (${h.score.toFixed(0)})`)
    .join(', ');
}

describe('search quality set', () => {
  it('is large and varied enough to mean something', () => {
    expect(LABELLED_QUERIES.length).toBeGreaterThanOrEqual(100);
    expect(OUT_OF_SCOPE.length).toBeGreaterThanOrEqual(10);
    const han = LABELLED_QUERIES.filter((q) => /\p{Script=Han}/u.test(q.q));
    expect(han.length).toBeGreaterThanOrEqual(30);
  });

  it('labels only terms that exist in the glossary', () => {
    const ids = new Set(loadTerms().map((t) => t.id));
    expect(LABELLED_QUERIES.filter((q) => !ids.has(q.expect))).toEqual([]);
  });

  it('puts the expected term first for at least 95% of the questions, and in the top 3 for all', () => {
    const misses1: string[] = [];
    const misses3: string[] = [];
    for (const { q, expect: id } of LABELLED_QUERIES) {
      const result = search.lookup(q, { limit: 3 });
      const ranked = result.status === 'found' ? [result.best, ...result.others].map((h) => h.id) : [];
      const line = `${JSON.stringify(q)} expected ${id}, got ${result.status === 'found' ? describeHits(q) : `not-covered (${result.reason})`}`;
      if (ranked[0] !== id) misses1.push(line);
      if (!ranked.slice(0, 3).includes(id)) misses3.push(line);
    }
    const top1 = 1 - misses1.length / LABELLED_QUERIES.length;
    if (top1 < 0.95 || misses3.length) {
      console.log(`top-1 misses (${misses1.length}):\n  ${misses1.join('\n  ')}`);
      console.log(`top-3 misses (${misses3.length}):\n  ${misses3.join('\n  ')}`);
    }
    expect(top1).toBeGreaterThanOrEqual(0.95);
    expect(misses3).toEqual([]);
  });

  it('says the contracts do not cover questions about other things', () => {
    const answered = OUT_OF_SCOPE.map((q) => ({ q, result: search.lookup(q) }))
      .filter(({ result }) => result.status !== 'not-covered')
      .map(({ q }) => `${JSON.stringify(q)} -> ${describeHits(q)}`);
    expect(answered).toEqual([]);
  });
});
