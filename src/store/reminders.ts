import type { ExpressionBuilder, QueryCreator } from 'kysely';
import type { Reminder, ReminderInput, ReminderKind, ReminderStatus } from '../model/records.js';
import { DEFAULT_LEASE_MS } from './api.js';
import type { StoreContext } from './context.js';
import { StoreError } from './errors.js';
import { workspaceHas } from './owned.js';
import type { DB, ReminderRow } from './schema.js';
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

const STATUSES: readonly ReminderStatus[] = ['pending', 'sending', 'sent', 'cancelled', 'failed'];

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

/** a reminder's columns, validated (every input is checked before anything is written) */
function reminderColumns(input: ReminderInput) {
  return {
    case_id: optionalId('case id', input.caseId),
    contract_id: optionalId('contract id', input.contractId),
    channel_id: requireText('channel id', input.channelId, 64),
    thread_ts: optionalText('thread ts', input.threadTs, 64),
    kind: requireText('reminder kind', input.kind, 64),
    due_at: requireTime('dueAt', input.dueAt),
    text: requireText('reminder text', input.text, 40_000),
    payload: toJson('reminder payload', input.payload),
    dedupe_key: requireText('dedupe key', input.dedupeKey, 500),
  };
}
type Columns = ReturnType<typeof reminderColumns>;

export function reminderMethods(ctx: StoreContext) {
  const { now } = ctx;
  const postgres = ctx.kind === 'postgres';

  /** PostgreSQL: `FOR UPDATE` on a row read before it is changed (SQLite's IMMEDIATE transaction already holds the file) */
  const get = (ws: string, id: number, lock = false) =>
    ctx
      .q()
      .selectFrom('reminders')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('id', '=', id)
      .$if(lock && postgres, (qb) => qb.forUpdate())
      .executeTakeFirst();

  const getByKey = (ws: string, dedupeKey: string) =>
    ctx
      .q()
      .selectFrom('reminders')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('dedupe_key', '=', dedupeKey)
      .executeTakeFirst();

  const requireParents = async (ws: string, columns: Pick<Columns, 'case_id' | 'contract_id'>) => {
    if (columns.case_id !== null && !(await workspaceHas(ctx, 'cases', ws, columns.case_id))) {
      throw new StoreError('not-found', `This workspace has no case ${columns.case_id}.`, { caseId: columns.case_id });
    }
    if (columns.contract_id !== null && !(await workspaceHas(ctx, 'contracts', ws, columns.contract_id))) {
      throw new StoreError('not-found', `This workspace has no contract ${columns.contract_id}.`, {
        contractId: columns.contract_id,
      });
    }
  };

  /** a new pending reminder, or undefined when the workspace already has its dedupe key (in any state) */
  const insertNew = (ws: string, columns: Columns, at: number) =>
    ctx
      .q()
      .insertInto('reminders')
      .values({ workspace_id: ws, ...columns, status: 'pending', attempts: 0, created_at: at, updated_at: at })
      .onConflict((conflict) => conflict.columns(['workspace_id', 'dedupe_key']).doNothing())
      .returningAll()
      .executeTakeFirst();

  /** re-arms the reminder with this key with new content when it is in one of `from`; sent, sending and failed rows are left alone */
  const rearm = (ws: string, columns: Columns, at: number, from: readonly ReminderStatus[]) =>
    ctx
      .q()
      .updateTable('reminders')
      .set({
        ...columns,
        status: 'pending',
        attempts: 0,
        last_error: null,
        claimed_at: null,
        claimed_by: null,
        lease_until: null,
        updated_at: at,
      })
      .where('workspace_id', '=', ws)
      .where('dedupe_key', '=', columns.dedupe_key)
      .where('status', 'in', from)
      .returningAll()
      .executeTakeFirst();

  const pendingOfCase = (ws: string, caseId: number) =>
    ctx
      .q()
      .selectFrom('reminders')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('case_id', '=', caseId)
      .where('status', '=', 'pending')
      .orderBy('due_at')
      .orderBy('id')
      .execute();

  const cancelOne = async (ws: string, id: number, at: number) => {
    const result = await ctx
      .q()
      .updateTable('reminders')
      .set({ status: 'cancelled', updated_at: at })
      .where('workspace_id', '=', ws)
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  };

  /**
   * Idempotent by dedupe key. One conditional statement per outcome rather than read-then-write, so two instances
   * scheduling the same key at once (PostgreSQL, READ COMMITTED) both end up with the one row: the insert that
   * loses the race does nothing, and only a cancelled reminder is re-armed.
   */
  const schedule = async (ws: string, columns: Columns): Promise<ReminderRow> => {
    await requireParents(ws, columns);
    const at = now();
    const inserted = await insertNew(ws, columns, at);
    if (inserted) return inserted;
    const rearmed = await rearm(ws, columns, at, ['cancelled']);
    if (rearmed) return rearmed;
    const existing = await getByKey(ws, columns.dedupe_key);
    if (!existing) throw new StoreError('database', `The reminder ${columns.dedupe_key} vanished while scheduling.`);
    return existing;
  };

  /**
   * One of the claim's two ranges, earliest first, at most `limit`: the pending reminders due at `at` or before
   * ('due'), or the 'sending' ones whose lease ran out by then ('lapsed'). Each is an index range.
   */
  const claimRange = (q: QueryCreator<DB>, range: 'due' | 'lapsed', at: number, limit: number) =>
    q
      .selectFrom('reminders')
      .select(['id', 'due_at'])
      .where('status', '=', range === 'due' ? 'pending' : 'sending')
      .where(range === 'due' ? 'due_at' : 'lease_until', '<=', at)
      .orderBy('due_at')
      .orderBy('id')
      .limit(limit);

  /** what a claim writes on each row it takes */
  const claimedBy = (at: number, leaseMs: number, owner: string) => (eb: ExpressionBuilder<DB, 'reminders'>) => ({
    status: 'sending',
    attempts: eb('attempts', '+', 1),
    claimed_at: at,
    claimed_by: owner,
    lease_until: at + leaseMs,
    updated_at: at,
  });

  /** the due reminders and the lapsed claims, earliest first, at most `limit`, as SQLite reads them: two index ranges */
  const dueIdsSqlite = (at: number, limit: number) => {
    const q = ctx.q();
    return q
      .selectFrom(
        q
          .selectFrom(claimRange(q, 'due', at, limit).as('due'))
          .selectAll()
          .unionAll(q.selectFrom(claimRange(q, 'lapsed', at, limit).as('lapsed')).selectAll())
          .as('candidates'),
      )
      .select('id')
      .orderBy('due_at')
      .orderBy('id')
      .limit(limit);
  };

  // The one query without a workspace id: the scheduler claims due reminders of every workspace. A 'sending'
  // row is taken over only when its lease ran out (its holder died or stalled), never while it is renewed.
  const claimSqlite = (at: number, limit: number, leaseMs: number, owner: string) =>
    ctx
      .q()
      .updateTable('reminders')
      .set(claimedBy(at, leaseMs, owner))
      .where('id', 'in', dueIdsSqlite(at, limit))
      .returningAll()
      .execute();

  /**
   * PostgreSQL: the same rows, locked, in one statement. Each of the two ranges is read in (due_at, id) order
   * (the pending one through reminders_due (status, due_at), then id) and locked FOR UPDATE SKIP LOCKED: rows
   * another instance is claiming at this moment are passed over, not waited for, and the scan goes on to the next,
   * so instances claiming together take disjoint sets. A row another instance claimed and committed since the
   * statement began is re-checked on its new version (now 'sending' under a live lease) and left out: the
   * conditions are all on the row itself, which is what makes that re-check sound. Of the two ranges the earliest
   * `limit` are marked; the others are unlocked when the statement ends.
   */
  const claimPostgres = (at: number, limit: number, leaseMs: number, owner: string) =>
    ctx
      .q()
      // both ranges are built from the store's own query creator: the CTEs only need their query
      .with('due', () => claimRange(ctx.q(), 'due', at, limit).forUpdate().skipLocked())
      .with('lapsed', () => claimRange(ctx.q(), 'lapsed', at, limit).forUpdate().skipLocked())
      .with('picked', (db) =>
        db
          .selectFrom('due')
          .select(['id', 'due_at'])
          .unionAll(db.selectFrom('lapsed').select(['id', 'due_at']))
          .orderBy('due_at')
          .orderBy('id')
          .limit(limit),
      )
      .updateTable('reminders')
      .set(claimedBy(at, leaseMs, owner))
      .where('id', 'in', (eb) => eb.selectFrom('picked').select('id'))
      .returningAll()
      .execute();

  const scoped = (workspaceId: string, id: number): [string, number] => [
    requireWorkspace(workspaceId),
    requireId('reminder id', id),
  ];
  const maybe = (row: ReminderRow | undefined) => (row ? toReminder(row) : null);

  return {
    async replaceCaseReminders(workspaceId: string, caseId: number, reminders: ReminderInput[]): Promise<Reminder[]> {
      if (!Array.isArray(reminders)) throw new StoreError('invalid', 'reminders must be a list (it may be empty).');
      const ws = requireWorkspace(workspaceId);
      const id = requireId('case id', caseId);
      return ctx.transaction(async () => {
        // PostgreSQL: the case row is locked (NO KEY: events may still be added to it), so two replans of one case
        // run one after the other, as SQLite's write lock makes them
        const kase = await ctx
          .q()
          .selectFrom('cases')
          .select('id')
          .where('workspace_id', '=', ws)
          .where('id', '=', id)
          .$if(postgres, (qb) => qb.forNoKeyUpdate())
          .executeTakeFirst();
        if (!kase) throw new StoreError('not-found', `This workspace has no case ${id}.`, { caseId: id });
        const all = reminders.map((input) => reminderColumns({ ...input, caseId: id }));
        const keys = new Set(all.map((c) => c.dedupe_key));
        const at = now();
        for (const row of await pendingOfCase(ws, id)) {
          if (!keys.has(row.dedupe_key)) await cancelOne(ws, row.id, at);
        }
        for (const columns of all) {
          await requireParents(ws, columns);
          if (!(await insertNew(ws, columns, at))) await rearm(ws, columns, at, ['pending', 'cancelled']);
        }
        return (await pendingOfCase(ws, id)).map(toReminder);
      });
    },
    async scheduleReminder(workspaceId: string, reminder: ReminderInput): Promise<Reminder> {
      const ws = requireWorkspace(workspaceId);
      const columns = reminderColumns(reminder);
      return toReminder(await ctx.transaction(() => schedule(ws, columns)));
    },
    async hasReminderKey(workspaceId: string, dedupeKey: string): Promise<boolean> {
      const row = await ctx
        .q()
        .selectFrom('reminders')
        .select('id')
        .where('workspace_id', '=', requireWorkspace(workspaceId))
        .where('dedupe_key', '=', dedupeKey)
        .executeTakeFirst();
      return row !== undefined;
    },
    async getReminder(workspaceId: string, id: number): Promise<Reminder | null> {
      return maybe(await get(...scoped(workspaceId, id)));
    },
    async listReminders(
      workspaceId: string,
      filter: { caseId?: number; status?: ReminderStatus } = {},
    ): Promise<Reminder[]> {
      const ws = requireWorkspace(workspaceId);
      const caseId = filter.caseId === undefined ? null : requireId('case id', filter.caseId);
      const status = filter.status === undefined ? null : requireOneOf('status', filter.status, STATUSES);
      const rows = await ctx
        .q()
        .selectFrom('reminders')
        .selectAll()
        .where('workspace_id', '=', ws)
        .$if(caseId !== null, (qb) => qb.where('case_id', '=', caseId))
        .$if(status !== null, (qb) => qb.where('status', '=', status as string))
        .orderBy('due_at')
        .orderBy('id')
        .execute();
      return rows.map(toReminder);
    },
    async cancelReminder(workspaceId: string, id: number): Promise<boolean> {
      const [ws, reminderId] = scoped(workspaceId, id);
      return cancelOne(ws, reminderId, now());
    },
    async cancelWorkspaceReminders(workspaceId: string): Promise<number> {
      const result = await ctx
        .q()
        .updateTable('reminders')
        .set({ status: 'cancelled', updated_at: now() })
        .where('workspace_id', '=', requireWorkspace(workspaceId))
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    async snoozeReminder(workspaceId: string, id: number, untilMs: number): Promise<Reminder | null> {
      const [ws, reminderId] = scoped(workspaceId, id);
      const until = requireTime('untilMs', untilMs);
      return ctx.transaction(async () => {
        const row = await get(ws, reminderId, true);
        if (!row) return null;
        if (row.status === 'pending') {
          const moved = await ctx
            .q()
            .updateTable('reminders')
            .set({ due_at: until, updated_at: now() })
            .where('workspace_id', '=', ws)
            .where('id', '=', reminderId)
            .where('status', '=', 'pending')
            .returningAll()
            .executeTakeFirstOrThrow();
          return toReminder(moved);
        }
        const copy = toReminder(row);
        const columns = reminderColumns({
          caseId: copy.caseId,
          contractId: copy.contractId,
          channelId: copy.channelId,
          threadTs: copy.threadTs,
          kind: copy.kind,
          dueAt: until,
          text: copy.text,
          payload: copy.payload,
          dedupeKey: `${copy.dedupeKey}#snooze@${until}`,
        });
        return toReminder(await schedule(ws, columns));
      });
    },
    async claimDueReminders(
      at: number,
      limit: number,
      leaseMs: number = DEFAULT_LEASE_MS,
      owner = 'scheduler',
    ): Promise<Reminder[]> {
      requireTime('now', at);
      if (!Number.isSafeInteger(limit) || limit <= 0) {
        throw new StoreError('invalid', `limit must be a positive whole number; got ${limit}.`);
      }
      if (!Number.isSafeInteger(leaseMs) || leaseMs <= 0) {
        throw new StoreError('invalid', `leaseMs must be a positive whole number of milliseconds; got ${leaseMs}.`);
      }
      const holder = requireText('owner', owner, 200);
      // SQLite: IMMEDIATE takes the write lock before reading, so two schedulers never claim the same row.
      // PostgreSQL: one statement (its own transaction, or part of the caller's) locks and marks the rows.
      const rows = postgres
        ? await claimPostgres(at, limit, leaseMs, holder)
        : await ctx.transaction(() => claimSqlite(at, limit, leaseMs, holder));
      return rows.map(toReminder).sort(byDueTime);
    },
    async renewReminderLeases(
      held: { workspaceId: string; id: number }[],
      owner: string,
      leaseUntil: number,
    ): Promise<number[]> {
      for (const r of held) scoped(r.workspaceId, r.id);
      const holder = requireText('owner', owner, 200);
      const until = requireTime('leaseUntil', leaseUntil);
      return ctx.transaction(async () => {
        const at = now();
        const kept: number[] = [];
        for (const r of held) {
          // only a row still 'sending' under this owner's claim: one taken over by another scheduler is not renewed
          const result = await ctx
            .q()
            .updateTable('reminders')
            .set({ lease_until: until, updated_at: at })
            .where('workspace_id', '=', r.workspaceId)
            .where('id', '=', r.id)
            .where('status', '=', 'sending')
            .where('claimed_by', '=', holder)
            .executeTakeFirst();
          if (Number(result.numUpdatedRows) > 0) kept.push(r.id);
        }
        return kept;
      });
    },
    async nextCaseReminderDue(
      workspaceId: string,
      caseId: number,
      afterDueAt: number,
      exceptId: number,
    ): Promise<number | null> {
      // the due time of the case's next reminder after this one (pending, being sent or sent): past it, this one is stale
      const row = await ctx
        .q()
        .selectFrom('reminders')
        .select('due_at')
        .where('workspace_id', '=', requireWorkspace(workspaceId))
        .where('case_id', '=', requireId('case id', caseId))
        .where('id', '!=', exceptId)
        .where('status', 'in', ['pending', 'sending', 'sent'])
        .where('due_at', '>', requireTime('dueAt', afterDueAt))
        .orderBy('due_at')
        .limit(1)
        .executeTakeFirst();
      return row?.due_at ?? null;
    },
    async markReminderSent(
      workspaceId: string,
      id: number,
      sentAt: number,
      postedTs: string | null = null,
    ): Promise<Reminder | null> {
      const [ws, reminderId] = scoped(workspaceId, id);
      const ts = optionalText('posted ts', postedTs, 64);
      const sent = requireTime('sentAt', sentAt);
      const row = await ctx
        .q()
        .updateTable('reminders')
        .set({ status: 'sent', sent_at: sent, posted_ts: ts, last_error: null, updated_at: now() })
        .where('workspace_id', '=', ws)
        .where('id', '=', reminderId)
        .where('status', 'in', ['sending', 'pending'])
        .returningAll()
        .executeTakeFirst();
      return maybe(row);
    },
    async releaseReminder(workspaceId: string, id: number, error: string, retryAtMs: number): Promise<Reminder | null> {
      const [ws, reminderId] = scoped(workspaceId, id);
      const retryAt = requireTime('retryAtMs', retryAtMs);
      const row = await ctx
        .q()
        .updateTable('reminders')
        .set({
          status: 'pending',
          last_error: clip(error),
          due_at: retryAt,
          claimed_at: null,
          claimed_by: null,
          lease_until: null,
          updated_at: now(),
        })
        .where('workspace_id', '=', ws)
        .where('id', '=', reminderId)
        .where('status', '=', 'sending')
        .returningAll()
        .executeTakeFirst();
      return maybe(row);
    },
    async markReminderFailed(workspaceId: string, id: number, error: string): Promise<Reminder | null> {
      const [ws, reminderId] = scoped(workspaceId, id);
      const row = await ctx
        .q()
        .updateTable('reminders')
        .set({ status: 'failed', last_error: clip(error), updated_at: now() })
        .where('workspace_id', '=', ws)
        .where('id', '=', reminderId)
        .where('status', 'in', ['sending', 'pending'])
        .returningAll()
        .executeTakeFirst();
      return maybe(row);
    },
  };
}
