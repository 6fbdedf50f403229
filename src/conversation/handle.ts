/**
 * handleText: one line of text from Slack or the console → a Reply.
 *
 * Parses with the answer engine, performs the commands that change the store (contract add/remove, quota use),
 * hands `case …` commands and questions asked in a case thread to the cases module, and answers everything
 * else with the answer engine. It never throws: a failure becomes an answer that says what went wrong, and
 * nothing is written unless the whole command was understood.
 */
import { DateTime } from 'luxon';
import {
  type AnswerContext,
  answer,
  answerCommand,
  type Command,
  contractAddedAnswer,
  contractRemovedAnswer,
  isTypedCommand,
  languageOf,
  languageOfLocale,
  localeFor,
  parseCommand,
  parseContractArgs,
  quotaUsedAnswer,
  resolveQuotaUse,
  understand,
} from '../answers/index.js';
import { type Answer, emptyAnswer, type Locale } from '../model/answer.js';
import { caseHelpReply, handleCaseText } from './case-text.js';
import { errorAnswer } from './errors.js';
import type { ConversationContext, ConversationDeps, Reply, Visibility } from './types.js';

function visibilityOf(ctx: ConversationContext, cmd: Pick<Command, 'public'>): Visibility {
  // a slash command is private unless asked otherwise; a mention or DM is already a visible message
  if (ctx.via === 'command') return cmd.public ? 'in_channel' : 'ephemeral';
  return 'in_channel';
}

export function answerContext(deps: ConversationDeps, ctx: ConversationContext, kind?: Command['kind']): AnswerContext {
  const { store } = deps;
  return {
    knowledge: deps.knowledge,
    search: deps.search,
    contracts: store.listContracts(ctx.workspaceId),
    now: ctx.now,
    userZone: ctx.userZone,
    workspaceZone: store.getSettings(ctx.workspaceId).zone,
    ...(ctx.userLocale ? { preferredLocale: ctx.userLocale } : {}),
    // only quota answers count uses; other questions need not read them
    quotaUses: kind === undefined || kind === 'quota' ? store.listQuotaUses(ctx.workspaceId) : [],
  };
}

/**
 * Every reply is in the language and script of the question (or, for a bare command, the asker's Slack
 * locale): the answer engine decides it once and the cases module and the store commands follow it.
 */
export async function handleText(deps: ConversationDeps, ctx: ConversationContext, text: string): Promise<Reply> {
  const preferredLocale = preferredLocaleOf(deps, ctx);
  const reply = await replyTo(deps, ctx, text, preferredLocale);
  reply.answer.locale ??= localeFor({ text, language: languageOf(text) }, { preferredLocale });
  return reply;
}

/** The asker's Slack locale, else the workspace's language setting (Traditional Chinese for 'zh'). */
function preferredLocaleOf(deps: ConversationDeps, ctx: ConversationContext): Locale | undefined {
  if (ctx.userLocale) return ctx.userLocale;
  try {
    return deps.store.getSettings(ctx.workspaceId).language === 'zh' ? 'zh-Hant' : undefined;
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
    const parsed = parseCommand(text, deps.knowledge);
    const locale = localeFor(parsed, { preferredLocale });
    // the store commands and the cases module write in the reply's language
    const cmd = { ...parsed, language: languageOfLocale(locale) } as Command;
    const visibility = visibilityOf(ctx, cmd);
    const typed = isTypedCommand(cmd, text);
    // in a thread, and for questions about a case anywhere ("when is my next update due?"), the cases module
    // looks first; a question that merely contains 更新 or 回覆 is not about a case
    const caseFirst =
      cmd.kind === 'case' ||
      ctx.threadTs !== undefined ||
      (cmd.kind === 'term' && cmd.implicit) ||
      (!typed && understand(text, deps.knowledge).kind === 'case');
    let fallback: Reply | null = null;
    if (caseFirst) {
      const reply = await handleCaseText(deps, ctx, cmd);
      if (reply) {
        reply.answer.locale = locale;
        if (!reply.weak) return reply;
        fallback = reply;
      }
    }
    // a question in words is answered from the search's records and terms
    if (cmd.kind === 'term' || !typed) await deps.search?.ready?.();
    const writes =
      cmd.kind === 'contract-add' || cmd.kind === 'contract-remove' || cmd.kind === 'quota-use' || cmd.kind === 'case';
    if (fallback && !writes) {
      // "no case is tracked in this thread" unless the question has a real answer of its own
      const context = { ...answerContext(deps, ctx, cmd.kind), locale };
      const ordinary = typed ? answerCommand(cmd, context) : answer(text, context);
      const weakKinds: Answer['kind'][] = ['term', 'not-covered', 'not-understood'];
      return weakKinds.includes(ordinary.kind) ? { ...fallback, weak: false } : { answer: ordinary, visibility };
    }
    const withLocale = (answer: Answer): Answer => {
      answer.locale = locale;
      return answer;
    };
    switch (cmd.kind) {
      case 'contract-add': {
        const reply = contractAdd(deps, ctx, cmd, visibility);
        withLocale(reply.answer);
        return reply;
      }
      case 'contract-remove':
        return { answer: withLocale(contractRemove(deps, ctx, cmd)), visibility };
      case 'quota-use':
        return { answer: withLocale(quotaUse(deps, ctx, cmd)), visibility };
      case 'case': {
        const help = caseHelpReply(ctx, cmd.language);
        withLocale(help.answer);
        return help;
      }
      default: {
        const context = { ...answerContext(deps, ctx, typed ? cmd.kind : undefined), locale };
        return { answer: typed ? answerCommand(cmd, context) : answer(text, context), visibility };
      }
    }
  } catch (error) {
    const lang = languageOfLocale(localeFor({ text, language: languageOf(text) }, { preferredLocale }));
    return { answer: errorAnswer(error, lang), visibility: ctx.via === 'command' ? 'ephemeral' : 'in_channel' };
  }
}

type CommandOf<K extends Command['kind']> = Extract<Command, { kind: K }>;

function contractAdd(
  deps: ConversationDeps,
  ctx: ConversationContext,
  cmd: CommandOf<'contract-add'>,
  visibility: Visibility,
): Reply {
  if (cmd.args.trim() === '' && ctx.via === 'command') {
    const zh = cmd.language === 'zh';
    const answer = emptyAnswer(
      'contract',
      zh ? '新增合約' : 'Add a contract',
      zh ? '正在開啟合約表單…' : 'Opening the contract form…',
    );
    return { answer, visibility: 'ephemeral', openModal: 'contract' };
  }
  const parsed = parseContractArgs(deps.knowledge, cmd.args, {
    defaultZone: deps.store.getSettings(ctx.workspaceId).zone,
    language: cmd.language,
  });
  if (!parsed.ok) {
    if (cmd.args.trim() === '') {
      parsed.answer.notes.unshift(
        cmd.language === 'zh'
          ? '在 Slack 中，只輸入 `/support contract add` 會開啟表單。'
          : 'In Slack, `/support contract add` with nothing after it opens a form.',
      );
    }
    return { answer: parsed.answer, visibility };
  }
  const contract = deps.store.addContract(ctx.workspaceId, parsed.input);
  const assumed = cmd.language === 'zh' ? parsed.assumedZh : parsed.assumed;
  return { answer: contractAddedAnswer(deps.knowledge, contract, assumed, cmd.language), visibility };
}

function contractRemove(deps: ConversationDeps, ctx: ConversationContext, cmd: CommandOf<'contract-remove'>): Answer {
  if (cmd.id === undefined || cmd.problems.length > 0) {
    const zh = cmd.language === 'zh';
    const answer = emptyAnswer(
      'not-understood',
      zh ? '哪一份合約？' : 'Which contract?',
      zh
        ? '請提供要移除的合約編號，例如 `contract remove 2`（`contract` 可列出合約）。'
        : cmd.problems.join(' ') || 'Give the number of the contract to remove, e.g. `contract remove 2`.',
    );
    answer.suggestions.push('contract', 'contract remove 1');
    return answer;
  }
  const existing = deps.store.getContract(ctx.workspaceId, cmd.id);
  const removed = existing && deps.store.removeContract(ctx.workspaceId, cmd.id) ? existing : null;
  return contractRemovedAnswer(deps.knowledge, removed, cmd.id, cmd.language);
}

function quotaUse(deps: ConversationDeps, ctx: ConversationContext, cmd: CommandOf<'quota-use'>): Answer {
  const { store, knowledge } = deps;
  const target = resolveQuotaUse(knowledge, store.listContracts(ctx.workspaceId), cmd);
  if (!target.ok) return target.answer;
  const { contract, rule } = target;
  const today = DateTime.fromJSDate(ctx.now).setZone(contract.zone).toISODate();
  if (!today) throw new Error(`Cannot date a use in the zone ${contract.zone}`);
  const usedOn = cmd.on ?? today;
  store.recordQuotaUse(ctx.workspaceId, {
    contractId: contract.id,
    quotaId: rule.id,
    count: cmd.count,
    usedOn,
    userId: ctx.userId,
  });
  const uses = store.listQuotaUses(ctx.workspaceId, { contractId: contract.id, quotaId: rule.id });
  const answer = quotaUsedAnswer(knowledge, contract, rule, cmd.count, uses, ctx.now, cmd.language, ctx.userZone);
  if (usedOn > today) {
    answer.notes.push(
      cmd.language === 'zh'
        ? `已記為 ${usedOn} 的預訂：取消費用的期限與預訂提醒會依此日期排定。`
        : `Recorded as booked for ${usedOn}: the cancellation-fee steps and booking reminders are planned from that date.`,
    );
  }
  return answer;
}
