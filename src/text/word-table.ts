/**
 * The one shape of a word table: the same keys in every language. The English table gives the keys and their
 * types and the Chinese one must match it, so a missing, extra or mistyped translation is a compile error.
 * Each area's words live in `src/text/<area>-words.ts` built with it (i18n.ts and render-words.ts predate it).
 */
import type { Language } from '../model/language.js';

export function wordTable<T extends object>(en: T, zh: NoInfer<T>): (lang: Language) => T {
  const tables: Record<Language, T> = { en, zh };
  return (lang) => tables[lang];
}
