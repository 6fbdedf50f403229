import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KnowledgeError, loadKnowledge, loadPlans } from '../../src/knowledge/load.js';
import { KNOWLEDGE_DIR } from '../support/knowledge.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A copy of the knowledge folder where one plan file's text is rewritten. */
function brokenCopy(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'eb-knowledge-'));
  dirs.push(dir);
  cpSync(join(KNOWLEDGE_DIR, 'plans'), join(dir, 'plans'), { recursive: true });
  cpSync(join(KNOWLEDGE_DIR, 'sources'), join(dir, 'sources'), { recursive: true });
  const path = join(dir, 'plans', file);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  expect(after, 'the edit must change the file').not.toBe(before);
  writeFileSync(path, after);
  return dir;
}

function problemsOf(dir: string): string[] {
  try {
    loadPlans(join(dir, 'plans'));
  } catch (err) {
    expect(err).toBeInstanceOf(KnowledgeError);
    return (err as KnowledgeError).problems;
  }
  throw new Error('expected the broken knowledge base to be rejected');
}

describe('loadPlans on the shipped knowledge', () => {
  it('loads the three vendor files', () => {
    expect(loadPlans().map((f) => f.vendor)).toEqual(['autodesk', 'jamf', 'microsoft']);
  });
});

describe('loadPlans rejects a broken file, naming the file and the path inside it', () => {
  it('a wrong type inside a span', () => {
    const dir = brokenCopy('jamf.yml', (t) => t.replace('span: { minutes: 60 }', "span: { minutes: 'sixty' }"));
    const problems = problemsOf(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/jamf\.yml: targets\[0\]\.span\.minutes: expected number/);
  });

  it('a typo in a key (objects are strict)', () => {
    const dir = brokenCopy('autodesk.yml', (t) => t.replace('    certainty: inferred\n', '    certanty: inferred\n'));
    expect(problemsOf(dir).join('\n')).toMatch(/autodesk\.yml: calendars\[0\]: Unrecognized key: "certanty"/);
  });

  it('an inferred record without a reason', () => {
    const dir = brokenCopy('microsoft.yml', (t) =>
      t.replace(/( {4}certainty: inferred\n) {4}reason: >-\n(?: {6}.*\n)+/, '$1'),
    );
    expect(problemsOf(dir).join('\n')).toMatch(/microsoft\.yml: calendars\[1\]\.reason: an inferred record needs/);
  });

  it('a quote that does not occur in its document', () => {
    const dir = brokenCopy('jamf.yml', (t) =>
      t.replace("quote: '金級 1h 24x7 每 4 個工作小時'", "quote: '金級 1h 24x7 每 5 個工作小時'"),
    );
    const text = problemsOf(dir).join('\n');
    expect(text).toMatch(/jamf\.yml: targets\[\d+\]\.source\.quote: not found in jamf-support\.zh-TW\.txt/);
  });

  it('a source document that does not exist', () => {
    const dir = brokenCopy('jamf.yml', (t) => t.replace('document: jamf-support.zh-TW.txt', 'document: jamf.txt'));
    expect(problemsOf(dir).join('\n')).toMatch(/jamf\.yml: document: no such source document "jamf\.txt"/);
  });

  it('a reference to an unknown plan, severity or calendar', () => {
    const dir = brokenCopy('jamf.yml', (t) =>
      t
        .replace(
          'plans: [platinum]\n    severities: [P1]\n    kind: response',
          'plans: [platnum]\n    severities: [P1]\n    kind: response',
        )
        .replace('severities: [P2]', 'severities: [P9]')
        .replace('calendar: local-business-hours', 'calendar: office-hours'),
    );
    const text = problemsOf(dir).join('\n');
    expect(text).toMatch(
      /jamf\.yml: targets\[0\]\.plans\[0\]: unknown plan "platnum" \(plans in this file: standard, silver, gold, platinum\)/,
    );
    expect(text).toMatch(/jamf\.yml: targets\[\d+\]\.severities\[0\]: unknown severity "P9"/);
    expect(text).toMatch(/jamf\.yml: targets\[\d+\]\.calendar: unknown calendar "office-hours"/);
  });

  it('a duplicate id', () => {
    const dir = brokenCopy('autodesk.yml', (t) =>
      t.replace('- id: autodesk-enterprise-coverage', '- id: autodesk-enterprise-response'),
    );
    expect(problemsOf(dir).join('\n')).toMatch(
      /autodesk\.yml: targets\[3\]\.id: duplicate id "autodesk-enterprise-response"/,
    );
  });

  it('a YAML syntax error, with its line', () => {
    const dir = brokenCopy('jamf.yml', (t) => t.replace('vendor: jamf', 'vendor: [jamf'));
    expect(problemsOf(dir).join('\n')).toMatch(/jamf\.yml: line \d+, column \d+: /);
  });

  it('a superseded target that does not exist', () => {
    const dir = brokenCopy('microsoft.yml', (t) =>
      t.replace('supersedes: [unified-sev-a-response]', 'supersedes: [unified-sev-z-response]'),
    );
    expect(problemsOf(dir).join('\n')).toMatch(
      /microsoft\.yml: targets\[\d+\]\.supersedes\[0\]: unknown target "unified-sev-z-response"/,
    );
  });

  it('reports every problem at once, and the error message lists them', () => {
    const dir = brokenCopy('jamf.yml', (t) =>
      t.replace('severities: [P2]', 'severities: [P9]').replace('severities: [P3]', 'severities: [P8]'),
    );
    try {
      loadPlans(join(dir, 'plans'));
      expect.unreachable();
    } catch (err) {
      const e = err as KnowledgeError;
      expect(e.problems.length).toBeGreaterThanOrEqual(2);
      for (const p of e.problems) expect(e.message).toContain(p);
    }
  });
});

describe('loadKnowledge', () => {
  const k = loadKnowledge();

  it('is loaded once', () => {
    expect(loadKnowledge()).toBe(k);
  });

  it('gives each vendor file and a helpful error for an unknown vendor', () => {
    expect(k.vendor('jamf').vendor).toBe('jamf');
    expect(k.vendor('Microsoft').vendor).toBe('microsoft');
    expect(() => k.vendor('oracle')).toThrow(/Unknown vendor "oracle". Known vendors: autodesk, jamf, microsoft/);
  });

  it('gives the source text of a document and a helpful error for an unknown one', () => {
    expect(k.sourceText('jamf-support.zh-TW.txt')).toContain('Jamf');
    expect(() => k.sourceText('nope.txt')).toThrow(/Unknown source document "nope.txt"/);
  });

  it('finds plans by id, name or alias in English and Chinese, whatever the case and spacing', () => {
    const ids = (word: string) => k.findPlans(word).map((r) => r.plan.id);
    expect(ids('金級')).toEqual(['gold']);
    expect(ids('金级')).toEqual(['gold']);
    expect(ids('白金級')).toEqual(['platinum']);
    expect(ids('UER')).toEqual(['uer']);
    expect(ids('統一增強回應')).toEqual(['uer']);
    expect(ids('迅速回應')).toEqual(['rapid-response']);
    expect(ids('快速回應')).toEqual(['rapid-response']);
    expect(ids('企業成功計畫')).toEqual(['enterprise']);
    expect(ids('Azure Event Management')).toEqual(['aem']);
    expect(ids('nothing like it')).toEqual([]);
  });

  it('finds severities by alias, and maps a level across vendors', () => {
    const of = (word: string, vendor?: string) =>
      k.findSeverities(word, vendor).map((r) => `${r.file.vendor}:${r.severity.id}`);
    expect(of('Sev-1')).toEqual(['microsoft:1']);
    expect(of('嚴重性 A')).toEqual(['microsoft:A']);
    expect(of('P1')).toEqual(['jamf:P1']);
    expect(of('critical').sort()).toEqual(['jamf:P1', 'microsoft:1']);
    expect(of('critical', 'jamf')).toEqual(['jamf:P1']);
    expect(
      k
        .severitiesAtLevel('critical')
        .map((r) => `${r.file.vendor}:${r.severity.id}`)
        .sort(),
    ).toEqual(['jamf:P1', 'microsoft:1']);
  });

  it('looks records up by id', () => {
    expect(k.plan('gold')?.file.vendor).toBe('jamf');
    expect(k.severity('microsoft', 'B')?.level).toBe('medium');
    expect(k.calendar('autodesk', 'support-week')?.kind).toBe('vendor-region');
    expect(k.target('unified-sev-b-response')?.target.calendar).toBe('business-hours');
    expect(k.fact('unified-severity-downgrade')?.fact.topic).toBe('severity');
    expect(k.quota('autodesk-product-coaching')?.quota.window).toBe('calendar-quarter');
  });

  it('lets an add-on target replace the base target it supersedes', () => {
    const response = (plans: string[]) =>
      k
        .targetsFor('microsoft', plans, '1')
        .filter((t) => t.kind === 'response')
        .map((t) => `${t.scope}:${t.span && 'minutes' in t.span ? t.span.minutes : '?'}`)
        .sort();
    expect(response(['unified'])).toEqual(['azure:15', 'other:60']);
    expect(response(['unified', 'uer'])).toEqual(['azure:15', 'other:30']);
    const autodesk = k.targetsFor('autodesk', ['enterprise', 'included'], 'anything').map((t) => t.id);
    expect(autodesk.sort()).toEqual(['autodesk-enterprise-coverage', 'autodesk-enterprise-response']);
  });
});
