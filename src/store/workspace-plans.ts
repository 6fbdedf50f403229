import { sql } from 'kysely';
import type { WorkspacePlan, WorkspacePlanInput } from '../model/records.js';
import type { StoreContext } from './context.js';
import { StoreError } from './errors.js';
import type { WorkspacePlanRow } from './schema.js';
import { requireOneOf, requireText, requireWorkspace } from './validate.js';

function toPlan(row: WorkspacePlanRow): WorkspacePlan {
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
export function workspacePlanMethods(ctx: StoreContext) {
  /**
   * Each row's version as the engine numbers it: SQLite's rowid, PostgreSQL's xmin (the transaction that wrote
   * this version of the row), so that a plan removed and imported again within one millisecond still changes
   * the revision.
   */
  const rowVersion = ctx.kind === 'postgres' ? sql<string>`xmin::text` : sql<string>`rowid`;

  const removePlan = (ws: string, vendor: string): Promise<boolean> =>
    ctx.transaction(async () => {
      // PostgreSQL: the row is locked until the delete, so a second removal or an import waits for this one
      let select = ctx
        .q()
        .selectFrom('workspace_plans')
        .select('kind')
        .where('workspace_id', '=', ws)
        .where('vendor', '=', vendor);
      if (ctx.kind === 'postgres') select = select.forUpdate();
      const row = await select.executeTakeFirst();
      if (!row) return false;
      const contracts = await ctx
        .q()
        .selectFrom('contracts')
        .select(['id', 'name'])
        .where('workspace_id', '=', ws)
        .where('vendor', '=', vendor)
        .orderBy('id')
        .execute();
      if (contracts.length > 0) {
        const cases = (
          await ctx
            .q()
            .selectFrom('cases')
            .innerJoin('contracts', (join) =>
              join
                .onRef('contracts.workspace_id', '=', 'cases.workspace_id')
                .onRef('contracts.id', '=', 'cases.contract_id'),
            )
            .select('cases.id')
            .where('cases.workspace_id', '=', ws)
            .where('contracts.vendor', '=', vendor)
            .where('cases.status', '!=', 'closed')
            .orderBy('cases.id')
            .execute()
        ).map((c) => c.id);
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
      await ctx.q().deleteFrom('workspace_plans').where('workspace_id', '=', ws).where('vendor', '=', vendor).execute();
      return true;
    });

  return {
    async listWorkspacePlans(workspaceId: string): Promise<WorkspacePlan[]> {
      const rows = await ctx
        .q()
        .selectFrom('workspace_plans')
        .selectAll()
        .where('workspace_id', '=', requireWorkspace(workspaceId))
        .orderBy('vendor')
        .execute();
      return rows.map(toPlan);
    },
    async getWorkspacePlan(workspaceId: string, vendor: string): Promise<WorkspacePlan | null> {
      const row = await ctx
        .q()
        .selectFrom('workspace_plans')
        .selectAll()
        .where('workspace_id', '=', requireWorkspace(workspaceId))
        .where('vendor', '=', vendor)
        .executeTakeFirst();
      return row ? toPlan(row) : null;
    },
    async workspacePlanRevision(workspaceId: string): Promise<string> {
      const rows = await ctx
        .q()
        .selectFrom('workspace_plans')
        .select(['vendor', 'imported_at', rowVersion.as('version')])
        .where('workspace_id', '=', requireWorkspace(workspaceId))
        .orderBy('vendor')
        .execute();
      return rows.map((r) => `${r.vendor}:${r.imported_at}:${r.version}`).join(',');
    },
    async saveWorkspacePlan(workspaceId: string, input: WorkspacePlanInput): Promise<WorkspacePlan> {
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
      const ws = requireWorkspace(workspaceId);
      const plan = {
        kind: requireOneOf('kind', input.kind, ['vendor', 'override'] as const),
        document_name: requireText('document name', input.documentName, 200),
        document_text: input.documentText,
        plan_text: input.planText,
        plan_json: input.planJson,
        imported_by: input.importedBy ?? null,
        imported_at: ctx.now(),
      };
      const row = await ctx
        .q()
        .insertInto('workspace_plans')
        .values({ workspace_id: ws, vendor, ...plan })
        .onConflict((conflict) => conflict.columns(['workspace_id', 'vendor']).doUpdateSet(plan))
        .returningAll()
        .executeTakeFirstOrThrow();
      return toPlan(row);
    },
    /**
     * false when the workspace has no plan for this vendor. Throws StoreError 'plan-in-use' (naming the contracts
     * and open cases) while a contract of the workspace uses the vendor.
     */
    async removeWorkspacePlan(workspaceId: string, vendor: string): Promise<boolean> {
      return await removePlan(requireWorkspace(workspaceId), vendor);
    },
  };
}
