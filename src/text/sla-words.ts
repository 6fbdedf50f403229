/** Words of the `sla` answer (src/answers/sla.ts), in both languages. */
import { wordTable } from './word-table.js';

export const slaWords = wordTable(
  {
    severityFree: (vendor: string) => `${vendor}'s targets do not depend on the severity.`,
    addonApplies: (addon: string, by: string, replaced: string) => `${addon} applies: ${by} (instead of: ${replaced})`,
    withAddon: (addon: string, what: string) => `With ${addon}: ${what}`,
    bothScopes:
      'Azure components and other products have different targets; both are shown (add `azure` or `other` to see one).',
    severityMeans: (means: string, severity: string) => `${means}: ${severity}`,
    noMatch: (what: string) =>
      `No support targets match "${what}". Name a severity and a plan, e.g. \`sla p1 gold\` or \`sla sev1 unified\`.`,
    unknownSeverity: (typed: string, known: string) =>
      `"${typed}" is not a severity these plans know (${known}), so all are shown.`,
    fromContracts: (ids: number[]) => `From this workspace's contracts (#${ids.join(', #')}).`,
    fromCatalog:
      "No contract on file for this workspace, so the plans' own terms are shown; add yours with `contract add <vendor> <plan>`.",
    combinations: (n: number) =>
      `${n} plan and severity combinations match; the table shows response, updates, coverage and your obligations.`,
  },
  {
    severityFree: (vendor) => `${vendor} 的服務目標不因嚴重性而不同。`,
    addonApplies: (addon, by, replaced) => `適用 ${addon}：${by}（取代：${replaced}）`,
    withAddon: (addon, what) => `若有 ${addon}：${what}`,
    bothScopes: 'Azure 元件與其他產品的目標不同，兩者皆列出；加上 `azure` 或 `other` 只看其一。',
    severityMeans: (means, severity) => `${means}（${severity}）`,
    noMatch: (what) =>
      `找不到「${what}」的服務目標。請指定嚴重性與方案，例如 \`sla p1 gold\` 或 \`sla sev1 unified\`。`,
    unknownSeverity: (typed, known) => `「${typed}」不是已知的嚴重性（${known}），因此列出全部。`,
    fromContracts: (ids) => `依據本工作區的合約（#${ids.join('、#')}）。`,
    fromCatalog: '本工作區尚無合約，因此依方案本身的條款回答；以 `contract add <廠商> <方案>` 新增您的合約。',
    combinations: (n) => `${n} 個方案／嚴重性組合符合；下表列出回應、更新、服務時段與貴用戶的義務。`,
  },
);
