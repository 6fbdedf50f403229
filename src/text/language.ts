/** Which language a text is in: any Han character (Traditional or Simplified) makes it Chinese. */
import type { Language } from '../model/language.js';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

export function languageOf(text: string): Language {
  return hasCjk(text) ? 'zh' : 'en';
}
