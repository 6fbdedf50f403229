import type Database from 'better-sqlite3';
import type {
  Case,
  CaseEvent,
  CaseEventInput,
  CaseEventSource,
  CaseInput,
  CasePatch,
  CaseStatus,
} from '../model/records.js';
import { StoreError } from './errors.js';
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

type Now = () => number;

const STATUSES: readonly CaseStatus[] = ['open', 'waiting', 'closed'];
const SOURCES: readonly CaseEventSource[] = ['command', 'auto', 'button'];

interface CaseRow {
  id: number;
  workspace_id: string;
  channel_id: string;
  thread_ts: string;
  contract_id: number | null;
  status: string;
  severity: string | null;
  severity_since: number | null;
  product_scope: string | null;
  vendor_ref: string | null;
  opened_at: number;
  opened_by: string;
  first_responded_at: number | null;
  last_vendor_update_at: number | null;
  last_customer_message_at: number | null;
  waiting_since: number | null;
  paused_minutes: number;
  closed_at: number | null;
  reopened_at: number | null;
  status_message_ts: string | null;
  owner_id: string | null;
  created_at: number;
  updated_at: number;
}

interface CaseEventRow {
  id: number;
  workspace_id: string;
  case_id: number;
  kind: string;
  at: number;
  actor_id: string | null;
  source: string;
  data: string | null;
  undone_at: number | null;
  created_at: number;
}

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

export function caseMethods(db: Database.Database, now: Now) {
  const contractExists = db.prepare<[string, number], { id: number }>(
    'SELECT id FROM contracts WHERE workspace_id = ? AND id = ?',
  );
  const insert = db.prepare(`
    INSERT INTO cases (workspace_id, channel_id, thread_ts, contract_id, status, severity, severity_since,
      product_scope, vendor_ref, opened_at, opened_by, created_at, updated_at)
    VALUES (@ws, @channelId, @threadTs, @contractId, 'open', @severity, @openedAt,
      @productScope, @vendorRef, @openedAt, @openedBy, @now, @now)
    RETURNING *`);
  const get = db.prepare<[string, number], CaseRow>('SELECT * FROM cases WHERE workspace_id = ? AND id = ?');
  const getByThread = db.prepare<[string, string, string], CaseRow>(
    'SELECT * FROM cases WHERE workspace_id = ? AND channel_id = ? AND thread_ts = ?',
  );
  // One statement for any set of statuses: NULL means all, else a JSON list of statuses.
  const list = db.prepare<[string, string | null, string | null], CaseRow>(`
    SELECT * FROM cases WHERE workspace_id = ?
      AND (? IS NULL OR status IN (SELECT value FROM json_each(?)))
    ORDER BY opened_at, id`);
  const lastChannel = db.prepare<[string], { channel_id: string }>(
    'SELECT channel_id FROM cases WHERE workspace_id = ? ORDER BY opened_at DESC, id DESC LIMIT 1',
  );
  const update = db.prepare(`
    UPDATE cases SET status = @status, contract_id = @contractId, severity = @severity,
      severity_since = @severitySince, product_scope = @productScope, vendor_ref = @vendorRef,
      first_responded_at = @firstRespondedAt, last_vendor_update_at = @lastVendorUpdateAt,
      last_customer_message_at = @lastCustomerMessageAt, waiting_since = @waitingSince,
      paused_minutes = @pausedMinutes, closed_at = @closedAt, reopened_at = @reopenedAt,
      status_message_ts = @statusMessageTs, owner_id = @ownerId, updated_at = @updatedAt
    WHERE workspace_id = @workspaceId AND id = @id
    RETURNING *`);
  const insertEvent = db.prepare(`
    INSERT INTO case_events (workspace_id, case_id, kind, at, actor_id, source, data, created_at)
    VALUES (@ws, @caseId, @kind, @at, @actorId, @source, @data, @now)
    RETURNING *`);
  const listEvents = db.prepare<[string, number], CaseEventRow>(
    'SELECT * FROM case_events WHERE workspace_id = ? AND case_id = ? ORDER BY at, id',
  );
  const getEvent = db.prepare<[string, number], CaseEventRow>(
    'SELECT * FROM case_events WHERE workspace_id = ? AND id = ?',
  );
  const undoEvent = db.prepare<[number, string, number], CaseEventRow>(
    'UPDATE case_events SET undone_at = coalesce(undone_at, ?) WHERE workspace_id = ? AND id = ? RETURNING *',
  );

  const requireContract = (ws: string, contractId: number | null) => {
    if (contractId !== null && !contractExists.get(ws, contractId)) {
      throw new StoreError(
        'not-found',
        `This workspace has no contract ${contractId}; \`contract\` lists the ones it has.`,
        { contractId },
      );
    }
  };

  const caseExists = (ws: string, channelId: string, threadTs: string): never => {
    const existing = getByThread.get(ws, channelId, threadTs);
    throw new StoreError(
      'case-exists',
      `This thread already tracks case ${existing?.id ?? ''}${existing?.vendor_ref ? ` (vendor ref ${existing.vendor_ref})` : ''}; ` +
        'use `case …` commands in it, or open the new case in another thread.',
      { caseId: existing?.id },
    );
  };

  const createCase = db.transaction((ws: string, input: CaseInput): Case => {
    const channelId = requireText('channel id', input.channelId, 64);
    const threadTs = requireText('thread ts', input.threadTs, 64);
    const contractId = optionalId('contract id', input.contractId);
    requireContract(ws, contractId);
    if (getByThread.get(ws, channelId, threadTs)) caseExists(ws, channelId, threadTs);
    const row = insert.get({
      ws,
      channelId,
      threadTs,
      contractId,
      severity: optionalText('severity', input.severity, 50),
      productScope: optionalText('product', input.productScope, 200),
      vendorRef: optionalText('vendor case number', input.vendorRef, 200),
      openedAt: requireTime('openedAt', input.openedAt),
      openedBy: requireText('openedBy', input.openedBy, 255),
      now: now(),
    }) as CaseRow;
    return toCase(row);
  }).immediate;

  const updateCase = db.transaction((ws: string, id: number, patch: CasePatch): Case => {
    const row = get.get(ws, id);
    if (!row) {
      throw new StoreError('not-found', `This workspace has no case ${id}.`, { caseId: id });
    }
    const next = patched(toCase(row), patch ?? {});
    if (next.contractId !== row.contract_id) requireContract(ws, next.contractId);
    return toCase(update.get({ ...next, updatedAt: now() }) as CaseRow);
  }).immediate;

  return {
    createCase(workspaceId: string, input: CaseInput): Case {
      const ws = requireWorkspace(workspaceId);
      try {
        return createCase(ws, input);
      } catch (error) {
        // Two processes racing for the same thread: the unique index decides, the loser gets the same message.
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
          return caseExists(ws, input.channelId, input.threadTs);
        }
        throw error;
      }
    },
    getCase(workspaceId: string, id: number): Case | null {
      const row = get.get(requireWorkspace(workspaceId), requireId('case id', id));
      return row ? toCase(row) : null;
    },
    getCaseByThread(workspaceId: string, channelId: string, threadTs: string): Case | null {
      const row = getByThread.get(
        requireWorkspace(workspaceId),
        requireText('channel id', channelId, 64),
        requireText('thread ts', threadTs, 64),
      );
      return row ? toCase(row) : null;
    },
    listCases(workspaceId: string, filter: { status?: CaseStatus | CaseStatus[] } = {}): Case[] {
      const ws = requireWorkspace(workspaceId);
      let statuses: string | null = null;
      if (filter.status !== undefined) {
        const wanted = Array.isArray(filter.status) ? filter.status : [filter.status];
        statuses = JSON.stringify(wanted.map((s) => requireOneOf('status', s, STATUSES)));
      }
      return list.all(ws, statuses, statuses).map(toCase);
    },
    lastCaseChannel(workspaceId: string): string | undefined {
      return lastChannel.get(requireWorkspace(workspaceId))?.channel_id;
    },
    updateCase(workspaceId: string, id: number, patch: CasePatch): Case {
      return updateCase(requireWorkspace(workspaceId), requireId('case id', id), patch);
    },
    addCaseEvent(workspaceId: string, caseId: number, event: CaseEventInput): CaseEvent {
      const ws = requireWorkspace(workspaceId);
      const id = requireId('case id', caseId);
      if (!get.get(ws, id)) {
        throw new StoreError('not-found', `This workspace has no case ${id}.`, { caseId: id });
      }
      const row = insertEvent.get({
        ws,
        caseId: id,
        kind: requireText('event kind', event.kind, 64),
        at: requireTime('event time', event.at),
        actorId: optionalText('actor id', event.actorId, 255),
        source: requireOneOf('event source', event.source, SOURCES),
        data: toJson('event data', event.data),
        now: now(),
      }) as CaseEventRow;
      return toCaseEvent(row);
    },
    listCaseEvents(workspaceId: string, caseId: number): CaseEvent[] {
      return listEvents.all(requireWorkspace(workspaceId), requireId('case id', caseId)).map(toCaseEvent);
    },
    getCaseEvent(workspaceId: string, eventId: number): CaseEvent | null {
      const row = getEvent.get(requireWorkspace(workspaceId), requireId('event id', eventId));
      return row ? toCaseEvent(row) : null;
    },
    undoCaseEvent(workspaceId: string, eventId: number): CaseEvent | null {
      const row = undoEvent.get(now(), requireWorkspace(workspaceId), requireId('event id', eventId));
      return row ? toCaseEvent(row) : null;
    },
  };
}
