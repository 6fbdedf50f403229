import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KnowledgeError, loadKnowledge } from '../../src/knowledge/load.js';
import { readKnowledge } from '../../src/knowledge/saved.js';
import { KNOWLEDGE_DIR } from '../support/knowledge.js';

let dir: string;
let knowledgeDir: string;
let file: URL;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'eb-saved-knowledge-'));
  knowledgeDir = join(dir, 'knowledge');
  cpSync(KNOWLEDGE_DIR, knowledgeDir, { recursive: true });
  file = pathToFileURL(join(dir, 'knowledge.json'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the saved knowledge', () => {
  it('is written on the first start and read on the next, with the same plans, glossary and clauses', async () => {
    const first = await readKnowledge(knowledgeDir, file);
    expect(first.fromSaved).toBe(false);
    const second = await readKnowledge(knowledgeDir, file);
    expect(second.fromSaved).toBe(true);
    expect(second.fingerprint).toBe(first.fingerprint);
    expect(JSON.stringify(second.knowledge.plans)).toBe(JSON.stringify(loadKnowledge(knowledgeDir).plans));
    expect(second.knowledge.holidayOverrides).toEqual(first.knowledge.holidayOverrides);
    expect(second.knowledge.holidayOverrides).toBeDefined();
    expect(second.terms).toEqual(first.terms);
    expect(second.clauses).toEqual(first.clauses);
    // the lookups built over the saved copy answer as the validated ones do
    const [a, b] = [first.knowledge, second.knowledge];
    expect(b.findPlans('gold').map((r) => r.plan.id)).toEqual(a.findPlans('gold').map((r) => r.plan.id));
    expect(b.targetsFor('jamf', ['silver'], 'P1').length).toBeGreaterThan(0);
    expect(b.targetsFor('jamf', ['silver'], 'P1').map((t) => t.id)).toEqual(
      a.targetsFor('jamf', ['silver'], 'P1').map((t) => t.id),
    );
    expect(b.sourceText(b.sourceDocs[0] ?? '')).toBe(a.sourceText(a.sourceDocs[0] ?? ''));
  });

  it('is not used once a file under knowledge/ changes, by a single byte', async () => {
    const first = await readKnowledge(knowledgeDir, file);
    appendFileSync(join(knowledgeDir, 'plans', 'jamf.yml'), '\n# a comment\n');
    const changed = await readKnowledge(knowledgeDir, file);
    expect(changed.fromSaved).toBe(false);
    expect(changed.fingerprint).not.toBe(first.fingerprint);
    expect((await readKnowledge(knowledgeDir, file)).fromSaved).toBe(true);
    writeFileSync(
      join(knowledgeDir, 'terms', 'jamf.yml'),
      `${readFileSync(join(knowledgeDir, 'terms', 'jamf.yml'), 'utf8')} `,
    );
    expect((await readKnowledge(knowledgeDir, file)).fromSaved).toBe(false);
  });

  it('never hides a broken knowledge base behind a copy saved when it was valid', async () => {
    await readKnowledge(knowledgeDir, file);
    const path = join(knowledgeDir, 'plans', 'jamf.yml');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/minutes: (\d+)/, 'minutes: "$1"'));
    await expect(readKnowledge(knowledgeDir, file)).rejects.toBeInstanceOf(KnowledgeError);
  });

  it('validates the files when the saved copy is damaged or cannot be written', async () => {
    writeFileSync(file, '{"format": 1, "fingerprint": "');
    const damaged = await readKnowledge(knowledgeDir, file);
    expect(damaged.fromSaved).toBe(false);
    expect(damaged.knowledge.vendors).toEqual(['autodesk', 'jamf', 'microsoft']);
    const unwritable = pathToFileURL(join(dir, 'missing-dir', 'knowledge.json'));
    expect((await readKnowledge(knowledgeDir, unwritable)).knowledge.vendors).toHaveLength(3);
    expect((await readKnowledge(knowledgeDir, unwritable)).fromSaved).toBe(false);
  });
});
