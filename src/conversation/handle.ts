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
  answerCommand,
  type Command,
  contractAddedAnswer,
  contractRemovedAnswer,
  parseCommand,
  parseContractArgs,
  quotaUsedAnswer,
  resolveQuotaUse,
} from '../answers/index.js';
import { type Answer, emptyAnswer } from '../model/answer.js';
import { caseHelpReply, handleCaseText } from './case-text.js';
import { errorAnswer } from './errors.js';
import { type Change, refusal, refusalAnswer } from './permissions.js';
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
    // only quota answers count uses; other questions need not read them
    quotaUses: kind === undefined || kind === 'quota' ? store.listQuotaUses(ctx.workspaceId) : [],
  };
}

export async function handleText(deps: ConversationDeps, ctx: ConversationContext, text: string): Promise<Reply> {
  try {
    const cmd = parseCommand(text, deps.knowledge);
    const visibility = visibilityOf(ctx, cmd);
    // in a thread, and for plain questions anywhere ("when is my next update due?"), the cases module looks first
    const caseFirst = cmd.kind === 'case' || ctx.threadTs !== undefined || (cmd.kind === 'term' && cmd.implicit);
    if (caseFirst) {
      const reply = await handleCaseText(deps, ctx, cmd);
      if (reply) return reply;
    }
    if (cmd.kind === 'term') await deps.search?.ready?.();
    const change: Change | null =
      cmd.kind === 'contract-add' || cmd.kind === 'contract-remove'
        ? 'contract'
        : cmd.kind === 'quota-use'
          ? 'quota'
          : null;
    const refused = change ? await refusal(ctx.actor, change) : null;
    if (refused) return { answer: refusalAnswer(refused), visibility: 'ephemeral' };
    switch (cmd.kind) {
      case 'contract-add':
        return deps.store.transaction(() => contractAdd(deps, ctx, cmd, visibility));
      case 'contract-remove':
        return { answer: deps.store.transaction(() => contractRemove(deps, ctx, cmd)), visibility };
      case 'quota-use':
        return { answer: deps.store.transaction(() => quotaUse(deps, ctx, cmd)), visibility };
      case 'case':
        return caseHelpReply(ctx);
      default:
        return { answer: answerCommand(cmd, answerContext(deps, ctx, cmd.kind)), visibility };
    }
  } catch (error) {
    return { answer: errorAnswer(error), visibility: ctx.via === 'command' ? 'ephemeral' : 'in_channel' };
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
    const answer = emptyAnswer('contract', 'Add a contract', 'Opening the contract form…');
    return { answer, visibility: 'ephemeral', openModal: 'contract' };
  }
  const parsed = parseContractArgs(deps.knowledge, cmd.args, {
    defaultZone: deps.store.getSettings(ctx.workspaceId).zone,
  });
  if (!parsed.ok) {
    if (cmd.args.trim() === '') {
      parsed.answer.notes.unshift('In Slack, `/support contract add` with nothing after it opens a form.');
    }
    return { answer: parsed.answer, visibility };
  }
  const contract = deps.store.addContract(ctx.workspaceId, parsed.input);
  return { answer: contractAddedAnswer(deps.knowledge, contract, parsed.assumed, cmd.language), visibility };
}

function contractRemove(deps: ConversationDeps, ctx: ConversationContext, cmd: CommandOf<'contract-remove'>): Answer {
  if (cmd.id === undefined || cmd.problems.length > 0) {
    const answer = emptyAnswer(
      'not-understood',
      'Which contract?',
      cmd.problems.join(' ') || 'Give the number of the contract to remove, e.g. `contract remove 2`.',
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
  const outside = outsideTerm(contract, usedOn);
  if (outside) return outside;
  store.recordQuotaUse(ctx.workspaceId, {
    contractId: contract.id,
    quotaId: rule.id,
    count: cmd.count,
    usedOn,
    userId: ctx.userId,
  });
  const uses = store.listQuotaUses(ctx.workspaceId, { contractId: contract.id, quotaId: rule.id });
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
      cmd.language === 'zh'
        ? `合約 #${contract.id} 的期間為 ${contract.startDate ?? '…'} 至 ${contract.endDate ?? '…'}；上列用量以 ${DateTime.fromJSDate(asOf).setZone(contract.zone).toISODate()} 計。`
        : `Contract #${contract.id} runs ${contract.startDate ?? '…'} to ${contract.endDate ?? '…'}; the figures above are as of ${DateTime.fromJSDate(asOf).setZone(contract.zone).toISODate()}.`,
    );
  }
  if (usedOn > today) {
    answer.notes.push(
      cmd.language === 'zh'
        ? `已記為 ${usedOn} 的預訂：取消費用的期限與預訂提醒會依此日期排定。`
        : `Recorded as booked for ${usedOn}: the cancellation-fee steps and booking reminders are planned from that date.`,
    );
  }
  return answer;
}

/** A use dated outside the contract's term is refused before anything is written. */
function outsideTerm(contract: { id: number; startDate: string | null; endDate: string | null }, usedOn: string) {
  const before = contract.startDate !== null && usedOn < contract.startDate;
  const after = contract.endDate !== null && usedOn > contract.endDate;
  if (!before && !after) return null;
  const answer = emptyAnswer(
    'error',
    'Not recorded',
    `${usedOn} is ${before ? 'before' : 'after'} the term of contract #${contract.id} (${contract.startDate ?? 'open start'} to ${contract.endDate ?? 'open end'}), so nothing was recorded. Give a date within the term, e.g. \`on ${before ? contract.startDate : contract.endDate}\`.`,
  );
  answer.suggestions.push('contract');
  return answer;
}
