import type { QuotaUse, QuotaUseInput } from '../model/records.js';
import type { StoreContext } from './context.js';
import { StoreError } from './errors.js';
import { workspaceHas } from './owned.js';
import type { QuotaUseRow } from './schema.js';
import { optionalText, requireDate, requireId, requireNumber, requireText, requireWorkspace } from './validate.js';

function toQuotaUse(row: QuotaUseRow): QuotaUse {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    contractId: row.contract_id,
    quotaId: row.quota_id,
    count: row.count,
    usedOn: row.used_on,
    note: row.note,
    userId: row.user_id,
    recordedAt: row.recorded_at,
  };
}

export function quotaUseMethods(ctx: StoreContext) {
  return {
    async recordQuotaUse(workspaceId: string, input: QuotaUseInput): Promise<QuotaUse> {
      const ws = requireWorkspace(workspaceId);
      const contractId = requireId('contract id', input.contractId);
      if (!(await workspaceHas(ctx, 'contracts', ws, contractId))) {
        throw new StoreError(
          'not-found',
          `This workspace has no contract ${contractId}; \`contract\` lists the ones it has.`,
          { contractId },
        );
      }
      const row = await ctx
        .q()
        .insertInto('quota_uses')
        .values({
          workspace_id: ws,
          contract_id: contractId,
          quota_id: requireText('quota id', input.quotaId, 100),
          count: requireNumber('count', input.count, { min: 0, minExclusive: true }),
          used_on: requireDate('usedOn', input.usedOn),
          note: optionalText('note', input.note),
          user_id: optionalText('user id', input.userId, 255),
          recorded_at: ctx.now(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toQuotaUse(row);
    },
    async listQuotaUses(
      workspaceId: string,
      filter: { contractId?: number; quotaId?: string } = {},
    ): Promise<QuotaUse[]> {
      let query = ctx
        .q()
        .selectFrom('quota_uses')
        .selectAll()
        .where('workspace_id', '=', requireWorkspace(workspaceId));
      if (filter.contractId != null) query = query.where('contract_id', '=', filter.contractId);
      if (filter.quotaId != null) query = query.where('quota_id', '=', filter.quotaId);
      const rows = await query.orderBy('used_on').orderBy('id').execute();
      return rows.map(toQuotaUse);
    },
    async deleteQuotaUse(workspaceId: string, id: number): Promise<boolean> {
      const result = await ctx
        .q()
        .deleteFrom('quota_uses')
        .where('workspace_id', '=', requireWorkspace(workspaceId))
        .where('id', '=', requireId('quota use id', id))
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
