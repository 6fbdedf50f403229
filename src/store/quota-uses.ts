import type Database from 'better-sqlite3';
import type { QuotaUse, QuotaUseInput } from '../model/records.js';
import { StoreError } from './errors.js';
import { optionalText, requireDate, requireId, requireNumber, requireText, requireWorkspace } from './validate.js';

type Now = () => number;

interface QuotaUseRow {
  id: number;
  workspace_id: string;
  contract_id: number;
  quota_id: string;
  count: number;
  used_on: string;
  note: string | null;
  user_id: string | null;
  recorded_at: number;
}

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

export function quotaUseMethods(db: Database.Database, now: Now) {
  const contractExists = db.prepare<[string, number], { id: number }>(
    'SELECT id FROM contracts WHERE workspace_id = ? AND id = ?',
  );
  const insert = db.prepare(`
    INSERT INTO quota_uses (workspace_id, contract_id, quota_id, count, used_on, note, user_id, recorded_at)
    VALUES (@ws, @contractId, @quotaId, @count, @usedOn, @note, @userId, @recordedAt)
    RETURNING *`);
  // NULL filters match everything, so one statement serves every combination.
  const list = db.prepare(`
    SELECT * FROM quota_uses
    WHERE workspace_id = @ws AND (@contractId IS NULL OR contract_id = @contractId)
      AND (@quotaId IS NULL OR quota_id = @quotaId)
    ORDER BY used_on, id`);
  const remove = db.prepare<[string, number]>('DELETE FROM quota_uses WHERE workspace_id = ? AND id = ?');

  return {
    recordQuotaUse(workspaceId: string, input: QuotaUseInput): QuotaUse {
      const ws = requireWorkspace(workspaceId);
      const contractId = requireId('contract id', input.contractId);
      if (!contractExists.get(ws, contractId)) {
        throw new StoreError(
          'not-found',
          `This workspace has no contract ${contractId}; \`contract\` lists the ones it has.`,
          { contractId },
        );
      }
      const row = insert.get({
        ws,
        contractId,
        quotaId: requireText('quota id', input.quotaId, 100),
        count: requireNumber('count', input.count, { min: 0, minExclusive: true }),
        usedOn: requireDate('usedOn', input.usedOn),
        note: optionalText('note', input.note),
        userId: optionalText('user id', input.userId, 255),
        recordedAt: now(),
      }) as QuotaUseRow;
      return toQuotaUse(row);
    },
    listQuotaUses(workspaceId: string, filter: { contractId?: number; quotaId?: string } = {}): QuotaUse[] {
      const rows = list.all({
        ws: requireWorkspace(workspaceId),
        contractId: filter.contractId ?? null,
        quotaId: filter.quotaId ?? null,
      }) as QuotaUseRow[];
      return rows.map(toQuotaUse);
    },
    deleteQuotaUse(workspaceId: string, id: number): boolean {
      return remove.run(requireWorkspace(workspaceId), requireId('quota use id', id)).changes > 0;
    },
  };
}
