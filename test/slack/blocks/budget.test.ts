/**
 * The message budget over every kind of answer the app gives, in both languages, with and without contracts on
 * file, the broadest questions included (`sla` with no plan, `due p2 at …`, `help`, `quota`): the card is one
 * message within the budget, and the full wording behind its button is within it message by message.
 */
import { describe, expect, it } from 'vitest';
import { errorAnswer } from '../../../src/answers/help.js';
import { statusAnswer } from '../../../src/cases/answer.js';
import type { Answer, AnswerKind } from '../../../src/model/answer.js';
import { answerMessages, wordsMessages } from '../../../src/slack/blocks/answer.js';
import { MESSAGE_BUDGET, messageSize } from '../../../src/slack/blocks/limits.js';
import { answer, context, contract, search } from '../../support/answers.js';
import { blockLimitViolations } from '../../support/block-limits.js';
import { at, contract as caseContract, clocksOf, knowledge } from '../../support/cases.js';

const QUESTIONS = {
  en: [
    'help',
    'sla',
    'sla p1',
    'sla sev a',
    'sla p1 gold',
    'due p2 at 2026-12-04 16:00',
    'due sev1 unified at 2026-12-04 16:00',
    'quota',
    'quota coaching',
    'price',
    'price microsoft',
    'fee flex 250000',
    'fee cancel 2026-12-20 notice 2026-12-07',
    'what is a CSM',
    'what is zzzqqq',
    'contract',
    'sal p1 gold',
  ],
  zh: [
    '說明',
    '金級 P1 多快回應',
    '白金級 P1 多快回應',
    '白金級包含幾小時專業服務？',
    '配額',
    '價格',
    '價格 微軟',
    '彈性 配額',
    '微軟 A 級 多快回應',
    '什麼是 CSM',
    '支援 服務 目標',
  ],
};

const CONTRACTS = [
  [],
  [
    contract({ vendor: 'jamf', plan: 'gold' }),
    contract({ vendor: 'microsoft', plan: 'unified', addons: ['uer'] }),
    contract({ vendor: 'autodesk', plan: 'enterprise', region: 'emea' }),
  ],
];

function caseAnswers(): Answer[] {
  const c = caseContract({ vendor: 'microsoft', plan: 'unified', addons: ['uer'] });
  const openedAt = at('2026-03-02 10:00');
  const now = at('2026-03-03 18:00');
  const clocks = clocksOf(c, { severity: 'a', openedAt, now });
  return (['en', 'zh'] as const).map((lang) =>
    statusAnswer(
      {
        kase: { id: 7, channelId: 'C1', threadTs: '1.2', vendorRef: 'REF-1', status: 'open', openedAt },
        clocks,
        vendorName: knowledge.vendor('microsoft').vendorName[lang],
        planName: 'Microsoft Unified Enterprise Support',
        zone: c.zone,
        userZone: 'Asia/Taipei',
        now,
        lang,
      },
      'Opened.',
    ),
  );
}

function allAnswers(): Answer[] {
  const answers: Answer[] = [];
  for (const contracts of CONTRACTS) {
    const ctx = context({ contracts, search: search(), userZone: 'Asia/Taipei' });
    for (const q of [...QUESTIONS.en, ...QUESTIONS.zh]) {
      const a = answer(q, ctx);
      a.replay = { kind: 'question', text: q, at: ctx.now.getTime() };
      answers.push(a);
    }
  }
  answers.push(...caseAnswers(), errorAnswer(new Error('boom'), 'en'), errorAnswer(new Error('壞了'), 'zh'));
  return answers;
}

function expectWithinBudget(label: string, blocks: unknown[]) {
  const size = messageSize(blocks);
  expect(size.blocks, `${label}: blocks`).toBeLessThanOrEqual(MESSAGE_BUDGET.blocks);
  expect(size.chars, `${label}: characters`).toBeLessThanOrEqual(MESSAGE_BUDGET.chars);
  expect(blockLimitViolations(blocks, MESSAGE_BUDGET.slackBlocks), label).toEqual([]);
}

describe('the message budget', () => {
  const answers = allAnswers();

  it('covers every kind of answer', () => {
    const kinds = new Set(answers.map((a) => a.kind));
    const all: AnswerKind[] = [
      'help',
      'sla',
      'term',
      'due',
      'fee',
      'price',
      'quota',
      'contract',
      'case',
      'not-covered',
      'not-understood',
      'error',
    ];
    expect([...kinds].sort()).toEqual([...all].sort());
  });

  it('keeps the budget inside what Slack accepts', () => {
    expect(MESSAGE_BUDGET.blocks).toBeLessThan(MESSAGE_BUDGET.slackBlocks);
    expect(MESSAGE_BUDGET.chars).toBeLessThan(MESSAGE_BUDGET.slackChars);
  });

  it('fits every reply in one short message, and its full wording message by message', () => {
    for (const a of answers) {
      const card = answerMessages(a);
      expect(card, a.title).toHaveLength(1);
      expectWithinBudget(`card "${a.title}"`, card[0]!.blocks);
      // short: a phone screen or two, not the whole contract
      expect(messageSize(card[0]!.blocks).chars, a.title).toBeLessThanOrEqual(4000);
      for (const m of wordsMessages(a)) expectWithinBudget(`words "${a.title}"`, m.blocks);
    }
  });

  it('shows each quote at most once in a card, and the full wording loses no quote', () => {
    for (const a of answers) {
      const card = JSON.stringify(answerMessages(a)[0]!.blocks);
      expect(card.split(':page_facing_up:').length - 1, a.title).toBeLessThanOrEqual(1);
      // a long quote (a short one may be a name the title also says) appears once at most
      for (const c of a.citations.filter((x) => x.quote.length >= 20)) {
        const quote = c.quote.replace(/\s+/g, ' ').trim().slice(0, 40);
        expect(card.split(quote).length - 1, `${a.title}: ${quote}`).toBeLessThanOrEqual(1);
      }
      const words = JSON.stringify(wordsMessages(a, { maxMessages: 20 }).map((m) => m.blocks));
      for (const c of a.citations) {
        // the words go through mrkdwn escaping and whitespace folding; compare as Slack shows them
        const shown = c.quote
          .replace(/\s+/g, ' ')
          .trim()
          .replace(/&/g, '&amp;')
          .replace(/</g, '&lt;')
          .replace(/>/g, '&gt;');
        expect(words, a.title).toContain(JSON.stringify(shown).slice(1, -1));
      }
    }
  });
});
