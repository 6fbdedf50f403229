/**
 * Words of the conversation's own replies (src/conversation: the store commands, refusals, errors), in both
 * languages.
 */
import { wordTable } from './word-table.js';

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
    notAllowedTitle: 'Not allowed',
    storeErrorTitle: 'That did not work',
    errorTitle: 'Something went wrong',
    unexpected:
      'Entitlebot hit an unexpected problem answering that; nothing was changed. Please try again, or type `help` for what I can do.',
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
    notAllowedTitle: '沒有權限',
    storeErrorTitle: '無法處理',
    errorTitle: '發生錯誤',
    unexpected: 'Entitlebot 在回答時遇到意外的問題；沒有任何資料被變更。請再試一次，或輸入 `help` 查看我能做什麼。',
  },
);
