/** Helpers shared by the answer builders. */
import type { Knowledge } from '../knowledge/load.js';
import type { PlanFile, SourceRef } from '../knowledge/schema.js';
import type { Answer, AnswerTime } from '../model/answer.js';
import { strings } from '../text/i18n.js';
import type { Language } from '../text/normalize.js';
import { isoIn } from '../text/time.js';

/** Anything cited in the knowledge files. */
export interface Cited {
  source: SourceRef;
  certainty: 'stated' | 'inferred';
  reason?: string;
  reasonZh?: string;
}

/** An inferred record's reason in `lang` (the English one where a Chinese one is missing). */
export function reasonIn(record: Pick<Cited, 'reason' | 'reasonZh'>, lang: Language): string | undefined {
  return lang === 'zh' ? (record.reasonZh ?? record.reason) : record.reason;
}

/**
 * Add a record's citation to the answer (once per doc and quote) and return its index. An inferred
 * reading also adds its reason to the notes, in `lang`, so that the answer says what the text leaves open.
 */
export function cite(answer: Answer, record: Cited, lang: Language = 'en'): number {
  const reason = reasonIn(record, lang);
  const { doc, quote, gloss } = record.source;
  // one citation per passage and certainty: a stated and an inferred use of the same quote stay apart
  // (each inferred reading's reason is in the notes)
  let index = answer.citations.findIndex((c) => c.doc === doc && c.quote === quote && c.certainty === record.certainty);
  if (index === -1) {
    index = answer.citations.length;
    answer.citations.push({
      doc,
      quote,
      ...(gloss ? { gloss } : {}),
      certainty: record.certainty,
      ...(reason ? { reason } : {}),
      ...(record.source.workspace ? { yours: true } : {}),
    });
  }
  if (record.certainty === 'inferred' && reason) note(answer, strings(lang).inferred(reason));
  return index;
}

const TOPICS: Record<string, { en: string; zh: string }> = {
  definition: { en: 'Definition', zh: '定義' },
  exclusions: { en: 'Exclusions', zh: '排除項目' },
  languages: { en: 'Languages', zh: '語言' },
  eligibility: { en: 'Eligibility', zh: '資格' },
  feature: { en: 'Feature', zh: '功能' },
  condition: { en: 'Condition', zh: '條件' },
  conditions: { en: 'Conditions', zh: '條件' },
  limit: { en: 'Limit', zh: '限制' },
  aem: { en: 'AEM', zh: 'AEM' },
  availability: { en: 'Availability', zh: '服務時段' },
  'business-review': { en: 'Business review', zh: '業務審查' },
  coaching: { en: 'Coaching', zh: '輔導' },
  comparison: { en: 'Comparison', zh: '方案比較' },
  'customer-obligation': { en: 'Your obligation', zh: '貴用戶的義務' },
  deadline: { en: 'Deadline', zh: '期限' },
  delivery: { en: 'Delivery', zh: '交付' },
  document: { en: 'Document', zh: '文件' },
  expiry: { en: 'Expiry', zh: '到期' },
  fees: { en: 'Fees', zh: '費用' },
  'flex-allowance': { en: 'Flex allowance', zh: '彈性額度' },
  gap: { en: 'Not stated', zh: '未說明' },
  hours: { en: 'Hours', zh: '時段' },
  included: { en: 'Included', zh: '內含' },
  'live-support': { en: 'Live support', zh: '即時支援' },
  monitoring: { en: 'Monitoring', zh: '監控' },
  'multi-country': { en: 'Multi-country', zh: '跨國' },
  onboarding: { en: 'Onboarding', zh: '導入' },
  orderable: { en: 'Orderable', zh: '可訂購' },
  ordering: { en: 'Ordering', zh: '訂購' },
  'phone-support': { en: 'Phone support', zh: '電話支援' },
  'premium-contacts': { en: 'Premium contacts', zh: '進階支援聯絡人' },
  price: { en: 'Price', zh: '價格' },
  process: { en: 'Process', zh: '流程' },
  'professional-services': { en: 'Professional services', zh: '專業服務' },
  rca: { en: 'Root cause analysis', zh: '根本原因分析' },
  region: { en: 'Region', zh: '地區' },
  scope: { en: 'Scope', zh: '範圍' },
  severity: { en: 'Severity', zh: '嚴重性' },
  'success-planning': { en: 'Success planning', zh: '成功規劃' },
  updates: { en: 'Updates', zh: '更新' },
};

/** A fact's topic as a label: "definition" → "Definition" / "定義". */
export function topicLabel(topic: string, lang: Language): string {
  const known = TOPICS[topic];
  if (known) return known[lang];
  // a topic added to the knowledge files without a label here: a neutral Chinese word rather than English
  if (lang === 'zh') return '相關條款';
  const words = topic.replace(/[-_]/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function note(answer: Answer, text: string): void {
  if (!answer.notes.includes(text)) answer.notes.push(text);
}

export function suggest(answer: Answer, text: string): void {
  if (!answer.suggestions.includes(text)) answer.suggestions.push(text);
}

/** An AnswerTime in the contract's zone, and in the asker's zone when it differs. */
export function answerTime(
  label: string,
  at: Date,
  zone: string,
  userZone: string | undefined,
  extra: Partial<AnswerTime> = {},
): AnswerTime {
  const t: AnswerTime = { label, at: isoIn(at, zone), zone, ...extra };
  if (userZone && userZone !== zone) {
    t.userAt = isoIn(at, userZone);
    t.userZone = userZone;
  }
  return t;
}

/** The file of a vendor, or undefined (never throws). */
export function fileOf(knowledge: Knowledge, vendor: string): PlanFile | undefined {
  return knowledge.plans.find((f) => f.vendor === vendor);
}

/** Built once: toLocaleString would build a formatter on every call. */
const NUMBER_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export function fmtNumber(n: number): string {
  return NUMBER_FORMAT.format(n);
}

/** Turns `answer` into a "not understood" reply that says what to type, with examples to try. */
export function asUsage(
  answer: Answer,
  lang: Language,
  summary: { en: string; zh: string },
  examples: string[],
): Answer {
  answer.kind = 'not-understood';
  answer.title = strings(lang).notUnderstoodTitle;
  answer.summary = summary[lang];
  answer.suggestions.push(...examples);
  return answer;
}
