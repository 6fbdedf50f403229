/**
 * Words of the conversation's own replies (src/conversation: the store commands, refusals, errors), in both
 * languages.
 */
import { wordTable } from './word-table.js';

/** what a store error means, by its code (src/store/errors.ts), before its English message */
const STORE_LEADS: Record<string, string> = {
  invalid: '輸入的內容不被接受',
  'not-found': '找不到要處理的資料',
  'case-exists': '本討論串已有案件',
  'contract-in-use': '這份合約仍在使用中',
  'plan-in-use': '這個方案仍在使用中',
  database: '資料庫目前無法使用',
  'database-gone': '資料庫目前無法使用',
};

export const conversationWords = wordTable(
  {
    addContractTitle: 'Add a contract',
    openingForm: 'Opening the contract form…',
    formInSlack: 'In Slack, `/support contract add` with nothing after it opens a form.',
    whichContractTitle: 'Which contract?',
    /** `problems`: what the parser could not read, as sentences in this language (problem-words.ts), or '' */
    whichContract: (problems: string) =>
      problems || 'Give the number of the contract to remove, e.g. `contract remove 2`.',
    usesAsOf: (id: number, start: string, end: string, asOf: string | null) =>
      `Contract #${id} runs ${start} to ${end}; the figures above are as of ${asOf}.`,
    booked: (on: string) =>
      `Recorded as booked for ${on}: the cancellation-fee steps and booking reminders are planned from that date.`,
    notRecordedTitle: 'Not recorded',
    /** a quota use dated outside the contract's term; the example date is the nearer end */
    outsideTerm: (on: string, before: boolean, id: number, start: string | null, end: string | null) =>
      `${on} is ${before ? 'before' : 'after'} the term of contract #${id} (${start ?? 'open start'} to ${end ?? 'open end'}), so nothing was recorded. Give a date within the term, e.g. \`on ${before ? start : end}\`.`,
    notAllowedTitle: 'Not allowed',
    storeErrorTitle: 'That did not work',
    /** a store error's own message (English by design), with a lead line in this language: `code` is its code */
    storeDetail: (_code: string, message: string) => message,
    errorTitle: 'Something went wrong',
    unexpected:
      'Entitlebot hit an unexpected problem answering that; nothing was changed. Please try again, or type `help` for what I can do.',
    /** a listener failed (src/slack/middleware/catch-errors.ts): the reference is in the log */
    unexpectedRef: (ref: string) =>
      `Entitlebot hit an unexpected problem handling that (reference ${ref}). Please try again, or type \`help\` for what I can do; if it keeps happening, give the reference to whoever runs the app.`,
  },
  {
    addContractTitle: '新增合約',
    openingForm: '正在開啟合約表單…',
    formInSlack: '在 Slack 中，只輸入 `/support contract add` 會開啟表單。',
    whichContractTitle: '哪一份合約？',
    whichContract: (problems) =>
      problems || '請提供要移除的合約編號，例如 `contract remove 2`（`contract` 可列出合約）。',
    usesAsOf: (id, start, end, asOf) => `合約 #${id} 的期間為 ${start} 至 ${end}；上列用量以 ${asOf} 計。`,
    booked: (on) => `已記為 ${on} 的預訂：取消費用的期限與預訂提醒會依此日期排定。`,
    notRecordedTitle: '沒有記錄',
    outsideTerm: (on, before, id, start, end) =>
      `${on} 在合約 #${id} 的期間（${start ?? '未定的開始日'} 至 ${end ?? '未定的結束日'}）${before ? '之前' : '之後'}，所以沒有記錄。請提供期間內的日期，例如 \`on ${before ? start : end}\`。`,
    notAllowedTitle: '沒有權限',
    storeErrorTitle: '無法處理',
    storeDetail: (code, message) => `${STORE_LEADS[code] ?? '無法處理'}（以下是系統的英文原文）：${message}`,
    errorTitle: '發生錯誤',
    unexpected: 'Entitlebot 在回答時遇到意外的問題；沒有任何資料被變更。請再試一次，或輸入 `help` 查看我能做什麼。',
    unexpectedRef: (ref) =>
      `Entitlebot 處理時遇到意外的問題（參考編號 ${ref}）。請再試一次，或輸入 \`help\` 查看我能做什麼；若一再發生，請把參考編號交給管理這個應用程式的人。`,
  },
);
