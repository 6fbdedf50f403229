/**
 * `term <words>`, `what is <words>`, or a plain question: the glossary and clause search. A question the
 * contracts do not cover gets "not in these contracts" with suggestions, never a random hit.
 */
import type { Command } from '../command.js';
import type { AnswerContext } from '../context.js';
import { type Answer, emptyAnswer } from '../model.js';
import { strings } from '../text/i18n.js';
import type { Language } from '../text/normalize.js';

type TermCommand = Extract<Command, { kind: 'term' }>;

export function termAnswer(cmd: TermCommand, ctx: AnswerContext, lang: Language): Answer {
  const s = strings(lang);
  if (!ctx.search) {
    const answer = emptyAnswer(
      'error',
      s.errorTitle,
      lang === 'zh' ? '名詞搜尋目前無法使用。' : 'The glossary search is not available right now.',
    );
    answer.suggestions.push('sla p1 gold', 'help');
    return answer;
  }
  const answer = emptyAnswer('term', s.termTitle(cmd.query), '');
  return answer;
}
