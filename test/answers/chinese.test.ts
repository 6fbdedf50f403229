/**
 * Chinese questions get Chinese answers: every answer kind, rendered as the console and Slack show it, in
 * Traditional and in Simplified script, has no English words outside quotes, codes (commands, ids, zones,
 * file names) and proper names; a Simplified answer has no Traditional characters in its own words.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMAND_EXAMPLES, SUB } from '../../src/answers/parse/words.js';
import { renderAnswer } from '../../src/console/render.js';
import { handleText } from '../../src/conversation/handle.js';
import type { ConversationContext, ConversationDeps } from '../../src/conversation/types.js';
import type { Answer } from '../../src/model/answer.js';
import { answerBlocks } from '../../src/slack/blocks/answer.js';
import { openStore, type Store } from '../../src/store/index.js';
import { toSimplified } from '../../src/text/script.js';
import { knowledge, search } from '../support/answers.js';

/** Removes 「…」 spans, nested ones included: quotes from the documents and the asker's own words. */
function withoutQuotes(text: string): string {
  let depth = 0;
  let out = '';
  for (const ch of text) {
    if (ch === '「' || ch === '『') depth++;
    else if ((ch === '」' || ch === '』') && depth > 0) depth--;
    else if (depth === 0) out += ch;
  }
  return out;
}

/** The answer's own words as rendered: without quote lines, code spans, suggestions and document names. */
function ownWords(rendered: string): string {
  return withoutQuotes(
    rendered
      .split('\n')
      // citation lines: "[1] 「quote」" and "— doc.txt（…）" keep their reason, which is ours
      .filter((line) => !/^\s*\[\d+\]\s*「/.test(line) && !/^(試試|试试)：/.test(line))
      .join('\n'),
  )
    .replace(/`[^`]*`/g, ' ')
    .replace(/<!date\^\d+\^[^|>]*\|([^>]*)>/g, '$1') // Slack date tokens: the reader sees the date, or the fallback
    .replace(/&(lt|gt|amp);/g, ' ') // mrkdwn escapes of < > &
    .replace(/:[a-z0-9_]+:/g, ' ') // Slack emoji codes
    .replace(/[\w.-]+\.zh-TW\.txt/g, ' ')
    .replace(/\b[A-Z][a-z]+\/[A-Za-z_/+-]+\b/g, ' ') // IANA zones
    .replace(/\b[a-z]+=\S+/g, ' '); // contract keys typed as key=value
}

/** Latin words a Chinese text may keep: proper names and codes the knowledge files keep in their Chinese text. */
function allowedWords(): Set<string> {
  const words = new Set<string>();
  const add = (text: string | undefined) => {
    for (const w of (text ?? '').match(/[A-Za-z][A-Za-z0-9+]*/g) ?? []) words.add(w.toLowerCase());
  };
  const walk = (value: unknown, key = ''): void => {
    if (typeof value === 'string') {
      if (key === 'zh' || key === 'reasonZh' || key === 'unitZh' || key === 'id' || key === 'vendor') add(value);
    } else if (Array.isArray(value)) {
      for (const v of value) walk(v, key === 'aliases' ? 'zh' : key);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, k);
    }
  };
  walk(knowledge.plans);
  // the app's command words and codes, shown in the help and the suggestions
  for (const c of COMMAND_EXAMPLES) add(c.example);
  for (const list of Object.values(SUB)) for (const w of list) add(w);
  for (const w of ['Entitlebot', 'Slack', 'public', 'at', 'commercial', 'education', 'apac', 'emea', 'americas'])
    add(w);
  return words;
}

const ALLOWED = allowedWords();

function strayEnglish(text: string): string[] {
  const found = new Set<string>();
  for (const w of ownWords(text).match(/[A-Za-z][A-Za-z0-9+]*/g) ?? []) {
    // codes in capitals (USD, GMT, TW, P1, CSM) and single letters (severity A) are not English words
    if (/^[A-Z0-9+]+$/.test(w) || w.length === 1) continue;
    if (!ALLOWED.has(w.toLowerCase())) found.add(w);
  }
  return [...found];
}

/** Every text of a Slack message's blocks, in order. */
function blockText(answer: Answer): string {
  const texts: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.text === 'string' && o.type !== 'button') texts.push(o.text);
      for (const [k, x] of Object.entries(o)) if (k !== 'action_id' && k !== 'value') walk(x);
    }
  };
  walk(answerBlocks(answer, { actions: false }));
  // Slack's mrkdwn: quotes are "> 「…」" lines, suggestions a "試試：`…`" context
  return texts.join('\n').replace(/^>/gm, '');
}

let store: Store;
let deps: ConversationDeps;
const NOW = new Date('2026-12-02T10:00:00Z');

function ctx(over: Partial<ConversationContext> = {}): ConversationContext {
  return {
    workspaceId: 'T1',
    channelId: 'C1',
    userId: 'U1',
    userZone: 'America/New_York',
    now: NOW,
    via: 'console',
    ...over,
  };
}

beforeEach(async () => {
  store = await openStore(':memory:', { now: () => NOW.getTime() });
  deps = { store, knowledge, search: search(), clock: { now: () => NOW } };
});
afterEach(async () => await store.close());

/** Questions that between them give every answer kind, each asked in Traditional; Simplified is derived. */
const QUESTIONS: { q: string; kind: Answer['kind']; thread?: string }[] = [
  { q: '說明', kind: 'help' },
  { q: '合約', kind: 'contract' },
  { q: '合約 新增 jamf 金級', kind: 'contract' },
  { q: '合約 新增 autodesk enterprise', kind: 'contract' },
  { q: '合約 新增 microsoft unified 時區=Asia/Taipei 假日=TW flex=250000', kind: 'contract' },
  { q: '合約', kind: 'contract' },
  { q: '白金級 P1 多快回應', kind: 'sla' },
  { q: '服務等級 嚴重性 A 統一', kind: 'sla' },
  { q: '服務等級 金級 p9', kind: 'sla' },
  { q: '期限 P1 金級 明天 9:00', kind: 'due' },
  { q: '期限 嚴重性 B 統一 2026-12-24 16:00', kind: 'due' },
  { q: '期限 企業成功計畫 2026-12-24 16:00', kind: 'due' },
  { q: '什麼是 CSM', kind: 'term' },
  { q: '什麼是彈性額度', kind: 'term' },
  { q: '量子電腦的保固', kind: 'not-covered' },
  { q: '取消費用 2026-12-20 通知 2026-12-07 金額 12000', kind: 'fee' },
  { q: '彈性額度 250000', kind: 'fee' },
  { q: '價格 金級', kind: 'price' },
  { q: '配額', kind: 'quota' },
  { q: '配額 使用 產品輔導 1', kind: 'quota' },
  { q: '取消費用', kind: 'not-understood' },
  { q: '期限 P1 金級 25:99', kind: 'due' },
  { q: '取消費用 2026-02-30 通知 2026-02-01', kind: 'not-understood' },
  { q: '合約 移除 99', kind: 'error' },
  { q: '合約 移除', kind: 'not-understood' },
  { q: '合約 新增 jamf 金級 時區=火星/基地', kind: 'error' },
  { q: '案件 已回應', kind: 'error', thread: '200.2' },
  { q: '案件 開啟 p9 contract=1', kind: 'error', thread: '300.3' },
  { q: '案件 亂打', kind: 'error', thread: '100.1' },
  { q: '案件 開啟 p1', kind: 'case', thread: '100.1' },
  { q: '下次更新是什麼時候？', kind: 'case', thread: '100.1' },
  { q: '案件', kind: 'case', thread: '100.1' },
];

describe('Chinese questions are answered in Chinese', () => {
  for (const script of ['zh-Hant', 'zh-Hans'] as const) {
    it(`every answer kind, in ${script}: no stray English in the console or in Slack`, async () => {
      const seenKinds = new Set<string>();
      const problems: string[] = [];
      for (const { q, kind, thread } of QUESTIONS) {
        const text = script === 'zh-Hans' ? toSimplified(q) : q;
        // the asker's Slack locale decides the script of a question written the same in both (「案件」)
        const reply = await handleText(
          deps,
          ctx({ userLocale: script, ...(thread ? { threadTs: thread } : {}) }),
          text,
        );
        const answer = reply.answer;
        seenKinds.add(answer.kind);
        expect(answer.kind, `${text}: ${answer.summary}`).toBe(kind);
        expect(answer.locale, text).toBe(script);
        for (const [where, rendered] of [
          ['console', renderAnswer(answer)],
          ['slack', blockText(answer)],
        ] as const) {
          const stray = strayEnglish(rendered);
          if (stray.length > 0) problems.push(`${where} · ${text}: ${stray.join(', ')}`);
          if (script === 'zh-Hans') {
            // a Simplified reader sees Simplified, except in quotes
            const own = ownWords(rendered);
            const converted = [...toSimplified(own)];
            const left = [...own].filter((ch, i) => converted[i] !== ch);
            if (left.length > 0) problems.push(`${where} · ${text}: Traditional ${left.join('')}`);
          }
        }
      }
      expect(problems).toEqual([]);
      expect([...seenKinds].sort()).toEqual(
        [
          'case',
          'contract',
          'due',
          'error',
          'fee',
          'help',
          'not-covered',
          'not-understood',
          'price',
          'quota',
          'sla',
          'term',
        ].sort(),
      );
    });
  }
});
