import type Database from 'better-sqlite3';
import type { WorkspacePlan, WorkspacePlanInput } from '../model/records.js';
import { StoreError } from './errors.js';
import { requireOneOf, requireText, requireWorkspace } from './validate.js';

type Clock = () => number;

interface PlanRow {
  workspace_id: string;
  vendor: string;
  kind: string;
  document_name: string;
  document_text: string;
  plan_text: string;
  plan_json: string;
  imported_by: string | null;
  imported_at: number;
}

function toPlan(row: PlanRow): WorkspacePlan {
  return {
    workspaceId: row.workspace_id,
    vendor: row.vendor,
    kind: row.kind as WorkspacePlan['kind'],
    documentName: row.document_name,
    documentText: row.document_text,
    planText: row.plan_text,
    planJson: row.plan_json,
    importedBy: row.imported_by,
    importedAt: row.imported_at,
  };
}

/** The limits the import path enforces first; the store refuses anything beyond them too. */
const MAX_TEXT = 2 * 1024 * 1024;

/**
 * A workspace's imported plans. The caller (src/plans/import.ts) stores only a plan that passed `plan check`;
 * the store checks shape and size and keeps one plan per vendor per workspace (importing again replaces it, in
 * one statement, so a failed import leaves the previous plan as it was).
 */
export function workspacePlanMethods(db: Database.Database, now: Clock) {
  const list = db.prepare<[string], PlanRow>('SELECT * FROM workspace_plans WHERE workspace_id = ? ORDER BY vendor');
  const get = db.prepare<[string, string], PlanRow>(
    'SELECT * FROM workspace_plans WHERE workspace_id = ? AND vendor = ?',
  );
  const revision = db.prepare<[string], { r: string | null }>(
    "SELECT group_concat(vendor || ':' || imported_at || ':' || rowid, ',') AS r FROM workspace_plans WHERE workspace_id = ?",
  );
  const upsert = db.prepare(`
    INSERT INTO workspace_plans (workspace_id, vendor, kind, document_name, document_text, plan_text, plan_json,
      imported_by, imported_at)
    VALUES (@ws, @vendor, @kind, @documentName, @documentText, @planText, @planJson, @importedBy, @importedAt)
    ON CONFLICT (workspace_id, vendor) DO UPDATE SET kind = excluded.kind, document_name = excluded.document_name,
      document_text = excluded.document_text, plan_text = excluded.plan_text, plan_json = excluded.plan_json,
      imported_by = excluded.imported_by, imported_at = excluded.imported_at
    RETURNING *`);
  const contractsOf = db.prepare<[string, string], { id: number; name: string | null; plan: string }>(
    'SELECT id, name, plan FROM contracts WHERE workspace_id = ? AND vendor = ? ORDER BY id',
  );
  const openCasesOf = db.prepare<[string, string], { id: number }>(`
    SELECT cases.id FROM cases JOIN contracts ON contracts.workspace_id = cases.workspace_id
      AND contracts.id = cases.contract_id
    WHERE cases.workspace_id = ? AND contracts.vendor = ? AND cases.status != 'closed' ORDER BY cases.id`);
  const remove = db.prepare<[string, string]>('DELETE FROM workspace_plans WHERE workspace_id = ? AND vendor = ?');

  const removePlan = db.transaction((ws: string, vendor: string): boolean => {
    const row = get.get(ws, vendor);
    if (!row) return false;
    const contracts = contractsOf.all(ws, vendor);
    const cases = openCasesOf.all(ws, vendor).map((c) => c.id);
    if (contracts.length > 0) {
      const names = contracts.map((c) => `${c.id}${c.name ? ` (${c.name})` : ''}`).join(', ');
      const caseText = cases.length > 0 ? `, and open case${cases.length === 1 ? '' : 's'} ${cases.join(', ')}` : '';
      const after =
        row.kind === 'override'
          ? `Removing it would put them back on the shipped ${vendor} terms.`
          : 'They would be left without terms.';
      throw new StoreError(
        'plan-in-use',
        `The ${vendor} plan is used by contract${contracts.length === 1 ? '' : 's'} ${names}${caseText}. ${after} ` +
          `Close the cases and remove the contracts first (\`contract remove ID\`), or import a corrected plan instead.`,
        { vendor, contractIds: contracts.map((c) => c.id), caseIds: cases },
      );
    }
    remove.run(ws, vendor);
    return true;
  });

  return {
    listWorkspacePlans(workspaceId: string): WorkspacePlan[] {
      return list.all(requireWorkspace(workspaceId)).map(toPlan);
    },
    getWorkspacePlan(workspaceId: string, vendor: string): WorkspacePlan | null {
      const row = get.get(requireWorkspace(workspaceId), vendor);
      return row ? toPlan(row) : null;
    },
    workspacePlanRevision(workspaceId: string): string {
      return revision.get(requireWorkspace(workspaceId))?.r ?? '';
    },
    saveWorkspacePlan(workspaceId: string, input: WorkspacePlanInput): WorkspacePlan {
      if (typeof input !== 'object' || input === null) throw new StoreError('invalid', 'A plan needs its vendor.');
      const vendor = requireText('vendor', input.vendor, 100);
      if (!/^[a-z0-9][a-z0-9-]*$/u.test(vendor)) {
        throw new StoreError('invalid', `A vendor id is kebab-case, such as acme; got ${JSON.stringify(vendor)}.`);
      }
      for (const [label, text] of [
        ['document', input.documentText],
        ['plan', input.planText],
        ['plan JSON', input.planJson],
      ] as const) {
        if (typeof text !== 'string' || text.length === 0 || Buffer.byteLength(text) > MAX_TEXT) {
          throw new StoreError('invalid', `The ${label} must be text of at most 2 MB.`);
        }
      }
      try {
        JSON.parse(input.planJson);
      } catch {
        throw new StoreError('invalid', 'The plan JSON does not parse.');
      }
      const row = upsert.get({
        ws: requireWorkspace(workspaceId),
        vendor,
        kind: requireOneOf('kind', input.kind, ['vendor', 'override'] as const),
        documentName: requireText('document name', input.documentName, 200),
        documentText: input.documentText,
        planText: input.planText,
        planJson: input.planJson,
        importedBy: input.importedBy ?? null,
        importedAt: now(),
      }) as PlanRow;
      return toPlan(row);
    },
    /**
     * false when the workspace has no plan for this vendor. Throws StoreError 'plan-in-use' (naming the contracts
     * and open cases) while a contract of the workspace uses the vendor.
     */
    removeWorkspacePlan(workspaceId: string, vendor: string): boolean {
      return removePlan(requireWorkspace(workspaceId), vendor);
    },
  };
}
