/**
 * Case operations over the store: open a case, record an event (and undo one), recompute its clocks and
 * replan its reminders. Every change to a case goes through `recordEvent`, so the clocks, the cached case
 * fields and the pending reminders never disagree. Shared by the conversation (`case …`), the Slack
 * listeners (buttons, Slack Connect replies, the message shortcut) and the console.
 */
import type { Knowledge } from '../knowledge/load.js';
import type { PlanFile } from '../knowledge/schema.js';
import { knowledgeOf } from '../knowledge/workspace.js';
import type { Locale } from '../model/answer.js';
import type { Language } from '../model/language.js';
import type { Case, CaseEvent, CaseEventSource, CasePatch, Contract, RecordableEventKind } from '../model/records.js';

export type { RecordableEventKind };

import { type Store, StoreError } from '../store/index.js';
import { caseActionWords } from '../text/case-action-words.js';
import { contractPlanName } from '../text/names.js';
import type { CaseView } from './answer.js';
import { contractCalendars } from './case-calendars.js';
import {
  type CalendarResolver,
  type CaseClock,
  type CaseClocks,
  type ClockEvent,
  computeClocks,
  liveClocks,
  replay,
} from './clocks.js';
import { planCaseReminders } from './reminder-plan.js';

export interface CaseServiceDeps {
  store: Store;
  knowledge: Knowledge;
  /** a workspace's knowledge (shipped plus its imported plans); see src/knowledge/workspace.ts */
  workspaceKnowledge?: (workspaceId: string) => Promise<Knowledge>;
}

export interface CaseState {
  kase: Case;
  contract: Contract;
  file: PlanFile;
  events: CaseEvent[];
  clocks: CaseClocks;
}

/**
 * A problem a person can act on. Said in the language of whoever reads it: `say(lang)`; `message` is the English.
 * A problem built from words already in the reader's language (the conversation's own) is given as that text.
 */
export class CaseProblem extends Error {
  readonly say: (lang: Language) => string;
  constructor(message: string | ((lang: Language) => string)) {
    const say = typeof message === 'string' ? () => message : message;
    super(say('en'));
    this.say = say;
    this.name = 'CaseProblem';
  }
}

/** A problem worded by the case-action word table, in the reader's language. */
export function caseProblem(words: (w: ReturnType<typeof caseActionWords>) => string): CaseProblem {
  return new CaseProblem((lang) => words(caseActionWords(lang)));
}

async function contractOf(deps: CaseServiceDeps, kase: Case): Promise<Contract> {
  const contract = kase.contractId === null ? null : await deps.store.getContract(kase.workspaceId, kase.contractId);
  if (!contract) {
    throw caseProblem((w) => w.noContract(kase.id));
  }
  return contract;
}

/** The case with its contract, events and clocks at `now`. */
export async function caseState(deps: CaseServiceDeps, kase: Case, now: number): Promise<CaseState> {
  const contract = await contractOf(deps, kase);
  const knowledge = await knowledgeOf(deps, kase.workspaceId);
  const events = await deps.store.listCaseEvents(kase.workspaceId, kase.id);
  return stateOf(kase, contract, knowledge, events, now);
}

function stateOf(
  kase: Case,
  contract: Contract,
  knowledge: Knowledge,
  events: CaseEvent[],
  now: number,
  calendarFor = contractCalendars(knowledge.vendor(contract.vendor), contract, knowledge.holidayOverrides),
): CaseState {
  const file = knowledge.vendor(contract.vendor);
  const clocks = computeClocks({
    file,
    contract,
    kase: { severity: kase.severity, productScope: kase.productScope, openedAt: kase.openedAt },
    events: events as ClockEvent[],
    now,
    calendarFor,
  });
  return { kase, contract, file, events, clocks };
}

export function caseView(state: CaseState, now: number, lang: Language, userZone?: string): CaseView {
  return {
    kase: state.kase,
    clocks: state.clocks,
    vendorName: state.file.vendorName[lang],
    planName: contractPlanName({ plans: [state.file] }, state.contract, lang),
    zone: state.contract.zone,
    userZone,
    now,
    lang,
  };
}

/** Recomputes the reminders of a case (cancelling those whose deadline moved or was met). */
export async function replanReminders(deps: CaseServiceDeps, state: CaseState, now: number): Promise<void> {
  const settings = await deps.store.getSettings(state.kase.workspaceId);
  const language = caseLanguage(state.events);
  const rows = planCaseReminders({
    kase: state.kase,
    clocks: state.clocks,
    vendorName: state.file.vendorName[language],
    language,
    script: caseLocale(state.events) === 'zh-Hans' ? 'zh-Hans' : undefined,
    settings,
    zone: state.contract.zone,
    now,
  });
  await deps.store.replaceCaseReminders(state.kase.workspaceId, state.kase.id, rows);
}

/** The language a case was opened in (its `opened` event says; cases opened before that are English). */
export function caseLanguage(events: readonly Pick<CaseEvent, 'kind' | 'data'>[]): Language {
  const opened = events.find((e) => e.kind === 'opened');
  const data = opened?.data as { language?: unknown } | null | undefined;
  return data?.language === 'zh' ? 'zh' : 'en';
}

/** The language and script a case was opened in: Simplified only where its `opened` event says so. */
export function caseLocale(events: readonly Pick<CaseEvent, 'kind' | 'data'>[]): Locale {
  if (caseLanguage(events) === 'en') return 'en';
  const data = events.find((e) => e.kind === 'opened')?.data as { locale?: unknown } | null | undefined;
  return data?.locale === 'zh-Hans' ? 'zh-Hans' : 'zh-Hant';
}

/** The case's cached fields, from its event history. */
function patchFromEvents(kase: Case, events: CaseEvent[]): CasePatch {
  const t = replay(kase, events as ClockEvent[]);
  const live = events.filter((e) => e.undoneAt === null);
  const last = (kind: string) => live.filter((e) => e.kind === kind).at(-1)?.at ?? null;
  return {
    status: t.status,
    severity: t.severity,
    severitySince: t.severitySince === kase.openedAt ? null : t.severitySince,
    firstRespondedAt: t.firstVendorAt,
    lastVendorUpdateAt: t.lastVendorAt,
    lastCustomerMessageAt: last('customer'),
    waitingSince: t.waitingSince,
    closedAt: t.status === 'closed' ? last('closed') : null,
    reopenedAt: last('reopened'),
  };
}

export interface OpenCaseInput {
  workspaceId: string;
  channelId: string;
  threadTs: string;
  contract: Contract;
  severity: string | null;
  productScope: string | null;
  vendorRef: string | null;
  openedAt: number;
  openedBy: string;
  source: CaseEventSource;
  /** the language the case was opened in: its reminders are written in it */
  language?: Language;
  /** its script, kept when Simplified: the card and the reminders are shown in it */
  locale?: Locale;
}

/** Creates the case, its 'opened' event and its reminders in one transaction: all of them, or none. */
export async function openCase(deps: CaseServiceDeps, input: OpenCaseInput): Promise<CaseState> {
  return await deps.store.transaction(async () => await openCaseNow(deps, input));
}

async function openCaseNow(deps: CaseServiceDeps, input: OpenCaseInput): Promise<CaseState> {
  const existing = await deps.store.getCaseByThread(input.workspaceId, input.channelId, input.threadTs);
  if (existing) {
    throw caseProblem((w) => w.alreadyTracks(existing.id, existing.status === 'closed'));
  }
  let kase: Case;
  try {
    kase = await deps.store.createCase(input.workspaceId, {
      channelId: input.channelId,
      threadTs: input.threadTs,
      contractId: input.contract.id,
      severity: input.severity,
      productScope: input.productScope,
      vendorRef: input.vendorRef,
      openedAt: input.openedAt,
      openedBy: input.openedBy,
    });
  } catch (error) {
    if (error instanceof StoreError && error.code === 'case-exists') {
      throw caseProblem((w) => w.alreadyTracksOne);
    }
    throw error;
  }
  await deps.store.addCaseEvent(input.workspaceId, kase.id, {
    kind: 'opened',
    at: input.openedAt,
    actorId: input.openedBy,
    source: input.source,
    data: {
      severity: input.severity,
      productScope: input.productScope,
      contractId: input.contract.id,
      ...(input.language ? { language: input.language } : {}),
      ...(input.language === 'zh' && input.locale === 'zh-Hans' ? { locale: 'zh-Hans' } : {}),
    },
  });
  const state = await caseState(deps, kase, input.openedAt);
  await replanReminders(deps, state, input.openedAt);
  return state;
}

export interface EventInput {
  kind: RecordableEventKind;
  at: number;
  actorId: string | null;
  source: CaseEventSource;
  data?: unknown;
}

/** Checks that the event makes sense for the case as it stands; a problem says what would work. */
function checkEvent(state: CaseState, e: EventInput): void {
  const status = state.clocks.status;
  if (e.at < state.kase.openedAt) {
    throw caseProblem((w) => w.beforeOpening);
  }
  if (status === 'closed' && e.kind !== 'reopened') {
    throw caseProblem((w) => w.closed(state.kase.id));
  }
  if (e.kind === 'reopened' && status !== 'closed') throw caseProblem((w) => w.alreadyOpen(state.kase.id));
  if (e.kind === 'waiting' && status === 'waiting') {
    throw caseProblem((w) => w.alreadyWaiting(state.kase.id));
  }
  if (e.kind === 'resumed' && status !== 'waiting') {
    throw caseProblem((w) => w.notWaiting(state.kase.id));
  }
}

/** Records an event, refreshes the case's cached fields and replans its reminders, in one transaction. */
export async function recordEvent(
  deps: CaseServiceDeps,
  kase: Case,
  e: EventInput,
  now: number,
): Promise<{ state: CaseState; event: CaseEvent }> {
  return await deps.store.transaction(async () => await recordEventNow(deps, kase, e, now));
}

async function recordEventNow(
  deps: CaseServiceDeps,
  kase: Case,
  e: EventInput,
  now: number,
): Promise<{ state: CaseState; event: CaseEvent }> {
  const before = await caseState(deps, kase, now);
  checkEvent(before, e);
  const event = await deps.store.addCaseEvent(kase.workspaceId, kase.id, {
    kind: e.kind,
    at: e.at,
    actorId: e.actorId,
    source: e.source,
    data: e.data ?? null,
  });
  return { state: await refresh(deps, kase, now), event };
}

/** Undoes an event (a Slack Connect auto-detection), then refreshes the case and its reminders. */
export async function undoEvent(
  deps: CaseServiceDeps,
  workspaceId: string,
  eventId: number,
  now: number,
): Promise<CaseState> {
  return await deps.store.transaction(async () => await undoEventNow(deps, workspaceId, eventId, now));
}

async function undoEventNow(
  deps: CaseServiceDeps,
  workspaceId: string,
  eventId: number,
  now: number,
): Promise<CaseState> {
  const event = await deps.store.getCaseEvent(workspaceId, eventId);
  if (!event) throw caseProblem((w) => w.eventGone);
  const kase = await deps.store.getCase(workspaceId, event.caseId);
  if (!kase) throw caseProblem((w) => w.caseGone);
  await deps.store.undoCaseEvent(workspaceId, eventId);
  return await refresh(deps, kase, now);
}

async function refresh(deps: CaseServiceDeps, kase: Case, now: number): Promise<CaseState> {
  const events = await deps.store.listCaseEvents(kase.workspaceId, kase.id);
  const updated = await deps.store.updateCase(kase.workspaceId, kase.id, patchFromEvents(kase, events));
  const state = await caseState(deps, updated, now);
  await replanReminders(deps, state, now);
  return state;
}

/**
 * Each of the workspace's open and waiting cases (oldest first) with its running deadlines at `now`, soonest
 * first, for the Home tab, which lists them all: read in three statements whatever the number of cases (the
 * cases, their events, the contracts), each contract's calendars compiled once. A case whose deadlines cannot be
 * worked out (no contract, its plan gone) comes with the error instead (a CaseProblem says it in either language).
 */
export async function openCaseDeadlines(
  deps: CaseServiceDeps,
  workspaceId: string,
  now: Date,
): Promise<{ kase: Case; contract?: Contract; deadlines: CaseDeadline[] | Error }[]> {
  const cases = await deps.store.listCases(workspaceId, { status: ['open', 'waiting'] });
  if (cases.length === 0) return [];
  const events = await deps.store.listCaseEventsByStatus(workspaceId, ['open', 'waiting']);
  const contracts = new Map((await deps.store.listContracts(workspaceId)).map((c) => [c.id, c]));
  const knowledge = await knowledgeOf(deps, workspaceId);
  // one resolver per contract: its calendars are resolved and compiled once for all its cases
  const calendars = new Map<number, CalendarResolver>();
  return cases.map((kase) => {
    const contract = kase.contractId === null ? undefined : contracts.get(kase.contractId);
    try {
      if (!contract) throw caseProblem((w) => w.noContract(kase.id));
      let calendarFor = calendars.get(contract.id);
      if (!calendarFor) {
        calendarFor = contractCalendars(knowledge.vendor(contract.vendor), contract, knowledge.holidayOverrides);
        calendars.set(contract.id, calendarFor);
      }
      const state = stateOf(kase, contract, knowledge, events.get(kase.id) ?? [], now.getTime(), calendarFor);
      return { kase, contract, deadlines: deadlinesOf(state) };
    } catch (error) {
      return { kase, contract, deadlines: error as Error };
    }
  });
}

export interface CaseDeadline {
  kind: CaseClock['kind'];
  /** epoch milliseconds */
  dueAt: number;
  minutesLeft?: number;
}

function deadlinesOf(state: CaseState): CaseDeadline[] {
  return liveClocks(state.clocks).map((c) => ({
    kind: c.kind,
    dueAt: c.dueAt!,
    minutesLeft: c.minutesLeft ?? undefined,
  }));
}

export interface VendorReply {
  at: number;
  actorId: string;
  messageTs: string;
  /** the vendor's Slack team */
  team: string;
}

/**
 * A reply in a case thread from the vendor's side (Slack Connect): its first counts as the vendor's first
 * response, any later one as an update. Returns what was recorded and the clock that now falls due first.
 */
export async function recordVendorReply(deps: CaseServiceDeps, kase: Case, reply: VendorReply, now: number) {
  const before = await caseState(deps, kase, now);
  const responded = before.clocks.clocks.find((c) => c.kind === 'response')?.state === 'met';
  const kind = responded ? 'updated' : 'responded';
  const { state, event } = await recordEvent(
    deps,
    kase,
    {
      kind,
      at: reply.at,
      actorId: reply.actorId,
      source: 'auto',
      data: { messageTs: reply.messageTs, team: reply.team },
    },
    now,
  );
  const next = liveClocks(state.clocks).find((c) => c.state === 'running') ?? null;
  return { kind, state, event, next } as const;
}
