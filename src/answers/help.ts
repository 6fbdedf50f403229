/** `help` (or nothing), and the reply to input that cannot be placed: never a stack trace. */
import type { Knowledge } from '../knowledge/load.js';
import { type Answer, emptyAnswer } from '../model/answer.js';
import { helpWords } from '../text/help-words.js';
import { strings } from '../text/i18n.js';
import type { Language } from '../text/normalize.js';
import type { Command } from './command.js';
import { COMMAND_EXAMPLES } from './parse/words.js';

const GRAMMAR: { usage: string; usageZh: string; en: string; zh: string; example: string; exampleZh?: string }[] = [
  {
    usage: 'sla <severity> [<plan>]',
    usageZh: 'sla <嚴重性> [<方案>]',
    en: 'response target, coverage, update cadence, your obligations, with the quote',
    zh: '回應目標、服務時段、更新頻率、貴用戶的義務，附原文',
    example: 'sla p1 gold',
  },
  {
    usage: 'due <severity> [<plan>] [at <time>]',
    usageZh: 'due <嚴重性> [<方案>] [at <時間>]',
    en: 'when the first response and update would be due',
    zh: '首次回應與更新的期限',
    example: 'due sev1 unified at 2026-12-04 16:00',
  },
  {
    usage: 'term <words> | what is <words>',
    usageZh: 'term <詞語>｜什麼是 <詞語>',
    en: 'glossary and clause search',
    zh: '名詞與條款搜尋',
    example: 'what is a CSM',
    exampleZh: '什麼是 CSM',
  },
  {
    usage: 'fee cancel <service date> notice <date> [amount <n>]',
    usageZh: 'fee cancel <服務日期> notice <通知日期> [amount <金額>]',
    en: 'the cancellation fee',
    zh: '取消費用',
    example: 'fee cancel 2026-12-20 notice 2026-12-07',
  },
  {
    usage: 'fee flex <allowance>',
    usageZh: 'fee flex <彈性額度>',
    en: 'the cap on proactive credits',
    zh: '主動式服務抵用上限',
    example: 'fee flex 250000',
  },
  {
    usage: 'price [<plan>] [commercial|education]',
    usageZh: 'price [<方案>] [commercial|education]',
    en: 'list prices',
    zh: '定價',
    example: 'price gold education',
  },
  {
    usage: 'quota [<entitlement>] | quota use <entitlement> [<n>]',
    usageZh: 'quota [<權益>]｜quota use <權益> [<次數>]',
    en: 'used, left, when the window ends; record a use',
    zh: '已用、剩餘、期限；記錄使用',
    example: 'quota coaching',
  },
  {
    usage: 'contract | contract add <vendor> <plan> [key=value …] | contract remove <id>',
    usageZh: 'contract｜contract add <廠商> <方案> [鍵=值 …]｜contract remove <編號>',
    en: "the workspace's contracts",
    zh: '本工作區的合約',
    example: 'contract add jamf gold zone=Europe/Berlin holidays=DE',
  },
  {
    usage: 'case …',
    usageZh: 'case …',
    en: 'track a vendor case in a thread',
    zh: '在討論串中追蹤廠商案件',
    example: 'case open p1',
  },
];

export function helpAnswer(lang: Language, knowledge?: Pick<Knowledge, 'plans'>): Answer {
  const s = strings(lang);
  const w = helpWords(lang);
  const answer = emptyAnswer('help', s.helpTitle, w.intro);
  answer.tables.push({
    columns: [...w.columns],
    rows: GRAMMAR.map((g) =>
      lang === 'zh' ? [g.usageZh, g.zh, g.exampleZh ?? g.example] : [g.usage, g.en, g.example],
    ),
    // the short reply lists the commands; the examples are one button away
    brief: 2,
  });
  if (knowledge) {
    // the plans as the knowledge files name them, so a new plan file shows up here too
    const plans = knowledge.plans.map((f) => {
      const bases = f.plans.filter((p) => p.kind === 'base').map((p) => p.id);
      const addons = f.plans.filter((p) => p.kind === 'addon').map((p) => p.id);
      const extra = addons.length > 0 ? w.addons(addons) : '';
      return `${f.vendor} ${bases.join('|')}${extra}`;
    });
    answer.notes.push(w.plans(plans));
  }
  answer.notes.push(w.public);
  answer.suggestions.push(...w.examples);
  return answer;
}

export function notUnderstoodAnswer(cmd: Extract<Command, { kind: 'not-understood' }>, lang: Language): Answer {
  const s = strings(lang);
  const w = helpWords(lang);
  const first = cmd.suggestions[0];
  const answer = emptyAnswer(
    'not-understood',
    s.notUnderstoodTitle,
    first ? w.notACommand(cmd.word ?? cmd.text, first) : w.cannotPlace,
  );
  answer.suggestions.push(...cmd.suggestions);
  if (answer.suggestions.length === 0) answer.suggestions.push(...COMMAND_EXAMPLES.slice(1, 5).map((c) => c.example));
  if (!answer.suggestions.includes('help')) answer.suggestions.push('help');
  return answer;
}

/** Any exception inside a builder becomes this answer: what went wrong, and what to try. */
export function errorAnswer(err: unknown, lang: Language): Answer {
  const s = strings(lang);
  const message = err instanceof Error ? err.message : String(err);
  const answer = emptyAnswer('error', s.errorTitle, helpWords(lang).couldNotAnswer(message));
  answer.suggestions.push('help');
  return answer;
}
