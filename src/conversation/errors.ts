import { type Answer, emptyAnswer } from '../model/answer.js';
import { isStoreError } from '../store/index.js';

/**
 * An error as an answer a person can act on. Store errors already say what was wrong and what would work;
 * anything else is our fault, said plainly, without a stack trace.
 */
export function errorAnswer(error: unknown): Answer {
  if (isStoreError(error)) {
    const a = emptyAnswer('error', 'That did not work', error.message);
    a.suggestions.push('help');
    return a;
  }
  const a = emptyAnswer(
    'error',
    'Something went wrong',
    'Entitlebot hit an unexpected problem answering that; nothing was changed. Please try again, or type `help` for what I can do.',
  );
  a.suggestions.push('help');
  return a;
}
