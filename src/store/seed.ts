import { type Kysely, sql } from 'kysely';
import type { Store } from './api.js';
import { databaseOf, engineOf } from './internal.js';
import type { DB } from './schema.js';

export interface SeedOptions {
  workspaces: number;
  /** spread evenly over the workspaces */
  cases: number;
  contractsPerWorkspace?: number;
  /** pending reminders per case (a warning and a breach by default) */
  remindersPerCase?: number;
  /** one in `closedEvery` cases is closed (0: all open) */
  closedEvery?: number;
  /** reminders fall due between now - 1 hour and now + spreadMs */
  now?: number;
  spreadMs?: number;
  /** workspace ids are `${prefix}${index}` */
  prefix?: string;
}

export interface SeedResult {
  workspaceIds: string[];
  contracts: number;
  cases: number;
  events: number;
  reminders: number;
  /** reminders due at `now` or earlier: what the first scheduler tick would claim */
  dueNow: number;
}

const VENDOR_PLANS = [
  ['microsoft', 'unified', 'Asia/Taipei', 'TW', 'A'],
  ['jamf', 'gold', 'America/Chicago', 'US', 'critical'],
  ['autodesk', 'enterprise', 'Europe/Berlin', 'DE', null],
] as const;

interface SeedWorkspace {
  ws: string;
  installation: string;
  zone: string;
  language: string;
  contracts: { vendor: string; plan: string; name: string; zone: string; country: string }[];
}

interface SeedCase {
  ws: string;
  /** index into the workspace's contracts */
  contract: number;
  channel: string;
  thread: string;
  severity: string | null;
  openedAt: number;
  closed: boolean;
  vendorRef: string;
  reminders: { kind: string; dueAt: number; text: (caseId: number) => string; key: (caseId: number) => string }[];
}

/** The rows to seed, the same for both engines: deterministic, so the same options give the same rows. */
function* seedRows(options: Required<SeedOptions>): Generator<SeedWorkspace | SeedCase> {
  const { workspaces, cases, contractsPerWorkspace, remindersPerCase, closedEvery, now, spreadMs, prefix } = options;
  // A small linear congruential generator keeps the spread of due times repeatable.
  let state = 2463534242;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  for (let w = 0; w < workspaces; w++) {
    const ws = `${prefix}${w}`;
    const installation = {
      team: { id: ws, name: `Seed ${w}` },
      enterprise: undefined,
      user: { id: 'USEED', token: undefined, scopes: undefined },
      bot: { id: `B${w}`, userId: `UBOT${w}`, token: `xoxb-seed-${w}`, scopes: ['commands', 'chat:write'] },
      isEnterpriseInstall: false,
      authVersion: 'v2',
    };
    const contracts = [];
    for (let c = 0; c < contractsPerWorkspace; c++) {
      const [vendor, plan, zone, country] = VENDOR_PLANS[(w + c) % VENDOR_PLANS.length]!;
      contracts.push({ vendor, plan, name: `seed ${c}`, zone, country });
    }
    yield {
      ws,
      installation: JSON.stringify(installation),
      zone: w % 2 === 0 ? 'Asia/Taipei' : 'UTC',
      language: w % 3 === 0 ? 'zh' : 'en',
      contracts,
    };
  }
  for (let i = 0; i < cases; i++) {
    const w = i % workspaces;
    const openedAt = now - Math.floor(random() * 3 * 24 * 3_600_000);
    const closed = closedEvery > 0 && i % closedEvery === closedEvery - 1;
    const reminders: SeedCase['reminders'] = [];
    for (let r = 0; !closed && r < remindersPerCase; r++) {
      reminders.push({
        kind: r % 2 === 0 ? 'response-warning' : 'response-breach',
        dueAt: now - 3_600_000 + Math.floor(random() * (spreadMs + 3_600_000)),
        text: (caseId) => `Seed reminder ${r} for case ${caseId}`,
        key: (caseId) => `seed:${caseId}:${r}`,
      });
    }
    yield {
      ws: `${prefix}${w}`,
      contract: i % contractsPerWorkspace,
      channel: `CSEED${i % 50}`,
      thread: `${1_700_000_000 + i}.000100`,
      severity: VENDOR_PLANS[w % VENDOR_PLANS.length]![4],
      openedAt,
      closed,
      vendorRef: `SR${100000 + i}`,
      reminders,
    };
  }
}

const isWorkspace = (row: SeedWorkspace | SeedCase): row is SeedWorkspace => 'installation' in row;

/**
 * Fills a store with synthetic load for the benchmarks (1,000 workspaces and 100,000 cases) in one transaction:
 * on SQLite with statements prepared once, on PostgreSQL with multi-row inserts of a thousand cases at a time.
 * Deterministic: the same options give the same rows on either engine.
 */
export async function seedLoad(store: Store, options: SeedOptions): Promise<SeedResult> {
  const full: Required<SeedOptions> = {
    contractsPerWorkspace: 1,
    remindersPerCase: 2,
    closedEvery: 0,
    now: Date.UTC(2025, 0, 6, 2, 0),
    spreadMs: 7 * 24 * 3_600_000,
    prefix: 'TSEED',
    ...options,
  };
  const { workspaces, cases } = full;
  if (!Number.isInteger(workspaces) || workspaces < 1 || !Number.isInteger(cases) || cases < 0) {
    throw new Error('seedLoad needs at least one workspace and a whole number of cases');
  }
  const engine = engineOf(store);
  return engine.kind === 'postgres' ? seedPostgres(engine.db, full) : seedSqlite(store, full);
}

function seedSqlite(store: Store, options: Required<SeedOptions>): SeedResult {
  const { now } = options;
  const db = databaseOf(store);
  const insertInstallation = db.prepare(`
    INSERT OR REPLACE INTO installations (install_key, team_id, enterprise_id, is_enterprise_install, data, installed_at, updated_at)
    VALUES (?, ?, NULL, 0, ?, ?, ?)`);
  const insertSettings = db.prepare(`
    INSERT OR REPLACE INTO workspaces (workspace_id, zone, language, reminder_lead_minutes, broadcast_breaches, updated_at)
    VALUES (?, ?, ?, NULL, NULL, ?)`);
  const insertContract = db.prepare(`
    INSERT INTO contracts (workspace_id, vendor, plan, addons, name, customer_type, region, zone, holiday_country,
      holiday_subdivision, hours_start, hours_end, start_date, end_date, amounts, created_at)
    VALUES (?, ?, ?, '[]', ?, 'commercial', NULL, ?, ?, NULL, NULL, NULL, '2025-01-01', '2025-12-31', '{}', ?)`);
  const insertCase = db.prepare(`
    INSERT INTO cases (workspace_id, channel_id, thread_ts, contract_id, status, severity, severity_since,
      product_scope, vendor_ref, opened_at, opened_by, closed_at, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, 'USEED', ?, ?, ?)`);
  const insertEvent = db.prepare(`
    INSERT INTO case_events (workspace_id, case_id, kind, at, actor_id, source, data, created_at)
    VALUES (?, ?, 'opened', ?, 'USEED', 'command', NULL, ?)`);
  const insertReminder = db.prepare(`
    INSERT INTO reminders (workspace_id, case_id, contract_id, channel_id, thread_ts, kind, due_at, text, payload,
      dedupe_key, status, attempts, created_at, updated_at)
    VALUES (?, ?, NULL, ?, ?, ?, ?, ?, NULL, ?, 'pending', 0, ?, ?)`);

  const result: SeedResult = { workspaceIds: [], contracts: 0, cases: 0, events: 0, reminders: 0, dueNow: 0 };
  db.transaction(() => {
    const contractIds = new Map<string, number[]>();
    for (const row of seedRows(options)) {
      if (isWorkspace(row)) {
        result.workspaceIds.push(row.ws);
        insertInstallation.run(row.ws, row.ws, row.installation, now, now);
        insertSettings.run(row.ws, row.zone, row.language, now);
        const ids = row.contracts.map((c) =>
          Number(
            insertContract.run(row.ws, c.vendor, c.plan, c.name, c.zone, c.country, new Date(now).toISOString())
              .lastInsertRowid,
          ),
        );
        result.contracts += ids.length;
        contractIds.set(row.ws, ids);
        continue;
      }
      const created = insertCase.run(
        row.ws,
        row.channel,
        row.thread,
        contractIds.get(row.ws)?.[row.contract] ?? null,
        row.closed ? 'closed' : 'open',
        row.severity,
        row.openedAt,
        row.vendorRef,
        row.openedAt,
        row.closed ? now : null,
        now,
        now,
      );
      const caseId = Number(created.lastInsertRowid);
      result.cases++;
      insertEvent.run(row.ws, caseId, row.openedAt, now);
      result.events++;
      for (const r of row.reminders) {
        insertReminder.run(
          row.ws,
          caseId,
          row.channel,
          row.thread,
          r.kind,
          r.dueAt,
          r.text(caseId),
          r.key(caseId),
          now,
          now,
        );
        result.reminders++;
        if (r.dueAt <= now) result.dueNow++;
      }
    }
  })();
  return result;
}

/** cases per multi-row insert (their events and reminders follow in one insert each) */
const BATCH = 1_000;

async function seedPostgres(db: Kysely<DB>, options: Required<SeedOptions>): Promise<SeedResult> {
  const { now } = options;
  const result: SeedResult = { workspaceIds: [], contracts: 0, cases: 0, events: 0, reminders: 0, dueNow: 0 };
  await db.transaction().execute(async (trx) => {
    const contractIds = new Map<string, number[]>();
    let workspaceBatch: SeedWorkspace[] = [];
    let caseBatch: SeedCase[] = [];

    const flushWorkspaces = async () => {
      if (workspaceBatch.length === 0) return;
      const batch = workspaceBatch;
      workspaceBatch = [];
      await trx
        .insertInto('installations')
        .values(
          batch.map((w) => ({
            install_key: w.ws,
            team_id: w.ws,
            enterprise_id: null,
            is_enterprise_install: 0,
            data: w.installation,
            installed_at: now,
            updated_at: now,
          })),
        )
        .onConflict((c) =>
          c.column('install_key').doUpdateSet((eb) => ({
            team_id: eb.ref('excluded.team_id'),
            enterprise_id: null,
            is_enterprise_install: 0,
            data: eb.ref('excluded.data'),
            installed_at: eb.ref('excluded.installed_at'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
      await trx
        .insertInto('workspaces')
        .values(batch.map((w) => ({ workspace_id: w.ws, zone: w.zone, language: w.language, updated_at: now })))
        .onConflict((c) =>
          c.column('workspace_id').doUpdateSet((eb) => ({
            zone: eb.ref('excluded.zone'),
            language: eb.ref('excluded.language'),
            reminder_lead_minutes: null,
            broadcast_breaches: null,
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
      const contracts = batch.flatMap((w) =>
        w.contracts.map((c) => ({
          workspace_id: w.ws,
          vendor: c.vendor,
          plan: c.plan,
          addons: '[]',
          name: c.name,
          customer_type: 'commercial',
          zone: c.zone,
          holiday_country: c.country,
          start_date: '2025-01-01',
          end_date: '2025-12-31',
          amounts: '{}',
          created_at: new Date(now).toISOString(),
        })),
      );
      if (contracts.length === 0) return;
      const ids = await trx
        .insertInto('contracts')
        .values(contracts)
        .returning(['id', 'workspace_id', 'name'])
        .execute();
      // RETURNING's order is not promised: each id goes back to its workspace's contract by name
      for (const w of batch) {
        const own = new Map(ids.filter((r) => r.workspace_id === w.ws).map((r) => [r.name, r.id]));
        contractIds.set(
          w.ws,
          w.contracts.map((c) => own.get(c.name)!),
        );
      }
      result.contracts += ids.length;
    };

    const flushCases = async () => {
      if (caseBatch.length === 0) return;
      const batch = caseBatch;
      caseBatch = [];
      const created = await trx
        .insertInto('cases')
        .values(
          batch.map((c) => ({
            workspace_id: c.ws,
            channel_id: c.channel,
            thread_ts: c.thread,
            contract_id: contractIds.get(c.ws)?.[c.contract] ?? null,
            status: c.closed ? 'closed' : 'open',
            severity: c.severity,
            severity_since: c.openedAt,
            vendor_ref: c.vendorRef,
            opened_at: c.openedAt,
            opened_by: 'USEED',
            closed_at: c.closed ? now : null,
            created_at: now,
            updated_at: now,
          })),
        )
        .returning(['id', 'thread_ts'])
        .execute();
      // each seeded case has a thread of its own
      const idOf = new Map(created.map((r) => [r.thread_ts, r.id]));
      result.cases += created.length;
      await trx
        .insertInto('case_events')
        .values(
          batch.map((c) => ({
            workspace_id: c.ws,
            case_id: idOf.get(c.thread)!,
            kind: 'opened',
            at: c.openedAt,
            actor_id: 'USEED',
            source: 'command',
            data: null,
            created_at: now,
          })),
        )
        .execute();
      result.events += batch.length;
      const reminders = batch.flatMap((c) => {
        const caseId = idOf.get(c.thread)!;
        return c.reminders.map((r) => ({
          workspace_id: c.ws,
          case_id: caseId,
          contract_id: null,
          channel_id: c.channel,
          thread_ts: c.thread,
          kind: r.kind,
          due_at: r.dueAt,
          text: r.text(caseId),
          payload: null,
          dedupe_key: r.key(caseId),
          status: 'pending',
          attempts: 0,
          created_at: now,
          updated_at: now,
        }));
      });
      if (reminders.length > 0) await trx.insertInto('reminders').values(reminders).execute();
      result.reminders += reminders.length;
      result.dueNow += reminders.filter((r) => r.due_at <= now).length;
    };

    for (const row of seedRows(options)) {
      if (isWorkspace(row)) {
        result.workspaceIds.push(row.ws);
        workspaceBatch.push(row);
        if (workspaceBatch.length >= BATCH) await flushWorkspaces();
        continue;
      }
      await flushWorkspaces();
      caseBatch.push(row);
      if (caseBatch.length >= BATCH) await flushCases();
    }
    await flushWorkspaces();
    await flushCases();
  });
  // fresh statistics, as autovacuum would gather soon after: the planner sees the tables seeded, not empty
  await sql`ANALYZE installations, workspaces, contracts, cases, case_events, reminders`.execute(db);
  return result;
}
