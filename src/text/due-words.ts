/** Words of the `due` answer (src/answers/due.ts), in both languages. */
import { wordTable } from './word-table.js';

export const dueWords = wordTable(
  {
    unknownSeverity: (typed: string) => `"${typed}" is not a known severity.`,
    whichSeverity: 'Which severity? For example `due p1 gold` or `due sev1 unified at 2026-12-04 16:00`.',
    firstComputed: (all: number, computed: number) =>
      `${all} plans match; the first ${computed} are computed. Name a plan to narrow it down.`,
    noContract: "No contract on file: computed on the plans' defaults (see the assumptions below).",
    /** `problem` in English, as the parser wrote it; `shown` the same in the answer's language */
    /** `problem`: what the time parser could not read, in this language (problem-words.ts) */
    unreadableTime: (problem: string) => `I could not read the time: ${problem}.`,
    coversInbound:
      'The response target also covers the reply to every message you send: each message restarts the response clock.',
    headline: (label: string, time: string, span: string) => `${label} ${time} (${span})`,
    updateFrom:
      'The first update is counted from the opening; once the vendor responds, the cadence runs from its last response or update.',
    noTarget: 'No target with a deadline matches. Name a severity and a plan, e.g. `due p1 gold`.',
    manyTitle: 'When it falls due',
  },
  {
    unknownSeverity: (typed) => `「${typed}」不是已知的嚴重性。`,
    whichSeverity: '請指定嚴重性，例如 `due p1 gold` 或 `due sev1 unified at 2026-12-04 16:00`。',
    firstComputed: (all, computed) => `符合的方案有 ${all} 個，只計算前 ${computed} 個；請指定方案。`,
    noContract: '本工作區尚無合約：以方案預設值計算（時區與假日見下方假設）。',
    unreadableTime: (problem) => `無法解讀時間：${problem}。`,
    coversInbound: '回應時間也適用於您每一則來訊的回覆：每次您傳訊給廠商，回應期限會重新計算。',
    headline: (label, time, span) => `${label} ${time}（${span}）`,
    updateFrom: '首次更新自開單起計；廠商回應後，更新頻率自其最後一次回應或更新起計。',
    noTarget: '找不到可計算期限的服務目標。請指定嚴重性與方案，例如 `due p1 gold`。',
    manyTitle: '期限',
  },
);
