import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deserialize } from 'node:v8';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Clause } from '../../src/knowledge/clauses.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { recordsOf } from '../../src/knowledge/records.js';
import { loadTerms, Term } from '../../src/knowledge/terms.js';
import { buildSearchIndex } from '../../src/search/index.js';
import { fingerprint, loadOrBuildSearchIndex } from '../../src/search/saved.js';

const terms = [
  Term.parse({
    id: 'acme.gold',
    vendor: 'acme',
    zh: '金級',
    en: 'Gold tier',
    summary: 'The gold tier.',
    definition: { doc: 'acme.txt', quote: '金級客戶' },
  }),
];
const clauses: Clause[] = [
  {
    id: 'acme@0',
    doc: 'acme.txt',
    vendor: 'acme',
    offset: 0,
    end: 12,
    heading: [],
    kind: 'prose',
    text: '金級客戶享有全天候支援。',
  },
];

let dir: string;
let file: URL;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'entitlebot-search-'));
  file = pathToFileURL(join(dir, 'index.v8'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ids = (hits: { id: string }[]) => hits.map((h) => h.id);

describe('loadOrBuildSearchIndex', () => {
  it('builds and saves the index, then answers the same from the saved one', () => {
    const built = loadOrBuildSearchIndex({ terms, clauses }, file);
    const savedAt = statSync(file).mtimeMs;
    const loaded = loadOrBuildSearchIndex({ terms, clauses }, file);
    expect(statSync(file).mtimeMs).toBe(savedAt);
    for (const q of ['金級', 'gold tier', 'gld tier', '全天候支援', 'weather']) {
      expect(ids(loaded.search(q)), q).toEqual(ids(built.search(q)));
      expect(loaded.lookup(q).status, q).toBe(built.lookup(q).status);
    }
    expect(ids(loaded.search('gold'))).toEqual(ids(buildSearchIndex({ terms, clauses }).search('gold')));
  });

  it("keeps the records' index too: the saved one finds the same facts, ranked alike, as a fresh build", () => {
    const input = { terms: loadTerms(), clauses: [], records: recordsOf(loadKnowledge()) };
    const built = loadOrBuildSearchIndex(input, file);
    const loaded = loadOrBuildSearchIndex(input, file);
    const fresh = buildSearchIndex(input);
    const questions = [
      'how many hours of proactive services come with gold',
      '金級包含幾小時專業服務？',
      '金级包含几小时专业服务',
      'sev a response time unified',
      'jamf premium phone support hours',
      'autodesk cancellation fee',
      'flx allowance',
    ];
    const found = (search: typeof built, q: string) => search.records(q).map((h) => [h.record.id, h.named, h.coverage]);
    for (const q of questions) {
      expect(found(loaded, q).length, q).toBeGreaterThan(0);
      expect(found(loaded, q), q).toEqual(found(built, q));
      expect(found(loaded, q), q).toEqual(found(fresh, q));
    }
    const changed = input.records.map((r, i) => (i === 0 ? { ...r, names: [...r.names, 'zzyzx'] } : r));
    expect(fingerprint({ ...input, records: changed })).not.toBe(fingerprint(input));
    expect(loadOrBuildSearchIndex({ ...input, records: changed }, file).records('zzyzx')[0]?.record.id).toBe(
      changed[0]!.id,
    );
  });

  it('rebuilds when the terms or clauses changed since the index was saved', () => {
    loadOrBuildSearchIndex({ terms, clauses }, file);
    const changed = [{ ...clauses[0], text: '白金級客戶享有全天候支援。' } as Clause];
    expect(fingerprint({ terms, clauses: changed })).not.toBe(fingerprint({ terms, clauses }));
    const search = loadOrBuildSearchIndex({ terms, clauses: changed }, file);
    expect(ids(search.search('白金級'))).toContain('acme@0');
    expect((deserialize(readFileSync(file)) as { fingerprint: string }).fingerprint).toBe(
      fingerprint({ terms, clauses: changed }),
    );
  });

  it('builds when the saved file is damaged, and works when it cannot be written', () => {
    writeFileSync(file, '{ not json');
    expect(loadOrBuildSearchIndex({ terms, clauses }, file).search('金級')[0]?.id).toBe('acme.gold');
    const unwritable = pathToFileURL(join(dir, 'missing-dir', 'index.json'));
    expect(loadOrBuildSearchIndex({ terms, clauses }, unwritable).search('金級')[0]?.id).toBe('acme.gold');
  });
});
