/**
 * The words the knowledge module writes itself (a week's hours, a fee step), in both languages. A table here
 * rather than in src/text because src/text sits above src/knowledge; its shape is the same: one entry per
 * language with the same keys, so a missing translation is a compile error.
 */
import type { Language } from '../model/language.js';
import { type WeekdayKey, ZH_DAYS } from '../rules/index.js';

interface KnowledgeWords {
  /** between two ranges of hours on one day */
  rangeSep: string;
  /** between the days of a week */
  daySep: string;
  monToFri: (hours: string) => string;
  day: (day: string, hours: string) => string;
  stepOrMore: (minDays: number) => string;
  stepWithin: (maxDays: number) => string;
  stepBetween: (minDays: number, maxDays: number) => string;
  stepCharge: (days: string, percent: number) => string;
}

const WORDS: Record<Language, KnowledgeWords> = {
  en: {
    rangeSep: ', ',
    daySep: '; ',
    monToFri: (hours) => `${hours} Mon–Fri`,
    day: (day, hours) => `${day} ${hours}`,
    stepOrMore: (min) => `${min} or more days ahead`,
    stepWithin: (max) => `${max} days ahead or less`,
    stepBetween: (min, max) => `${min} to ${max} days ahead`,
    stepCharge: (days, percent) => `${days}: ${percent} % of the fee`,
  },
  zh: {
    rangeSep: '、',
    daySep: '；',
    monToFri: (hours) => `週一至週五 ${hours}`,
    day: (day, hours) => `${ZH_DAYS[day as WeekdayKey] ?? day} ${hours}`,
    stepOrMore: (min) => `提前 ${min} 天以上`,
    stepWithin: (max) => `提前 ${max} 天內`,
    stepBetween: (min, max) => `提前 ${min} 至 ${max} 天`,
    stepCharge: (days, percent) => `${days}取消收取 ${percent}% 費用`,
  },
};

export function knowledgeWords(lang: Language): KnowledgeWords {
  return WORDS[lang];
}
