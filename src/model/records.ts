/** Plain records the store reads and writes. Every record belongs to one workspace. */
import type { Language } from './language.js';

export type { Language };

/** a shipped vendor, or one a workspace imported (`entitlebot plan import`) */
export type Vendor = 'microsoft' | 'jamf' | 'autodesk' | (string & {});
export type CustomerType = 'commercial' | 'education';
export type Region = 'apac' | 'americas' | 'emea';

export interface ContractInput {
  vendor: Vendor;
  /** base plan id from knowledge/plans: 'unified' | 'standard' | 'silver' | 'gold' | 'platinum' | 'included' | 'enterprise' */
  plan: string;
  /** add-on plan ids, e.g. ['uer', 'rapid-response'] */
  addons: string[];
  name: string | null;
  customerType: CustomerType | null;
  region: Region | null;
  /** IANA zone the customer's business hours run in */
  zone: string;
  /** public holidays: null for none */
  holidays: { country: string; subdivision?: string } | null;
  /** Monday-to-Friday business hours; null: the plan's default */
  hours: { start: string; end: string } | null;
  startDate: string | null; // YYYY-MM-DD
  endDate: string | null; // YYYY-MM-DD
  /** amounts such as { flexAllowance: 250000 } */
  amounts: Record<string, number>;
}

export interface Contract extends ContractInput {
  id: number;
  workspaceId: string;
  createdAt: string;
}

// ---------------------------------------------------------------------------------------------
// Store records added by the store (all times are epoch milliseconds unless the name says Date).

export interface WorkspaceSettings {
  /** IANA zone used where a workspace has no contract zone to go by */
  zone: string;
  language: Language;
  /** business minutes before a deadline at which to remind; 0 = at the deadline. Default [30, 0]. */
  reminderLeadMinutes: number[];
  /** also post breaches to the channel (not only in the thread) */
  broadcastBreaches: boolean;
  /** an internal channel that also receives every breach, with a link to the case thread; null: none */
  escalationChannel: string | null;
}

export interface QuotaUseInput {
  contractId: number;
  /** entitlement id from the plan, e.g. 'coaching-sessions' */
  quotaId: string;
  count: number;
  /** YYYY-MM-DD, the day the entitlement was used */
  usedOn: string;
  note?: string | null;
  userId?: string | null;
}

export interface QuotaUse {
  id: number;
  workspaceId: string;
  contractId: number;
  quotaId: string;
  count: number;
  usedOn: string;
  note: string | null;
  userId: string | null;
  recordedAt: number;
}

export type CaseStatus = 'open' | 'waiting' | 'closed';

export interface CaseInput {
  channelId: string;
  threadTs: string;
  /** null when the workspace has no contract the case could use (the cases layer decides) */
  contractId: number | null;
  severity: string | null;
  productScope: string | null;
  vendorRef: string | null;
  openedAt: number;
  openedBy: string;
}

/** Mutable case fields; `undefined` leaves a field alone, `null` clears it. */
export interface CasePatch {
  status?: CaseStatus;
  contractId?: number | null;
  severity?: string | null;
  /** when the current severity took effect (targets run from here) */
  severitySince?: number | null;
  productScope?: string | null;
  vendorRef?: string | null;
  /** the vendor's first response */
  firstRespondedAt?: number | null;
  /** the vendor's last response or update: the update cadence runs from here */
  lastVendorUpdateAt?: number | null;
  /** our last message to the vendor (Jamf: restarts the response target) */
  lastCustomerMessageAt?: number | null;
  /** set while the case waits on us; cleared on resume */
  waitingSince?: number | null;
  /** business minutes the vendor clocks were paused, summed over finished waits */
  pausedMinutes?: number;
  closedAt?: number | null;
  reopenedAt?: number | null;
  /** ts of the app's case message when the app opened the case outside a thread, or of its pinned status message */
  statusMessageTs?: string | null;
  /** who answers for the case; null: the person who opened it */
  ownerId?: string | null;
}

export interface Case extends CaseInput {
  id: number;
  workspaceId: string;
  status: CaseStatus;
  severitySince: number | null;
  firstRespondedAt: number | null;
  lastVendorUpdateAt: number | null;
  lastCustomerMessageAt: number | null;
  waitingSince: number | null;
  pausedMinutes: number;
  closedAt: number | null;
  reopenedAt: number | null;
  statusMessageTs: string | null;
  /** who answers for the case: the person who opened it unless someone else took it */
  ownerId: string;
  createdAt: number;
  updatedAt: number;
}

/** Kinds the cases layer is expected to use; any other non-empty string is stored as given. */
export type KnownCaseEventKind =
  | 'opened'
  | 'responded'
  | 'updated'
  | 'customer'
  | 'severity'
  | 'waiting'
  | 'resumed'
  | 'closed'
  | 'reopened'
  | 'reminded'
  | 'note';
// `string & {}` keeps editor completion for the known kinds while accepting new ones.
export type CaseEventKind = KnownCaseEventKind | (string & {});
/** Case events a person or a button can record: the store's kinds, less those the app records itself. */
export type RecordableEventKind = Exclude<KnownCaseEventKind, 'opened' | 'reminded' | 'note'>;
export type CaseEventSource = 'command' | 'auto' | 'button';

export interface CaseEventInput {
  kind: CaseEventKind;
  at: number;
  actorId?: string | null;
  source: CaseEventSource;
  /** any JSON, e.g. { from: 'B', to: 'A' } for a severity change or { messageTs } for an auto-detected reply */
  data?: unknown;
}

export interface CaseEvent {
  id: number;
  workspaceId: string;
  caseId: number;
  kind: CaseEventKind;
  at: number;
  actorId: string | null;
  source: CaseEventSource;
  data: unknown;
  /** set when the event was undone (Slack Connect auto-detect undo); undone events no longer count */
  undoneAt: number | null;
  createdAt: number;
}

export type KnownReminderKind =
  | 'response-warning'
  | 'response-breach'
  | 'update-warning'
  | 'update-breach'
  | `obligation-${string}`
  | `date-${string}`;
export type ReminderKind = KnownReminderKind | (string & {});
export type ReminderStatus = 'pending' | 'sending' | 'sent' | 'cancelled' | 'failed';

export interface ReminderInput {
  caseId?: number | null;
  /** the contract a date reminder comes from; its pending reminders are cancelled when it is removed */
  contractId?: number | null;
  channelId: string;
  threadTs?: string | null;
  kind: ReminderKind;
  dueAt: number;
  text: string;
  /** any JSON the poster needs (blocks, deadline, explanation …) */
  payload?: unknown;
  /** unique per workspace: scheduling the same key twice keeps one reminder */
  dedupeKey: string;
}

export interface Reminder {
  id: number;
  workspaceId: string;
  caseId: number | null;
  contractId: number | null;
  channelId: string;
  threadTs: string | null;
  kind: ReminderKind;
  dueAt: number;
  text: string;
  payload: unknown;
  dedupeKey: string;
  status: ReminderStatus;
  attempts: number;
  lastError: string | null;
  claimedAt: number | null;
  /** the scheduler that holds a 'sending' reminder, and until when (it renews the lease while it posts) */
  claimedBy: string | null;
  leaseUntil: number | null;
  sentAt: number | null;
  /** ts of the posted message */
  postedTs: string | null;
  createdAt: number;
  updatedAt: number;
}

/** A plan file a workspace imported: a new vendor, or an override of a shipped one, with its document. */
export interface WorkspacePlanInput {
  vendor: string;
  kind: 'vendor' | 'override';
  documentName: string;
  documentText: string;
  /** the YAML as imported */
  planText: string;
  /** the checked plan as parsed (JSON) */
  planJson: string;
  importedBy: string | null;
}

export interface WorkspacePlan extends WorkspacePlanInput {
  workspaceId: string;
  importedAt: number;
}
