/**
 * A second held-out part of the answer quality set, written on 2 December 2026 (issue 10, second round)
 * before any tuning of that round, and evaluated once, at its end (two questions that turned out to repeat
 * development questions word for word were then dropped; both had been answered right). Same kinds as the rest of the set
 * (figures, yes/no, counts, comparisons, fee computations, negation-free paraphrases, questions the
 * contracts do not answer), new wordings and mostly facts the other parts do not ask about. Labelled from
 * the knowledge files and the source documents (see types.ts for the label format).
 */
import type { QualityQuestion } from './types.js';

const NC = 'not-covered' as const;

export const HELD_OUT_2: QualityQuestion[] = [
  // ── English ──────────────────────────────────────────────────────────────────────────────
  {
    q: 'how many people can join an autodesk coaching session?',
    expect: ['autodesk-coaching-max-25-people'],
    says: ['25'],
  },
  { q: 'when will the AED monitors be ready for testing?', expect: ['aed-monitors-ready'], says: ['30'] },
  {
    q: 'deadline for submitting proactive service requests before the work order ends',
    expect: ['unified-proactive-request-deadline'],
    says: ['60'],
  },
  {
    q: "what happens to flex allowance we don't allocate at signing?",
    expect: ['flex-allowance-allocate-at-signing'],
  },
  { q: 'Does AED require a Rapid Response contract?', expect: ['aed-prerequisites'], says: ['yes'] },
  { q: 'Is AEM available for government clouds?', expect: ['aem-public-cloud-only'], says: ['no'] },
  { q: 'jamf gold P3 response time', expect: ['jamf-gold-p3-response'], says: ['3 h'] },
  { q: 'how long for silver to respond to a priority 4 ticket', expect: ['jamf-silver-p4-response'], says: ['12 h'] },
  { q: 'Platinum price for commercial customers?', expect: ['price.jamf.platinum.commercial'], says: ['60,000'] },
  {
    q: 'how many executive business reviews a year on the autodesk enterprise plan',
    expect: ['autodesk-executive-business-review|autodesk-compare-ebr'],
    says: ['1|once'],
  },
  {
    q: 'with a sev B ticket, how quickly must our change-control person respond?',
    expect: ['unified-sev-b-customer-access'],
    says: ['4'],
  },
  { q: 'do platinum customers get a root cause analysis for P1s?', expect: ['jamf-rca-p1'], says: ['yes'] },
  { q: 'what counts as a calendar quarter for autodesk coaching?', expect: ['autodesk-calendar-quarter'] },
  { q: 'what phone support model does jamf gold have', expect: ['jamf-phone-model-gold'], says: ['priority'] },
  {
    q: 'platinum vs gold P2 response',
    expect: ['jamf-platinum-p2-response', 'jamf-gold-p2-response'],
    says: ['2 h', '3 h'],
  },
  {
    q: 'we cancel a 20k workshop 4 days before it starts, how much do we pay?',
    expect: ['fee.microsoft.cancellation'],
    says: ['20,000'],
  },
  { q: 'What languages does AED support?', expect: ['aed-languages'] },
  { q: 'UER onboarding: how many days do we have to take part?', expect: ['uer-onboarding'], says: ['60'] },
  { q: 'is there a loyalty discount if we renew jamf platinum?', expect: NC },
  { q: 'what compensation does autodesk pay if the service is down for a day?', expect: NC },
  { q: 'how do I configure conditional access in Entra ID?', expect: NC },

  // ── Traditional Chinese ──────────────────────────────────────────────────────────────────
  { q: 'Autodesk 輔導課程一次最多幾個人參加？', expect: ['autodesk-coaching-max-25-people'], says: ['25'] },
  { q: '申請輔導後多久會安排？', expect: ['autodesk-coaching-within-6-weeks'], says: ['6'] },
  { q: 'AED 監視器什麼時候可以開始測試？', expect: ['aed-monitors-ready'], says: ['30'] },
  { q: '白金級教育用戶的費用是多少？', expect: ['price.jamf.platinum.education'], says: ['50,000'] },
  { q: '銀級有幾位進階支援聯絡人？', expect: ['jamf-premium-contacts-silver'], says: ['2'] },
  { q: '金級 P3 要多久回應？', expect: ['jamf-gold-p3-response'], says: ['3 小時'] },
  { q: '微軟嚴重性 C 我們要多快回覆？', expect: ['unified-sev-c-customer'], says: ['24'] },
  { q: '彈性額度沒有在簽約時分配會怎樣？', expect: ['flex-allowance-allocate-at-signing'] },
  { q: '提前 3 天取消已排定的服務要付多少比例？', expect: ['fee.microsoft.cancellation'], says: ['100'] },
  { q: '微軟會因為服務中斷給予服務抵用金嗎？', expect: NC },

  // ── Simplified Chinese ───────────────────────────────────────────────────────────────────
  { q: '白金级包含多少专业服务小时？', expect: ['jamf-professional-services-hours-platinum'], says: ['24'] },
  { q: '银级 P4 多久回应？', expect: ['jamf-silver-p4-response'], says: ['12 小時'] },
  { q: 'AED 一年可以要求几份服务改善计划？', expect: ['aed-sips|aed-service-improvement-plans'], says: ['2'] },
  { q: 'AED 最多可以设定几个监控情境？', expect: ['aed-monitoring-scenarios|aed-platform-monitoring'], says: ['7'] },
  { q: '欧特克的 CSM 是专属的吗？', expect: ['autodesk-csm-designated-not-dedicated'], says: ['否|不'] },
  {
    q: '执行业务审查一年几次？',
    expect: ['autodesk-executive-business-review|autodesk-compare-ebr'],
    says: ['1|一'],
  },
  {
    q: '金级跟银级的 P1 更新频率一样吗？',
    expect: ['jamf-gold-p1-update', 'jamf-silver-p1-update'],
    says: ['4 小時'],
  },
  { q: '主动式服务要在工单到期前多少天提出？', expect: ['unified-proactive-request-deadline'], says: ['60'] },
  { q: '迅速回应支持中文吗？', expect: ['rapid-response-languages'], says: ['否|不'] },
  { q: '微软统一支援一年的价格是多少？', expect: NC },
  { q: '签约五年能打几折？', expect: NC },
  { q: 'Autodesk 停机一天会补偿多少？', expect: NC },
];
