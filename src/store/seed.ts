import type { Store } from './api.js';
import { databaseOf } from './internal.js';

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

/**
 * Fills a store with synthetic load for the benchmarks (1,000 workspaces and 100,000 cases): in one transaction,
 * with statements prepared once. Deterministic: the same options give the same rows.
 */
export function seedLoad(store: Store, options: SeedOptions): SeedResult {
  const {
    workspaces,
    cases,
    contractsPerWorkspace = 1,
    remindersPerCase = 2,
    closedEvery = 0,
    now = Date.UTC(2025, 0, 6, 2, 0),
    spreadMs = 7 * 24 * 3_600_000,
    prefix = 'TSEED',
  } = options;
  if (!Number.isInteger(workspaces) || workspaces < 1 || !Number.isInteger(cases) || cases < 0) {
    throw new Error('seedLoad needs at least one workspace and a whole number of cases');
  }
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

  // A small linear congruential generator keeps the spread of due times repeatable.
  let state = 2463534242;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };

  const result: SeedResult = { workspaceIds: [], contracts: 0, cases: 0, events: 0, reminders: 0, dueNow: 0 };
  db.transaction(() => {
    const contractIds: number[][] = [];
    for (let w = 0; w < workspaces; w++) {
      const ws = `${prefix}${w}`;
      result.workspaceIds.push(ws);
      const installation = {
        team: { id: ws, name: `Seed ${w}` },
        enterprise: undefined,
        user: { id: 'USEED', token: undefined, scopes: undefined },
        bot: { id: `B${w}`, userId: `UBOT${w}`, token: `xoxb-seed-${w}`, scopes: ['commands', 'chat:write'] },
        isEnterpriseInstall: false,
        authVersion: 'v2',
      };
      insertInstallation.run(ws, ws, JSON.stringify(installation), now, now);
      insertSettings.run(ws, w % 2 === 0 ? 'Asia/Taipei' : 'UTC', w % 3 === 0 ? 'zh' : 'en', now);
      const ids: number[] = [];
      for (let c = 0; c < contractsPerWorkspace; c++) {
        const [vendor, plan, zone, country] = VENDOR_PLANS[(w + c) % VENDOR_PLANS.length]!;
        const created = insertContract.run(ws, vendor, plan, `seed ${c}`, zone, country, new Date(now).toISOString());
        ids.push(Number(created.lastInsertRowid));
        result.contracts++;
      }
      contractIds.push(ids);
    }
    for (let i = 0; i < cases; i++) {
      const w = i % workspaces;
      const ws = `${prefix}${w}`;
      const contractId = contractIds[w]![i % contractsPerWorkspace] ?? null;
      const severity = VENDOR_PLANS[w % VENDOR_PLANS.length]![4];
      const openedAt = now - Math.floor(random() * 3 * 24 * 3_600_000);
      const closed = closedEvery > 0 && i % closedEvery === closedEvery - 1;
      const channel = `CSEED${i % 50}`;
      const thread = `${1_700_000_000 + i}.000100`;
      const created = insertCase.run(
        ws,
        channel,
        thread,
        contractId,
        closed ? 'closed' : 'open',
        severity,
        openedAt,
        `SR${100000 + i}`,
        openedAt,
        closed ? now : null,
        now,
        now,
      );
      const caseId = Number(created.lastInsertRowid);
      result.cases++;
      insertEvent.run(ws, caseId, openedAt, now);
      result.events++;
      if (closed) continue;
      for (let r = 0; r < remindersPerCase; r++) {
        const dueAt = now - 3_600_000 + Math.floor(random() * (spreadMs + 3_600_000));
        const kind = r % 2 === 0 ? 'response-warning' : 'response-breach';
        insertReminder.run(
          ws,
          caseId,
          channel,
          thread,
          kind,
          dueAt,
          `Seed reminder ${r} for case ${caseId}`,
          `seed:${caseId}:${r}`,
          now,
          now,
        );
        result.reminders++;
        if (dueAt <= now) result.dueNow++;
      }
    }
  })();
  return result;
}
