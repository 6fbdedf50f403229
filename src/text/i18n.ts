/**
 * Titles, labels and phrases the answers and both renderers use, in English and Traditional Chinese
 * (Simplified is converted from it for display: src/text/script.ts). Quotes are never translated: they are
 * the Chinese source text, shown with their English gloss.
 */
import type { Language } from './normalize.js';

type Phrase = string | ((...args: never[]) => string);

const en = {
  firstResponse: 'First response',
  update: 'Updates',
  coverage: 'Coverage',
  yourDuty: 'Your obligation',
  means: 'Definition',
  plan: 'Plan',
  severity: 'Severity',
  contract: 'Contract',
  zone: 'Zone',
  holidays: 'Holidays',
  hours: 'Business hours',
  region: 'Region',
  dates: 'Term',
  addons: 'Add-ons',
  customerType: 'Customer',
  azure: 'Azure',
  other: 'other products',
  none: 'none',
  notStated: 'not stated',
  everySpan: (span: string) => `every ${span}`,
  daily: 'once each working day',
  onChange: 'when the status changes',
  minutes: (n: number) => `${n} min`,
  hoursN: (n: number) => `${n} h`,
  businessDays: (n: number) => (n === 1 ? '1 business day' : `${n} business days`),
  on: (cal: string) => `, ${cal}`,
  slaTitle: (plan: string, sev: string) => `${plan} · ${sev}`,
  slaTableTitle: (sev: string) => `Targets for ${sev}`,
  slaAllTitle: 'Support targets',
  dueTitle: (plan: string, sev: string) => `When ${[plan, sev].filter(Boolean).join(' ')} falls due`,
  dueResponse: 'First response due',
  dueUpdate: 'First update due',
  dueDuty: 'Your obligation due',
  opened: 'Opened',
  feeCancelTitle: 'Cancellation fee',
  feeFlexTitle: 'Flex allowance: cap on proactive credits',
  priceTitle: 'List prices',
  quotaTitle: 'Quotas',
  contractsTitle: 'Contracts',
  helpTitle: 'Entitlebot: what your support contracts entitle you to',
  notUnderstoodTitle: "I didn't understand that",
  errorTitle: 'Something went wrong',
  outsideHorizonTitle: 'That date is too far away',
  outsideHorizon: (date: string, from: string, to: string, years: number) =>
    `${date} is more than ${years} years from now. Entitlebot works with dates from ${from} to ${to}: give a date in that range (YYYY-MM-DD).`,
  tooLongTitle: 'That message is too long',
  tooLong: (length: number, max: number) =>
    `That is ${length.toLocaleString('en-US')} characters; Entitlebot reads at most ${max.toLocaleString('en-US')}. Ask one question at a time, e.g. \`sla p1 gold\` or "what is a CSM?".`,
  notCoveredTitle: 'Not in these contracts',
  termTitle: (q: string) => `“${q}”`,
  mappedLevel: (typed: string, name: string, vendor: string, level: string) =>
    `“${typed}” read as ${vendor} ${name} (both are the ${level} level).`,
  commercial: 'commercial',
  education: 'education',
  tier: 'Tier',
  price: 'Price',
  period: 'Period',
  used: 'Used',
  left: 'Left',
  limit: 'Limit',
  windowEnds: 'Window ends',
  zonePending:
    "Times are in the contract's zone: Slack had not told us your time zone in time. It will show your own zone from your next question.",
  // renderers
  try: 'Try',
  note: 'Note',
  why: 'Why',
  buttons: 'Buttons in Slack',
  leftOut: (n: number) => `…and ${n} more part${n === 1 ? '' : 's'} left out; ask a narrower question to see them.`,
  inZone: (zone: string) => ` (${zone})`,
  yourTime: (zone: string) => ` your time (${zone})`,
  colon: ': ',
  citationHow: (doc: string, certainty: 'stated' | 'inferred', reason?: string) =>
    `${doc} (${certainty === 'inferred' ? `inferred${reason ? `: ${reason}` : ''}` : 'stated'})`,
  inferred: (reason: string) => `Inferred: ${reason}`,
  perYourContract: 'per your contract, ',
  perYourContractNote: (docs: string[]) =>
    `Per your contract (${docs.join(', ')}): the terms marked so are quoted from the contract your workspace imported.`,
  wallGap: (wall: string, zone: string, taken: string) =>
    `${wall} does not exist in ${zone}: the clocks jumped forward over it. Taken as ${taken}, the same time after the change.`,
  wallOverlap: (wall: string, zone: string, taken: string, other: string) =>
    `${wall} happens twice in ${zone}: the clocks went back. Taken as the first, ${taken}; for the second, write ${other}.`,
  yes: 'Yes',
  no: 'No',
  contractsSay: 'The contracts say',
  notSaid: (what: string) => `That is not in these contracts: they say nothing about ${what}.`,
  notSaidAnything: 'That is not in these contracts (Microsoft Unified, Jamf, Autodesk).',
  /** a yes/no about items of a list: the items asked that it does not hold */
  notAmong: (items: string) => `${items} is not among those listed`,
  notListed: 'Not listed',
  possibly: 'Possibly',
  onRequestOnly: (items: string) => `${items} only on request or subject to availability`,
  isExcluded: (items: string) => `${items} is excluded`,
  notAmongExclusions: (items: string) => `${items} is not among the exclusions listed`,
  /** a value of one kind the contracts state for none of the things named */
  notStatedValue: (kind: 'price' | 'count' | 'time', thing: string) =>
    `The contracts do not say: they state no ${{ price: 'price', count: 'number', time: 'length of time' }[kind]} for ${thing}.`,
  closest: 'Closest they do say',
  statement: 'Statement',
  appliesTo: 'Applies to',
  compareTitle: 'Comparison',
  sameFigure: 'the same figure on every side',
  faster: (name: string) => `${name} is faster.`,
  differentCalendars: 'The clocks differ: one runs around the clock, the other only in business hours.',
  assumed: (what: string) => `Assumed: ${what}.`,
  /** between items of a list: "a; b" / 「a；b」 */
  semicolon: '; ',
  /** between names: "a, b" / 「a、b」 */
  comma: ', ',
  /** between a figure and the statement it comes from: "4 h — Severity C: …" / 「4 小時：…」 */
  dash: ' — ',
  /** between yes or no and the statement it rests on */
  afterYesNo: ' — ',
  /** ends a sentence that another follows */
  fullStop: '. ',
  /** between sentences */
  space: ' ',
  quoted: (words: string) => `“${words}”`,
  notCoveredExamples: ['help', 'sla p1 gold', 'what is a CSM'],
};

const zh: { [K in keyof typeof en]: (typeof en)[K] } = {
  firstResponse: '首次回應',
  update: '更新頻率',
  coverage: '服務時段',
  yourDuty: '貴用戶的義務',
  means: '定義',
  plan: '方案',
  severity: '嚴重性',
  contract: '合約',
  zone: '時區',
  holidays: '國定假日',
  hours: '上班時間',
  region: '地區',
  dates: '期間',
  addons: '附加服務',
  customerType: '客戶類型',
  azure: 'Azure',
  other: '其他產品',
  none: '無',
  notStated: '未說明',
  everySpan: (span: string) => `每 ${span}`,
  daily: '每個工作日一次',
  onChange: '狀態變更時',
  minutes: (n: number) => `${n} 分鐘`,
  hoursN: (n: number) => `${n} 小時`,
  businessDays: (n: number) => `${n} 個營業日`,
  on: (cal: string) => `（${cal}）`,
  slaTitle: (plan: string, sev: string) => `${plan} · ${sev}`,
  slaTableTitle: (sev: string) => `${sev} 的服務目標`,
  slaAllTitle: '支援服務目標',
  dueTitle: (plan: string, sev: string) => `${[plan, sev].filter(Boolean).join(' ')} 的期限`,
  dueResponse: '首次回應期限',
  dueUpdate: '首次更新期限',
  dueDuty: '貴用戶的義務期限',
  opened: '開單時間',
  feeCancelTitle: '取消費用',
  feeFlexTitle: '彈性額度：主動式服務抵用上限',
  priceTitle: '定價',
  quotaTitle: '配額',
  contractsTitle: '合約',
  helpTitle: 'Entitlebot：您的支援合約提供哪些權益',
  notUnderstoodTitle: '我不太明白',
  errorTitle: '發生錯誤',
  outsideHorizonTitle: '日期太遠',
  outsideHorizon: (date: string, from: string, to: string, years: number) =>
    `${date} 距今超過 ${years} 年。Entitlebot 處理 ${from} 至 ${to} 之間的日期：請給此範圍內的日期（YYYY-MM-DD）。`,
  tooLongTitle: '訊息太長',
  tooLong: (length: number, max: number) =>
    `這則訊息有 ${length.toLocaleString('en-US')} 個字元；Entitlebot 最多讀取 ${max.toLocaleString('en-US')} 個。請一次問一個問題，例如 \`sla p1 gold\` 或「什麼是彈性額度？」。`,
  notCoveredTitle: '這些合約未涵蓋',
  termTitle: (q: string) => `「${q}」`,
  mappedLevel: (typed: string, name: string, vendor: string, level: string) =>
    `「${typed}」視為 ${vendor} ${name}（同屬${ZH_LEVELS[level] ?? level}等級）。`,
  commercial: '商業用戶',
  education: '教育用戶',
  tier: '層級',
  price: '價格',
  period: '期間',
  used: '已使用',
  left: '剩餘',
  limit: '上限',
  windowEnds: '期限截止',
  zonePending: '時間以合約的時區顯示：Slack 尚未及時提供您的時區，下次提問起會以您的時區顯示。',
  try: '試試',
  note: '註',
  why: '原因',
  buttons: 'Slack 中的按鈕',
  leftOut: (n: number) => `…另有 ${n} 個部分未顯示；請問得更具體一些即可看到。`,
  inZone: (zone: string) => `（${zone}）`,
  yourTime: (zone: string) => ` 您的時間（${zone}）`,
  colon: '：',
  citationHow: (doc: string, certainty: 'stated' | 'inferred', reason?: string) =>
    `${doc}（${certainty === 'inferred' ? `推論${reason ? `：${reason}` : ''}` : '原文明載'}）`,
  inferred: (reason: string) => `推論：${reason}`,
  perYourContract: '依貴方合約，',
  perYourContractNote: (docs: string[]) => `依貴方合約（${docs.join('、')}）：標示的條款引自貴方匯入的合約文件。`,
  wallGap: (wall: string, zone: string, taken: string) =>
    `${zone} 沒有 ${wall} 這個時間：時鐘在此撥快（日光節約時間開始）。以調整後的同一時刻 ${taken} 計算。`,
  wallOverlap: (wall: string, zone: string, taken: string, other: string) =>
    `${zone} 的 ${wall} 出現兩次：時鐘在此撥慢（日光節約時間結束）。以第一次 ${taken} 計算；若指第二次，請輸入 ${other}。`,
  yes: '是',
  no: '否',
  contractsSay: '合約內容',
  notSaid: (what: string) => `這些合約沒有提到${what}，不在合約範圍內。`,
  notSaidAnything: '這不在這些合約（Microsoft Unified、Jamf、Autodesk）的範圍內。',
  notAmong: (items: string) => `${latinGap(items)}不在所列之中`,
  notListed: '未列出',
  possibly: '視情況而定',
  onRequestOnly: (items: string) => `${latinGap(items)}僅應要求或視可用性提供`,
  isExcluded: (items: string) => `${latinGap(items)}不在涵蓋範圍內`,
  notAmongExclusions: (items: string) => `${latinGap(items)}不在所列的排除項目中`,
  notStatedValue: (kind: 'price' | 'count' | 'time', thing: string) =>
    `合約沒有說明：合約未載明 ${thing} 的${{ price: '價格', count: '數量', time: '時間長度' }[kind]}。`,
  closest: '合約中最接近的內容',
  statement: '內容',
  appliesTo: '適用於',
  compareTitle: '比較',
  sameFigure: '各方數字相同',
  faster: (name: string) => `${name} 較快。`,
  differentCalendars: '計時方式不同：一方全天候計時，另一方只計上班時間。',
  assumed: (what: string) => `假設：${what}`,
  semicolon: '；',
  comma: '、',
  dash: '：',
  afterYesNo: '。',
  fullStop: '。',
  space: '',
  quoted: (words: string) => `「${words}」`,
  notCoveredExamples: ['說明', '金級 P1 多快回應', '什麼是彈性額度'],
};

const dictionaries = { en, zh };

/** A Latin name before Chinese words gets a space after it (「GitHub AE 不在…」). */
function latinGap(words: string): string {
  return /[A-Za-z0-9]$/.test(words) ? `${words} ` : words;
}

/** The cross-vendor severity levels (knowledge Level) in Chinese. */
const ZH_LEVELS: Record<string, string> = { critical: '最高', high: '高', medium: '中', low: '低' };

/** A target's milestone (knowledge `milestone`) as a label; unknown ones in words from their id. */
export function milestoneLabel(milestone: string, lang: Language): string {
  const known: Record<string, { en: string; zh: string }> = {
    'critical-situation-resource': { en: 'critical situation resource', zh: '重大情況資源' },
  };
  return known[milestone]?.[lang] ?? (lang === 'zh' ? '里程碑' : milestone.replace(/-/g, ' '));
}
export type Strings = typeof en;

/** The phrase table for a language. */
export function strings(lang: Language): Strings {
  return dictionaries[lang];
}

export type { Phrase };
