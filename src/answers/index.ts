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
 * - `answerParsed(text, cmd, ctx, question?)`: a typed command as `answerCommand` does; a question in words
 *   through the question model (`understand`) and the scored candidates of choose.ts. The conversation parses
 *   a line once (`parseCommand`) and answers a read-only command or question with it.
 * Any exception inside a builder becomes an `error` answer with a clear message. Dates more than
 * HORIZON_YEARS from now get an answer saying so, and the conversation refuses text longer than
 * MAX_INPUT_CHARS (see horizon.ts).
 */

import type { Answer, Locale } from '../model/answer.js';
import { strings } from '../text/i18n.js';
import { type Language, normalize } from '../text/normalize.js';
import { languageOfLocale, localeOf } from '../text/script.js';
import { answerQuestion } from './choose.js';
import type { Command } from './command.js';
import type { AnswerContext } from './context.js';
import { contractsAnswer } from './contract.js';
import { dueAnswer } from './due.js';
import { feeCancelAnswer, feeFlexAnswer } from './fee.js';
import { errorAnswer, helpAnswer, notUnderstoodAnswer } from './help.js';
import { type Question, understand } from './parse/question.js';
import { COMMAND_WORDS, isCommandOnly } from './parse/words.js';
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
export { type Question, type QuestionKind, understand } from './parse/question.js';
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
  const lang = languageOfLocale(locale);
  const result = sayWhenYours(answerIn(cmd, ctx, lang), lang);
  result.locale = locale;
  return result;
}

/**
 * An answer resting on the workspace's own contract (an imported plan or override) says so first, with the
 * document, so that nobody takes a negotiated term for the vendor's public one or the other way round.
 */
function sayWhenYours(answer: Answer, lang: Language): Answer {
  const docs = [...new Set(answer.citations.filter((c) => c.yours).map((c) => c.doc))];
  if (docs.length === 0) return answer;
  const note = strings(lang).perYourContractNote(docs);
  return { ...answer, notes: [note, ...answer.notes.filter((n) => n !== note)] };
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

/** Command words that start a typed command; "what is" and 什麼是 start questions. */
const TYPED_COMMAND_WORDS = Object.entries(COMMAND_WORDS)
  .flatMap(([kind, words]) =>
    words.filter(
      (w) =>
        kind !== 'term' || ['term', 'terms', 'define', 'definition', 'glossary', '名詞', '術語', '术语'].includes(w),
    ),
  )
  .map((w) => normalize(w))
  .sort((a, b) => b.length - a.length);

/**
 * Whether the text is a typed command (`sla p1 gold`, `due sev1 …`, `fee cancel …`) rather than a question
 * in words. A command word followed by nothing that command can use ("deadline to request proactive
 * services", "cost of a late cancellation", 「合約期間可以隨時加購 UER 嗎」) starts a question.
 */
export function isTypedCommand(cmd: Command, text: string): boolean {
  switch (cmd.kind) {
    case 'help':
    case 'contract-add':
    case 'contract-remove':
    case 'quota-use':
    case 'case':
    case 'not-understood':
      return true;
    default: {
      const norm = normalize(text.replace(/^\/support\s+/i, '').replace(/^(<@[A-Z0-9]+(\|[^>]*)?>\s*)+/i, ''));
      const word = TYPED_COMMAND_WORDS.find(
        (w) => norm.startsWith(w) && (!/[a-z0-9]$/.test(w) || !/[a-z0-9]/.test(norm[w.length] ?? '')),
      );
      if (!word) return false;
      // `term …`, `define …` look a word up; "what is the uptime SLA …" is a question like any other
      if (cmd.kind === 'term') return !cmd.implicit;
      // `due at <time>` is the command too: it asks about the workspace's own contracts
      if (cmd.kind === 'due' && cmd.at !== undefined) return true;
      if (cmd.kind === 'due' || cmd.kind === 'sla')
        return cmd.severity !== undefined || cmd.plans.length > 0 || cmd.vendors.length > 0 || norm === word;
      if (cmd.kind === 'price') return cmd.plans.length > 0 || cmd.vendors.length > 0 || norm === word;
      if (cmd.kind === 'contract') return /^\s*(list|show|ls|列表|列出|查看)?\s*$/u.test(norm.slice(word.length));
      return true;
    }
  }
}

/** Whether a command only reads (not contract add/remove, quota use or a case command). */
export function isReadCommand(cmd: Command): cmd is ReadCommand {
  return !['contract-add', 'contract-remove', 'quota-use', 'case'].includes(cmd.kind);
}

/**
 * Text in, answer out, for text its caller has already parsed into a read-only `cmd` (and, for a question in
 * words, read into `question`): the conversation parses a line once to route it, carries out the commands that
 * change the store itself, and answers the rest from the same reading. Never throws. A typed command is
 * answered by `answerCommand`; a question in words is read into the question model and answered by scoring
 * candidates (choose.ts).
 */
export function answerParsed(text: string, cmd: ReadCommand, ctx: AnswerContext, question?: Question): Answer {
  let lang: Language = ctx.language ?? 'en';
  try {
    if (isTypedCommand(cmd, text)) return answerCommand(cmd, ctx);
    // the reply's language and script follow the question's, as for a command
    const locale = localeFor(cmd, ctx);
    lang = languageOfLocale(locale);
    const result = sayWhenYours(answerQuestion(question ?? understand(text, ctx.knowledge), cmd, ctx, lang), lang);
    result.locale = locale;
    return result;
  } catch (err) {
    return errorAnswer(err, lang);
  }
}
