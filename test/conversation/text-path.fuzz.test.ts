/**
 * Fuzz of the whole text path: handleText with the real knowledge, the real glossary search and a SQLite file,
 * fed random and grammar-built hostile text (dates from 1 AD to 9999, odd numbers, long repetitions, Chinese,
 * mrkdwn control sequences, case commands in threads). Whatever comes in, no exception escapes, every reply
 * renders as Slack messages within Block Kit's limits and as console text, and what the user typed never
 * reaches mrkdwn unescaped (no broadcast mention can be smuggled through).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderAnswer } from '../../src/console/render.js';
import { addContractFromForm } from '../../src/conversation/contract-form.js';
import { handleText } from '../../src/conversation/handle.js';
import type { ConversationDeps } from '../../src/conversation/types.js';
import { loadKnowledgeSearch } from '../../src/search/index.js';
import { answerMessages } from '../../src/slack/blocks/answer.js';
import { openStore, type Store } from '../../src/store/index.js';
import { blockLimitViolations } from '../support/block-limits.js';
import { knowledge } from '../support/cases.js';

let dir: string;
let store: Store;
let deps: ConversationDeps;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'entitlebot-fuzz-'));
  store = await openStore(join(dir, 'fuzz.db'));
  deps = { store, knowledge, search: loadKnowledgeSearch(), clock: { now: () => new Date() } };
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const WORDS = [
  'sla',
  'due',
  'fee',
  'flex',
  'cancel',
  'notice',
  'amount',
  'price',
  'quota',
  'use',
  'coaching',
  'contract',
  'add',
  'remove',
  'case',
  'open',
  'responded',
  'updated',
  'close',
  'reopen',
  'severity',
  'help',
  'public',
  'at',
  'on',
  'p1',
  'p4',
  'sev',
  'a',
  'b',
  'c',
  '1',
  'gold',
  'silver',
  'platinum',
  'unified',
  'uer',
  'enterprise',
  'jamf',
  'microsoft',
  'autodesk',
  'what',
  'is',
  'csm',
  'how',
  'fast',
  'when',
  'my',
  'next',
  'update',
  'today',
  'tomorrow',
  'monday',
  '16:00',
  '9am',
  '24:00',
  '25:61',
  'utc',
  'Europe/Berlin',
  'Asia/Taipei',
  'Mars/Base',
  'region=apac',
  'zone=Asia/Singapore',
  'holidays=TW',
  'holidays=ZZ',
  'hours=09:00-17:30',
  'start=2026-01-01',
  'end=2499-12-31',
  'flex=1e309',
  'flex=-5',
  'flex=0x10',
  'flex=250k',
  'name="<!channel> *x*"',
  'ref=JAMF-42',
  'product=azure',
  '金級',
  '白金級',
  '期限',
  '多快',
  '回應',
  '什麼是',
  '彈性額度',
  '配額',
  '下午3點',
  '明天',
  '合約',
  '案件',
  '結案',
  '<!channel>',
  '<!here>',
  '<@U123>',
  '*bold*',
  '_it_',
  '~s~',
  '`code`',
  '&amp;',
  '<http://evil|click>',
  '\u0000',
  '\u202e',
  '😀',
  'NaN',
  'Infinity',
  '-0',
  '1,000,000',
  '$5',
  '¥',
  '9'.repeat(30),
];

const date = fc
  .tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
  .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const time = fc
  .tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }))
  .map(([h, m]) => `${h}:${String(m).padStart(2, '0')}`);
const token = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: date },
  { weight: 1, arbitrary: fc.tuple(date, time).map(([d, t]) => `${d}T${t}`) },
  { weight: 1, arbitrary: time },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
);
const sentence = fc.array(token, { minLength: 0, maxLength: 12 }).map((t) => t.join(' '));
const text = fc.oneof(
  { weight: 8, arbitrary: sentence },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  // long repetitions, around the input cap and far beyond it
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...WORDS, 'a', '1', '下午', '$ ', '1,'), fc.integer({ min: 100, max: 45_000 }))
      .map(([unit, n]) => unit.repeat(Math.ceil(n / Math.max(1, unit.length)))),
  },
);
const now = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2060-12-31T00:00:00Z'),
  noInvalidDate: true,
});

/** Text a user typed, as it would look if it reached mrkdwn unescaped. */
const SMUGGLED = /<!channel>|<!here>|<!everyone>|<@U123>|<http:\/\/evil\|click>/;

function mrkdwnTexts(blocks: unknown[]): string[] {
  const out: string[] = [];
  const walk = (x: unknown) => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (o.type === 'mrkdwn' && typeof o.text === 'string') out.push(o.text);
      for (const v of Object.values(o)) walk(v);
    }
  };
  walk(blocks);
  return out;
}

describe('the text path under fuzz', () => {
  it('never throws, and every reply fits Block Kit and escapes what was typed', async () => {
    await fc.assert(
      fc.asyncProperty(
        text,
        now,
        fc.boolean(),
        fc.constantFrom('command', 'mention', 'console') as fc.Arbitrary<'command' | 'mention' | 'console'>,
        async (typed, at, inThread, via) => {
          const reply = await handleText(
            deps,
            {
              workspaceId: 'T-fuzz',
              channelId: 'C-fuzz',
              userId: 'U-fuzz',
              now: at,
              via,
              ...(inThread ? { threadTs: '1700000000.000100' } : {}),
            },
            typed,
          );
          expect(reply.answer.title.length).toBeGreaterThan(0);
          const follow = reply.afterPost
            ? await reply.afterPost({ channelId: 'C-fuzz', ts: '1700000001.000100' })
            : null;
          for (const answer of [reply.answer, ...(follow ? [follow] : [])]) {
            const messages = answerMessages(answer);
            expect(messages.length).toBeGreaterThan(0);
            for (const m of messages) {
              expect(blockLimitViolations(m.blocks, 50)).toEqual([]);
              expect(m.text.length).toBeLessThanOrEqual(40_000);
              for (const t of mrkdwnTexts(m.blocks)) expect(t).not.toMatch(SMUGGLED);
            }
            expect(typeof renderAnswer(answer)).toBe('string');
          }
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300), seed: Number(process.env.FUZZ_SEED ?? 20261202) },
    );
  }, 60_000);

  it('the contract form never throws: a contract with every field valid, or a message beside each bad field', async () => {
    const field = fc.option(fc.oneof(fc.constantFrom(...WORDS), date, fc.string({ maxLength: 120 })), {
      nil: undefined,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          vendor: fc.option(fc.constantFrom('jamf', 'microsoft', 'autodesk', 'nope', ''), { nil: undefined }),
          plan: fc.option(fc.constantFrom('gold', 'silver', 'unified', 'enterprise', 'x'), { nil: undefined }),
          addons: fc.option(fc.array(fc.constantFrom('uer', 'aem', 'zzz', ''), { maxLength: 3 }), { nil: undefined }),
          name: field,
          zone: field,
          holidays: field,
          hours: field,
          region: field,
          customer: field,
          start: field,
          end: field,
        }),
        now,
        async (form, at) => {
          const before = (await store.listContracts('T-form')).length;
          const result = await addContractFromForm(
            deps,
            { workspaceId: 'T-form', channelId: 'C-fuzz', userId: 'U-fuzz', now: at, via: 'command' },
            form,
          );
          if (result.ok) {
            expect(await store.listContracts('T-form')).toHaveLength(before + 1);
            for (const m of answerMessages(result.answer)) expect(blockLimitViolations(m.blocks, 50)).toEqual([]);
          } else {
            expect(Object.keys(result.errors).length).toBeGreaterThan(0);
            for (const message of Object.values(result.errors)) expect(message?.length).toBeGreaterThan(0);
            expect(await store.listContracts('T-form')).toHaveLength(before);
          }
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300), seed: Number(process.env.FUZZ_SEED ?? 20261202) },
    );
  }, 60_000);
});
