import { beforeAll, describe, expect, it } from 'vitest';
import type { Clause } from '../../src/knowledge/clauses.js';
import { loadClauses } from '../../src/knowledge/corpus.js';
import { loadTerms, Term } from '../../src/knowledge/terms.js';
import { buildSearchIndex, type KnowledgeSearch } from '../../src/search/index.js';

function term(id: string, zh: string, en: string, extra: Partial<Term> = {}): Term {
  return Term.parse({
    id,
    vendor: id.split('.')[0],
    zh,
    en,
    summary: en,
    definition: { doc: 'fixture.txt', quote: zh },
    ...extra,
  });
}

function clause(id: string, text: string): Clause {
  const [vendor = 'x', offset = '0'] = id.split('@');
  return {
    id,
    doc: 'fixture.txt',
    vendor,
    offset: Number(offset),
    end: Number(offset) + text.length,
    heading: [],
    kind: 'prose',
    text,
  };
}

describe('buildSearchIndex on a small glossary', () => {
  const search = buildSearchIndex({
    terms: [
      term('acme.proactive', '主動式服務', 'Proactive services'),
      term('acme.reactive', '被動支援', 'Reactive support', { abbreviations: ['RS'] }),
      term('other.gold', '金級', 'Gold tier', { aliases: ['gold plan'] }),
    ],
    clauses: [clause('acme@10', '主動式服務有助於防止問題。'), clause('other@5', '金級客戶享有 24x7 支援。')],
  });

  it('does not turn one Chinese word into another by fuzzy matching', () => {
    const ids = search.search('被動').map((h) => h.id);
    expect(ids[0]).toBe('acme.reactive');
    expect(ids).not.toContain('acme.proactive');
  });

  it('returns terms and clauses, each with its record', () => {
    const hits = search.search('主動式服務');
    expect(hits[0]).toMatchObject({ kind: 'term', id: 'acme.proactive' });
    expect(hits[0]?.term?.en).toBe('Proactive services');
    const clauseHit = hits.find((h) => h.kind === 'clause');
    expect(clauseHit?.clause?.offset).toBe(10);
  });

  it('filters by vendor and respects the limit', () => {
    expect(search.search('金級 主動式服務', { vendor: 'other' }).every((h) => h.id.startsWith('other'))).toBe(true);
    expect(search.search('金級 主動式服務', { limit: 1 })).toHaveLength(1);
  });

  it('forgives typos and unfinished words in English only', () => {
    expect(search.search('proactve services')[0]?.id).toBe('acme.proactive');
    expect(search.search('reacti')[0]?.id).toBe('acme.reactive');
  });

  it('answers a question naming a term, and says not-covered for one it cannot place', () => {
    const found = search.lookup('what is RS?');
    expect(found.status).toBe('found');
    if (found.status === 'found') expect(found.best.id).toBe('acme.reactive');
    const empty = search.lookup('what is it?');
    expect(empty).toMatchObject({ status: 'not-covered', query: 'what is it?' });
    expect(search.lookup('Salesforce gold plan')).toMatchObject({ status: 'not-covered' });
  });

  it('reports its size', () => {
    expect(search.size).toEqual({ terms: 3, clauses: 2 });
  });
});

describe('buildSearchIndex on the contracts', () => {
  let search: KnowledgeSearch;
  beforeAll(() => {
    search = buildSearchIndex({ terms: loadTerms(), clauses: loadClauses() });
  });

  it('finds a term by its Chinese name, English name, abbreviation or Simplified spelling', () => {
    for (const q of [
      '非主動式增強指定工程',
      'Reactive Enhanced Designated Engineering',
      'REDE',
      '非主动式增强指定工程',
    ]) {
      expect(search.search(q)[0]?.id, q).toBe('microsoft.rede');
    }
  });

  it('prefers the term a short question names over terms that mention it', () => {
    expect(search.search('P1')[0]?.id).toBe('jamf.priority-1');
    expect(search.search('CSM')[0]?.id).toBe('autodesk.csm');
  });

  it('limits a vendor-filtered search to that vendor', () => {
    const hits = search.search('root cause analysis', { vendor: 'jamf' });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => (h.term?.vendor ?? h.clause?.vendor) === 'jamf')).toBe(true);
  });

  it('finds clauses of the documents, not only glossary terms', () => {
    const hits = search.search('新加坡標準時間', { limit: 20 });
    expect(hits.some((h) => h.kind === 'clause' && h.clause?.vendor === 'autodesk')).toBe(true);
  });
});
