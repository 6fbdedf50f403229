import { CaseProblem } from '../cases/service.js';
import { type Answer, emptyAnswer } from '../model/answer.js';
import type { Language } from '../model/language.js';
import { isStoreError, type StoreError } from '../store/index.js';
import { conversationWords } from '../text/conversation-words.js';

/**
 * A problem's words for the one who reads it: a case problem in their language; a store error's message is
 * English by design (it names fields and values), so a Chinese reader gets a lead line in Chinese before it.
 */
export function problemText(error: CaseProblem | StoreError, lang: Language): string {
  if (error instanceof CaseProblem) return error.say(lang);
  return conversationWords(lang).storeDetail(error.code, error.message);
}

/**
 * An error as an answer a person can act on. Store errors already say what was wrong and what would work;
 * anything else is our fault, said plainly, without a stack trace.
 */
export function errorAnswer(error: unknown, lang: Language = 'en'): Answer {
  const w = conversationWords(lang);
  if (isStoreError(error)) {
    const a = emptyAnswer('error', w.storeErrorTitle, problemText(error, lang));
    a.suggestions.push('help');
    return a;
  }
  const a = emptyAnswer('error', w.errorTitle, w.unexpected);
  a.suggestions.push('help');
  return a;
}
