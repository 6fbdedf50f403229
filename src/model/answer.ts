/**
 * The answer model: what the answer engine returns and both renderers (Slack blocks, console text) draw.
 * Plain data only, so that `entitlebot ask --json` can print it as `data`.
 */

/**
 * The language and script a reply is written in: English, Traditional Chinese, Simplified Chinese. The
 * builders write English or Traditional Chinese; 'zh-Hans' is converted for display (src/text/script.ts).
 */
export type Locale = 'en' | 'zh-Hant' | 'zh-Hans';

/** A verbatim quote from a source document, with an English gloss and how sure the reading is. */
export interface Citation {
  doc: string;
  quote: string;
  gloss?: string;
  certainty: 'stated' | 'inferred';
  /** why an inferred reading was chosen, in the answer's language; shown to the user */
  reason?: string;
  /** the quote is from the workspace's own contract (an imported plan): shown as "per your contract" */
  yours?: boolean;
}

export interface AnswerFact {
  label: string;
  value: string;
  /** index into Answer.citations */
  cite?: number;
}

/** A moment the answer talks about, shown in the contract's zone and the asker's zone. */
export interface AnswerTime {
  label: string;
  /** ISO 8601 with offset, in `zone` */
  at: string;
  zone: string;
  /** the same instant in the asker's zone, when known and different */
  userAt?: string;
  userZone?: string;
  /** business time left (positive) or overdue (negative), in minutes, when the answer is about a deadline */
  minutesLeft?: number;
  /** one-line explanation from the rules core (why it falls when it does) */
  explanation?: string;
  cite?: number;
}

export interface AnswerTable {
  columns: string[];
  rows: string[][];
  /** how many leading columns a short reply shows (default all); the full wording shows every column */
  brief?: number;
}

export type AnswerKind =
  | 'help'
  | 'sla'
  | 'term'
  | 'due'
  | 'fee'
  | 'price'
  | 'quota'
  | 'contract'
  | 'case'
  | 'not-covered'
  | 'not-understood'
  | 'error';

export interface Answer {
  kind: AnswerKind;
  /** the language and script to show it in (default: English, or Traditional Chinese when the title is Chinese) */
  locale?: Locale;
  title: string;
  /** one or two sentences: the answer itself */
  summary: string;
  facts: AnswerFact[];
  tables: AnswerTable[];
  times: AnswerTime[];
  citations: Citation[];
  /** caveats: points the text leaves open, assumptions made, defaults assumed */
  notes: string[];
  /** commands the user could try next */
  suggestions: string[];
  /**
   * ids of the knowledge records the answer rests on, the main one first (facts, targets, quotas:
   * their ids; `price.<vendor>.<plan>.<customer>`, `fee.<vendor>.cancellation`, glossary term ids)
   */
  basis?: string[];
  /** buttons the Slack renderer may show: action ids with a value */
  actions?: { id: string; text: string; value: string; style?: 'primary' | 'danger' }[];
  /**
   * How to build this answer again (set by the conversation): the Slack card shows a short answer and offers
   * the full wording behind a button, which rebuilds the answer from this rather than storing it.
   */
  replay?: AnswerReplay;
  /**
   * Slack mentions the app itself wrote into the text (`<@U123>`, `<!subteam^S123>`, e.g. the admins to ask):
   * the Slack renderer keeps exactly these as mentions; anything else that looks like one was typed, and is escaped.
   */
  mentions?: string[];
}

/** A question answered at `at` (a read-only command), or a case's status at `at`, for the asker's zone. */
export type AnswerReplay =
  | { kind: 'question'; text: string; at: number; zone?: string; locale?: Locale }
  | { kind: 'case'; caseId: number; at: number; zone?: string; lang: 'en' | 'zh' };

export function emptyAnswer(kind: AnswerKind, title: string, summary: string): Answer {
  return { kind, title, summary, facts: [], tables: [], times: [], citations: [], notes: [], suggestions: [] };
}

/**
 * The case actions an answer or a reminder can offer, by id: the Slack layer makes buttons of them and routes
 * their clicks; the console lists them as commands.
 */
export const CASE_ACTION = {
  responded: 'case_vendor_responded',
  updated: 'case_vendor_updated',
  close: 'case_close',
  snooze30: 'reminder_snooze_30',
  undoAuto: 'case_auto_undo',
  /** the full wording of an answer (quotes, notes, every row), posted in the thread */
  showWords: 'answer_show_words',
} as const;
