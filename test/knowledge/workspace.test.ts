/**
 * A workspace's Knowledge: shipped plus its imports, the shipped Knowledge untouched, built once per change.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { PlanFile } from '../../src/knowledge/schema.js';
import { buildWorkspaceKnowledge, cachedWorkspaceKnowledge, type ImportedPlan } from '../../src/knowledge/workspace.js';
import { EXAMPLE_DOC_NAME, exampleDocText, examplePlanText } from '../plans/helpers.js';

const shipped = loadKnowledge();
const larkspur: ImportedPlan = {
  vendor: 'larkspur',
  kind: 'vendor',
  documentName: EXAMPLE_DOC_NAME,
  documentText: exampleDocText(),
  planJson: JSON.stringify(PlanFile.parse(parse(examplePlanText()))),
};

describe('buildWorkspaceKnowledge', () => {
  it('adds the imported vendor, marks its quotes as the workspace’s, and leaves the shipped Knowledge as it was', () => {
    const { knowledge, problems } = buildWorkspaceKnowledge(shipped, [larkspur]);
    expect(problems).toEqual([]);
    expect(knowledge.vendors).toEqual([...shipped.vendors, 'larkspur']);
    expect(knowledge.target('larkspur-premier-sev1-response')?.target.source).toMatchObject({ workspace: true });
    expect(knowledge.sourceText(EXAMPLE_DOC_NAME)).toBe(exampleDocText());
    expect(shipped.vendors).not.toContain('larkspur');
    expect(() => shipped.sourceText(EXAMPLE_DOC_NAME)).toThrow();
  });

  it('leaves out a stored plan that no longer validates, and says so', () => {
    const broken = { ...larkspur, planJson: JSON.stringify({ vendor: 'larkspur' }) };
    const { knowledge, problems } = buildWorkspaceKnowledge(shipped, [broken]);
    expect(knowledge.vendors).not.toContain('larkspur');
    expect(problems[0]).toMatch(/no longer validates/);
  });
});

describe('cachedWorkspaceKnowledge', () => {
  it('gives the shipped Knowledge to a workspace without imports, and builds once per revision', async () => {
    let revision = 'r1';
    let builds = 0;
    const resolve = cachedWorkspaceKnowledge(shipped, {
      revision: async (ws) => (ws === 'T1' ? revision : ''),
      plans: async () => {
        builds++;
        return [larkspur];
      },
    });
    expect(await resolve('T2')).toBe(shipped);
    const first = await resolve('T1');
    expect(await resolve('T1')).toBe(first);
    expect(builds).toBe(1);
    revision = 'r2';
    expect(await resolve('T1')).not.toBe(first);
    expect(builds).toBe(2);
  });

  it('keeps at most `max` workspaces, the most recently used', async () => {
    let builds = 0;
    const resolve = cachedWorkspaceKnowledge(
      shipped,
      {
        revision: async () => 'r',
        plans: async () => {
          builds++;
          return [larkspur];
        },
      },
      undefined,
      2,
    );
    await resolve('A');
    await resolve('B');
    await resolve('A'); // A is now the most recent
    await resolve('C'); // evicts B
    expect(builds).toBe(3);
    await resolve('A');
    expect(builds).toBe(3);
    await resolve('B');
    expect(builds).toBe(4);
  });
});
