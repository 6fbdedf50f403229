/**
 * The answer engine: text in, Answer model out. Pure: the knowledge, the search index, the workspace's
 * contracts, recorded quota uses and the clock all come in through the AnswerContext.
 *
 * - `parseCommand(text, knowledge?)` → Command (see command.ts for the union and the grammar).
 * - `answerCommand(cmd, ctx)` answers every intent that needs no writes (a `ReadCommand`): help, sla, due,
 *   term, fee-cancel, fee-flex, price, quota, contract (the list), not-understood. The intents that change the
 *   store are the conversation's (src/conversation/handle.ts), with the helpers below:
 *   - `contract-add`: `parseContractArgs(knowledge, cmd.args)`, store the input, `contractAddedAnswer`;
 *   - `contract-remove`: remove, then `contractRemovedAnswer`;
 *   - `quota-use`: `resolveQuotaUse`, record the use, `quotaUsedAnswer`;
 *   - `case`: the cases module parses `cmd.rest`.
 * Any exception inside a builder becomes an `error` answer with a clear message. Dates more than
 * HORIZON_YEARS from now get an answer saying so, and the conversation refuses text longer than
 * MAX_INPUT_CHARS (see horizon.ts).
 */

import type { Answer, Locale } from '../model/answer.js';
import type { Language } from '../text/normalize.js';
import { languageOfLocale, localeOf } from '../text/script.js';
import type { Command } from './command.js';
import type { AnswerContext } from './context.js';
import { contractsAnswer } from './contract.js';
import { dueAnswer } from './due.js';
import { feeCancelAnswer, feeFlexAnswer } from './fee.js';
import { errorAnswer, helpAnswer, notUnderstoodAnswer } from './help.js';
import { isCommandOnly } from './parse/words.js';
import { priceAnswer } from './price.js';
import { quotaAnswer } from './quota.js';
import { slaAnswer } from './sla.js';
import { termAnswer } from './term.js';

export type { Answer, AnswerFact, AnswerKind, AnswerTable, AnswerTime, Citation } from '../model/answer.js';
export { emptyAnswer } from '../model/answer.js';
export { type Language, languageOf } from '../text/normalize.js';
export { type Locale, languageOfLocale, localeFromSlack, localeOf } from '../text/script.js';
export type { Command, CommandKind, PlanRef, Selection, SeverityRef, WhenSpec } from './command.js';
export type { AnswerContext, QuotaUseRecord, SearchLike } from './context.js';
export {
  contractAddedAnswer,
  contractRemovedAnswer,
  contractsAnswer,
  type ParsedContract,
  parseContractArgs,
} from './contract.js';
export { calendarFor, deadlineOf } from './due.js';
export { errorAnswer, helpAnswer } from './help.js';
export {
  HORIZON_YEARS,
  horizonOf,
  horizonProblem,
  MAX_INPUT_CHARS,
  nowProblem,
  outsideHorizonAnswer,
  tooLongAnswer,
} from './horizon.js';
export { parseCommand } from './parse/parse.js';
export { resolveWhen, type WallTimeShift, wallTimeShift } from './parse/when.js';
export { type QuotaTarget, quotasOf, quotaUsedAnswer, resolveQuotaUse } from './quota.js';

/** The commands that only read: everything but the ones that change the store or track cases. */
export type ReadCommand = Exclude<Command, { kind: 'contract-add' | 'contract-remove' | 'quota-use' | 'case' }>;

/**
 * The locale of the reply to `cmd`: forced by the context, else the question's own language and script, else
 * (for a bare command such as `sla p1 gold`) the asker's Slack locale.
 */
export function localeFor(
  cmd: Pick<Command, 'text' | 'language'>,
  ctx: Pick<AnswerContext, 'locale' | 'language' | 'preferredLocale'>,
): Locale {
  if (ctx.locale) return ctx.locale;
  if (ctx.language) return ctx.language === 'zh' ? (cmd.language === 'zh' ? localeOf(cmd.text) : 'zh-Hant') : 'en';
  return localeOf(cmd.text, ctx.preferredLocale, isCommandOnly(cmd.text));
}

/** Answer an already parsed command, in the language and script of the question. Never throws. */
export function answerCommand(cmd: ReadCommand, ctx: AnswerContext): Answer {
  const locale = localeFor(cmd, ctx);
  const result = answerIn(cmd, ctx, languageOfLocale(locale));
  result.locale = locale;
  return result;
}

function answerIn(cmd: ReadCommand, ctx: AnswerContext, lang: Language): Answer {
  try {
    switch (cmd.kind) {
      case 'help':
        return helpAnswer(lang, ctx.knowledge);
      case 'sla':
        return slaAnswer(cmd, ctx, lang);
      case 'due':
        return dueAnswer(cmd, ctx, lang);
      case 'term':
        return termAnswer(cmd, ctx, lang);
      case 'fee-cancel':
        return feeCancelAnswer(cmd, ctx, lang);
      case 'fee-flex':
        return feeFlexAnswer(cmd, ctx, lang);
      case 'price':
        return priceAnswer(cmd, ctx, lang);
      case 'quota':
        return quotaAnswer(cmd, ctx, lang);
      case 'contract':
        return contractsAnswer(ctx.knowledge, ctx.contracts, lang);
      case 'not-understood':
        return notUnderstoodAnswer(cmd, lang);
    }
  } catch (err) {
    return errorAnswer(err, lang);
  }
}
