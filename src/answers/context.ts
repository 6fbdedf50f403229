/**
 * What the answer builders may know besides the question. Everything is passed in: the answer engine
 * reads no files, no database and no clock.
 */
import type { Knowledge } from '../knowledge/load.js';
import type { Locale } from '../model/answer.js';
import type { Contract, QuotaUse } from '../model/records.js';
import type { HolidayOverrides } from '../rules/index.js';
import type { KnowledgeSearch } from '../search/index.js';
import type { Language } from '../text/normalize.js';

/** One recorded use of a quota: the fields of the store's QuotaUse that the answers read. */
export type QuotaUseRecord = Pick<QuotaUse, 'contractId' | 'quotaId' | 'count' | 'usedOn'>;

/** The glossary and clause search (src/search `buildSearchIndex`): `lookup` is all the answers use. */
export type SearchLike = Pick<KnowledgeSearch, 'lookup'> & Partial<Pick<KnowledgeSearch, 'records' | 'knows' | 'near'>>;

export interface AnswerContext {
  knowledge: Knowledge;
  /** the search index; without it term questions get a clear "search unavailable" answer */
  search?: SearchLike;
  /** the workspace's contracts (empty: answers fall back to the plans' defaults and say so) */
  contracts: Contract[];
  now: Date;
  /** the asker's IANA zone (Slack users.info), to show times in it too */
  userZone?: string;
  /** the workspace's default zone, used when there is no contract to take a zone from */
  workspaceZone?: string;
  /** recorded quota uses of the workspace's contracts */
  quotaUses?: QuotaUseRecord[];
  /** corrections to date-holidays (loadHolidayOverrides() in src/knowledge/holidays.ts); without them date-holidays alone */
  holidayOverrides?: HolidayOverrides;
  /** force the answer language; default: 'zh' when the question contains Chinese characters */
  language?: Language;
  /** force the answer's language and script (wins over `language`) */
  locale?: Locale;
  /**
   * the asker's own locale (Slack `users.info` with `include_locale`): it decides for a command that has no
   * words of its own (`sla p1 gold`, `help`); a question in words is answered in its own language and script
   */
  preferredLocale?: Locale;
}
