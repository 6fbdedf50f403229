/**
 * `case …` commands and case questions in a thread: text in, a Reply out.
 *
 * - `handleCaseText(deps, ctx, text)` takes the whole text ("case open p1", "when is my next update due?").
 *   It returns null when the text is neither a case command nor a question about the thread's case, so that
 *   the conversation answers it the ordinary way.
 * - In a thread, the thread is the case. `case open` outside a thread posts the case message and opens the
 *   case on its thread (Reply.afterPost); the console, with no --thread, makes up a thread id and says so.
 */
import { DateTime } from 'luxon';
import { horizonProblem } from '../answers/horizon.js';
import { type Command, type WallTimeShift, wallTimeShift } from '../answers/index.js';
import { questionAnswer, statusAnswer } from '../cases/answer.js';
import { liveClocks } from '../cases/clocks.js';
import {
  asksForCaseList,
  type CaseCommand,
  parseCaseCommand,
  parseShortThreadQuestion,
  parseThreadQuestion,
} from '../cases/commands.js';
import { CaseProblem, caseState, caseView, openCase, type RecordableEventKind, recordEvent } from '../cases/service.js';
import { matchSeverity, resolveSeverity, severityMatters } from '../cases/targets.js';
import { recordedWords } from '../cases/words.js';
import type { PlanFile } from '../knowledge/schema.js';
import { type Answer, emptyAnswer } from '../model/answer.js';
import type { Language } from '../model/language.js';
import type { Case, Contract } from '../model/records.js';
import { scheduleWorkspaceDateReminders } from '../reminders/date-reminders.js';
import { isStoreError } from '../store/index.js';
import { caseTextWords } from '../text/case-text-words.js';
import { conversationWords } from '../text/conversation-words.js';
import { strings } from '../text/i18n.js';
import { contractPlanName } from '../text/names.js';
import { formatTime } from '../text/time.js';
import { refusal, refusalAnswer } from './permissions.js';
import type { ConversationContext, ConversationDeps, Reply } from './types.js';

/** case commands that change nothing, open to anyone the app answers */
const READ_ONLY = new Set<CaseCommand['kind']>(['status', 'help', 'invalid']);

/**
 * A parsed line (the conversation parses it once, with the answer engine's parser): a `case …` command's
 * words after the command word, or a question about the thread's case.
 */
export async function handleCaseText(
  deps: ConversationDeps,
  ctx: ConversationContext,
  cmd: Pick<Command, 'kind' | 'language' | 'text'> & { rest?: string },
): Promise<Reply | null> {
  const lang: Language = cmd.language;
  try {
    if (asksForCaseList(cmd.text)) return await caseList(deps, ctx, lang);
    if (cmd.kind === 'case') {
      const parsed = parseCaseCommand(cmd.rest ?? '');
      if (!READ_ONLY.has(parsed.kind)) {
        const refused = await refusal(ctx.actor, 'case');
        if (refused) return { answer: refusalAnswer(refused, lang), visibility: 'ephemeral' };
      }
      // one transaction: a failure anywhere (a lock, a date out of range) leaves no half-opened case behind
      const reply = await deps.store.transaction(async () => await command(deps, ctx, parsed, lang));
      await planDatesNow(deps, ctx);
      return reply;
    }
    return await question(deps, ctx, cmd.text);
  } catch (error) {
    if (error instanceof CaseProblem || isStoreError(error)) return problem(error.message, lang);
    throw error;
  }
}

/** workspace → when its date reminders were last planned */
const datesPlannedAt = new Map<string, number>();
const DATES_EVERY_MS = 3_600_000;

/**
 * A workspace that tracks cases gets its date reminders (coaching left, meetings not booked, cut-offs) planned
 * at most hourly as it works, in the channel of its latest case; the scheduler posts them.
 */
async function planDatesNow(deps: ConversationDeps, ctx: ConversationContext): Promise<void> {
  const now = ctx.now.getTime();
  const last = datesPlannedAt.get(ctx.workspaceId);
  if (last !== undefined && Math.abs(now - last) < DATES_EVERY_MS) return;
  datesPlannedAt.set(ctx.workspaceId, now);
  try {
    await scheduleWorkspaceDateReminders(deps, ctx.workspaceId, now, undefined, undefined, { error: () => {} });
  } catch {
    // a date reminder is a courtesy: never let it spoil the answer
  }
}

function reply(answer: Answer, ctx: ConversationContext): Reply {
  return { answer, visibility: ctx.via === 'command' ? 'ephemeral' : 'in_channel' };
}

function problem(message: string, lang: Language, suggestions: string[] = caseTextWords(lang).usage): Reply {
  const a = emptyAnswer('error', conversationWords(lang).storeErrorTitle, message);
  a.suggestions = suggestions;
  return { answer: a, visibility: 'ephemeral' };
}

/** How to track a case: for `case` words the case commands did not take. */
export function caseHelpReply(ctx: ConversationContext, lang: Language = 'en'): Reply {
  return reply(usageAnswer(lang), ctx);
}

function usageAnswer(lang: Language): Answer {
  const w = caseTextWords(lang);
  const a = emptyAnswer('help', w.helpTitle, w.help);
  a.facts = w.usage.map((u, i) => ({ label: `${i + 1}`, value: u }));
  a.suggestions = ['case open p1', 'case', w.nextUpdateQuestion];
  return a;
}

async function question(deps: ConversationDeps, ctx: ConversationContext, text: string): Promise<Reply | null> {
  // in a thread, a fragment ("next update?", 「下次更新」, "status") is about the thread's case
  const q = parseThreadQuestion(text) ?? (ctx.threadTs ? parseShortThreadQuestion(text) : null);
  if (!q) return null;
  const kase = ctx.threadTs ? await deps.store.getCaseByThread(ctx.workspaceId, ctx.channelId, ctx.threadTs) : null;
  if (!kase) return ctx.threadTs ? await noCaseHere(deps, ctx, q.language) : await whichCase(deps, ctx, q.language);
  const now = ctx.now.getTime();
  const state = await caseState(deps, kase, now);
  const view = caseView(state, now, q.language, ctx.userZone);
  const answer = 'status' in q ? statusAnswer(view) : questionAnswer(view, q.clock, q.ask);
  return { answer, visibility: ctx.via === 'command' ? 'ephemeral' : 'in_channel' };
}

/**
 * A question about "the case" in a thread that tracks none: say so, and how to start tracking one here. The
 * reply is `weak`: where the question has an answer of its own (it names a plan and a severity), that wins.
 */
async function noCaseHere(deps: ConversationDeps, ctx: ConversationContext, lang: Language): Promise<Reply> {
  const w = caseTextWords(lang);
  const answer = emptyAnswer('case', w.noCaseHereTitle, w.noCaseHere);
  const open = await deps.store.listCases(ctx.workspaceId, { status: ['open', 'waiting'] });
  if (open.length > 0) answer.notes.push(w.otherCases(open.length));
  answer.suggestions.push('case open p1', 'cases');
  return { answer, visibility: ctx.via === 'command' ? 'ephemeral' : 'in_channel', weak: true };
}

/** The open cases of the channel (Slack) or of the workspace (the console, which has no channels). */
async function caseList(deps: ConversationDeps, ctx: ConversationContext, lang: Language): Promise<Reply> {
  const w = caseTextWords(lang);
  const wholeWorkspace = ctx.via === 'console';
  const open = (await deps.store.listCases(ctx.workspaceId, { status: ['open', 'waiting'] })).filter(
    (kase) => wholeWorkspace || kase.channelId === ctx.channelId,
  );
  const where = wholeWorkspace ? w.thisWorkspace : w.thisChannel;
  const answer = emptyAnswer(
    'case',
    w.openCasesTitle,
    open.length === 0 ? w.noOpenCases(where) : w.openCases(open.length, where),
  );
  answer.facts.push(...(await caseFacts(deps, ctx, open.slice(-20), lang)));
  answer.suggestions.push('case open p1');
  return { answer, visibility: ctx.via === 'command' ? 'ephemeral' : 'in_channel' };
}

/** One line per case: plan, where it is, and its next deadline. */
async function caseFacts(
  deps: ConversationDeps,
  ctx: ConversationContext,
  cases: Case[],
  lang: Language,
): Promise<Answer['facts']> {
  const w = caseTextWords(lang);
  const now = ctx.now.getTime();
  const facts: Answer['facts'] = [];
  for (const kase of cases) {
    try {
      const state = await caseState(deps, kase, now);
      const next = liveClocks(state.clocks)[0];
      const ref = kase.vendorRef ? ` ${kase.vendorRef}` : '';
      const place = ctx.via === 'console' ? w.thread(kase.threadTs) : `<#${kase.channelId}>`;
      const due =
        next && next.dueAt !== null
          ? w.nextDue(formatTime(next.dueAt, state.contract.zone, lang), next.state === 'overdue')
          : '';
      facts.push({
        label: `#${kase.id}${ref}`,
        value: `${contractPlanName(deps.knowledge, state.contract, lang)} · ${place}${due}`,
      });
    } catch (error) {
      if (!(error instanceof CaseProblem)) throw error;
    }
  }
  return facts;
}

/**
 * "When is my next update due?" asked outside a case thread: the app cannot tell which case is meant, so it
 * says where to ask and lists the open cases with their next deadline.
 */
async function whichCase(deps: ConversationDeps, ctx: ConversationContext, lang: Language): Promise<Reply> {
  const w = caseTextWords(lang);
  const open = await deps.store.listCases(ctx.workspaceId, { status: ['open', 'waiting'] });
  const where = ctx.via === 'command' ? w.askInThreadByMention : w.askInThread;
  const answer = emptyAnswer('case', w.whichCaseTitle, open.length === 0 ? w.noneTracked : w.aboutACase(where));
  answer.facts.push(...(await caseFacts(deps, ctx, open.slice(-10), lang)));
  answer.suggestions.push('case open p1', 'help');
  return { answer, visibility: ctx.via === 'command' ? 'ephemeral' : 'in_channel' };
}

async function threadCase(deps: ConversationDeps, ctx: ConversationContext, lang: Language): Promise<Case> {
  const w = caseTextWords(lang);
  if (!ctx.threadTs) throw new CaseProblem(ctx.via === 'command' ? w.slashHasNoThread : w.notACaseThread);
  const kase = await deps.store.getCaseByThread(ctx.workspaceId, ctx.channelId, ctx.threadTs);
  if (!kase) throw new CaseProblem(w.noCaseYet);
  return kase;
}

const EVENT_OF: Record<string, RecordableEventKind> = {
  responded: 'responded',
  updated: 'updated',
  customer: 'customer',
  wait: 'waiting',
  resume: 'resumed',
  close: 'closed',
  reopen: 'reopened',
};

async function command(
  deps: ConversationDeps,
  ctx: ConversationContext,
  cmd: CaseCommand,
  lang: Language,
): Promise<Reply> {
  const now = ctx.now.getTime();
  const w = caseTextWords(lang);
  switch (cmd.kind) {
    case 'invalid':
      return problem(w.invalid(cmd.message), lang);
    case 'help':
      return reply(usageAnswer(lang), ctx);
    case 'open':
      return await open(deps, ctx, cmd, lang);
    case 'status': {
      const state = await caseState(deps, await threadCase(deps, ctx, lang), now);
      return reply(statusAnswer(caseView(state, now, lang, ctx.userZone)), ctx);
    }
    case 'owner': {
      const kase = await threadCase(deps, ctx, lang);
      const updated = await deps.store.updateCase(ctx.workspaceId, kase.id, { ownerId: cmd.userId });
      const state = await caseState(deps, updated, now);
      const headline =
        cmd.userId === null
          ? 'The case is back with the person who opened it.'
          : 'New owner recorded: they get a direct message before each deadline and at a breach.';
      return {
        ...reply(statusAnswer(caseView(state, now, lang, ctx.userZone), headline), ctx),
        case: { id: kase.id, change: 'event', note: headline },
      };
    }
    case 'severity': {
      const kase = await threadCase(deps, ctx, lang);
      const state = await caseState(deps, kase, now);
      if (state.file.severities.length === 0) {
        throw new CaseProblem(w.severityFree(state.file.vendorName[lang]));
      }
      const sev = resolveSeverity(state.file, cmd.severity);
      if (!sev) throw new CaseProblem(unknownSeverity(state.file, cmd.severity, lang));
      if (sev.id === state.clocks.severity?.id) {
        throw new CaseProblem(w.sameSeverity(kase.id, sev.name[lang]));
      }
      const { at, shift } = eventTime(cmd.at, state.contract.zone, now, lang);
      const { state: after } = await recordEvent(
        deps,
        kase,
        {
          kind: 'severity',
          at,
          actorId: ctx.userId,
          source: 'command',
          data: { from: state.clocks.severity?.id ?? null, to: sev.id },
        },
        now,
      );
      const headline = w.severityRecorded(
        sev.name[lang],
        formatTime(at, state.contract.zone, lang),
        shiftSentence(shift, lang),
      );
      return {
        ...reply(statusAnswer(caseView(after, now, lang, ctx.userZone), headline), ctx),
        case: { id: kase.id, change: 'event', note: headline },
      };
    }
    default: {
      const kind = EVENT_OF[cmd.kind];
      if (!kind) return problem(`"case ${cmd.kind}" is not a case command I know.`, lang);
      const kase = await threadCase(deps, ctx, lang);
      const zone = (await deps.store.getContract(ctx.workspaceId, kase.contractId ?? -1))?.zone ?? 'UTC';
      const { at, shift } = eventTime(cmd.at, zone, now, lang);
      const { state } = await recordEvent(deps, kase, { kind, at, actorId: ctx.userId, source: 'command' }, now);
      const headline = w.eventRecorded(
        recordedWords(kind, lang),
        formatTime(at, zone, lang),
        shiftSentence(shift, lang),
      );
      return {
        ...reply(statusAnswer(caseView(state, now, lang, ctx.userZone), headline), ctx),
        case: { id: kase.id, change: 'event', note: headline },
      };
    }
  }
}

/**
 * "14:05" (today in the contract's zone, or yesterday when that is still ahead), or an ISO date-time. A local
 * time the clocks skipped or showed twice is not moved silently: `shift` says which instant was taken.
 */
export function eventTime(
  text: string | null,
  zone: string,
  now: number,
  lang: Language = 'en',
): { at: number; shift?: WallTimeShift } {
  const unreadable = () => new CaseProblem(caseTextWords(lang).unreadableTime(text, zone));
  if (!text) return { at: now };
  const t = text.trim().toUpperCase();
  let dt: DateTime;
  let shift: WallTimeShift | undefined;
  const hhmm = /^(\d{1,2}):(\d{2})$/.exec(t);
  if (hhmm && (Number(hhmm[1]) > 23 || Number(hhmm[2]) > 59)) {
    throw unreadable();
  }
  if (hhmm) {
    const hour = Number(hhmm[1]);
    const minute = Number(hhmm[2]);
    let day = DateTime.fromMillis(now, { zone }).startOf('day');
    dt = day.set({ hour, minute });
    if (dt.toMillis() > now) {
      day = day.minus({ days: 1 });
      dt = day.set({ hour, minute });
    }
    shift = wallTimeShift(day, hour, minute, dt, zone);
  } else {
    dt = DateTime.fromISO(t.replace(' ', 'T'), { zone, setZone: true });
    const typedOffset = /(Z|[+-]\d{2}:?\d{2})$/.test(t);
    const local = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})/.exec(t);
    if (dt.isValid && !typedOffset && local) {
      const day = DateTime.fromISO(local[1] ?? '', { zone });
      shift = wallTimeShift(day, Number(local[2]), Number(local[3]), dt, zone);
    }
  }
  if (!dt.isValid) {
    throw unreadable();
  }
  const at = shift?.kind === 'overlap' ? Date.parse(shift.taken) : dt.toMillis();
  if (at > now + 60_000) throw new CaseProblem(caseTextWords(lang).futureTime(text));
  const far = horizonProblem(new Date(at), new Date(now), lang);
  if (far) throw new CaseProblem(far);
  return shift ? { at, shift } : { at };
}

/** The sentence that says which instant a skipped or repeated local time was taken as. */
function shiftSentence(shift: WallTimeShift | undefined, lang: Language): string {
  if (!shift) return '';
  const s = strings(lang);
  const text =
    shift.kind === 'gap'
      ? s.wallGap(shift.wall, shift.zone, shift.taken)
      : s.wallOverlap(shift.wall, shift.zone, shift.taken, shift.other ?? '');
  return ` ${text}`;
}

export function unknownSeverity(file: PlanFile, words: string, lang: Language): string {
  return caseTextWords(lang).unknownSeverity(
    words,
    file.vendorName[lang],
    file.severities.map((s) => ({ id: s.id, name: s.name[lang] })),
  );
}

/** The contract a new case uses: named, the only one, or the one whose vendor knows the severity typed. */
async function chooseContract(
  deps: ConversationDeps,
  workspaceId: string,
  named: string | null,
  severity: string | null,
  lang: Language,
): Promise<Contract> {
  const w = caseTextWords(lang);
  const contracts = await deps.store.listContracts(workspaceId);
  if (contracts.length === 0) throw new CaseProblem(w.noContract);
  const listing = () =>
    contracts.map((c) => `${c.id}: ${c.vendor} ${c.plan}${c.name ? ` (${c.name})` : ''}`).join('; ');
  if (named) {
    const n = named.toLowerCase();
    const byId = /^\d+$/.test(n) ? contracts.filter((c) => c.id === Number(n)) : [];
    const found = byId.length
      ? byId
      : contracts.filter((c) => c.vendor === n || c.plan === n || (c.name ?? '').toLowerCase() === n);
    if (found.length === 1) return found[0]!;
    throw new CaseProblem(
      found.length === 0
        ? w.noContractMatches(named, listing())
        : w.severalContracts(
            named,
            found.map((c) => c.id),
          ),
    );
  }
  if (contracts.length === 1) return contracts[0]!;
  const matchOf = (c: Contract) => (severity ? matchSeverity(deps.knowledge.vendor(c.vendor), severity) : null);
  let fits = severity
    ? contracts.filter((c) => matchOf(c)?.exact)
    : contracts.filter((c) => !severityMatters(deps.knowledge.vendor(c.vendor), c));
  if (severity && fits.length === 0) fits = contracts.filter((c) => matchOf(c) !== null);
  const vendors = new Set(fits.map((c) => c.vendor));
  if (fits.length === 1 || (fits.length > 1 && vendors.size === 1 && severity)) return fits[0]!;
  throw new CaseProblem(w.whichContract(listing()));
}

function scopesOf(file: PlanFile): Set<string> {
  return new Set(file.targets.map((t) => t.scope).filter((s): s is string => Boolean(s)));
}

async function open(
  deps: ConversationDeps,
  ctx: ConversationContext,
  cmd: Extract<CaseCommand, { kind: 'open' }>,
  lang: Language,
): Promise<Reply> {
  const w = caseTextWords(lang);
  const contract = await chooseContract(deps, ctx.workspaceId, cmd.contract, cmd.severity, lang);
  const file = deps.knowledge.vendor(contract.vendor);
  const notes: string[] = [];
  let severity: string | null = null;
  if (cmd.severity) {
    const sev = resolveSeverity(file, cmd.severity);
    if (sev) severity = sev.id;
    else if (file.severities.length > 0) throw new CaseProblem(unknownSeverity(file, cmd.severity, lang));
    else notes.push(w.severityLeftAside(file.vendorName[lang], cmd.severity));
  } else if (severityMatters(file, contract)) {
    return askSeverity(file, contract, lang);
  }
  const scopes = scopesOf(file);
  let productScope: string | null = cmd.product;
  if (productScope && !scopes.has(productScope)) {
    notes.push(w.productChangesNothing(file.vendorName[lang], productScope));
    productScope = null;
  } else if (
    !productScope &&
    scopes.size > 0 &&
    severity &&
    file.targets.some((t) => t.scope && t.severities.includes(severity!))
  ) {
    notes.push(w.notAzure);
  }
  const base = {
    workspaceId: ctx.workspaceId,
    channelId: ctx.channelId,
    contract,
    severity,
    productScope,
    vendorRef: cmd.ref,
    openedAt: ctx.now.getTime(),
    openedBy: ctx.userId,
    source: 'command' as const,
    language: lang,
  };
  const opened = async (threadTs: string, headline: string): Promise<Answer> => {
    const state = await openCase(deps, { ...base, threadTs });
    const answer = statusAnswer(caseView(state, base.openedAt, lang, ctx.userZone), headline);
    answer.notes.unshift(...notes, ...calendarAssumptions(state, lang));
    return answer;
  };
  const title = contractPlanName({ plans: [file] }, contract, lang);
  if (ctx.threadTs) {
    const headline = w.openedHere(title);
    const answer = await opened(ctx.threadTs, headline);
    const kase = await deps.store.getCaseByThread(ctx.workspaceId, ctx.channelId, ctx.threadTs);
    return { answer, visibility: 'in_channel', ...(kase ? { case: { id: kase.id, change: 'opened' as const } } : {}) };
  }
  // outside a thread: the app posts the case message and the case lives in its thread
  const sevName = severity ? file.severities.find((s) => s.id === severity)?.name[lang] : null;
  const header = emptyAnswer('case', w.caseMessageTitle(title, sevName, cmd.ref), w.caseMessage);
  const viaConsole = ctx.via === 'console';
  return {
    answer: header,
    visibility: 'in_channel',
    afterPost: async (posted) => {
      const headline = viaConsole ? w.openedOnConsoleThread(posted.ts) : w.openedOnThread;
      return await deps.store.transaction(async () => {
        const answer = await opened(posted.ts, headline);
        const kase = await deps.store.getCaseByThread(ctx.workspaceId, posted.channelId, posted.ts);
        if (kase) await deps.store.updateCase(ctx.workspaceId, kase.id, { statusMessageTs: posted.ts });
        return answer;
      });
    },
  };
}

function calendarAssumptions(state: Awaited<ReturnType<typeof caseState>>, lang: Language): string[] {
  const seen = new Set<string>();
  for (const clock of state.clocks.clocks) {
    for (const a of (lang === 'zh' ? clock.calendar?.assumedZh : clock.calendar?.assumed) ?? []) seen.add(a);
  }
  return [...seen].map((a) => caseTextWords(lang).assumed(a));
}

function askSeverity(file: PlanFile, contract: Contract, lang: Language): Reply {
  const w = caseTextWords(lang);
  const a = emptyAnswer(
    'case',
    w.whichSeverityTitle,
    w.whichSeverity(contractPlanName({ plans: [file] }, contract), file.vendorName[lang]),
  );
  a.facts = file.severities.map((s) => ({ label: `${s.id} — ${s.name[lang]}`, value: s.definition[lang] }));
  a.suggestions = file.severities.slice(0, 3).map((s) => `case open ${s.id.toLowerCase()}`);
  return { answer: a, visibility: 'ephemeral' };
}
