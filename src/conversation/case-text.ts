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
  CASE_USAGE,
  CASE_USAGE_ZH,
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

function problem(
  message: string,
  lang: Language,
  suggestions: string[] = lang === 'zh' ? CASE_USAGE_ZH : CASE_USAGE,
): Reply {
  const a = emptyAnswer('error', lang === 'zh' ? '無法處理' : 'That did not work', message);
  a.suggestions = suggestions;
  return { answer: a, visibility: 'ephemeral' };
}

/** How to track a case: for `case` words the case commands did not take. */
export function caseHelpReply(ctx: ConversationContext, lang: Language = 'en'): Reply {
  return reply(usageAnswer(lang), ctx);
}

function usageAnswer(lang: Language): Answer {
  const a = emptyAnswer(
    'help',
    lang === 'zh' ? '追蹤廠商案件' : 'Tracking a vendor case',
    lang === 'zh'
      ? '在討論串中開案（在該處提及我：`@Entitlebot case open p1`），之後告訴我發生了什麼；我會計算各期限，並在期限前與逾期時提醒該討論串。'
      : 'Open a case in a thread (mention the app there: `@Entitlebot case open p1`), then tell me what happens; I keep the clocks and remind the thread before a deadline and when it is missed.',
  );
  a.facts = (lang === 'zh' ? CASE_USAGE_ZH : CASE_USAGE).map((u, i) => ({ label: `${i + 1}`, value: u }));
  a.suggestions = ['case open p1', 'case', lang === 'zh' ? '下次更新是什麼時候？' : 'when is my next update due?'];
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
  const zh = lang === 'zh';
  const answer = emptyAnswer(
    'case',
    zh ? '本討論串沒有追蹤中的案件' : 'No case is tracked in this thread',
    zh
      ? '本討論串沒有追蹤任何廠商案件，所以沒有期限可以回報。要在這裡開始追蹤，請提及我並輸入 `case open <嚴重性>`（例如 `@Entitlebot case open p1`），或在廠商的訊息上使用「Track vendor case」捷徑。'
      : 'No vendor case is tracked in this thread, so there is no deadline to report. To track one here, mention me with `case open <severity>` (e.g. `@Entitlebot case open p1`), or use the “Track vendor case” shortcut on the vendor’s message.',
  );
  const open = await deps.store.listCases(ctx.workspaceId, { status: ['open', 'waiting'] });
  if (open.length > 0) {
    answer.notes.push(
      zh
        ? `本工作區另有 ${open.length} 件追蹤中的案件；輸入 \`cases\` 列出。`
        : `${open.length} other case${open.length === 1 ? ' is' : 's are'} tracked in this workspace; type \`cases\` to list them.`,
    );
  }
  answer.suggestions.push('case open p1', 'cases');
  return { answer, visibility: ctx.via === 'command' ? 'ephemeral' : 'in_channel', weak: true };
}

/** The open cases of the channel (Slack) or of the workspace (the console, which has no channels). */
async function caseList(deps: ConversationDeps, ctx: ConversationContext, lang: Language): Promise<Reply> {
  const zh = lang === 'zh';
  const wholeWorkspace = ctx.via === 'console';
  const open = (await deps.store.listCases(ctx.workspaceId, { status: ['open', 'waiting'] })).filter(
    (kase) => wholeWorkspace || kase.channelId === ctx.channelId,
  );
  const where = wholeWorkspace ? (zh ? '本工作區' : 'this workspace') : zh ? '本頻道' : 'this channel';
  const answer = emptyAnswer(
    'case',
    zh ? '追蹤中的案件' : 'Open cases',
    open.length === 0
      ? zh
        ? `${where}目前沒有追蹤中的案件。用 \`case open <嚴重性>\` 在討論串中開始追蹤一個。`
        : `No case is open in ${where}. Start one in a thread with \`case open <severity>\`.`
      : zh
        ? `${where}有 ${open.length} 件追蹤中的案件${open.length > 20 ? '（列出最近的 20 件）' : ''}：`
        : `${open.length} case${open.length === 1 ? ' is' : 's are'} open in ${where}${open.length > 20 ? ' (the latest 20 shown)' : ''}:`,
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
  const zh = lang === 'zh';
  const now = ctx.now.getTime();
  const facts: Answer['facts'] = [];
  for (const kase of cases) {
    try {
      const state = await caseState(deps, kase, now);
      const next = liveClocks(state.clocks)[0];
      const ref = kase.vendorRef ? ` ${kase.vendorRef}` : '';
      const place = ctx.via === 'console' ? `${zh ? '討論串' : 'thread'} ${kase.threadTs}` : `<#${kase.channelId}>`;
      const due =
        next && next.dueAt !== null
          ? ` · ${zh ? '下一個期限' : 'next due'} ${formatTime(next.dueAt, state.contract.zone, lang)}${
              next.state === 'overdue' ? (zh ? '（已逾期）' : ' (late)') : ''
            }`
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
  const zh = lang === 'zh';
  const open = await deps.store.listCases(ctx.workspaceId, { status: ['open', 'waiting'] });
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
  answer.facts.push(...(await caseFacts(deps, ctx, open.slice(-10), lang)));
  answer.suggestions.push('case open p1', 'help');
  return { answer, visibility: ctx.via === 'command' ? 'ephemeral' : 'in_channel' };
}

async function threadCase(deps: ConversationDeps, ctx: ConversationContext, lang: Language): Promise<Case> {
  const zh = lang === 'zh';
  if (!ctx.threadTs) {
    throw new CaseProblem(
      ctx.via === 'command'
        ? zh
          ? 'Slack 不會告訴斜線指令它是在哪個討論串中輸入的。請改在案件的討論串中提及我：`@Entitlebot case responded`。'
          : 'Slack does not tell a slash command which thread it was typed in. Mention the app in the case thread instead: `@Entitlebot case responded`.'
        : zh
          ? '這不是案件的討論串。請在案件的討論串中輸入，或用 `case open` 開案。'
          : 'This is not a case thread. Write in the case thread, or open a case with `case open`.',
    );
  }
  const kase = await deps.store.getCaseByThread(ctx.workspaceId, ctx.channelId, ctx.threadTs);
  if (!kase) {
    throw new CaseProblem(
      zh
        ? '本討論串還沒有案件。輸入 `case open <嚴重性>` 即可在這裡開始追蹤。'
        : 'This thread has no case yet. `case open <severity>` starts one here.',
    );
  }
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
  switch (cmd.kind) {
    case 'invalid':
      return problem(lang === 'zh' ? '看不懂這個案件指令；可用的寫法如下。' : cmd.message, lang);
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
        throw new CaseProblem(
          lang === 'zh'
            ? `${state.file.vendorName.zh} 的目標不因嚴重性而不同，沒有需要變更的。`
            : `${state.file.vendorName.en}'s targets do not depend on the severity; nothing to change.`,
        );
      }
      const sev = resolveSeverity(state.file, cmd.severity);
      if (!sev) throw new CaseProblem(unknownSeverity(state.file, cmd.severity, lang));
      if (sev.id === state.clocks.severity?.id) {
        throw new CaseProblem(
          lang === 'zh' ? `案件 #${kase.id} 已是${sev.name.zh}。` : `Case #${kase.id} already has ${sev.name.en}.`,
        );
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
      const headline =
        lang === 'zh'
          ? `已記錄：自 ${formatTime(at, state.contract.zone, lang)} 起為${sev.name.zh}；各目標自該時刻重新計算。${shiftSentence(shift, lang)}`
          : `Recorded: ${sev.name.en} from ${formatTime(at, state.contract.zone)}; the targets run anew from that moment.${shiftSentence(shift, lang)}`;
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
      const headline =
        lang === 'zh'
          ? `已記錄：${recordedWords(kind, lang)}（${formatTime(at, zone, lang)}）。${shiftSentence(shift, lang)}`
          : `Recorded: ${recordedWords(kind)} (${formatTime(at, zone)}).${shiftSentence(shift, lang)}`;
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
  const unreadable = () =>
    new CaseProblem(
      lang === 'zh'
        ? `看不懂「${text}」這個時間。請用「14:05」（今天，${zone}）或「2026-03-02T14:05」。`
        : `"${text}" is not a time I can read. Use "14:05" (today, ${zone}) or "2026-03-02T14:05".`,
    );
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
  if (at > now + 60_000)
    throw new CaseProblem(
      lang === 'zh'
        ? `「${text}」是未來的時間；請在事件發生時再記錄。`
        : `"${text}" is in the future; record events when they happen.`,
    );
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

function unknownSeverity(file: PlanFile, words: string, lang: Language): string {
  if (lang === 'zh') {
    const list = file.severities.map((s) => `${s.id}（${s.name.zh}）`).join('、');
    return `「${words}」不是 ${file.vendorName.zh} 的嚴重性。請用其中之一：${list}。`;
  }
  const list = file.severities.map((s) => `${s.id} (${s.name.en})`).join(', ');
  return `"${words}" is not a ${file.vendorName.en} severity. Use one of: ${list}.`;
}

/** The contract a new case uses: named, the only one, or the one whose vendor knows the severity typed. */
async function chooseContract(
  deps: ConversationDeps,
  workspaceId: string,
  named: string | null,
  severity: string | null,
  lang: Language,
): Promise<Contract> {
  const zh = lang === 'zh';
  const contracts = await deps.store.listContracts(workspaceId);
  if (contracts.length === 0) {
    throw new CaseProblem(
      zh
        ? '本工作區還沒有合約，所以不知道適用哪些目標。請先新增一份，例如 `contract add jamf gold zone=Asia/Taipei holidays=TW`。'
        : 'This workspace has no contract yet, so I do not know which targets apply. Add one first, e.g. `contract add jamf gold zone=Europe/Berlin holidays=DE`.',
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
        ? zh
          ? `沒有符合「${named}」的合約。本工作區有：${listing()}。請用 \`contract=<編號>\`。`
          : `No contract matches "${named}". This workspace has: ${listing()}. Use contract=<id>.`
        : zh
          ? `「${named}」符合多份合約：${found.map((c) => c.id).join('、')}。請用 \`contract=<編號>\`。`
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
  throw new CaseProblem(
    zh
      ? `這個案件屬於哪一份合約？本工作區有：${listing()}。請加上 \`contract=<編號>\`。`
      : `Which contract is this case under? This workspace has: ${listing()}. Add contract=<id>.`,
  );
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
  const contract = await chooseContract(deps, ctx.workspaceId, cmd.contract, cmd.severity, lang);
  const file = deps.knowledge.vendor(contract.vendor);
  const notes: string[] = [];
  let severity: string | null = null;
  if (cmd.severity) {
    const sev = resolveSeverity(file, cmd.severity);
    if (sev) severity = sev.id;
    else if (file.severities.length > 0) throw new CaseProblem(unknownSeverity(file, cmd.severity, lang));
    else
      notes.push(
        lang === 'zh'
          ? `${file.vendorName.zh} 的目標不因嚴重性而不同，因此略過「${cmd.severity}」。`
          : `${file.vendorName.en}'s targets do not depend on the severity, so "${cmd.severity}" was left aside.`,
      );
  } else if (severityMatters(file, contract)) {
    return askSeverity(file, contract, lang);
  }
  const scopes = scopesOf(file);
  let productScope: string | null = cmd.product;
  if (productScope && !scopes.has(productScope)) {
    notes.push(
      lang === 'zh'
        ? `${file.vendorName.zh} 的目標不因產品而不同，因此 \`product=${productScope}\` 不影響結果。`
        : `${file.vendorName.en}'s targets do not differ by product, so product=${productScope} changes nothing.`,
    );
    productScope = null;
  } else if (
    !productScope &&
    scopes.size > 0 &&
    severity &&
    file.targets.some((t) => t.scope && t.severities.includes(severity!))
  ) {
    notes.push(
      lang === 'zh'
        ? '假設此案件與 Azure 元件無關；若有關，開案時加上 `product=azure`（目標較快）。'
        : 'Assumed the case is not about an Azure component; say `product=azure` when opening if it is (faster targets).',
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
    language: lang,
  };
  const opened = async (threadTs: string, headline: string): Promise<Answer> => {
    const state = await openCase(deps, { ...base, threadTs });
    const answer = statusAnswer(caseView(state, base.openedAt, lang, ctx.userZone), headline);
    answer.notes.unshift(...notes, ...calendarAssumptions(state, lang));
    return answer;
  };
  const zh = lang === 'zh';
  const title = contractPlanName({ plans: [file] }, contract, lang);
  if (ctx.threadTs) {
    const headline = zh ? `已開案：本討論串追蹤此案件（${title}）。` : `Case opened: this thread tracks it (${title}).`;
    const answer = await opened(ctx.threadTs, headline);
    const kase = await deps.store.getCaseByThread(ctx.workspaceId, ctx.channelId, ctx.threadTs);
    return { answer, visibility: 'in_channel', ...(kase ? { case: { id: kase.id, change: 'opened' as const } } : {}) };
  }
  // outside a thread: the app posts the case message and the case lives in its thread
  const sevName = severity ? file.severities.find((s) => s.id === severity)?.name[lang] : null;
  const header = emptyAnswer(
    'case',
    zh
      ? `廠商案件：${title}${sevName ? `，${sevName}` : ''}${cmd.ref ? `（${cmd.ref}）` : ''}`
      : `Vendor case: ${title}${sevName ? `, ${sevName}` : ''}${cmd.ref ? ` (${cmd.ref})` : ''}`,
    zh
      ? '在下方討論串追蹤此案件：請在其中回覆，並提及我以記錄 `case responded`、`case updated`，或問「下次更新是什麼時候？」。'
      : 'Tracking this case in the thread below: reply there, and mention the app for `case responded`, `case updated`, or questions like "when is my next update due?".',
  );
  const viaConsole = ctx.via === 'console';
  return {
    answer: header,
    visibility: 'in_channel',
    afterPost: async (posted) => {
      const headline = viaConsole
        ? zh
          ? `已在新討論串 ${posted.ts} 開案（主控台在此沒有討論串；加上 \`--thread ${posted.ts}\` 即可詢問此案件）。`
          : `Case opened on a new thread ${posted.ts} (the console has no thread here; pass --thread ${posted.ts} to talk about it).`
        : zh
          ? '已開案：本討論串追蹤此案件。'
          : 'Case opened: this thread tracks it.';
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
  return [...seen].map((a) => (lang === 'zh' ? `假設：${a}。` : `Assumed ${a}.`));
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
