/**
 * Parsing what people type about a case (pure; no plan data, no clock).
 *
 * - `parseCaseCommand(rest)`: the words after `case` (the answer engine's `parseCommand` hands over `rest`).
 * - `parseThreadQuestion(text)`: a plain question in a case thread, English or Chinese ("when is my next
 *   update due?", "回應期限？", "逾期了嗎"). Returns null when the text is not about the case's clocks, so that
 *   the caller can fall back to the ordinary answers.
 *
 * Severities stay the words the person typed; the case layer resolves them against the contract's plan,
 * because "1" means Microsoft's Severity 1 and "p1" Jamf's Priority 1.
 */

import { languageOf } from '../text/language.js';

export type CaseEventCommand = 'responded' | 'updated' | 'customer' | 'wait' | 'resume' | 'close' | 'reopen';

export type CaseCommand =
  | {
      kind: 'open';
      /** the severity words as typed (e.g. 'p1', 'sev b', 'a'), or null when left out */
      severity: string | null;
      /** product scope, e.g. 'azure' */
      product: string | null;
      /** the vendor's own case number */
      ref: string | null;
      /** a contract id or a vendor name */
      contract: string | null;
    }
  | { kind: CaseEventCommand; at: string | null }
  | { kind: 'severity'; severity: string; at: string | null }
  | { kind: 'status' }
  | { kind: 'help' }
  /** hand the case to someone (a Slack mention), or back to the one who opened it with no one named */
  | { kind: 'owner'; userId: string | null }
  | { kind: 'invalid'; message: string };

const EVENT_WORDS: Record<string, CaseEventCommand> = {
  responded: 'responded',
  respond: 'responded',
  response: 'responded',
  replied: 'responded',
  answered: 'responded',
  回應: 'responded',
  已回應: 'responded',
  回应: 'responded',
  已回应: 'responded',
  updated: 'updated',
  update: 'updated',
  更新: 'updated',
  已更新: 'updated',
  customer: 'customer',
  'we-replied': 'customer',
  sent: 'customer',
  我們回覆: 'customer',
  我方回覆: 'customer',
  我们回复: 'customer',
  我方回复: 'customer',
  wait: 'wait',
  waiting: 'wait',
  'on-us': 'wait',
  等待: 'wait',
  等我們: 'wait',
  等我们: 'wait',
  resume: 'resume',
  resumed: 'resume',
  繼續: 'resume',
  继续: 'resume',
  close: 'close',
  closed: 'close',
  resolve: 'close',
  resolved: 'close',
  結案: 'close',
  结案: 'close',
  關閉: 'close',
  关闭: 'close',
  reopen: 'reopen',
  reopened: 'reopen',
  重開: 'reopen',
  重开: 'reopen',
  重新開啟: 'reopen',
  重新开启: 'reopen',
  重新打開: 'reopen',
  重新打开: 'reopen',
};

// Simplified as a mainland writer types it (打开, 新建), not only character by character
const OPEN_WORDS = new Set([
  'open',
  'new',
  'start',
  'track',
  '開案',
  '开案',
  '開啟',
  '开启',
  '打開',
  '打开',
  '新增',
  '新建',
  '建立',
  '创建',
  '追蹤',
  '追踪',
]);
const SEVERITY_WORDS = new Set(['severity', 'sev', 'priority', 'prio', '嚴重性', '严重性', '優先權', '优先权']);
const STATUS_WORDS = new Set(['', 'status', 'show', 'clocks', '狀態', '状态']);
const PRODUCT_WORDS = new Set(['azure']);

/** NFKC, lower case, full-width punctuation folded, whitespace collapsed. */
function tidy(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[?!。？！]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits a trailing `at <time>` (or `於 <time>`) off the words. */
function splitAt(words: string[]): { words: string[]; at: string | null } {
  const i = words.findIndex((w) => /^(at|於|于)$/i.test(w));
  if (i < 0) return { words, at: null };
  const at = words.slice(i + 1).join(' ');
  return { words: words.slice(0, i), at: at === '' ? null : at };
}

export function parseCaseCommand(rest: string): CaseCommand {
  // values such as a vendor's case number keep their case; command words are compared in lower case
  const original = rest
    .normalize('NFKC')
    .replace(/[?!。？！]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const words = original.map((w) => w.toLowerCase());
  const head = words[0] ?? '';
  const tail = words.slice(1);

  if (STATUS_WORDS.has(head)) {
    return tail.length === 0
      ? { kind: 'status' }
      : { kind: 'invalid', message: `"case ${head}" takes nothing after it.` };
  }
  if (head === 'help' || head === '說明' || head === '说明') return { kind: 'help' };
  if (head === 'owner' || head === '負責人' || head === '负责人') return parseOwner(original.slice(1));
  if (OPEN_WORDS.has(head)) return parseOpen(original.slice(1));

  if (SEVERITY_WORDS.has(head)) {
    const { words: sevWords, at } = splitAt(original.slice(1));
    if (sevWords.length === 0) {
      return {
        kind: 'invalid',
        message: 'Say which severity the case has now, e.g. `case severity a` or `case severity p2`.',
      };
    }
    return { kind: 'severity', severity: sevWords.join(' ').toLowerCase(), at };
  }

  // "we replied" / "on us" are two words people type for one event
  const joined = tail[0] ? `${head}-${tail[0]}` : head;
  const twoWord = EVENT_WORDS[joined];
  const event = twoWord ?? EVENT_WORDS[head];
  if (event) {
    const { words: extra, at } = splitAt(original.slice(twoWord ? 2 : 1));
    if (extra.length > 0) {
      return {
        kind: 'invalid',
        message: `I did not understand "${extra.join(' ')}" after "case ${event}". Add "at 14:05" to record an earlier time, or nothing for now.`,
      };
    }
    return { kind: event, at };
  }

  return {
    kind: 'invalid',
    message: `"case ${rest.trim()}" is not a case command I know.`,
  };
}

/** The longest vendor case number kept (the track-case modal's field allows as many). */
export const MAX_REF_CHARS = 64;

/** `case owner <@U123>` (Slack sends a mention as <@U123> or <@U123|name>); `case owner` alone hands it back. */
function parseOwner(words: string[]): CaseCommand {
  if (words.length === 0) return { kind: 'owner', userId: null };
  const mention = words.length === 1 ? /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(words[0]!) : null;
  if (!mention) {
    return { kind: 'invalid', message: 'Name the new owner with an @-mention, e.g. `case owner @dana`.' };
  }
  return { kind: 'owner', userId: mention[1]! };
}

function parseOpen(words: string[]): CaseCommand {
  let product: string | null = null;
  let ref: string | null = null;
  let contract: string | null = null;
  const severityWords: string[] = [];
  for (const word of words) {
    const eq = word.indexOf('=');
    const lower = word.toLowerCase();
    if (eq > 0) {
      const key = lower.slice(0, eq);
      const value = word.slice(eq + 1);
      if (!value) return { kind: 'invalid', message: `"${word}" needs a value after "=".` };
      if (key === 'product' || key === 'scope') product = value.toLowerCase();
      else if (key === 'ref' || key === 'case' || key === 'ticket') ref = value;
      else if (key === 'contract' || key === 'vendor') contract = value.toLowerCase();
      else if (key === 'severity' || key === 'sev' || key === 'priority') severityWords.push(value.toLowerCase());
      else {
        return {
          kind: 'invalid',
          message: `"${key}=" is not an option of \`case open\`; it takes product=, ref= and contract=.`,
        };
      }
    } else if (PRODUCT_WORDS.has(lower)) {
      product = lower;
    } else if (word.startsWith('#') && word.length > 1) {
      ref = word.slice(1);
    } else {
      severityWords.push(lower);
    }
    if (ref !== null && ref.length > MAX_REF_CHARS) {
      return { kind: 'invalid', message: `A vendor case number has at most ${MAX_REF_CHARS} characters.` };
    }
  }
  return { kind: 'open', severity: severityWords.length ? severityWords.join(' ') : null, product, ref, contract };
}

// ---------------------------------------------------------------------------------------------
// Thread questions

export type QuestionClock = 'response' | 'update' | 'obligation';

export interface ThreadQuestion {
  /** which clock is asked about; null: the one that falls due first */
  clock: QuestionClock | null;
  /** 'when': the due time; 'late': whether it is overdue (the answer gives both anyway) */
  ask: 'when' | 'late';
  language: 'en' | 'zh';
}

const ASKS_LATE = /\b(late|overdue|breach(ed)?|behind|missed)\b|逾期|遲了|迟了|超時|超时|過期|过期|晚了|延誤|延误/u;
const ASKS_WHEN =
  /\b(when|due|deadline|how long|time left|by what time)\b|期限|什麼時候|什么时候|何時|何时|幾點|几点|多久|到期/u;
const ABOUT_UPDATE = /\bupdates?\b|更新|進度|进度/u;
const ABOUT_RESPONSE =
  /\b(respon[sd]e?s?|respond|reply|replies|answer|first response)\b|回應|回应|回覆|回复|答覆|答复/u;
const ABOUT_OBLIGATION =
  /\b(our (obligation|duty|turn|side)|we owe|do we (have|need) to|must we|our response)\b|我們的?義務|我们的?义务|我方|我們要|我们要/u;
const ABOUT_VENDOR = /\b(vendor|they|microsoft|jamf|autodesk|support)\b|廠商|厂商|原廠|原厂/u;

/** A question about the case's clocks, or null when the text is about something else. */
export function parseThreadQuestion(text: string): ThreadQuestion | null {
  const t = tidy(text);
  if (!t) return null;
  const language = languageOf(t);
  const late = ASKS_LATE.test(t);
  const when = ASKS_WHEN.test(t);
  const obligation = ABOUT_OBLIGATION.test(t);
  const update = ABOUT_UPDATE.test(t);
  const response = ABOUT_RESPONSE.test(t);
  const zhBareDeadline = language === 'zh' && (update || response) && /[?？嗎吗呢]|期限/u.test(text);
  if (!late && !when && !zhBareDeadline) return null;
  // "is it late?" / "is the vendor late" ask about the case as a whole; a bare "when?" without a clock word too
  let clock: QuestionClock | null = null;
  if (obligation) clock = 'obligation';
  else if (update && !/first response|第一次回應|首次回應|初次回應/u.test(t)) clock = 'update';
  else if (response) clock = 'response';
  if (clock === null && !late && !ABOUT_VENDOR.test(t) && !/\b(it|this|case)\b|案件|這個|这个/u.test(t)) {
    // "when is lunch?" is not about the case
    if (!/\b(next|due)\b|下次|到期|期限/u.test(t)) return null;
  }
  return { clock, ask: late ? 'late' : 'when', language };
}

const SHORT_STATUS = /^(status|state|clocks?|where are we|how is it going|狀態|状态|進度如何|进度如何|現況|现况)$/u;
const SHORT_WHEN = /\b(next|due|deadlines?|when)\b|下次|下一次|期限|到期|什麼時候|什么时候|何時|何时/u;

/**
 * A short question asked in a case thread, where the thread says which case is meant: "next update?",
 * "deadline?", "any update?", "status", 「下次更新」, 「狀態」. Longer text goes through parseThreadQuestion,
 * and outside a case thread such fragments mean nothing.
 */
export function parseShortThreadQuestion(
  text: string,
): ThreadQuestion | { status: true; language: 'en' | 'zh' } | null {
  const t = tidy(text)
    .replace(/[?？!！。.,，嗎吗呢]+$/u, '')
    .trim();
  if (!t) return null;
  const language = languageOf(t);
  const size = language === 'zh' ? [...t.replace(/\s+/g, '')].length : t.split(/\s+/).length;
  if (size > (language === 'zh' ? 8 : 4)) return null;
  if (SHORT_STATUS.test(t)) return { status: true, language };
  const late = ASKS_LATE.test(t);
  const update = ABOUT_UPDATE.test(t);
  const response = ABOUT_RESPONSE.test(t);
  const obligation = ABOUT_OBLIGATION.test(t);
  if (!late && !update && !response && !obligation && !SHORT_WHEN.test(t)) return null;
  const clock: QuestionClock | null = obligation ? 'obligation' : update ? 'update' : response ? 'response' : null;
  // "any update?" asks whether one came or is due: the clock's answer says both
  return { clock, ask: late ? 'late' : 'when', language };
}

const LIST_EN =
  /^(?:(?:list|show|all|our|my|the|current|open|active|tracked)\s+)*cases(?:\s+(?:list|open|here|in this channel))?$|^case\s+(?:list|ls)$|^(?:what|which)\s+cases\s+are\s+open$/i;
const LIST_ZH =
  /^(?:目前|現在|现在|這裡|这里|本頻道|本频道)?(?:有)?(?:哪些|什麼|什么)?(?:未結|未结|進行中的?|进行中的?|開啟的?|开启的?|處理中的?|处理中的?|追蹤中的?|追踪中的?|所有的?)?案件(?:列表|清單|清单|有哪些)?$/u;

/**
 * True when the text asks for the open cases: `cases`, "open cases", "case list", 「目前有哪些案件」,
 * 「进行中的案件」. The bare word 「案件」 is the `case` command (the thread's status), not a list.
 */
export function asksForCaseList(text: string): boolean {
  const t = tidy(text)
    .replace(/[?？!！。.]+$/u, '')
    .trim();
  if (LIST_EN.test(t)) return true;
  return t !== '案件' && LIST_ZH.test(t.replace(/\s+/g, ''));
}
