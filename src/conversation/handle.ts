/**
 * handleText: one line of text from Slack or the console → a Reply.
 *
 * Parses with the answer engine, performs the commands that change the store (contract add/remove, quota use),
 * hands `case …` commands and questions asked in a case thread to the cases module, and answers everything
 * else with the answer engine. It never throws: a failure becomes an answer that says what went wrong.
 * Every command that writes does all its writes, and builds its answer, inside one store transaction: when
 * anything fails, every write of the command is rolled back, so "nothing was changed" is then the truth.
 */
import { DateTime } from 'luxon';
import {
  type AnswerContext,
  answerParsed,
  type Command,
  contractAddedAnswer,
  contractRemovedAnswer,
  horizonProblem,
  isReadCommand,
  isTypedCommand,
  languageOf,
  languageOfLocale,
  localeFor,
  nowProblem,
  outsideHorizonAnswer,
  parseCommand,
  parseContractArgs,
  quotaUsedAnswer,
  type ReadCommand,
  resolveQuotaUse,
  tooLongAnswer,
  understand,
} from '../answers/index.js';
import { statusAnswer } from '../cases/answer.js';
import { CaseProblem, caseState, caseView } from '../cases/service.js';
import { forWorkspace } from '../knowledge/workspace.js';
import { type Answer, type AnswerReplay, emptyAnswer, type Locale } from '../model/answer.js';
import type { Language } from '../model/language.js';
import { conversationWords } from '../text/conversation-words.js';
import { problemsText } from '../text/problem-words.js';
import { caseHelpReply, handleCaseText } from './case-text.js';
import { errorAnswer } from './errors.js';
import { type Change, refusal, refusalAnswer } from './permissions.js';
import { requestStore } from './request-store.js';
import { handleSettingsText } from './settings-text.js';
import type { ConversationContext, ConversationDeps, Reply, Visibility } from './types.js';
import { searchFor } from './workspace-search.js';

function visibilityOf(ctx: ConversationContext, cmd: Pick<Command, 'public'>): Visibility {
  // a slash command is private unless asked otherwise; a mention or DM is already a visible message
  if (ctx.via === 'command') return cmd.public ? 'in_channel' : 'ephemeral';
  return 'in_channel';
}

export async function answerContext(
  deps: ConversationDeps,
  ctx: ConversationContext,
  kind?: Command['kind'],
): Promise<AnswerContext> {
  const { store } = deps;
  return {
    knowledge: deps.knowledge,
    search: deps.search,
    contracts: await store.listContracts(ctx.workspaceId),
    now: ctx.now,
    userZone: ctx.userZone,
    workspaceZone: (await store.getSettings(ctx.workspaceId)).zone,
    ...(ctx.userLocale ? { preferredLocale: ctx.userLocale } : {}),
    // only quota answers count uses; other questions need not read them
    quotaUses: kind === undefined || kind === 'quota' ? await store.listQuotaUses(ctx.workspaceId) : [],
  };
}

/**
 * Every reply is in the language and script of the question (or, for a bare command, the asker's Slack
 * locale): the answer engine decides it once and the cases module and the store commands follow it.
 */
export async function handleText(shared: ConversationDeps, ctx: ConversationContext, text: string): Promise<Reply> {
  const fallback: Visibility = ctx.via === 'command' ? 'ephemeral' : 'in_channel';
  const long = tooLongAnswer(text, languageOf(text));
  if (long) return { answer: long, visibility: fallback };
  const clockProblem = nowProblem(ctx.now);
  if (clockProblem) return { answer: outsideHorizonAnswer(clockProblem, languageOf(text)), visibility: fallback };
  // everything below answers from this workspace's knowledge (the shipped plans and its own imports) and searches
  // its own documents beside the shipped ones
  const own = await forWorkspace(shared, ctx.workspaceId);
  const store = requestStore(shared.store, ctx.workspaceId);
  const deps =
    own === shared
      ? { ...shared, store }
      : { ...own, store, search: searchFor(shared.search, own.knowledge, shared.knowledge) };
  const preferredLocale = await preferredLocaleOf(deps, ctx);
  const reply = await replyTo(deps, ctx, text, preferredLocale);
  reply.answer.locale ??= localeFor({ text, language: languageOf(text) }, { preferredLocale });
  return reply;
}

/** The asker's Slack locale, else the workspace's language setting (Traditional Chinese for 'zh'). */
async function preferredLocaleOf(deps: ConversationDeps, ctx: ConversationContext): Promise<Locale | undefined> {
  if (ctx.userLocale) return ctx.userLocale;
  try {
    return (await deps.store.getSettings(ctx.workspaceId)).language === 'zh' ? 'zh-Hant' : undefined;
  } catch {
    return undefined;
  }
}

async function replyTo(
  deps: ConversationDeps,
  ctx: ConversationContext,
  text: string,
  preferredLocale: Locale | undefined,
): Promise<Reply> {
  try {
    const settings = await handleSettingsText(deps, ctx, text, preferredLocale);
    if (settings) return settings;
    const parsed = parseCommand(text, deps.knowledge);
    const locale = localeFor(parsed, { preferredLocale });
    // the store commands and the cases module write in the reply's language
    const cmd = { ...parsed, language: languageOfLocale(locale) } as Command;
    const visibility = visibilityOf(ctx, cmd);
    const typed = isTypedCommand(cmd, text);
    // in a thread, and for questions about a case anywhere ("when is my next update due?"), the cases module
    // looks first; a question that merely contains 更新 or 回覆 is not about a case
    // a question in words is read once, here: for routing and for its answer
    const question = typed ? undefined : understand(text, deps.knowledge);
    const caseFirst =
      cmd.kind === 'case' ||
      ctx.threadTs !== undefined ||
      (cmd.kind === 'term' && cmd.implicit) ||
      question?.kind === 'case';
    let fallback: Reply | null = null;
    if (caseFirst) {
      const reply = await handleCaseText(deps, ctx, { ...cmd, locale });
      if (reply) {
        reply.answer.locale = locale;
        if (!reply.weak) return reply;
        fallback = reply;
      }
    }
    // a question in words is answered from the search's records and terms
    if (cmd.kind === 'term' || !typed) await deps.search?.ready?.();
    if (fallback && isReadCommand(cmd)) {
      // "no case is tracked in this thread" unless the question has a real answer of its own
      const context = { ...(await answerContext(deps, ctx, cmd.kind)), locale };
      const ordinary = withReplay(answerParsed(text, cmd, context, question), text, ctx, locale);
      const weakKinds: Answer['kind'][] = ['term', 'not-covered', 'not-understood'];
      return weakKinds.includes(ordinary.kind) ? { ...fallback, weak: false } : { answer: ordinary, visibility };
    }
    const withLocale = (answer: Answer): Answer => {
      answer.locale = locale;
      return answer;
    };
    const change: Change | null =
      cmd.kind === 'contract-add' || cmd.kind === 'contract-remove'
        ? 'contract'
        : cmd.kind === 'quota-use'
          ? 'quota'
          : null;
    const refused = change ? await refusal(ctx.actor, change, cmd.language) : null;
    if (refused) return { answer: withLocale(refusalAnswer(refused, cmd.language)), visibility: 'ephemeral' };
    switch (cmd.kind) {
      case 'contract-add': {
        const reply = await deps.store.transaction(async () => await contractAdd(deps, ctx, cmd, visibility));
        withLocale(reply.answer);
        return reply;
      }
      case 'contract-remove':
        return {
          answer: withLocale(await deps.store.transaction(async () => await contractRemove(deps, ctx, cmd))),
          visibility,
        };
      case 'quota-use':
        return {
          answer: withLocale(await deps.store.transaction(async () => await quotaUse(deps, ctx, cmd))),
          visibility,
        };
      case 'case': {
        const help = caseHelpReply(ctx, cmd.language);
        withLocale(help.answer);
        return help;
      }
      default: {
        const context = { ...(await answerContext(deps, ctx, typed ? cmd.kind : undefined)), locale };
        return { answer: withReplay(answerParsed(text, cmd, context, question), text, ctx, locale), visibility };
      }
    }
  } catch (error) {
    const lang = languageOfLocale(localeFor({ text, language: languageOf(text) }, { preferredLocale }));
    return { answer: errorAnswer(error, lang), visibility: ctx.via === 'command' ? 'ephemeral' : 'in_channel' };
  }
}

/** A read-only question's answer, with what it takes to build it again (the Slack card's words button). */
function withReplay(answer: Answer, text: string, ctx: ConversationContext, locale: Locale): Answer {
  answer.replay = {
    kind: 'question',
    text,
    at: ctx.now.getTime(),
    locale,
    ...(ctx.userZone ? { zone: ctx.userZone } : {}),
  };
  return answer;
}

/**
 * An answer built again from its replay (the Slack card's "Show the contract's words"): a read-only question
 * answered as of its time, or a case's status as of its time. null when it cannot be: the text is not (or no
 * longer) a read-only question, or the case is gone. Contracts are read as they are now.
 */
export async function replayAnswer(
  deps: ConversationDeps,
  ctx: Pick<ConversationContext, 'workspaceId' | 'channelId' | 'userId'>,
  replay: AnswerReplay,
): Promise<Answer | null> {
  const now = new Date(replay.at);
  if (replay.kind === 'case') {
    const kase = await deps.store.getCase(ctx.workspaceId, replay.caseId);
    if (!kase) return null;
    try {
      return statusAnswer(caseView(await caseState(deps, kase, replay.at), replay.at, replay.lang, replay.zone));
    } catch (error) {
      if (error instanceof CaseProblem) return null;
      throw error;
    }
  }
  const parsed = parseCommand(replay.text, deps.knowledge);
  if (!isReadCommand(parsed)) return null;
  const locale = replay.locale ?? localeFor(parsed, {});
  const cmd = { ...parsed, language: languageOfLocale(locale) } as ReadCommand;
  const full = { ...ctx, now, userZone: replay.zone, via: 'mention' } as ConversationContext;
  // built the way replyTo built it: a typed command by the parser, free text by the understanding engine
  const typed = isTypedCommand(cmd, replay.text);
  const question = typed ? undefined : understand(replay.text, deps.knowledge);
  if (question?.kind === 'case') return null;
  const context = { ...(await answerContext(deps, full, typed ? cmd.kind : undefined)), locale };
  const built = answerParsed(replay.text, cmd, context, question);
  built.locale ??= locale;
  return built;
}

type CommandOf<K extends Command['kind']> = Extract<Command, { kind: K }>;

async function contractAdd(
  deps: ConversationDeps,
  ctx: ConversationContext,
  cmd: CommandOf<'contract-add'>,
  visibility: Visibility,
): Promise<Reply> {
  if (cmd.args.trim() === '' && ctx.via === 'command') {
    const w = conversationWords(cmd.language);
    const answer = emptyAnswer('contract', w.addContractTitle, w.openingForm);
    return { answer, visibility: 'ephemeral', openModal: 'contract' };
  }
  const parsed = parseContractArgs(deps.knowledge, cmd.args, {
    defaultZone: (await deps.store.getSettings(ctx.workspaceId)).zone,
    language: cmd.language,
    now: ctx.now,
  });
  if (!parsed.ok) {
    if (cmd.args.trim() === '') {
      parsed.answer.notes.unshift(conversationWords(cmd.language).formInSlack);
    }
    return { answer: parsed.answer, visibility };
  }
  const contract = await deps.store.addContract(ctx.workspaceId, parsed.input);
  deps.warmHolidays?.(ctx.workspaceId, contract);
  const assumed = cmd.language === 'zh' ? parsed.assumedZh : parsed.assumed;
  return { answer: contractAddedAnswer(deps.knowledge, contract, assumed, cmd.language), visibility };
}

async function contractRemove(
  deps: ConversationDeps,
  ctx: ConversationContext,
  cmd: CommandOf<'contract-remove'>,
): Promise<Answer> {
  if (cmd.id === undefined || cmd.problems.length > 0) {
    const w = conversationWords(cmd.language);
    const answer = emptyAnswer(
      'not-understood',
      w.whichContractTitle,
      w.whichContract(cmd.problems.length > 0 ? problemsText(cmd.problems, cmd.language) : ''),
    );

    answer.suggestions.push('contract', 'contract remove 1');
    return answer;
  }
  const existing = await deps.store.getContract(ctx.workspaceId, cmd.id);
  const removed = existing && (await deps.store.removeContract(ctx.workspaceId, cmd.id)) ? existing : null;
  return contractRemovedAnswer(deps.knowledge, removed, cmd.id, cmd.language);
}

async function quotaUse(
  deps: ConversationDeps,
  ctx: ConversationContext,
  cmd: CommandOf<'quota-use'>,
): Promise<Answer> {
  const { store, knowledge } = deps;
  const target = resolveQuotaUse(knowledge, await store.listContracts(ctx.workspaceId), cmd);
  if (!target.ok) return target.answer;
  const { contract, rule } = target;
  const today = DateTime.fromJSDate(ctx.now).setZone(contract.zone).toISODate();
  if (!today) throw new Error(`Cannot date a use in the zone ${contract.zone}`);
  const usedOn = cmd.on ?? today;
  const far = horizonProblem(usedOn, ctx.now, cmd.language);
  if (far) return outsideHorizonAnswer(far, cmd.language);
  const outside = outsideTerm(contract, usedOn, cmd.language);
  if (outside) return outside;
  await store.recordQuotaUse(ctx.workspaceId, {
    contractId: contract.id,
    quotaId: rule.id,
    count: cmd.count,
    usedOn,
    userId: ctx.userId,
  });
  const uses = await store.listQuotaUses(ctx.workspaceId, { contractId: contract.id, quotaId: rule.id });
  // before the term starts (a booking made ahead) or after it ended, the quota stands as on its first or last day
  const asOf =
    contract.startDate && today < contract.startDate
      ? DateTime.fromISO(contract.startDate, { zone: contract.zone }).toJSDate()
      : contract.endDate && today > contract.endDate
        ? DateTime.fromISO(contract.endDate, { zone: contract.zone }).endOf('day').toJSDate()
        : ctx.now;
  const answer = quotaUsedAnswer(knowledge, contract, rule, cmd.count, uses, asOf, cmd.language, ctx.userZone);
  if (asOf !== ctx.now) {
    answer.notes.push(
      conversationWords(cmd.language).usesAsOf(
        contract.id,
        contract.startDate ?? '…',
        contract.endDate ?? '…',
        DateTime.fromJSDate(asOf).setZone(contract.zone).toISODate(),
      ),
    );
  }
  if (usedOn > today) {
    answer.notes.push(conversationWords(cmd.language).booked(usedOn));
  }
  return answer;
}

/** A use dated outside the contract's term is refused before anything is written. */
function outsideTerm(
  contract: { id: number; startDate: string | null; endDate: string | null },
  usedOn: string,
  lang: Language,
) {
  const before = contract.startDate !== null && usedOn < contract.startDate;
  const after = contract.endDate !== null && usedOn > contract.endDate;
  if (!before && !after) return null;
  const w = conversationWords(lang);
  const answer = emptyAnswer(
    'error',
    w.notRecordedTitle,
    w.outsideTerm(usedOn, before, contract.id, contract.startDate, contract.endDate),
  );
  answer.suggestions.push('contract');
  return answer;
}
