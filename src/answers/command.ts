/**
 * What `parseCommand` makes of a line typed after `/support` (or in a mention, or in the console).
 * The glue (`src/conversation`) switches on `kind`:
 *
 * | kind              | typed as (English / Chinese)                                         | answered by                          |
 * |-------------------|----------------------------------------------------------------------|--------------------------------------|
 * | `help`            | `help`, nothing, `?`, `說明`                                          | `answerParsed()`                     |
 * | `sla`             | `sla p1 gold`, `gold p1 response time?`, `白金級 P1 多快回應`          | `answerParsed()`                     |
 * | `due`             | `due sev1 unified at 2026-12-04 16:00`, `期限 P1 金級 明天 9:00`       | `answerParsed()` (uses ctx.contracts)    |
 * | `term`            | `term rede`, `what is a CSM`, `什麼是彈性額度`, any other question      | `answerParsed()` (uses ctx.search)   |
 * | `fee-cancel`      | `fee cancel 2026-12-20 notice 2026-12-07 [amount 5000]`              | `answerParsed()`                     |
 * | `fee-flex`        | `fee flex 250000`, `彈性額度 250000`                                   | `answerParsed()`                     |
 * | `price`           | `price gold education`, `金級 價格`                                    | `answerParsed()`                     |
 * | `quota`           | `quota`, `quota coaching`, `配額`                                      | `answerParsed()` (uses ctx.quotaUses) |
 * | `quota-use`       | `quota use coaching 2`                                               | glue: record, then `quotaUsedAnswer` |
 * | `contract`        | `contract`, `合約`                                                     | `answerParsed()` / `contractsAnswer` |
 * | `contract-add`    | `contract add jamf gold zone=Europe/Berlin …`                        | glue: `parseContractArgs`, store, `contractAddedAnswer` |
 * | `contract-remove` | `contract remove 3`                                                  | glue: store, `contractRemovedAnswer` |
 * | `case`            | `case open p1 …`                                                     | glue (the cases helper parses `rest`) |
 * | `not-understood`  | a mistyped command word (`sal p1`)                                   | `answerParsed()`: closest commands   |
 *
 * Every command also says whether the reply is `public` (the text ended with `public` / `公開`) and the
 * `language` of the question ('zh' when it contains Chinese characters).
 */

import type { Level } from '../knowledge/schema.js';
import type { Language } from '../text/normalize.js';
import type { ParseProblem } from '../text/problem-words.js';
import type { WhenSpec } from './parse/when.js';

export type { WhenSpec } from './parse/when.js';

/** A severity as typed, with every vendor severity the words name directly. */
export interface SeverityRef {
  /** the words as typed, e.g. "sev1", "緊急" */
  text: string;
  /** vendor severities the words name directly ("p1" → Jamf P1; "sev1" → Microsoft 1) */
  matches: { vendor: string; id: string; level: Level }[];
  /** the cross-vendor level, when the words name exactly one (Microsoft 1 and Jamf P1 are 'critical') */
  level?: Level;
}

/** A plan or add-on named in the text. */
export interface PlanRef {
  vendor: string;
  id: string;
  kind: 'base' | 'addon';
  /** for add-ons: the base plans it attaches to */
  addsTo: string[];
  text: string;
}

interface Common {
  /** reply in the channel instead of ephemerally (the text ended with `public`) */
  public: boolean;
  language: Language;
  /** the text as typed (without a trailing `public`) */
  text: string;
}

/** What the severity/plan words in a question named (shared by sla and due). */
export interface Selection {
  severity?: SeverityRef;
  /** base plans and add-ons named, e.g. [unified, uer] */
  plans: PlanRef[];
  /** vendors named on their own ("jamf") or implied by a plan */
  vendors: string[];
  /** product scope, when named ('azure' or 'other') */
  scope?: string;
  /** words that look like a severity but name none ("p9", "sev x"), to be reported */
  unknownSeverity?: string;
}

export type Command = Common &
  (
    | { kind: 'help' }
    | ({ kind: 'sla' } & Selection)
    | ({ kind: 'due'; at?: WhenSpec; problems: ParseProblem[] } & Selection)
    | { kind: 'term'; query: string /** true when no command word was typed */; implicit: boolean }
    | {
        kind: 'fee-cancel';
        /** YYYY-MM-DD the service was booked for */
        serviceDate?: string;
        /** YYYY-MM-DD the cancellation was given */
        noticeDate?: string;
        /** days of notice, when typed as a number instead of a date */
        noticeDays?: number;
        amount?: number;
        /** what could not be read, to be shown to the user */
        problems: ParseProblem[];
      }
    | { kind: 'fee-flex'; allowance?: number; problems: ParseProblem[] }
    | { kind: 'price'; plans: PlanRef[]; vendors: string[]; customerType?: 'commercial' | 'education' }
    | { kind: 'quota'; quotaIds: string[]; vendors: string[]; query: string }
    | {
        kind: 'quota-use';
        quotaIds: string[];
        count: number;
        /** YYYY-MM-DD the use happened or is booked for; default today in the contract's zone */
        on?: string;
        query: string;
        problems: ParseProblem[];
      }
    | { kind: 'contract' }
    | { kind: 'contract-add' /** everything after `contract add`: pass to parseContractArgs */; args: string }
    | { kind: 'contract-remove'; id?: number; problems: ParseProblem[] }
    | { kind: 'case' /** everything after `case`, as typed */; rest: string }
    | {
        kind: 'not-understood';
        /** the first word, when it looks like a mistyped command */
        word?: string;
        /** commands the text was closest to, ready to show ("sla p1 gold") */
        suggestions: string[];
      }
  );

export type CommandKind = Command['kind'];
