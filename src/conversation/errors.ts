import { type Answer, emptyAnswer } from '../model/answer.js';
import type { Language } from '../model/language.js';
import { isStoreError } from '../store/index.js';
import { conversationWords } from '../text/conversation-words.js';

/**
 * An error as an answer a person can act on. Store errors already say what was wrong and what would work;
 * anything else is our fault, said plainly, without a stack trace.
 */
export function errorAnswer(error: unknown, lang: Language = 'en'): Answer {
  const w = conversationWords(lang);
  if (isStoreError(error)) {
    const a = emptyAnswer('error', w.storeErrorTitle, error.message);
    a.suggestions.push('help');
    return a;
  }
  const a = emptyAnswer('error', w.errorTitle, w.unexpected);
  a.suggestions.push('help');
  return a;
}
