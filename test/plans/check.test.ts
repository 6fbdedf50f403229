/**
 * `entitlebot plan check`: every problem at its line and column with a hint, quotes verbatim or the nearest
 * passage shown, zones/holidays/durations checked; exit 0 when clean and 1 with the list.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { checkPlan } from '../../src/plans/check.js';
import { MAX_DOCUMENT_BYTES } from '../../src/plans/input.js';
import { bytes, checkText, EXAMPLE_DOC_NAME, exampleDocText, examplePlanText, runMain } from './helpers.js';

const knowledge = loadKnowledge();
const check = checkText;

/** 1-based line of the first line containing `needle` */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('plan check on the worked example', () => {
  it('is clean, and every quote in it occurs verbatim in the sample policy', () => {
    const r = check(examplePlanText());
    expect(r.problems).toEqual([]);
    expect(r.plan?.merged.vendor).toBe('larkspur');
    expect(r.plan?.merged.targets.length).toBeGreaterThan(8);
  });
});

describe('plan check reports problems where they are', () => {
  it('a misspelt key: its own line and column, and the key it probably meant', () => {
    const plan = examplePlanText().replace('    certainty: inferred', '    certanty: inferred');
    const [p, ...rest] = check(plan).problems;
    expect(rest).toEqual([]);
    expect(p?.line).toBe(lineOf(plan, 'certanty'));
    expect(p?.column).toBe(5);
    expect(p?.path).toBe('fees.cancellation');
    expect(p?.hint).toMatch(/did you mean "certainty"/);
  });

  it('a wrong type, at the value, with what to write', () => {
    const plan = examplePlanText().replace('span: { minutes: 480 }', "span: { minutes: '480' }");
    const problems = check(plan).problems;
    expect(problems.length).toBe(1);
    const line = lineOf(plan, "minutes: '480'");
    expect(problems[0]).toMatchObject({
      line,
      path: 'targets[2].span.minutes',
      hint: 'write the number without quotes',
    });
    expect(problems[0]?.column).toBe((plan.split('\n')[line - 1] ?? '').indexOf("'480'") + 1);
  });

  it('a reference to a calendar the file does not define, listing those it does', () => {
    const plan = examplePlanText().replace(
      "calendar: larkspur-24x7\n    text: { en: 'Severity 1: initial",
      "calendar: larkspur-247\n    text: { en: 'Severity 1: initial",
    );
    const problems = check(plan).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/unknown calendar "larkspur-247".*larkspur-24x7/);
    expect(problems[0]?.line).toBe(lineOf(plan, 'larkspur-247'));
  });

  it('a quote that is not in the document, with the nearest passage', () => {
    const plan = examplePlanText().replace(
      "quote: 'Severity 2: initial response within 8 business hours.'",
      "quote: 'Severity 2: first response within 8 business hours.'",
    );
    const [p, ...rest] = check(plan).problems;
    expect(rest).toEqual([]);
    expect(p?.path).toBe('targets[2].source.quote');
    expect(p?.line).toBe(lineOf(plan, 'first response within 8'));
    expect(p?.hint).toContain('Severity 2: initial response within 8 business hours.');
  });

  it('reports every problem at once, in file order', () => {
    const plan = examplePlanText()
      .replace("quote: 'Severity 4: initial response within 1 business day.'", "quote: 'Severity 4: within a day.'")
      .replace('Premier customers also get a named technical account manager.', 'Premier gets a TAM.')
      .replace(
        "calendar: larkspur-business-hours\n    text: { en: 'Severity 3: initial",
        "calendar: nope\n    text: { en: 'Severity 3: initial",
      );
    const problems = check(plan).problems;
    expect(problems.map((p) => p.path)).toEqual([
      'targets[9].calendar',
      'targets[10].source.quote',
      'facts[2].source.quote',
    ]);
    const lines = problems.map((p) => p.line ?? 0);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it('a quote citing another document, and a document name that is not the one given', () => {
    const plan = examplePlanText();
    const r = check(plan, exampleDocText(), 'other.txt');
    expect(r.problems[0]).toMatchObject({ path: 'document', line: lineOf(plan, 'document:') });
    expect(r.problems.filter((p) => /cites "larkspur-support-policy.txt"/.test(p.message)).length).toBeGreaterThan(10);
  });

  it('zones, holiday codes, hours and durations', () => {
    const plan = examplePlanText()
      .replace(
        '    kind: fixed\n    hours: 24x7\n',
        '    kind: vendor-region\n    hours: 24x7\n    regions:\n      apac: { label: { en: APAC, zh: 亞太 }, zone: Asia/Singapur, holidays: { country: XX } }\n      us: { label: { en: US, zh: 美國 }, zone: Pacific Time, holidays: { country: US, subdivision: ZZ } }\n',
      )
      .replace("mon: [['08:00', '18:00']]", "mon: [['18:00', '08:00']]")
      .replace('span: { minutes: 30 }', 'span: { minutes: 30000000 }');
    const problems = check(plan).problems;
    const by = (re: RegExp) => problems.filter((p) => re.test(`${p.path} ${p.message}`));
    expect(by(/regions\.apac\.zone.*not an IANA time zone/)).toHaveLength(1);
    expect(by(/regions\.us\.zone.*not an IANA time zone/)).toHaveLength(1);
    expect(by(/regions\.apac\.holidays/)).toHaveLength(1);
    expect(by(/regions\.us\.holidays/)).toHaveLength(1);
    expect(by(/defaultHours\.mon\[0\].*does not run forward/)).toHaveLength(1);
    expect(by(/span\.minutes.*more than a year/)).toHaveLength(1);
    expect(problems.every((p) => p.line !== undefined && p.hint)).toBe(true);
  });

  it('a new vendor that reuses a shipped id, or names a shipped vendor', () => {
    const plan = examplePlanText()
      .replace('id: larkspur-premier\n', 'id: gold\n')
      .replace('vendor: larkspur', 'vendor: jamf');
    const messages = check(plan).problems.map((p) => p.message);
    expect(messages).toContainEqual(expect.stringMatching(/"jamf" is already known/));
    expect(messages).toContainEqual(expect.stringMatching(/plan id "gold" is already used by jamf/));
  });
});

describe('plan check refuses bad input with a reason', () => {
  it('a document over 2 MB, or not text', () => {
    const big = check(examplePlanText(), 'x'.repeat(MAX_DOCUMENT_BYTES + 1)).problems;
    expect(big[0]?.message).toMatch(/limit is 2\.0 MB/);
    const pdf = check(examplePlanText(), '%PDF-1.7\n\u0000\u0001binary').problems;
    expect(pdf[0]?.message).toMatch(/not text/);
    const latin1 = checkPlan({
      planFile: 'plan.yml',
      planBytes: bytes(examplePlanText()),
      docFile: EXAMPLE_DOC_NAME,
      docBytes: new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0xff]),
      knowledge,
    }).problems;
    expect(latin1[0]?.message).toMatch(/not UTF-8/);
    expect(latin1[0]?.hint).toMatch(/iconv/);
  });

  it('a YAML bomb (aliases expanding without bound)', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    const started = Date.now();
    const problems = check(lines.join('\n')).problems;
    expect(problems[0]?.message).toMatch(/YAML bomb/);
    expect(Date.now() - started).toBeLessThan(5_000); // refused, not expanded (10^12 nodes)
  });

  it('deep nesting, block or flow', () => {
    const flow = check(`vendor: ${'['.repeat(5000)}${']'.repeat(5000)}`).problems;
    expect(flow[0]?.message).toMatch(/nested more than 32 levels/);
    expect(flow[0]).toMatchObject({ line: 1, column: 41 });
    let block = 'a:\n';
    for (let i = 1; i < 100; i++) block += `${'  '.repeat(i)}a:\n`;
    expect(check(block).problems[0]?.message).toMatch(/nested more than 32 levels/);
  });

  it('__proto__, constructor and prototype keys', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const plan = examplePlanText().replace('vendorName:', `${key}: { polluted: true }\nvendorName:`);
      const [p] = check(plan).problems;
      expect(p?.message).toBe(`the key "${key}" is not allowed`);
      expect(p?.line).toBe(lineOf(plan, key));
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });

  it('syntax errors and duplicate keys, with line and column', () => {
    const dup = examplePlanText().replace('vendorName:', 'vendor: again\nvendorName:');
    const [p] = check(dup).problems;
    expect(p?.line).toBe(lineOf(dup, 'vendor: again'));
    expect(p?.message).toMatch(/unique|duplicate/i);
    const tab = check('vendor: x\n\tdocument: y\n').problems;
    expect(tab[0]?.line).toBe(2);
  });
});

describe('entitlebot plan check (the command)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'entitlebot-plan-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 and says so when clean', async () => {
    const r = await runMain([
      'plan',
      'check',
      'docs/examples/larkspur.yml',
      '--source',
      'docs/examples/larkspur-support-policy.txt',
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/clean/);
  });

  it('exits 1 with file:line:column, path, message and hint for each problem', async () => {
    const plan = join(dir, 'larkspur.yml');
    const doc = join(dir, EXAMPLE_DOC_NAME);
    writeFileSync(plan, examplePlanText().replace('span: { minutes: 30 }', 'span: { minutes: -30 }'));
    writeFileSync(doc, exampleDocText());
    const r = await runMain(['plan', 'check', plan, '--source', doc]);
    expect(r.code).toBe(1);
    const line = lineOf(examplePlanText(), 'span: { minutes: 30 }');
    expect(r.out).toContain(`${plan}:${line}:`);
    expect(r.out).toMatch(/targets\[4\]\.span/);
    expect(r.out).toMatch(/hint: /);
    expect(r.out).toMatch(/1 problem; nothing was changed/);
  });

  it('a missing file or flag is a usage error (exit 2)', async () => {
    expect((await runMain(['plan', 'check', 'nope.yml', '--source', 'nope.txt'])).code).toBe(2);
    expect((await runMain(['plan', 'check', 'docs/examples/larkspur.yml'])).err).toMatch(/--source/);
    expect((await runMain(['plan', 'frobnicate'])).code).toBe(2);
  });
});
