import type { Generated, Selectable } from 'kysely';

/**
 * The tables as both engines hold them (src/store/migrations.ts for SQLite, migrations-postgres.ts for PostgreSQL):
 * the same names and columns; times are epoch milliseconds (INTEGER / BIGINT), flags 0 or 1, JSON kept as text.
 * The store's queries are typed against this, so a query naming a column that does not exist does not compile.
 */
export interface DB {
  installations: InstallationsTable;
  workspaces: WorkspacesTable;
  contracts: ContractsTable;
  quota_uses: QuotaUsesTable;
  user_zones: UserZonesTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  reminders: RemindersTable;
  seen_once: SeenOnceTable;
  workspace_plans: WorkspacePlansTable;
  leases: LeasesTable;
}

export interface InstallationsTable {
  install_key: string;
  team_id: string | null;
  enterprise_id: string | null;
  is_enterprise_install: number;
  data: string;
  installed_at: number;
  updated_at: number;
}

export interface WorkspacesTable {
  workspace_id: string;
  enterprise_id: string | null;
  zone: string | null;
  language: string | null;
  reminder_lead_minutes: string | null;
  broadcast_breaches: number | null;
  escalation_channel: string | null;
  updated_at: number;
}

export interface ContractsTable {
  id: Generated<number>;
  workspace_id: string;
  vendor: string;
  plan: string;
  addons: string;
  name: string | null;
  customer_type: string | null;
  region: string | null;
  zone: string;
  holiday_country: string | null;
  holiday_subdivision: string | null;
  hours_start: string | null;
  hours_end: string | null;
  start_date: string | null;
  end_date: string | null;
  amounts: string;
  created_at: string;
}

export interface QuotaUsesTable {
  id: Generated<number>;
  workspace_id: string;
  contract_id: number;
  quota_id: string;
  count: number;
  used_on: string;
  note: string | null;
  user_id: string | null;
  recorded_at: number;
}

export interface UserZonesTable {
  workspace_id: string;
  user_id: string;
  zone: string;
  fetched_at: number;
  locale: string | null;
}

export interface CasesTable {
  id: Generated<number>;
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
  paused_minutes: Generated<number>;
  closed_at: number | null;
  reopened_at: number | null;
  status_message_ts: string | null;
  owner_id: string | null;
  created_at: number;
  updated_at: number;
}

export interface CaseEventsTable {
  id: Generated<number>;
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

export interface RemindersTable {
  id: Generated<number>;
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
  attempts: Generated<number>;
  last_error: string | null;
  claimed_at: number | null;
  claimed_by: string | null;
  lease_until: number | null;
  sent_at: number | null;
  posted_ts: string | null;
  created_at: number;
  updated_at: number;
}

export interface SeenOnceTable {
  kind: string;
  key: string;
  expires_at: number;
}

export interface WorkspacePlansTable {
  workspace_id: string;
  vendor: string;
  kind: string;
  document_name: string;
  document_text: string;
  plan_text: string;
  plan_json: string;
  imported_by: string | null;
  imported_at: number;
}

/** A named job that one instance at a time may run (the hourly date-reminder sweep): who holds it, until when. */
export interface LeasesTable {
  name: string;
  holder: string;
  until: number;
}

export type CaseRow = Selectable<CasesTable>;
export type CaseEventRow = Selectable<CaseEventsTable>;
export type ContractRow = Selectable<ContractsTable>;
export type QuotaUseRow = Selectable<QuotaUsesTable>;
export type ReminderRow = Selectable<RemindersTable>;
export type WorkspacePlanRow = Selectable<WorkspacePlansTable>;
export type SettingsRow = Selectable<WorkspacesTable>;
