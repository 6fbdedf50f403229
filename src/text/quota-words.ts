/** Words of the quota answers and `quota use` (src/answers/quota.ts), in both languages. */
import type { QuotaRule } from '../knowledge/schema.js';
import { wordTable } from './word-table.js';

export const quotaWords = wordTable(
  {
    /** "3 sessions per calendar quarter" */
    limit: (limit: number, unit: string, window: string) => `${limit} ${unit} ${window}`,
    windows: {
      'calendar-quarter': 'per calendar quarter',
      'calendar-year': 'per calendar year',
      'rolling-12-months': 'per rolling 12 months',
      'contract-term': 'per contract term',
      'per-event': 'per event',
    } as Record<QuotaRule['window'], string>,
    status: (name: string, used: number, left: number, until: string | null) =>
      `${name}: ${used} used, ${left} left (until ${until})`,
    noCarryOver: (name: string) => `${name}: what is left does not carry over.`,
    seeTable: 'See the table.',
    noSuchQuota: 'These contracts have no such quota.',
    rulesNoContract: 'No contract on file, so here are the quota rules; add a contract to track what is used and left.',
    rulesNoneOfThese: "This workspace's contracts have none of these quotas; here are the rules per plan.",
    notFound: (query: string, noContracts: boolean) =>
      `No quota "${query || '(none named)'}" on this workspace's contracts${noContracts ? ' (there are none yet)' : ''}.`,
    several: 'Several quotas match; name one:',
    recordedPerEvent: (count: number, quota: string, on: string, limit: number, unit: string) =>
      `Recorded ${count} × ${quota} on ${on}. Limit: ${limit} ${unit} per event.`,
    recorded: (
      count: number,
      quota: string,
      on: string,
      used: number,
      limit: number,
      left: number,
      until: string | null,
    ) => `Recorded ${count} × ${quota} on ${on}: ${used} of ${limit} used, ${left} left until ${until}.`,
    over: (by: number) => `This is ${by} over the limit: check with the vendor before booking more.`,
  },
  {
    limit: (limit, unit, window) => `${window} ${limit} ${unit}`,
    windows: {
      'calendar-quarter': '每個日曆季度',
      'calendar-year': '每個日曆年',
      'rolling-12-months': '每滾動 12 個月',
      'contract-term': '合約期間',
      'per-event': '每次活動',
    },
    status: (name, used, left, until) => `${name}：已用 ${used}，剩 ${left}（至 ${until}）`,
    noCarryOver: (name) => `${name}：未用完的次數不會延續。`,
    seeTable: '見下表。',
    noSuchQuota: '這些合約中沒有此配額。',
    rulesNoContract: '本工作區尚無合約；以下是各方案的配額規定。新增合約後即可追蹤使用量。',
    rulesNoneOfThese: '本工作區的合約沒有這些配額；以下是各方案的規定。',
    notFound: (query, noContracts) =>
      `找不到「${query || '（未指定）'}」這項配額${noContracts ? '：本工作區尚無合約' : ''}。`,
    several: '有多項配額符合，請指定一項：',
    recordedPerEvent: (count, quota, on, limit, unit) =>
      `已記錄 ${count} 次 ${quota}（${on}）。上限：每次活動 ${limit} ${unit}。`,
    recorded: (count, quota, on, used, limit, left, until) =>
      `已記錄 ${count} 次 ${quota}（${on}）：已用 ${used}／${limit}，剩 ${left}，期限至 ${until}。`,
    over: (by) => `已超出上限 ${by}。`,
  },
);
