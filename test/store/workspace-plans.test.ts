/**
 * A workspace's imported plans as the store keeps them (the import path and what answers make of a plan are in
 * test/plans/workspace.test.ts): one per vendor per workspace, replaced on import, refused when malformed, never
 * removed while a contract uses it, and a revision that changes whenever they do.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isStoreError, type Store, type WorkspacePlanInput } from '../../src/store/index.js';
import { engines } from '../support/engines.js';
import { caseInput, contractInput } from '../support/store.js';

const plan = (overrides: Partial<WorkspacePlanInput> = {}): WorkspacePlanInput => ({
  vendor: 'acme',
  kind: 'vendor',
  documentName: 'acme-policy.txt',
  documentText: 'Acme answers Severity 1 within 30 minutes.',
  planText: 'vendor: acme',
  planJson: '{"vendor":"acme"}',
  importedBy: 'U1',
  ...overrides,
});

describe.each(engines)('workspace plans on $name', (engine) => {
  let store: Store;
  let now = 1_000;
  beforeEach(async () => {
    now = 1_000;
    store = await engine.open({ now: () => now });
  });
  afterEach(async () => await store.close());

  it('keeps one plan per vendor, replaced on import, in its own workspace only', async () => {
    const saved = await store.saveWorkspacePlan('T1', plan());
    expect(saved).toEqual({
      workspaceId: 'T1',
      vendor: 'acme',
      kind: 'vendor',
      documentName: 'acme-policy.txt',
      documentText: 'Acme answers Severity 1 within 30 minutes.',
      planText: 'vendor: acme',
      planJson: '{"vendor":"acme"}',
      importedBy: 'U1',
      importedAt: 1_000,
    });
    await store.saveWorkspacePlan('T1', plan({ vendor: 'microsoft', kind: 'override', importedBy: null }));
    now = 2_000;
    const again = await store.saveWorkspacePlan('T1', plan({ planText: 'vendor: acme # v2' }));
    expect(again).toMatchObject({ planText: 'vendor: acme # v2', importedAt: 2_000 });
    expect((await store.listWorkspacePlans('T1')).map((p) => [p.vendor, p.kind, p.importedAt])).toEqual([
      ['acme', 'vendor', 2_000],
      ['microsoft', 'override', 1_000],
    ]);
    expect(await store.getWorkspacePlan('T1', 'acme')).toEqual(again);
    expect(await store.listWorkspacePlans('T2')).toEqual([]);
    expect(await store.getWorkspacePlan('T2', 'acme')).toBeNull();
  });

  it('gives a revision that changes whenever the plans do', async () => {
    expect(await store.workspacePlanRevision('T1')).toBe('');
    const seen = new Set<string>();
    const revision = async () => {
      const r = await store.workspacePlanRevision('T1');
      expect(seen.has(r), `revision ${r} seen before`).toBe(false);
      seen.add(r);
      // each change at a later millisecond, as imports are (the revision is the vendors' import times and row versions)
      now += 1;
    };
    await store.saveWorkspacePlan('T1', plan());
    await revision();
    await store.saveWorkspacePlan('T1', plan({ vendor: 'microsoft', kind: 'override' }));
    await revision();
    await store.saveWorkspacePlan('T1', plan({ planText: 'vendor: acme # v2' }));
    await revision();
    expect(await store.removeWorkspacePlan('T1', 'acme')).toBe(true);
    await revision();
    await store.saveWorkspacePlan('T1', plan());
    await revision();
    // another workspace's import does not change this one's
    const before = await store.workspacePlanRevision('T1');
    await store.saveWorkspacePlan('T2', plan());
    expect(await store.workspacePlanRevision('T1')).toBe(before);
  });

  it('refuses a plan that is not text, too big, not JSON or not a kebab-case vendor, storing nothing', async () => {
    const tooBig = 'x'.repeat(2 * 1024 * 1024 + 1);
    await expect(store.saveWorkspacePlan('T1', plan({ documentText: tooBig }))).rejects.toThrow(/at most 2 MB/);
    await expect(store.saveWorkspacePlan('T1', plan({ planText: '' }))).rejects.toThrow(/plan must be text/);
    await expect(store.saveWorkspacePlan('T1', plan({ planJson: '{' }))).rejects.toThrow(/JSON does not parse/);
    await expect(store.saveWorkspacePlan('T1', plan({ vendor: '__proto__' }))).rejects.toThrow(/kebab-case/);
    await expect(store.saveWorkspacePlan('T1', plan({ kind: 'other' as 'vendor' }))).rejects.toSatisfy((e) =>
      isStoreError(e, 'invalid'),
    );
    await expect(store.saveWorkspacePlan('', plan())).rejects.toSatisfy((e) => isStoreError(e, 'workspace-required'));
    expect(await store.listWorkspacePlans('T1')).toEqual([]);
  });

  it('is not removed while a contract uses it, naming the contracts and open cases; then is', async () => {
    await store.saveWorkspacePlan('T1', plan());
    await store.saveWorkspacePlan('T2', plan());
    const contract = await store.addContract(
      'T1',
      contractInput({ vendor: 'acme', plan: 'acme-gold', name: 'Acme 2026' }),
    );
    const opened = await store.createCase('T1', caseInput({ contractId: contract.id }));
    let error: unknown;
    try {
      await store.removeWorkspacePlan('T1', 'acme');
    } catch (caught) {
      error = caught;
    }
    expect(isStoreError(error, 'plan-in-use')).toBe(true);
    expect((error as Error).message).toContain(`contract ${contract.id} (Acme 2026), and open case ${opened.id}.`);
    expect((error as Error).message).toContain('They would be left without terms.');
    expect(await store.getWorkspacePlan('T1', 'acme')).not.toBeNull();
    // the same vendor's plan in another workspace is not held by this workspace's contract
    expect(await store.removeWorkspacePlan('T2', 'acme')).toBe(true);
    expect(await store.removeWorkspacePlan('T2', 'acme')).toBe(false);

    await store.updateCase('T1', opened.id, { status: 'closed', closedAt: caseInput().openedAt + 60_000 });
    expect(await store.removeContract('T1', contract.id)).toBe(true);
    expect(await store.removeWorkspacePlan('T1', 'acme')).toBe(true);
    expect(await store.getWorkspacePlan('T1', 'acme')).toBeNull();
  });
});
