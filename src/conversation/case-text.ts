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
import type { Command } from '../answers/index.js';
import { questionAnswer, statusAnswer } from '../cases/answer.js';
import { liveClocks } from '../cases/clocks.js';
import { CASE_USAGE, type CaseCommand, parseCaseCommand, parseThreadQuestion } from '../cases/commands.js';
import { CaseProblem, caseState, caseView, openCase, type RecordableEventKind, recordEvent } from '../cases/service.js';
import { matchSeverity, resolveSeverity, severityMatters } from '../cases/targets.js';
import { recordedWords } from '../cases/words.js';
import type { PlanFile } from '../knowledge/schema.js';
import { type Answer, emptyAnswer } from '../model/answer.js';
import type { Language } from '../model/language.js';
import type { Case, Contract } from '../model/records.js';
import { scheduleWorkspaceDateReminders } from '../reminders/date-reminders.js';
import { isStoreError } from '../store/index.js';
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
    if (cmd.kind === 'case') {
      const parsed = parseCaseCommand(cmd.rest ?? '');
      if (!READ_ONLY.has(parsed.kind)) {
        const refused = await refusal(ctx.actor, 'case');
        if (refused) return { answer: refusalAnswer(refused, lang), visibility: 'ephemeral' };
      }
      // one transaction: a failure anywhere (a lock, a date out of range) leaves no half-opened case behind
      const reply = deps.store.transaction(() => command(deps, ctx, parsed, lang));
      planDatesNow(deps, ctx);
      return reply;
    }
    return question(deps, ctx, cmd.text);
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
function planDatesNow(deps: ConversationDeps, ctx: ConversationContext): void {
  const now = ctx.now.getTime();
  const last = datesPlannedAt.get(ctx.workspaceId);
  if (last !== undefined && Math.abs(now - last) < DATES_EVERY_MS) return;
  datesPlannedAt.set(ctx.workspaceId, now);
  try {
    scheduleWorkspaceDateReminders(deps, ctx.workspaceId, now, undefined, undefined, { error: () => {} });
  } catch {
    // a date reminder is a courtesy: never let it spoil the answer
  }
}

function reply(answer: Answer, ctx: ConversationContext): Reply {
  return { answer, visibility: ctx.via === 'command' ? 'ephemeral' : 'in_channel' };
}

function problem(message: string, lang: Language, suggestions: string[] = CASE_USAGE): Reply {
  const a = emptyAnswer('error', lang === 'zh' ? '無法處理' : 'That did not work', message);
  a.suggestions = suggestions;
  return { answer: a, visibility: 'ephemeral' };
}

/** How to track a case: for `case` words the case commands did not take. */
export function caseHelpReply(ctx: ConversationContext): Reply {
  return reply(usageAnswer(), ctx);
}

function usageAnswer(): Answer {
  const a = emptyAnswer(
    'help',
    'Tracking a vendor case',
    'Open a case in a thread (mention the app there: `@Entitlebot case open p1`), then tell me what happens; I keep the clocks and remind the thread before a deadline and when it is missed.',
  );
  a.facts = CASE_USAGE.map((u, i) => ({ label: `${i + 1}`, value: u }));
  a.suggestions = ['case open p1', 'case', 'when is my next update due?'];
  return a;
}

function question(deps: ConversationDeps, ctx: ConversationContext, text: string): Reply | null {
  const q = parseThreadQuestion(text);
  if (!q) return null;
  const kase = ctx.threadTs ? deps.store.getCaseByThread(ctx.workspaceId, ctx.channelId, ctx.threadTs) : null;
  if (!kase) return ctx.threadTs ? null : whichCase(deps, ctx, q.language);
  const now = ctx.now.getTime();
  const state = caseState(deps, kase, now);
  const answer = questionAnswer(caseView(state, now, q.language, ctx.userZone), q.clock, q.ask);
  return { answer, visibility: ctx.via === 'command' ? 'ephemeral' : 'in_channel' };
}

/**
 * "When is my next update due?" asked outside a case thread: the app cannot tell which case is meant, so it
 * says where to ask and lists the open cases with their next deadline.
 */
function whichCase(deps: ConversationDeps, ctx: ConversationContext, lang: Language): Reply {
  const zh = lang === 'zh';
  const open = deps.store.listCases(ctx.workspaceId, { status: ['open', 'waiting'] });
  const where =
    ctx.via === 'command'
      ? zh
        ? '請在案件的討論串中提及我再問一次（例如 `@Entitlebot 下次更新是什麼時候？`）。'
        : 'Ask it in the case’s thread by mentioning me there (e.g. `@Entitlebot when is my next update due?`).'
      : zh
        ? '請在案件的討論串中問。'
        : 'Ask it in the case’s thread.';
  const answer = emptyAnswer(
    'case',
    zh ? '哪一個案件？' : 'Which case?',
    open.length === 0
      ? zh
        ? '目前沒有追蹤中的案件。用 `case open <嚴重性>` 在討論串中開始追蹤一個。'
        : 'No vendor case is being tracked. Start one in a thread with `case open <severity>`.'
      : `${zh ? '這是關於案件的問題。' : 'That is a question about a tracked case.'} ${where}`,
  );
  const now = ctx.now.getTime();
  for (const kase of open.slice(-10)) {
    try {
      const state = caseState(deps, kase, now);
      const next = liveClocks(state.clocks)[0];
      const ref = kase.vendorRef ? ` ${kase.vendorRef}` : '';
      answer.facts.push({
        label: `#${kase.id}${ref}`,
        value: `${contractPlanName(deps.knowledge, state.contract)} · ${ctx.via === 'console' ? `${zh ? '討論串' : 'thread'} ${kase.threadTs}` : `<#${kase.channelId}>`}${
          next && next.dueAt !== null
            ? ` · ${zh ? '下一個期限' : 'next due'} ${formatTime(next.dueAt, state.contract.zone, lang)}`
            : ''
        }`,
      });
    } catch (error) {
      if (!(error instanceof CaseProblem)) throw error;
    }
  }
  answer.suggestions.push('case open p1', 'help');
  return { answer, visibility: ctx.via === 'command' ? 'ephemeral' : 'in_channel' };
}

function threadCase(deps: ConversationDeps, ctx: ConversationContext): Case {
  if (!ctx.threadTs) {
    throw new CaseProblem(
      ctx.via === 'command'
        ? 'Slack does not tell a slash command which thread it was typed in. Mention the app in the case thread instead: `@Entitlebot case responded`.'
        : 'This is not a case thread. Write in the case thread, or open a case with `case open`.',
    );
  }
  const kase = deps.store.getCaseByThread(ctx.workspaceId, ctx.channelId, ctx.threadTs);
  if (!kase) throw new CaseProblem('This thread has no case yet. `case open <severity>` starts one here.');
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

function command(deps: ConversationDeps, ctx: ConversationContext, cmd: CaseCommand, lang: Language): Reply {
  const now = ctx.now.getTime();
  switch (cmd.kind) {
    case 'invalid':
      return problem(cmd.message, lang);
    case 'help':
      return reply(usageAnswer(), ctx);
    case 'open':
      return open(deps, ctx, cmd, lang);
    case 'status': {
      const state = caseState(deps, threadCase(deps, ctx), now);
      return reply(statusAnswer(caseView(state, now, lang, ctx.userZone)), ctx);
    }
    case 'severity': {
      const kase = threadCase(deps, ctx);
      const state = caseState(deps, kase, now);
      if (state.file.severities.length === 0) {
        throw new CaseProblem(
          `${state.file.vendorName.en}'s targets do not depend on the severity; nothing to change.`,
        );
      }
      const sev = resolveSeverity(state.file, cmd.severity);
      if (!sev) throw new CaseProblem(unknownSeverity(state.file, cmd.severity));
      if (sev.id === state.clocks.severity?.id) throw new CaseProblem(`Case #${kase.id} already has ${sev.name.en}.`);
      const at = eventTime(cmd.at, state.contract.zone, now);
      const { state: after } = recordEvent(
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
      const headline = `Recorded: ${sev.name.en} from ${formatTime(at, state.contract.zone)}; the targets run anew from that moment.`;
      return reply(statusAnswer(caseView(after, now, lang, ctx.userZone), headline), ctx);
    }
    default: {
      const kind = EVENT_OF[cmd.kind];
      if (!kind) return problem(`"case ${cmd.kind}" is not a case command I know.`, lang);
      const kase = threadCase(deps, ctx);
      const zone = deps.store.getContract(ctx.workspaceId, kase.contractId ?? -1)?.zone ?? 'UTC';
      const at = eventTime(cmd.at, zone, now);
      const { state } = recordEvent(deps, kase, { kind, at, actorId: ctx.userId, source: 'command' }, now);
      const headline = `Recorded: ${recordedWords(kind)} (${formatTime(at, zone)}).`;
      return reply(statusAnswer(caseView(state, now, lang, ctx.userZone), headline), ctx);
    }
  }
}

/** "14:05" (today in the contract's zone, or yesterday when that is still ahead), or an ISO date-time. */
export function eventTime(text: string | null, zone: string, now: number): number {
  if (!text) return now;
  const t = text.trim().toUpperCase();
  let dt: DateTime;
  const hhmm = /^(\d{1,2}):(\d{2})$/.exec(t);
  if (hhmm && (Number(hhmm[1]) > 23 || Number(hhmm[2]) > 59)) {
    throw new CaseProblem(`"${text}" is not a time I can read. Use "14:05" (today, ${zone}) or "2026-03-02T14:05".`);
  }
  if (hhmm) {
    dt = DateTime.fromMillis(now, { zone }).set({
      hour: Number(hhmm[1]),
      minute: Number(hhmm[2]),
      second: 0,
      millisecond: 0,
    });
    if (dt.toMillis() > now) dt = dt.minus({ days: 1 });
  } else {
    dt = DateTime.fromISO(t.replace(' ', 'T'), { zone });
  }
  if (!dt.isValid) {
    throw new CaseProblem(`"${text}" is not a time I can read. Use "14:05" (today, ${zone}) or "2026-03-02T14:05".`);
  }
  if (dt.toMillis() > now + 60_000)
    throw new CaseProblem(`"${text}" is in the future; record events when they happen.`);
  return dt.toMillis();
}

function unknownSeverity(file: PlanFile, words: string): string {
  const list = file.severities.map((s) => `${s.id} (${s.name.en})`).join(', ');
  return `"${words}" is not a ${file.vendorName.en} severity. Use one of: ${list}.`;
}

/** The contract a new case uses: named, the only one, or the one whose vendor knows the severity typed. */
function chooseContract(
  deps: ConversationDeps,
  workspaceId: string,
  named: string | null,
  severity: string | null,
): Contract {
  const contracts = deps.store.listContracts(workspaceId);
  if (contracts.length === 0) {
    throw new CaseProblem(
      'This workspace has no contract yet, so I do not know which targets apply. Add one first, e.g. `contract add jamf gold zone=Europe/Berlin holidays=DE`.',
    );
  }
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
        ? `No contract matches "${named}". This workspace has: ${listing()}. Use contract=<id>.`
        : `"${named}" matches several contracts: ${found.map((c) => c.id).join(', ')}. Use contract=<id>.`,
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
  throw new CaseProblem(`Which contract is this case under? This workspace has: ${listing()}. Add contract=<id>.`);
}

function scopesOf(file: PlanFile): Set<string> {
  return new Set(file.targets.map((t) => t.scope).filter((s): s is string => Boolean(s)));
}

function open(
  deps: ConversationDeps,
  ctx: ConversationContext,
  cmd: Extract<CaseCommand, { kind: 'open' }>,
  lang: Language,
): Reply {
  const contract = chooseContract(deps, ctx.workspaceId, cmd.contract, cmd.severity);
  const file = deps.knowledge.vendor(contract.vendor);
  const notes: string[] = [];
  let severity: string | null = null;
  if (cmd.severity) {
    const sev = resolveSeverity(file, cmd.severity);
    if (sev) severity = sev.id;
    else if (file.severities.length > 0) throw new CaseProblem(unknownSeverity(file, cmd.severity));
    else
      notes.push(`${file.vendorName.en}'s targets do not depend on the severity, so "${cmd.severity}" was left aside.`);
  } else if (severityMatters(file, contract)) {
    return askSeverity(file, contract, lang);
  }
  const scopes = scopesOf(file);
  let productScope: string | null = cmd.product;
  if (productScope && !scopes.has(productScope)) {
    notes.push(`${file.vendorName.en}'s targets do not differ by product, so product=${productScope} changes nothing.`);
    productScope = null;
  } else if (
    !productScope &&
    scopes.size > 0 &&
    severity &&
    file.targets.some((t) => t.scope && t.severities.includes(severity!))
  ) {
    notes.push(
      'Assumed the case is not about an Azure component; say `product=azure` when opening if it is (faster targets).',
    );
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
  };
  const opened = (threadTs: string, headline: string): Answer => {
    const state = openCase(deps, { ...base, threadTs });
    const answer = statusAnswer(caseView(state, base.openedAt, lang, ctx.userZone), headline);
    answer.notes.unshift(...notes, ...calendarAssumptions(state));
    return answer;
  };
  const title = contractPlanName({ plans: [file] }, contract);
  if (ctx.threadTs) {
    return { answer: opened(ctx.threadTs, `Case opened: this thread tracks it (${title}).`), visibility: 'in_channel' };
  }
  // outside a thread: the app posts the case message and the case lives in its thread
  const sevName = severity ? file.severities.find((s) => s.id === severity)?.name.en : null;
  const header = emptyAnswer(
    'case',
    `Vendor case: ${title}${sevName ? `, ${sevName}` : ''}${cmd.ref ? ` (${cmd.ref})` : ''}`,
    'Tracking this case in the thread below: reply there, and mention the app for `case responded`, `case updated`, or questions like "when is my next update due?".',
  );
  const viaConsole = ctx.via === 'console';
  return {
    answer: header,
    visibility: 'in_channel',
    afterPost: async (posted) => {
      const headline = viaConsole
        ? `Case opened on a new thread ${posted.ts} (the console has no thread here; pass --thread ${posted.ts} to talk about it).`
        : 'Case opened: this thread tracks it.';
      return deps.store.transaction(() => {
        const answer = opened(posted.ts, headline);
        const kase = deps.store.getCaseByThread(ctx.workspaceId, posted.channelId, posted.ts);
        if (kase) deps.store.updateCase(ctx.workspaceId, kase.id, { statusMessageTs: posted.ts });
        return answer;
      });
    },
  };
}

function calendarAssumptions(state: ReturnType<typeof caseState>): string[] {
  const seen = new Set<string>();
  for (const clock of state.clocks.clocks) for (const a of clock.calendar?.assumed ?? []) seen.add(a);
  return [...seen].map((a) => `Assumed ${a}.`);
}

function askSeverity(file: PlanFile, contract: Contract, lang: Language): Reply {
  const zh = lang === 'zh';
  const a = emptyAnswer(
    'case',
    zh ? '請指定嚴重性' : 'Which severity?',
    zh
      ? `${file.vendorName.zh} 的目標依嚴重性而定，請在 \`case open\` 後加上嚴重性。`
      : `${contractPlanName({ plans: [file] }, contract)} targets depend on the severity: say which one after \`case open\`.`,
  );
  a.facts = file.severities.map((s) => ({ label: `${s.id} — ${s.name[lang]}`, value: s.definition[lang] }));
  a.suggestions = file.severities.slice(0, 3).map((s) => `case open ${s.id.toLowerCase()}`);
  return { answer: a, visibility: 'ephemeral' };
}
