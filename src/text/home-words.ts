/**
 * The words of the App Home tab (its model, src/conversation/home-model.ts, and its layout,
 * src/slack/blocks/home.ts), in both languages. Simplified is converted from the Chinese for display.
 */
import { wordTable } from './word-table.js';

export interface HomeWords {
  // the model's lines
  noHolidays: string;
  planHours: string;
  hours: (start: string, end: string) => string;
  region: (region: string) => string;
  customer: (type: string) => string;
  customerTypes: Record<string, string>;
  term: (start: string, end: string) => string;
  severity: (s: string) => string;
  caseTitle: (id: number, ref: string | null, what: string) => string;
  clocks: Record<'response' | 'update' | 'obligation', string>;
  statuses: Record<'open' | 'waiting', string>;
  noDeadlines: (id: number, why: string) => string;
  /** a quota whose use could not be computed; `why` is the rules core's own (English) message */
  quotaProblem: (contract: string, quota: string, why: string) => string;
  sep: string;
  /** a case's due line: the clock's label and when it falls due */
  dueLine: (label: string, when: string) => string;
  // the notes after a button on the tab
  removed: (id: number) => string;
  alreadyGone: (id: number) => string;
  // the layout
  intro: string;
  addContract: string;
  remove: string;
  removeTitle: string;
  removeText: (title: string, id: number) => string;
  keep: string;
  noContracts: string;
  noCases: string;
  noQuotas: string;
  noDeadline: string;
  inChannel: (channel: string) => string;
  quotaLine: (
    name: string,
    used: number,
    limit: number,
    unit: string,
    left: number,
    ends: string | undefined,
  ) => string;
  moreNotShown: (n: number, what: string) => string;
  lists: Record<'cases' | 'yourCases' | 'contracts' | 'quotaContracts', string>;
  asOf: (when: string) => string;
  headers: Record<'mine' | 'contracts' | 'allCases' | 'openCases' | 'quotas', string>;
}

const en: HomeWords = {
  noHolidays: 'no public holidays',
  planHours: 'the plan’s default hours',
  hours: (start, end) => `${start}–${end} Mon–Fri`,
  region: (region) => `region ${region}`,
  customer: (type) => `${type} customer`,
  customerTypes: { commercial: 'commercial', education: 'education' },
  term: (start, end) => `term ${start} → ${end}`,
  severity: (s) => `Severity ${s}`,
  caseTitle: (id, ref, what) => `Case #${id}${ref ? ` (${ref})` : ''}${what ? ` — ${what}` : ''}`,
  clocks: { response: 'First response', update: 'Next update', obligation: 'Our response' },
  statuses: { open: 'open', waiting: 'waiting on us' },
  noDeadlines: (id, why) => `Case #${id}: its deadlines could not be computed (${why}).`,
  quotaProblem: (contract, quota, why) => `${contract}: ${quota}: ${why}`,
  sep: ' · ',
  dueLine: (label, when) => `${label}: ${when}`,
  removed: (id) => `Contract #${id} removed.`,
  alreadyGone: (id) => `Contract #${id} was already gone.`,
  intro:
    'Entitlebot knows your vendor support contracts. Ask with `/support help`, or mention me in a thread to track a vendor case.',
  addContract: 'Add a contract',
  remove: 'Remove',
  removeTitle: 'Remove this contract?',
  removeText: (title, id) => `Entitlebot will forget ${title} (#${id}).`,
  keep: 'Keep',
  noContracts:
    'No contracts yet. Add one with the button above, or `/support contract add jamf gold zone=Europe/Berlin`.',
  noCases: 'No open cases.',
  noQuotas: 'No quotas on these contracts.',
  noDeadline: 'No deadline running.',
  inChannel: (channel) => ` in ${channel}`,
  quotaLine: (name, used, limit, unit, left, ends) =>
    `• ${name}: ${used} of ${limit} ${unit} used, *${left} left*${ends ? `, window ends ${ends}` : ''}`,
  moreNotShown: (n, what) => `…and ${n} more ${what} not shown here.`,
  lists: {
    cases: 'open cases',
    yourCases: 'of your cases',
    contracts: 'contracts',
    quotaContracts: 'contracts with quotas',
  },
  asOf: (when) => `As of ${when}`,
  headers: {
    mine: 'My cases',
    contracts: 'Contracts',
    allCases: 'All open cases',
    openCases: 'Open cases',
    quotas: 'Quotas',
  },
};

const zh: HomeWords = {
  noHolidays: '不計國定假日',
  planHours: '方案預設上班時間',
  hours: (start, end) => `週一至週五 ${start}–${end}`,
  region: (region) => `地區 ${region}`,
  customer: (type) => `${type}`,
  customerTypes: { commercial: '商業用戶', education: '教育用戶' },
  term: (start, end) => `期間 ${start} → ${end}`,
  severity: (s) => `嚴重性 ${s}`,
  caseTitle: (id, ref, what) => `案件 #${id}${ref ? `（${ref}）` : ''}${what ? `：${what}` : ''}`,
  clocks: { response: '首次回應', update: '下次更新', obligation: '我方回應' },
  statuses: { open: '處理中', waiting: '等待我方' },
  noDeadlines: (id, why) => `案件 #${id}：無法計算其期限（${why}）。`,
  quotaProblem: (contract, quota, why) => `${contract}：${quota}：無法計算用量（${why}）`,
  sep: ' · ',
  dueLine: (label, when) => `${label}：${when}`,
  removed: (id) => `已移除合約 #${id}。`,
  alreadyGone: (id) => `合約 #${id} 早已移除。`,
  intro: 'Entitlebot 了解您的廠商支援合約。輸入 `/support help` 提問，或在討論串中提及我以追蹤廠商案件。',
  addContract: '新增合約',
  remove: '移除',
  removeTitle: '要移除這份合約嗎？',
  removeText: (title, id) => `Entitlebot 將不再記得 ${title}（#${id}）。`,
  keep: '保留',
  noContracts: '尚無合約。請用上方按鈕新增，或輸入 `/support contract add jamf gold zone=Europe/Berlin`。',
  noCases: '沒有處理中的案件。',
  noQuotas: '這些合約沒有配額。',
  noDeadline: '沒有進行中的期限。',
  inChannel: (channel) => `（${channel}）`,
  quotaLine: (name, used, limit, unit, left, ends) =>
    `• ${name}：已使用 ${used}/${limit} ${unit}，*剩餘 ${left}*${ends ? `，期限截止 ${ends}` : ''}`,
  moreNotShown: (n, what) => `…另有 ${n} 個${what}未在此顯示。`,
  lists: { cases: '處理中的案件', yourCases: '您的案件', contracts: '合約', quotaContracts: '有配額的合約' },
  asOf: (when) => `更新時間：${when}`,
  headers: {
    mine: '我的案件',
    contracts: '合約',
    allCases: '所有處理中的案件',
    openCases: '處理中的案件',
    quotas: '配額',
  },
};

export const homeWords = wordTable<HomeWords>(en, zh);
