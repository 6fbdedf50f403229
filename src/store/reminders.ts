import type Database from 'better-sqlite3';
import type { Reminder, ReminderInput, ReminderKind, ReminderStatus } from '../model/records.js';
import { DEFAULT_LEASE_MS } from './api.js';
import { StoreError } from './errors.js';
import {
  fromJson,
  optionalId,
  optionalText,
  requireId,
  requireOneOf,
  requireText,
  requireTime,
  requireWorkspace,
  toJson,
} from './validate.js';

type Now = () => number;

const STATUSES: readonly ReminderStatus[] = ['pending', 'sending', 'sent', 'cancelled', 'failed'];

interface ReminderRow {
  id: number;
  workspace_id: string;
  case_id: number | null;
  contract_id: number | null;
  channel_id: string;
  thread_ts: string | null;
  kind: string;
  due_at: number;
  text: string;
  payload: string | null;
  dedupe_key: string;
  status: string;
  attempts: number;
  last_error: string | null;
  claimed_at: number | null;
  claimed_by: string | null;
  lease_until: number | null;
  sent_at: number | null;
  posted_ts: string | null;
  created_at: number;
  updated_at: number;
}

function toReminder(row: ReminderRow): Reminder {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    caseId: row.case_id,
    contractId: row.contract_id,
    channelId: row.channel_id,
    threadTs: row.thread_ts,
    kind: row.kind as ReminderKind,
    dueAt: row.due_at,
    text: row.text,
    payload: fromJson(row.payload),
    dedupeKey: row.dedupe_key,
    status: row.status as ReminderStatus,
    attempts: row.attempts,
    lastError: row.last_error,
    claimedAt: row.claimed_at,
    claimedBy: row.claimed_by,
    leaseUntil: row.lease_until,
    sentAt: row.sent_at,
    postedTs: row.posted_ts,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const byDueTime = (a: Reminder, b: Reminder) => a.dueAt - b.dueAt || a.id - b.id;

/** Slack's errors can be long; the reminder keeps enough to diagnose. */
const clip = (error: unknown) => String(error ?? '').slice(0, 1000);

function reminderColumns(input: ReminderInput) {
  return {
    caseId: optionalId('case id', input.caseId),
    contractId: optionalId('contract id', input.contractId),
    channelId: requireText('channel id', input.channelId, 64),
    threadTs: optionalText('thread ts', input.threadTs, 64),
    kind: requireText('reminder kind', input.kind, 64),
    dueAt: requireTime('dueAt', input.dueAt),
    text: requireText('reminder text', input.text, 40_000),
    payload: toJson('reminder payload', input.payload),
    dedupeKey: requireText('dedupe key', input.dedupeKey, 500),
  };
}

export function reminderMethods(db: Database.Database, now: Now) {
  const get = db.prepare<[string, number], ReminderRow>('SELECT * FROM reminders WHERE workspace_id = ? AND id = ?');
  const getByKey = db.prepare<[string, string], ReminderRow>(
    'SELECT * FROM reminders WHERE workspace_id = ? AND dedupe_key = ?',
  );
  const list = db.prepare(`
    SELECT * FROM reminders WHERE workspace_id = @ws
      AND (@caseId IS NULL OR case_id = @caseId) AND (@status IS NULL OR status = @status)
    ORDER BY due_at, id`);
  const caseExists = db.prepare<[string, number], { id: number }>(
    'SELECT id FROM cases WHERE workspace_id = ? AND id = ?',
  );
  const contractExists = db.prepare<[string, number], { id: number }>(
    'SELECT id FROM contracts WHERE workspace_id = ? AND id = ?',
  );
  const insert = db.prepare(`
    INSERT INTO reminders (workspace_id, case_id, contract_id, channel_id, thread_ts, kind, due_at, text, payload,
      dedupe_key, status, attempts, created_at, updated_at)
    VALUES (@ws, @caseId, @contractId, @channelId, @threadTs, @kind, @dueAt, @text, @payload,
      @dedupeKey, 'pending', 0, @now, @now)
    RETURNING *`);
  // Re-arms a pending or cancelled reminder with new content; sent, sending and failed rows are left alone.
  const rearm = db.prepare(`
    UPDATE reminders SET case_id = @caseId, contract_id = @contractId, channel_id = @channelId, thread_ts = @threadTs,
      kind = @kind, due_at = @dueAt, text = @text, payload = @payload, status = 'pending', attempts = 0,
      last_error = NULL, claimed_at = NULL, claimed_by = NULL, lease_until = NULL, updated_at = @now
    WHERE workspace_id = @ws AND dedupe_key = @dedupeKey AND status IN ('pending', 'cancelled')
    RETURNING *`);
  const pendingOfCase = db.prepare<[string, number], ReminderRow>(
    "SELECT * FROM reminders WHERE workspace_id = ? AND case_id = ? AND status = 'pending' ORDER BY due_at, id",
  );
  const cancelOne = db.prepare<[number, string, number]>(
    "UPDATE reminders SET status = 'cancelled', updated_at = ? WHERE workspace_id = ? AND id = ? AND status = 'pending'",
  );
  const cancelWorkspace = db.prepare<[number, string]>(
    "UPDATE reminders SET status = 'cancelled', updated_at = ? WHERE workspace_id = ? AND status = 'pending'",
  );
  const moveDue = db.prepare<[number, number, string, number], ReminderRow>(
    "UPDATE reminders SET due_at = ?, updated_at = ? WHERE workspace_id = ? AND id = ? AND status = 'pending' RETURNING *",
  );
  // The one query without a workspace id: the scheduler claims due reminders of every workspace. A 'sending'
  // row is taken over only when its lease ran out (its holder died or stalled), never while it is renewed.
  const claim = db.prepare<{ now: number; leaseUntil: number; owner: string; limit: number }, ReminderRow>(`
    UPDATE reminders SET status = 'sending', attempts = attempts + 1, claimed_at = @now, claimed_by = @owner,
      lease_until = @leaseUntil, updated_at = @now
    WHERE id IN (
      SELECT id FROM (
        SELECT * FROM (SELECT id, due_at FROM reminders WHERE status = 'pending' AND due_at <= @now
          ORDER BY due_at, id LIMIT @limit)
        UNION ALL
        SELECT * FROM (SELECT id, due_at FROM reminders WHERE status = 'sending' AND lease_until <= @now
          ORDER BY due_at, id LIMIT @limit)
      ) ORDER BY due_at, id LIMIT @limit)
    RETURNING *`);
  const renew = db.prepare<{ ws: string; id: number; owner: string; leaseUntil: number; now: number }>(`
    UPDATE reminders SET lease_until = @leaseUntil, updated_at = @now
    WHERE workspace_id = @ws AND id = @id AND status = 'sending' AND claimed_by = @owner`);
  // the due time of the case's next reminder after this one (pending, being sent or sent): past it, this one is stale
  const nextOfCase = db.prepare<{ ws: string; caseId: number; dueAt: number; id: number }, { due_at: number }>(`
    SELECT due_at FROM reminders WHERE workspace_id = @ws AND case_id = @caseId AND id != @id
      AND status IN ('pending', 'sending', 'sent') AND due_at > @dueAt
    ORDER BY due_at LIMIT 1`);
  const markSent = db.prepare<[number, string | null, number, string, number], ReminderRow>(`
    UPDATE reminders SET status = 'sent', sent_at = ?, posted_ts = ?, last_error = NULL, updated_at = ?
    WHERE workspace_id = ? AND id = ? AND status IN ('sending', 'pending') RETURNING *`);
  const release = db.prepare<[string, number, number, string, number], ReminderRow>(`
    UPDATE reminders SET status = 'pending', last_error = ?, due_at = ?, claimed_at = NULL, claimed_by = NULL,
      lease_until = NULL, updated_at = ?
    WHERE workspace_id = ? AND id = ? AND status = 'sending' RETURNING *`);
  const markFailed = db.prepare<[string, number, string, number], ReminderRow>(`
    UPDATE reminders SET status = 'failed', last_error = ?, updated_at = ?
    WHERE workspace_id = ? AND id = ? AND status IN ('sending', 'pending') RETURNING *`);

  const requireParents = (ws: string, columns: ReturnType<typeof reminderColumns>) => {
    if (columns.caseId !== null && !caseExists.get(ws, columns.caseId)) {
      throw new StoreError('not-found', `This workspace has no case ${columns.caseId}.`, { caseId: columns.caseId });
    }
    if (columns.contractId !== null && !contractExists.get(ws, columns.contractId)) {
      throw new StoreError('not-found', `This workspace has no contract ${columns.contractId}.`, {
        contractId: columns.contractId,
      });
    }
  };

  const schedule = (ws: string, input: ReminderInput): ReminderRow => {
    const columns = reminderColumns(input);
    requireParents(ws, columns);
    const existing = getByKey.get(ws, columns.dedupeKey);
    if (!existing) return insert.get({ ws, ...columns, now: now() }) as ReminderRow;
    if (existing.status === 'cancelled') return rearm.get({ ws, ...columns, now: now() }) as ReminderRow;
    return existing;
  };

  const scheduleOnce = db.transaction(schedule).immediate;

  const replaceCaseReminders = db.transaction((ws: string, caseId: number, inputs: ReminderInput[]): Reminder[] => {
    if (!caseExists.get(ws, caseId)) {
      throw new StoreError('not-found', `This workspace has no case ${caseId}.`, { caseId });
    }
    const all = inputs.map((input) => reminderColumns({ ...input, caseId }));
    const keys = new Set(all.map((c) => c.dedupeKey));
    const at = now();
    for (const row of pendingOfCase.all(ws, caseId)) {
      if (!keys.has(row.dedupe_key)) cancelOne.run(at, ws, row.id);
    }
    for (const columns of all) {
      requireParents(ws, columns);
      const existing = getByKey.get(ws, columns.dedupeKey);
      if (!existing) insert.run({ ws, ...columns, now: at });
      else if (existing.status === 'pending' || existing.status === 'cancelled') rearm.run({ ws, ...columns, now: at });
    }
    return pendingOfCase.all(ws, caseId).map(toReminder);
  }).immediate;

  const snooze = db.transaction((ws: string, id: number, untilMs: number): Reminder | null => {
    const row = get.get(ws, id);
    if (!row) return null;
    if (row.status === 'pending') return toReminder(moveDue.get(untilMs, now(), ws, id) as ReminderRow);
    const copy = toReminder(row);
    return toReminder(
      schedule(ws, {
        caseId: copy.caseId,
        contractId: copy.contractId,
        channelId: copy.channelId,
        threadTs: copy.threadTs,
        kind: copy.kind,
        dueAt: untilMs,
        text: copy.text,
        payload: copy.payload,
        dedupeKey: `${copy.dedupeKey}#snooze@${untilMs}`,
      }),
    );
  }).immediate;

  const claimDue = db.transaction((at: number, limit: number, leaseMs: number, owner: string): Reminder[] =>
    claim
      .all({ now: at, leaseUntil: at + leaseMs, owner, limit })
      .map(toReminder)
      .sort(byDueTime),
  );

  const renewAll = db.transaction((held: { workspaceId: string; id: number }[], owner: string, until: number) => {
    const at = now();
    const kept: number[] = [];
    for (const r of held) {
      if (renew.run({ ws: r.workspaceId, id: r.id, owner, leaseUntil: until, now: at }).changes > 0) kept.push(r.id);
    }
    return kept;
  }).immediate;

  const scoped = (workspaceId: string, id: number): [string, number] => [
    requireWorkspace(workspaceId),
    requireId('reminder id', id),
  ];
  const maybe = (row: ReminderRow | undefined) => (row ? toReminder(row) : null);

  return {
    replaceCaseReminders(workspaceId: string, caseId: number, reminders: ReminderInput[]): Reminder[] {
      if (!Array.isArray(reminders)) throw new StoreError('invalid', 'reminders must be a list (it may be empty).');
      return replaceCaseReminders(requireWorkspace(workspaceId), requireId('case id', caseId), reminders);
    },
    scheduleReminder(workspaceId: string, reminder: ReminderInput): Reminder {
      const ws = requireWorkspace(workspaceId);
      return toReminder(scheduleOnce(ws, reminder));
    },
    hasReminderKey(workspaceId: string, dedupeKey: string): boolean {
      return getByKey.get(requireWorkspace(workspaceId), dedupeKey) !== undefined;
    },
    getReminder(workspaceId: string, id: number): Reminder | null {
      return maybe(get.get(...scoped(workspaceId, id)));
    },
    listReminders(workspaceId: string, filter: { caseId?: number; status?: ReminderStatus } = {}): Reminder[] {
      const rows = list.all({
        ws: requireWorkspace(workspaceId),
        caseId: filter.caseId === undefined ? null : requireId('case id', filter.caseId),
        status: filter.status === undefined ? null : requireOneOf('status', filter.status, STATUSES),
      }) as ReminderRow[];
      return rows.map(toReminder);
    },
    cancelReminder(workspaceId: string, id: number): boolean {
      const [ws, reminderId] = scoped(workspaceId, id);
      return cancelOne.run(now(), ws, reminderId).changes > 0;
    },
    cancelWorkspaceReminders(workspaceId: string): number {
      return cancelWorkspace.run(now(), requireWorkspace(workspaceId)).changes;
    },
    snoozeReminder(workspaceId: string, id: number, untilMs: number): Reminder | null {
      const [ws, reminderId] = scoped(workspaceId, id);
      return snooze(ws, reminderId, requireTime('untilMs', untilMs));
    },
    claimDueReminders(at: number, limit: number, leaseMs: number = DEFAULT_LEASE_MS, owner = 'scheduler'): Reminder[] {
      requireTime('now', at);
      if (!Number.isSafeInteger(limit) || limit <= 0) {
        throw new StoreError('invalid', `limit must be a positive whole number; got ${limit}.`);
      }
      if (!Number.isSafeInteger(leaseMs) || leaseMs <= 0) {
        throw new StoreError('invalid', `leaseMs must be a positive whole number of milliseconds; got ${leaseMs}.`);
      }
      // IMMEDIATE: take the write lock before reading, so two schedulers never claim the same row.
      return claimDue.immediate(at, limit, leaseMs, requireText('owner', owner, 200));
    },
    renewReminderLeases(held: { workspaceId: string; id: number }[], owner: string, leaseUntil: number): number[] {
      for (const r of held) scoped(r.workspaceId, r.id);
      return renewAll(held, requireText('owner', owner, 200), requireTime('leaseUntil', leaseUntil));
    },
    nextCaseReminderDue(workspaceId: string, caseId: number, afterDueAt: number, exceptId: number): number | null {
      const row = nextOfCase.get({
        ws: requireWorkspace(workspaceId),
        caseId: requireId('case id', caseId),
        dueAt: requireTime('dueAt', afterDueAt),
        id: exceptId,
      });
      return row?.due_at ?? null;
    },
    markReminderSent(workspaceId: string, id: number, sentAt: number, postedTs: string | null = null): Reminder | null {
      const [ws, reminderId] = scoped(workspaceId, id);
      const ts = optionalText('posted ts', postedTs, 64);
      return maybe(markSent.get(requireTime('sentAt', sentAt), ts, now(), ws, reminderId));
    },
    releaseReminder(workspaceId: string, id: number, error: string, retryAtMs: number): Reminder | null {
      const [ws, reminderId] = scoped(workspaceId, id);
      return maybe(release.get(clip(error), requireTime('retryAtMs', retryAtMs), now(), ws, reminderId));
    },
    markReminderFailed(workspaceId: string, id: number, error: string): Reminder | null {
      const [ws, reminderId] = scoped(workspaceId, id);
      return maybe(markFailed.get(clip(error), now(), ws, reminderId));
    },
  };
}
