/**
 * `entitlebot plan import|list|show|remove` on a real SQLite file: import checks first and stores nothing on a
 * problem; list/show say what a workspace has; remove is refused while a contract uses the plan.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { examplePlanText, runMain } from './helpers.js';

let dir: string;
let db: string;
const PLAN = 'docs/examples/larkspur.yml';
const DOC = 'docs/examples/larkspur-support-policy.txt';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'entitlebot-plans-'));
  db = join(dir, 'test.db');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('entitlebot plan import / list / show / remove', () => {
  it('refuses a plan with problems and stores nothing', async () => {
    const bad = join(dir, 'bad.yml');
    writeFileSync(bad, examplePlanText().replace('limit: 4', 'limit: four'));
    const r = await runMain(['plan', 'import', bad, '--source', DOC, '--workspace', 'T1', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/quotas\[0\]\.limit.*\n.*hint: write the number without quotes/);
    expect(r.out).toMatch(/nothing was imported/);
    const store = await openStore(db);
    expect(await store.listWorkspacePlans('T1')).toEqual([]);
    await store.close();
  });

  it('imports a clean plan and shows the table of levels and targets it understood', async () => {
    const r = await runMain(['plan', 'import', PLAN, '--source', DOC, '--workspace', 'T1', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Larkspur Premier Support\s+1\s+first response\s+30 min\s+24x7/);
    expect(r.out).toMatch(/Imported vendor larkspur in workspace T1/);
    const list = await runMain(['plan', 'list', '--workspace', 'T1', '--db', db]);
    expect(list.out).toMatch(/^larkspur\tvendor\tlarkspur-support-policy\.txt\t/);
    const none = await runMain(['plan', 'list', '--workspace', 'T2', '--db', db]);
    expect(none.out).toMatch(/has no plans of its own/);
    const show = await runMain(['plan', 'show', 'larkspur', '--workspace', 'T1', '--db', db]);
    expect(show.out).toMatch(/Larkspur Essential Support\s+3, 4\s+first response\s+2 business days/);
    expect((await runMain(['plan', 'show', 'larkspur', '--workspace', 'T2', '--db', db])).code).toBe(1);
  });

  it('refuses to remove a plan a contract uses, naming it, and removes it afterwards', async () => {
    const added = await runMain([
      'ask',
      '--db',
      db,
      '--workspace',
      'T1',
      'contract add larkspur larkspur-premier zone=Europe/Berlin name=Pipelines',
    ]);
    expect(added.code).toBe(0);
    const refused = await runMain(['plan', 'remove', 'larkspur', '--workspace', 'T1', '--db', db]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/Not removed: The larkspur plan is used by contract 1 \(Pipelines\)/);
    await runMain(['ask', '--db', db, '--workspace', 'T1', 'contract remove 1']);
    const removed = await runMain(['plan', 'remove', 'larkspur', '--workspace', 'T1', '--db', db]);
    expect(removed.code).toBe(0);
    expect((await runMain(['plan', 'remove', 'larkspur', '--workspace', 'T1', '--db', db])).code).toBe(1);
  });

  it('needs --workspace', async () => {
    const r = await runMain(['plan', 'list', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--workspace ID is required/);
    expect((await runMain(['plan', 'constructor'])).code).toBe(2);
  });
});
