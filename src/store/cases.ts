import type {
  Case,
  CaseEvent,
  CaseEventInput,
  CaseEventSource,
  CaseInput,
  CasePatch,
  CaseStatus,
} from '../model/records.js';
import type { StoreContext } from './context.js';
import { StoreError } from './errors.js';
import { workspaceHas } from './owned.js';
import type { CaseEventRow, CaseRow } from './schema.js';
import {
  fromJson,
  optionalId,
  optionalText,
  optionalTime,
  requireId,
  requireNumber,
  requireOneOf,
  requireText,
  requireTime,
  requireWorkspace,
  toJson,
} from './validate.js';

const STATUSES: readonly CaseStatus[] = ['open', 'waiting', 'closed'];
const SOURCES: readonly CaseEventSource[] = ['command', 'auto', 'button'];

function toCase(row: CaseRow): Case {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    channelId: row.channel_id,
    threadTs: row.thread_ts,
    contractId: row.contract_id,
    status: row.status as CaseStatus,
    severity: row.severity,
    severitySince: row.severity_since,
    productScope: row.product_scope,
    vendorRef: row.vendor_ref,
    openedAt: row.opened_at,
    openedBy: row.opened_by,
    firstRespondedAt: row.first_responded_at,
    lastVendorUpdateAt: row.last_vendor_update_at,
    lastCustomerMessageAt: row.last_customer_message_at,
    waitingSince: row.waiting_since,
    pausedMinutes: row.paused_minutes,
    closedAt: row.closed_at,
    reopenedAt: row.reopened_at,
    statusMessageTs: row.status_message_ts,
    ownerId: row.owner_id ?? row.opened_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toCaseEvent(row: CaseEventRow): CaseEvent {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    caseId: row.case_id,
    kind: row.kind,
    at: row.at,
    actorId: row.actor_id,
    source: row.source as CaseEventSource,
    data: fromJson(row.data),
    undoneAt: row.undone_at,
    createdAt: row.created_at,
  };
}

/** Applies a patch to a case, checking each field it sets; `undefined` keeps a field, `null` clears it. */
function patched(current: Case, patch: CasePatch): Case {
  const next = { ...current };
  const set = <K extends keyof CasePatch>(key: K, check: (value: unknown) => Case[K]) => {
    if (patch[key] !== undefined) next[key] = check(patch[key]);
  };
  set('status', (v) => requireOneOf('status', v, STATUSES));
  set('contractId', (v) => optionalId('contract id', v));
  set('severity', (v) => optionalText('severity', v, 50));
  set('severitySince', (v) => optionalTime('severitySince', v));
  set('productScope', (v) => optionalText('product', v, 200));
  set('vendorRef', (v) => optionalText('vendor case number', v, 200));
  set('firstRespondedAt', (v) => optionalTime('firstRespondedAt', v));
  set('lastVendorUpdateAt', (v) => optionalTime('lastVendorUpdateAt', v));
  set('lastCustomerMessageAt', (v) => optionalTime('lastCustomerMessageAt', v));
  set('waitingSince', (v) => optionalTime('waitingSince', v));
  set('pausedMinutes', (v) => requireNumber('pausedMinutes', v, { min: 0 }));
  set('closedAt', (v) => optionalTime('closedAt', v));
  set('reopenedAt', (v) => optionalTime('reopenedAt', v));
  set('statusMessageTs', (v) => optionalText('status message ts', v, 64));
  // null hands the case back to the person who opened it
  set('ownerId', (v) => optionalText('owner', v, 255) ?? current.openedBy);
  return next;
}

export function caseMethods(ctx: StoreContext) {
  const findCase = (ws: string, id: number) =>
    ctx.q().selectFrom('cases').where('workspace_id', '=', ws).where('id', '=', id);
  const findByThread = (ws: string, channelId: string, threadTs: string) =>
    ctx
      .q()
      .selectFrom('cases')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('channel_id', '=', channelId)
      .where('thread_ts', '=', threadTs)
      .executeTakeFirst();
  const findEvent = (ws: string, id: number) =>
    ctx.q().selectFrom('case_events').selectAll().where('workspace_id', '=', ws).where('id', '=', id);

  const requireContract = async (ws: string, contractId: number | null) => {
    if (contractId === null) return;
    if (!(await workspaceHas(ctx, 'contracts', ws, contractId))) {
      throw new StoreError(
        'not-found',
        `This workspace has no contract ${contractId}; \`contract\` lists the ones it has.`,
        { contractId },
      );
    }
  };

  const caseExists = async (ws: string, channelId: string, threadTs: string): Promise<never> => {
    const existing = await findByThread(ws, channelId, threadTs);
    throw new StoreError(
      'case-exists',
      `This thread already tracks case ${existing?.id ?? ''}${existing?.vendor_ref ? ` (vendor ref ${existing.vendor_ref})` : ''}; ` +
        'use `case …` commands in it, or open the new case in another thread.',
      { caseId: existing?.id },
    );
  };

  return {
    async createCase(workspaceId: string, input: CaseInput): Promise<Case> {
      const ws = requireWorkspace(workspaceId);
      const channelId = requireText('channel id', input.channelId, 64);
      const threadTs = requireText('thread ts', input.threadTs, 64);
      const contractId = optionalId('contract id', input.contractId);
      const row = await ctx.transaction(async () => {
        await requireContract(ws, contractId);
        if (await findByThread(ws, channelId, threadTs)) await caseExists(ws, channelId, threadTs);
        const severity = optionalText('severity', input.severity, 50);
        const productScope = optionalText('product', input.productScope, 200);
        const vendorRef = optionalText('vendor case number', input.vendorRef, 200);
        const openedAt = requireTime('openedAt', input.openedAt);
        const openedBy = requireText('openedBy', input.openedBy, 255);
        const at = ctx.now();
        // Two callers racing for the same thread: the unique index decides without failing a statement (a failed
        // one would abort the caller's transaction on PostgreSQL); the loser gets the same message below.
        return ctx
          .q()
          .insertInto('cases')
          .values({
            workspace_id: ws,
            channel_id: channelId,
            thread_ts: threadTs,
            contract_id: contractId,
            status: 'open',
            severity,
            severity_since: openedAt,
            product_scope: productScope,
            vendor_ref: vendorRef,
            opened_at: openedAt,
            opened_by: openedBy,
            created_at: at,
            updated_at: at,
          })
          .onConflict((conflict) => conflict.columns(['workspace_id', 'channel_id', 'thread_ts']).doNothing())
          .returningAll()
          .executeTakeFirst();
      });
      return row ? toCase(row) : caseExists(ws, channelId, threadTs);
    },
    async getCase(workspaceId: string, id: number): Promise<Case | null> {
      const row = await findCase(requireWorkspace(workspaceId), requireId('case id', id))
        .selectAll()
        .executeTakeFirst();
      return row ? toCase(row) : null;
    },
    async getCaseByThread(workspaceId: string, channelId: string, threadTs: string): Promise<Case | null> {
      const row = await findByThread(
        requireWorkspace(workspaceId),
        requireText('channel id', channelId, 64),
        requireText('thread ts', threadTs, 64),
      );
      return row ? toCase(row) : null;
    },
    async listCases(workspaceId: string, filter: { status?: CaseStatus | CaseStatus[] } = {}): Promise<Case[]> {
      const ws = requireWorkspace(workspaceId);
      let query = ctx.q().selectFrom('cases').selectAll().where('workspace_id', '=', ws);
      if (filter.status !== undefined) {
        const wanted = Array.isArray(filter.status) ? filter.status : [filter.status];
        const statuses = [...new Set(wanted.map((s) => requireOneOf('status', s, STATUSES)))];
        if (statuses.length === 0) return [];
        query = query.where('status', 'in', statuses);
      }
      const rows = await query.orderBy('opened_at').orderBy('id').execute();
      return rows.map(toCase);
    },
    async lastCaseChannel(workspaceId: string): Promise<string | undefined> {
      const row = await ctx
        .q()
        .selectFrom('cases')
        .select('channel_id')
        .where('workspace_id', '=', requireWorkspace(workspaceId))
        .orderBy('opened_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row?.channel_id;
    },
    async updateCase(workspaceId: string, id: number, patch: CasePatch): Promise<Case> {
      const ws = requireWorkspace(workspaceId);
      const caseId = requireId('case id', id);
      return ctx.transaction(async () => {
        // the row is locked from the read to the write on PostgreSQL (SQLite's IMMEDIATE transaction already
        // holds the whole file), so two patches at once do not undo each other's fields
        const query = findCase(ws, caseId).selectAll();
        const row = await (ctx.kind === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
        if (!row) {
          throw new StoreError('not-found', `This workspace has no case ${caseId}.`, { caseId });
        }
        const next = patched(toCase(row), patch ?? {});
        if (next.contractId !== row.contract_id) await requireContract(ws, next.contractId);
        const updated = await ctx
          .q()
          .updateTable('cases')
          .set({
            status: next.status,
            contract_id: next.contractId,
            severity: next.severity,
            severity_since: next.severitySince,
            product_scope: next.productScope,
            vendor_ref: next.vendorRef,
            first_responded_at: next.firstRespondedAt,
            last_vendor_update_at: next.lastVendorUpdateAt,
            last_customer_message_at: next.lastCustomerMessageAt,
            waiting_since: next.waitingSince,
            paused_minutes: next.pausedMinutes,
            closed_at: next.closedAt,
            reopened_at: next.reopenedAt,
            status_message_ts: next.statusMessageTs,
            owner_id: next.ownerId,
            updated_at: ctx.now(),
          })
          .where('workspace_id', '=', ws)
          .where('id', '=', caseId)
          .returningAll()
          .executeTakeFirstOrThrow();
        return toCase(updated);
      });
    },
    async addCaseEvent(workspaceId: string, caseId: number, event: CaseEventInput): Promise<CaseEvent> {
      const ws = requireWorkspace(workspaceId);
      const id = requireId('case id', caseId);
      if (!(await findCase(ws, id).select('id').executeTakeFirst())) {
        throw new StoreError('not-found', `This workspace has no case ${id}.`, { caseId: id });
      }
      const row = await ctx
        .q()
        .insertInto('case_events')
        .values({
          workspace_id: ws,
          case_id: id,
          kind: requireText('event kind', event.kind, 64),
          at: requireTime('event time', event.at),
          actor_id: optionalText('actor id', event.actorId, 255),
          source: requireOneOf('event source', event.source, SOURCES),
          data: toJson('event data', event.data),
          created_at: ctx.now(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toCaseEvent(row);
    },
    async listCaseEvents(workspaceId: string, caseId: number): Promise<CaseEvent[]> {
      const rows = await ctx
        .q()
        .selectFrom('case_events')
        .selectAll()
        .where('workspace_id', '=', requireWorkspace(workspaceId))
        .where('case_id', '=', requireId('case id', caseId))
        .orderBy('at')
        .orderBy('id')
        .execute();
      return rows.map(toCaseEvent);
    },
    async listCaseEventsByStatus(workspaceId: string, status: CaseStatus[]): Promise<Map<number, CaseEvent[]>> {
      const ws = requireWorkspace(workspaceId);
      const statuses = [...new Set(status.map((s) => requireOneOf('status', s, STATUSES)))];
      const byCase = new Map<number, CaseEvent[]>();
      if (statuses.length === 0) return byCase;
      // one statement for every listed case (the Home tab lists them all): a join, so the text does not vary
      // with the number of cases as an IN list of ids would
      const rows = await ctx
        .q()
        .selectFrom('case_events as e')
        .innerJoin('cases as c', (join) =>
          join.onRef('c.workspace_id', '=', 'e.workspace_id').onRef('c.id', '=', 'e.case_id'),
        )
        .selectAll('e')
        .where('e.workspace_id', '=', ws)
        .where('c.status', 'in', statuses)
        .orderBy('e.case_id')
        .orderBy('e.at')
        .orderBy('e.id')
        .execute();
      for (const row of rows) {
        const events = byCase.get(row.case_id);
        if (events) events.push(toCaseEvent(row));
        else byCase.set(row.case_id, [toCaseEvent(row)]);
      }
      return byCase;
    },
    async getCaseEvent(workspaceId: string, eventId: number): Promise<CaseEvent | null> {
      const row = await findEvent(requireWorkspace(workspaceId), requireId('event id', eventId)).executeTakeFirst();
      return row ? toCaseEvent(row) : null;
    },
    async undoCaseEvent(workspaceId: string, eventId: number): Promise<CaseEvent | null> {
      const ws = requireWorkspace(workspaceId);
      const id = requireId('event id', eventId);
      // one statement: the first undo time is kept however many undo at once
      const row = await ctx
        .q()
        .updateTable('case_events')
        .set((eb) => ({ undone_at: eb.fn.coalesce('undone_at', eb.val(ctx.now())) }))
        .where('workspace_id', '=', ws)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row ? toCaseEvent(row) : null;
    },
  };
}
