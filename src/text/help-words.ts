/** Words of `help`, "not understood" and the error answer (src/answers/help.ts), in both languages. */
import { wordTable } from './word-table.js';

export const helpWords = wordTable(
  {
    intro:
      'I answer what your Microsoft Unified, Jamf and Autodesk support contracts entitle you to (response targets, update cadences, fees, quotas) with the contract’s own words, and compute deadlines in business time. Ask in English or Chinese, e.g. "gold p1 response time?".',
    columns: ['Command', 'Answers', 'Example'],
    addons: (addons: string[]) => ` (add-ons: ${addons.join(', ')})`,
    plans: (plans: string[]) => `Plans: ${plans.join('; ')}`,
    public: 'End a command with `public` to reply in the channel.',
    examples: ['sla p1 gold', 'due sev1 unified', 'what is flex allowance', '白金級 P1 多快回應'],
    notACommand: (typed: string, first: string) => `"${typed}" is not a command. Did you mean \`${first}\`?`,
    cannotPlace: "I couldn't place that. Try one of these, or `help`.",
    couldNotAnswer: (message: string) => `I couldn't answer that: ${message}`,
  },
  {
    intro:
      '我會依 Microsoft Unified、Jamf 與 Autodesk 的支援合約原文，回答回應時間、更新頻率、費用與配額，並以營業時間計算期限。也可以直接用中文或英文提問，例如「白金級 P1 多快回應」。',
    columns: ['指令', '回答', '範例'],
    addons: (addons) => `（附加：${addons.join('、')}）`,
    plans: (plans) => `方案：${plans.join('；')}`,
    public: '在指令最後加上 `public` 可讓回覆公開。',
    examples: ['sla p1 gold', 'due sev1 unified', '什麼是彈性額度', '白金級 P1 多快回應'],
    notACommand: (typed, first) => `「${typed}」不是指令。您是要輸入 \`${first}\` 嗎？`,
    cannotPlace: '我看不懂這句話。試試下列指令，或輸入 `help`。',
    couldNotAnswer: (message) => `無法回答：${message}`,
  },
);
