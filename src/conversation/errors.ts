import { type Answer, emptyAnswer } from '../model/answer.js';
import type { Language } from '../model/language.js';
import { isStoreError } from '../store/index.js';

/**
 * An error as an answer a person can act on. Store errors already say what was wrong and what would work;
 * anything else is our fault, said plainly, without a stack trace.
 */
export function errorAnswer(error: unknown, lang: Language = 'en'): Answer {
  const zh = lang === 'zh';
  if (isStoreError(error)) {
    const a = emptyAnswer('error', zh ? '無法處理' : 'That did not work', error.message);
    a.suggestions.push('help');
    return a;
  }
  const a = emptyAnswer(
    'error',
    zh ? '發生錯誤' : 'Something went wrong',
    zh
      ? 'Entitlebot 在回答時遇到意外的問題；沒有任何資料被變更。請再試一次，或輸入 `help` 查看我能做什麼。'
      : 'Entitlebot hit an unexpected problem answering that; nothing was changed. Please try again, or type `help` for what I can do.',
  );
  a.suggestions.push('help');
  return a;
}
