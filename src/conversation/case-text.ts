import type { Command } from '../answers/index.js';
import { statusAnswer } from '../cases/answer.js';
import { asksForCaseList, type CaseCommand, parseCaseCommand } from '../cases/commands.js';
import { CaseProblem, caseState, caseView, type RecordableEventKind, recordEvent } from '../cases/service.js';
import { resolveSeverity } from '../cases/targets.js';
import { recordedWords } from '../cases/words.js';
import { type Answer, emptyAnswer, type Locale } from '../model/answer.js';
import type { Language } from '../model/language.js';
import type { Case } from '../model/records.js';
import { scheduleWorkspaceDateReminders } from '../reminders/date-reminders.js';
import { isStoreError } from '../store/index.js';
import { caseTextWords } from '../text/case-text-words.js';
import { conversationWords } from '../text/conversation-words.js';
import { formatTime } from '../text/time.js';
import { openCaseCommand, unknownSeverity } from './case-open.js';
import { caseList, caseQuestion } from './case-questions.js';
import { problemText } from './errors.js';
import { eventTime, shiftSentence } from './event-time.js';
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
  cmd: Pick<Command, 'kind' | 'language' | 'text'> & { rest?: string; locale?: Locale },
): Promise<Reply | null> {
  const lang: Language = cmd.language;
  try {
    if (asksForCaseList(cmd.text)) return await caseList(deps, ctx, lang);
    if (cmd.kind === 'case') {
      const parsed = parseCaseCommand(cmd.rest ?? '');
      if (!READ_ONLY.has(parsed.kind)) {
        const refused = await refusal(ctx.actor, 'case', lang);
        if (refused) return { answer: refusalAnswer(refused, lang), visibility: 'ephemeral' };
      }
      // one transaction: a failure anywhere (a lock, a date out of range) leaves no half-opened case behind
      const reply = await deps.store.transaction(async () => await command(deps, ctx, parsed, lang, cmd.locale));
      await planDatesNow(deps, ctx);
      return reply;
    }
    return await caseQuestion(deps, ctx, cmd.text);
  } catch (error) {
    if (error instanceof CaseProblem || isStoreError(error)) return problem(problemText(error, lang), lang);
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
  locale?: Locale,
): Promise<Reply> {
  const now = ctx.now.getTime();
  const w = caseTextWords(lang);
  switch (cmd.kind) {
    case 'invalid':
      return problem(w.invalid(cmd.message), lang);
    case 'help':
      return reply(usageAnswer(lang), ctx);
    case 'open':
      return await openCaseCommand(deps, ctx, cmd, lang, locale);
    case 'status': {
      const state = await caseState(deps, await threadCase(deps, ctx, lang), now);
      return reply(statusAnswer(caseView(state, now, lang, ctx.userZone)), ctx);
    }
    case 'owner': {
      const kase = await threadCase(deps, ctx, lang);
      const updated = await deps.store.updateCase(ctx.workspaceId, kase.id, { ownerId: cmd.userId });
      const state = await caseState(deps, updated, now);
      const headline = cmd.userId === null ? w.ownerBack : w.ownerSet;
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
      if (!kind) return problem(w.unknownCommand(cmd.kind), lang);
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
