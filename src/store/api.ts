import type { Installation, InstallationQuery } from '../model/installation.js';
import type {
  Case,
  CaseEvent,
  CaseEventInput,
  CaseInput,
  CasePatch,
  CaseStatus,
  Contract,
  ContractInput,
  QuotaUse,
  QuotaUseInput,
  Reminder,
  ReminderInput,
  ReminderStatus,
  WorkspacePlan,
  WorkspacePlanInput,
  WorkspaceSettings,
} from '../model/records.js';
import type { CachedUser } from './user-zones.js';

/**
 * Everything the rest of the app may ask of the database. Every method takes the workspace id first;
 * the two exceptions are `claimDueReminders`, the scheduler's cross-workspace claim, and
 * `listWorkspacesWithContracts`, the ids the hourly date-reminder sweep visits (see docs/store.md).
 * Not-found reads return null; bad input and conflicts throw a StoreError with a message fit for a person.
 */
export interface Store {
  readonly path: string;
  close(): Promise<void>;
  /**
   * Copies what the write-ahead log holds into the database file without waiting for readers (a PASSIVE
   * checkpoint), so that no later write pays for it; returns the pages of the log still not copied (0: all of it,
   * or not a WAL database). The reminder scheduler calls it after each tick.
   */
  checkpoint(): Promise<number>;
  /**
   * Runs `work` in one transaction (IMMEDIATE on SQLite): every store write inside it is
   * committed together, or none is when it throws (the error is rethrown). Nested calls are savepoints.
   */
  transaction<T>(work: () => Promise<T>): Promise<T>;

  // Slack installations, keyed by the enterprise id for org-wide installs, else by the team id. The three
  // methods are the shape of Bolt's InstallationStore (src/slack/installation-store.ts hands them to Bolt);
  // fetchInstallation rejects with a StoreError 'not-found' when there is none, as Bolt expects.
  storeInstallation(installation: Installation): Promise<void>;
  fetchInstallation(query: InstallationQuery): Promise<Installation>;
  deleteInstallation(query: InstallationQuery): Promise<void>;
  /** the installation whose tokens serve this workspace: its own, or its enterprise's org-wide install */
  fetchWorkspaceInstallation(workspaceId: string): Promise<Installation | null>;
  /** remembers that a workspace belongs to an enterprise (for org-wide installs); Bolt's context has both ids */
  linkWorkspaceToEnterprise(workspaceId: string, enterpriseId: string): Promise<void>;
  /** app_uninstalled / tokens_revoked: deletes the installation keyed by this team or enterprise id; keeps data */
  deleteWorkspaceTokens(workspaceId: string): Promise<number>;
  /**
   * Maintenance (`entitlebot reencrypt`), across installations: seals every installation not yet sealed with the
   * current key (plain rows, rows under a previous key), in one transaction. Throws 'secret-key' without a key.
   */
  reencryptInstallations(): Promise<{ total: number; resealed: number }>;

  /**
   * The Slack layer's memory of what it acted on (request signatures, messages answered): true the first time
   * `key` of `kind` is offered until `expiresAt`, false while it is remembered. Cross-workspace by nature (a
   * request's signature is checked before its workspace is known); it holds keys and expiry times only, and
   * expired keys are pruned as it goes. Shared by every process on the file and kept across restarts.
   */
  firstSeen(kind: string, key: string, expiresAt: number, now: number): Promise<boolean>;

  /**
   * One instance at a time for a named job (cross-workspace, like firstSeen): true when `holder` now holds the
   * lease `name` until `untilMs` — it was free, ran out (its holder died or finished long ago), or was already
   * `holder`'s; false while another holder's lease lasts. One statement, safe between instances.
   */
  takeLease(name: string, holder: string, now: number, untilMs: number): Promise<boolean>;
  /** Readiness: the schema version the database is at and the one this code needs (equal when ready). Throws when unreachable. */
  schemaStatus(): Promise<{ found: number; latest: number }>;

  // settings
  getSettings(workspaceId: string): Promise<WorkspaceSettings>;
  updateSettings(workspaceId: string, patch: Partial<WorkspaceSettings>): Promise<WorkspaceSettings>;

  // contracts
  /** Cross-workspace, ids only: the workspaces that have at least one contract (for the date-reminder sweep). */
  listWorkspacesWithContracts(): Promise<string[]>;
  listContracts(workspaceId: string): Promise<Contract[]>;
  getContract(workspaceId: string, id: number): Promise<Contract | null>;
  addContract(workspaceId: string, input: ContractInput): Promise<Contract>;
  /**
   * false when the workspace has no such contract. Throws StoreError 'contract-in-use' while an open or waiting
   * case uses it; closed cases keep their history with the contract cleared, its quota uses are deleted and its
   * pending reminders cancelled.
   */
  removeContract(workspaceId: string, id: number): Promise<boolean>;

  // a workspace's own plans (entitlebot plan import): at most one per vendor, replaced on import
  listWorkspacePlans(workspaceId: string): Promise<WorkspacePlan[]>;
  getWorkspacePlan(workspaceId: string, vendor: string): Promise<WorkspacePlan | null>;
  /** changes whenever the workspace's plans change ('' with none): what a cached Knowledge is keyed on */
  workspacePlanRevision(workspaceId: string): Promise<string>;
  /** stores a plan that passed `plan check` (the caller's duty); replaces the workspace's plan for that vendor */
  saveWorkspacePlan(workspaceId: string, input: WorkspacePlanInput): Promise<WorkspacePlan>;
  /** false when there is none; throws StoreError 'plan-in-use' naming the contracts and open cases using it */
  removeWorkspacePlan(workspaceId: string, vendor: string): Promise<boolean>;

  // quota usage
  recordQuotaUse(workspaceId: string, input: QuotaUseInput): Promise<QuotaUse>;
  listQuotaUses(workspaceId: string, filter?: { contractId?: number; quotaId?: string }): Promise<QuotaUse[]>;
  deleteQuotaUse(workspaceId: string, id: number): Promise<boolean>;

  // users.info cache
  getCachedUserZone(workspaceId: string, userId: string, now: number, maxAgeMs: number): Promise<string | null>;
  cacheUserZone(workspaceId: string, userId: string, zone: string, now: number): Promise<void>;
  /** zone and Slack locale; null when not cached, too old, or cached before the locale was asked for */
  getCachedUser(workspaceId: string, userId: string, now: number, maxAgeMs: number): Promise<CachedUser | null>;
  cacheUser(workspaceId: string, userId: string, user: CachedUser, now: number): Promise<void>;

  // cases
  /** throws StoreError 'case-exists' (with `details.caseId`) when the thread already has a case */
  createCase(workspaceId: string, input: CaseInput): Promise<Case>;
  getCase(workspaceId: string, id: number): Promise<Case | null>;
  getCaseByThread(workspaceId: string, channelId: string, threadTs: string): Promise<Case | null>;
  /** oldest first; `status` may be one status or several, e.g. ['open', 'waiting'] */
  listCases(workspaceId: string, filter?: { status?: CaseStatus | CaseStatus[] }): Promise<Case[]>;
  /** the channel of the most recently opened case, where workspace-wide reminders go; undefined with no cases */
  lastCaseChannel(workspaceId: string): Promise<string | undefined>;
  /** throws StoreError 'not-found' when the workspace has no such case */
  updateCase(workspaceId: string, id: number, patch: CasePatch): Promise<Case>;
  addCaseEvent(workspaceId: string, caseId: number, event: CaseEventInput): Promise<CaseEvent>;
  /** in time order (then insertion order), undone events included with `undoneAt` set */
  listCaseEvents(workspaceId: string, caseId: number): Promise<CaseEvent[]>;
  /**
   * The events of every case of the workspace whose status is one of `status`, by case id, each list in
   * listCaseEvents' order; a case without events has no entry. One read where a page of cases needs them all.
   */
  listCaseEventsByStatus(workspaceId: string, status: CaseStatus[]): Promise<Map<number, CaseEvent[]>>;
  getCaseEvent(workspaceId: string, eventId: number): Promise<CaseEvent | null>;
  /** marks the event undone (idempotent: the first undo time is kept); null when there is no such event */
  undoCaseEvent(workspaceId: string, eventId: number): Promise<CaseEvent | null>;

  // reminders
  /**
   * In one transaction: the case's pending reminders whose dedupe key is not in the new set are cancelled; each new
   * reminder is inserted, or — when its key exists as pending or cancelled — re-armed with the new time and text.
   * Keys already sent, being sent or failed are left alone, so recomputing never reposts a reminder.
   * Returns the case's pending reminders afterwards.
   */
  replaceCaseReminders(workspaceId: string, caseId: number, reminders: ReminderInput[]): Promise<Reminder[]>;
  /** idempotent by dedupe key: an existing reminder is returned unchanged, except a cancelled one is re-armed */
  scheduleReminder(workspaceId: string, reminder: ReminderInput): Promise<Reminder>;
  /** true when a reminder with this dedupe key exists in any state (pending, sent, failed, cancelled) */
  hasReminderKey(workspaceId: string, dedupeKey: string): Promise<boolean>;
  getReminder(workspaceId: string, id: number): Promise<Reminder | null>;
  listReminders(workspaceId: string, filter?: { caseId?: number; status?: ReminderStatus }): Promise<Reminder[]>;
  cancelReminder(workspaceId: string, id: number): Promise<boolean>;
  /** uninstall: cancels every pending reminder of the workspace; returns how many */
  cancelWorkspaceReminders(workspaceId: string): Promise<number>;
  /**
   * A pending reminder moves to `untilMs`; a sent (or failed/cancelled) one gets a pending copy due at `untilMs`
   * (dedupe key `<key>#snooze@<untilMs>`), so the sent one keeps its history. Returns the pending reminder.
   */
  snoozeReminder(workspaceId: string, id: number, untilMs: number): Promise<Reminder | null>;
  /**
   * THE cross-workspace query (the scheduler's). In one IMMEDIATE transaction on SQLite, in one statement locking
   * FOR UPDATE SKIP LOCKED on PostgreSQL (instances claiming at once take disjoint sets): pending reminders due at `now` or
   * earlier, and reminders 'sending' whose lease ran out (`leaseUntil <= now`: the holder crashed or stalled),
   * earliest first, at most `limit`; marks them 'sending' with attempts + 1, claimedAt = now, claimedBy = `owner`
   * and leaseUntil = now + `leaseMs`. A live lease is never taken over. Each row carries its workspace id; every
   * later call about it is scoped by that id.
   */
  claimDueReminders(now: number, limit: number, leaseMs?: number, owner?: string): Promise<Reminder[]>;
  /**
   * The holder extends its leases to `leaseUntil` (in one transaction); returns the ids it still holds (a row
   * whose lease ran out and was taken over by another scheduler is not among them).
   */
  renewReminderLeases(
    held: { workspaceId: string; id: number }[],
    owner: string,
    leaseUntil: number,
  ): Promise<number[]>;
  /**
   * The due time of the case's next reminder after `afterDueAt` (pending, being sent or sent), other than
   * `exceptId`; null when there is none. A reminder still unsent when the next one falls due is stale.
   */
  nextCaseReminderDue(
    workspaceId: string,
    caseId: number,
    afterDueAt: number,
    exceptId: number,
  ): Promise<number | null>;
  markReminderSent(workspaceId: string, id: number, sentAt: number, postedTs?: string | null): Promise<Reminder | null>;
  /** back to pending (429, 5xx): due again at `retryAtMs`, with the error kept */
  releaseReminder(workspaceId: string, id: number, error: string, retryAtMs: number): Promise<Reminder | null>;
  /** gives up (after the caller's maximum attempts) */
  markReminderFailed(workspaceId: string, id: number, error: string): Promise<Reminder | null>;
}

/** how long a claim holds without renewal; the scheduler renews every third of it while it posts */
export const DEFAULT_LEASE_MS = 60 * 1000;
