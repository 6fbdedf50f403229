/**
 * Positions: a problem's line and column point at the value it is about, for any record of a file.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { checkPlan } from '../../src/plans/check.js';
import { parsePlanYaml } from '../../src/plans/input.js';
import { locate, parsePath } from '../../src/plans/locate.js';
import { bytes, EXAMPLE_DOC_NAME, exampleDocText, examplePlanText } from './helpers.js';

const knowledge = loadKnowledge();

/** Every scalar in a parsed value, with its path. */
function leaves(value: unknown, path: PropertyKey[] = []): { path: PropertyKey[]; value: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [{ path, value }];
}

describe('locate', () => {
  it('puts every scalar of the worked example where its text starts (plain, quoted or folded)', () => {
    const text = examplePlanText();
    const yaml = parsePlanYaml('x.yml', text);
    if (!yaml.ok) throw new Error('example does not parse');
    const lines = text.split('\n');
    const all = leaves(yaml.value.value);
    expect(all.length).toBeGreaterThan(300);
    for (const leaf of all) {
      const at = locate(yaml.value, leaf.path);
      expect(at, String(leaf.path)).toBeDefined();
      const rest = (lines[(at?.line ?? 1) - 1] ?? '').slice((at?.column ?? 1) - 1);
      const shown = String(leaf.value);
      const ok =
        rest.startsWith(shown.slice(0, 12)) ||
        rest.startsWith(`'${shown.slice(0, 12)}`) ||
        rest.startsWith(`"${shown.slice(0, 12)}`) ||
        /^[>|]/.test(rest);
      expect(ok, `${parsePath(String(leaf.path)).join('.')} at ${at?.line}:${at?.column}: ${rest}`).toBe(true);
    }
  });

  it('reports a bad value in any target at that target’s own line', () => {
    const text = examplePlanText();
    const lines = text.split('\n');
    const from = lines.indexOf('targets:');
    const to = lines.indexOf('facts:');
    const kindLines = lines.flatMap((l, i) => (i > from && i < to && /^ {4}kind: /.test(l) ? [i] : []));
    expect(kindLines.length).toBe(12);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: kindLines.length - 1 }), (k) => {
        const lineIndex = kindLines[k] as number;
        const broken = lines.map((l, i) => (i === lineIndex ? '    kind: answer' : l)).join('\n');
        const problems = checkPlan({
          planFile: 'x.yml',
          planBytes: bytes(broken),
          docFile: EXAMPLE_DOC_NAME,
          docBytes: bytes(exampleDocText()),
          knowledge,
        }).problems;
        return (
          problems.length === 1 &&
          problems[0]?.path === `targets[${k}].kind` &&
          problems[0]?.line === lineIndex + 1 &&
          problems[0]?.column === 11
        );
      }),
      { numRuns: 12 },
    );
  });
});
