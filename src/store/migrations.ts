import type Database from 'better-sqlite3';
import { StoreError } from './errors.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Ordered schema changes; `PRAGMA user_version` records the last one applied. Append only: never edit a migration
 * that has shipped, add a new one.
 *
 * Child tables reference their parents by (workspace_id, id), so the database itself refuses a case that points
 * at another workspace's contract, or an event that points at another workspace's case.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE installations (
        install_key TEXT PRIMARY KEY,            -- enterprise id for org-wide installs, else team id
        team_id TEXT,
        enterprise_id TEXT,
        is_enterprise_install INTEGER NOT NULL,
        data TEXT NOT NULL,                      -- Bolt's Installation as JSON, tokens included
        installed_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      -- one row per workspace that changed a setting or was linked to an enterprise; NULL settings mean the default
      CREATE TABLE workspaces (
        workspace_id TEXT PRIMARY KEY,
        enterprise_id TEXT,
        zone TEXT,
        language TEXT,
        reminder_lead_minutes TEXT,
        broadcast_breaches INTEGER,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE contracts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        workspace_id TEXT NOT NULL,
        vendor TEXT NOT NULL,
        plan TEXT NOT NULL,
        addons TEXT NOT NULL,
        name TEXT,
        customer_type TEXT,
        region TEXT,
        zone TEXT NOT NULL,
        holiday_country TEXT,
        holiday_subdivision TEXT,
        hours_start TEXT,
        hours_end TEXT,
        start_date TEXT,
        end_date TEXT,
        amounts TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (workspace_id, id)
      ) STRICT;

      CREATE TABLE quota_uses (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        workspace_id TEXT NOT NULL,
        contract_id INTEGER NOT NULL,
        quota_id TEXT NOT NULL,
        count REAL NOT NULL,
        used_on TEXT NOT NULL,
        note TEXT,
        user_id TEXT,
        recorded_at INTEGER NOT NULL,
        FOREIGN KEY (workspace_id, contract_id) REFERENCES contracts (workspace_id, id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX quota_uses_by_contract ON quota_uses (workspace_id, contract_id, quota_id, used_on);

      CREATE TABLE user_zones (
        workspace_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        zone TEXT NOT NULL,
        fetched_at INTEGER NOT NULL,
        PRIMARY KEY (workspace_id, user_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE cases (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        workspace_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        thread_ts TEXT NOT NULL,
        contract_id INTEGER,
        status TEXT NOT NULL CHECK (status IN ('open', 'waiting', 'closed')),
        severity TEXT,
        severity_since INTEGER,
        product_scope TEXT,
        vendor_ref TEXT,
        opened_at INTEGER NOT NULL,
        opened_by TEXT NOT NULL,
        first_responded_at INTEGER,
        last_vendor_update_at INTEGER,
        last_customer_message_at INTEGER,
        waiting_since INTEGER,
        paused_minutes REAL NOT NULL DEFAULT 0,
        closed_at INTEGER,
        reopened_at INTEGER,
        status_message_ts TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (workspace_id, channel_id, thread_ts),
        UNIQUE (workspace_id, id),
        FOREIGN KEY (workspace_id, contract_id) REFERENCES contracts (workspace_id, id)
      ) STRICT;
      CREATE INDEX cases_by_status ON cases (workspace_id, status, opened_at);
      CREATE INDEX cases_by_contract ON cases (workspace_id, contract_id);

      CREATE TABLE case_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        workspace_id TEXT NOT NULL,
        case_id INTEGER NOT NULL,
        kind TEXT NOT NULL,
        at INTEGER NOT NULL,
        actor_id TEXT,
        source TEXT NOT NULL CHECK (source IN ('command', 'auto', 'button')),
        data TEXT,
        undone_at INTEGER,
        created_at INTEGER NOT NULL,
        FOREIGN KEY (workspace_id, case_id) REFERENCES cases (workspace_id, id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX case_events_by_case ON case_events (workspace_id, case_id, at, id);

      CREATE TABLE reminders (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        workspace_id TEXT NOT NULL,
        case_id INTEGER,
        contract_id INTEGER,
        channel_id TEXT NOT NULL,
        thread_ts TEXT,
        kind TEXT NOT NULL,
        due_at INTEGER NOT NULL,
        text TEXT NOT NULL,
        payload TEXT,
        dedupe_key TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'cancelled', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        claimed_at INTEGER,
        sent_at INTEGER,
        posted_ts TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (workspace_id, dedupe_key),
        FOREIGN KEY (workspace_id, case_id) REFERENCES cases (workspace_id, id) ON DELETE CASCADE,
        FOREIGN KEY (workspace_id, contract_id) REFERENCES contracts (workspace_id, id)
      ) STRICT;
      -- the scheduler's claim: pending rows by due time, and stale 'sending' rows
      CREATE INDEX reminders_due ON reminders (status, due_at);
      CREATE INDEX reminders_by_case ON reminders (workspace_id, case_id, status);
      CREATE INDEX reminders_by_contract ON reminders (workspace_id, contract_id);
    `,
  },
  {
    version: 2,
    name: 'reminder leases, request memory',
    sql: `
      -- who holds a 'sending' reminder and until when; the holder renews it while it posts, and only a lease that
      -- ran out may be taken over (rows claimed before this migration expire at claimed_at + the default lease)
      ALTER TABLE reminders ADD COLUMN claimed_by TEXT;
      ALTER TABLE reminders ADD COLUMN lease_until INTEGER;
      UPDATE reminders SET lease_until = claimed_at + 120000 WHERE status = 'sending';

      -- what the Slack layer must act on once, across restarts and processes: request signatures (replay guard),
      -- messages answered. Keys only (a signature prefix, workspace:channel:ts), each kept until it expires.
      CREATE TABLE seen_once (
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (kind, key)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX seen_once_expiry ON seen_once (expires_at);
    `,
  },
  {
    version: 3,
    name: 'users.info locale beside the zone',
    sql: `
      -- the user's Slack locale (users.info include_locale), e.g. zh-TW: it decides the language of replies to
      -- bare commands. NULL: never asked (rows cached before this column); '' : asked, Slack gave none.
      ALTER TABLE user_zones ADD COLUMN locale TEXT;
    `,
  },
  {
    version: 4,
    name: 'case owners and the escalation channel',
    sql: `
      -- who answers for a case (NULL: the person who opened it)
      ALTER TABLE cases ADD COLUMN owner_id TEXT;
      -- the internal channel that also receives breaches (NULL: none)
      ALTER TABLE workspaces ADD COLUMN escalation_channel TEXT;
    `,
  },
  {
    version: 5,
    name: 'workspace plans',
    sql: `
      -- a workspace's own plan files (entitlebot plan import): a new vendor, or an override of a shipped one.
      -- Only a plan that passed plan check is stored, with the document its quotes come from.
      CREATE TABLE workspace_plans (
        workspace_id TEXT NOT NULL,
        vendor TEXT NOT NULL,                    -- the vendor it describes, or the shipped vendor it overrides
        kind TEXT NOT NULL CHECK (kind IN ('vendor', 'override')),
        document_name TEXT NOT NULL,
        document_text TEXT NOT NULL,
        plan_text TEXT NOT NULL,                 -- the YAML as imported
        plan_json TEXT NOT NULL,                 -- the checked plan, as parsed
        imported_by TEXT,
        imported_at INTEGER NOT NULL,
        PRIMARY KEY (workspace_id, vendor)
      ) STRICT;
    `,
  },
  {
    version: 6,
    name: 'leases for jobs one instance runs at a time',
    sql: `
      -- a named job that one process at a time may run (the hourly date-reminder sweep): who holds it, until when
      CREATE TABLE leases (
        name TEXT PRIMARY KEY,
        holder TEXT NOT NULL,
        until INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
    `,
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database up to the latest version, each migration in its own IMMEDIATE transaction so that two
 * processes starting together apply it once. Refuses a database written by a newer Entitlebot.
 */
export function migrate(db: Database.Database, path: string, migrations: readonly Migration[] = MIGRATIONS): number {
  const latest = migrations.at(-1)?.version ?? 0;
  refuseNewer(schemaVersion(db), latest, path);
  for (const migration of migrations) {
    db.transaction(() => {
      const current = schemaVersion(db);
      refuseNewer(current, latest, path);
      if (current >= migration.version) return;
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  return schemaVersion(db);
}

/** `path`: the file, or the PostgreSQL URL without its password; `setting`: the variable that chose it */
export function refuseNewer(found: number, latest: number, path: string, setting = 'DATABASE_PATH'): void {
  if (found > latest) {
    throw new StoreError(
      'newer-schema',
      `The database ${path} is at schema version ${found}, but this version of Entitlebot only knows schema versions up to ${latest}. ` +
        `It was written by a newer Entitlebot: upgrade Entitlebot to open it, or point ${setting} at another database. ` +
        'It is not opened, so that nothing in it is lost.',
      { found, latest, path },
    );
  }
}
