/**
 * Nothing a user or vendor typed reaches mrkdwn unescaped: a mention (`<@U123>`), a broadcast (`<!channel>`),
 * a bare `&` and a link with its own label (`<http://x|y>`) go through every message builder and come out as
 * text, never as markup.
 */
import { describe, expect, it } from 'vitest';
import { statusAnswer } from '../../../src/cases/answer.js';
import { type Answer, emptyAnswer } from '../../../src/model/answer.js';
import type { OutgoingMessage } from '../../../src/reminders/message.js';
import { answerMessages, answerText, wordsMessages } from '../../../src/slack/blocks/answer.js';
import { homeView } from '../../../src/slack/blocks/home.js';
import { reminderBlocks, reminderText } from '../../../src/slack/blocks/reminder.js';
import { at, clocksOf, contract } from '../../support/cases.js';
import { HOSTILE, markupProblems, mrkdwnTexts } from '../../support/mrkdwn.js';

function expectNoMarkupFrom(texts: string[]): void {
  expect(texts.length).toBeGreaterThan(0);
  expect(markupProblems(texts)).toEqual([]);
  // and the words are still there, as text
  expect(texts.join('\n')).toContain('&lt;@U123&gt;');
}

function hostileAnswer(): Answer {
  const a = emptyAnswer('sla', HOSTILE, HOSTILE);
  a.facts = [{ label: HOSTILE, value: HOSTILE, cite: 0 }];
  a.times = [
    { label: HOSTILE, at: '2026-03-02T10:00:00+01:00', zone: 'Europe/Berlin', minutesLeft: 30, explanation: HOSTILE },
  ];
  a.tables = [{ columns: [HOSTILE, HOSTILE, HOSTILE], rows: [[HOSTILE, HOSTILE, HOSTILE]] }];
  a.citations = [{ doc: HOSTILE, quote: HOSTILE, gloss: HOSTILE, certainty: 'inferred', reason: HOSTILE }];
  a.notes = [HOSTILE];
  a.suggestions = [HOSTILE];
  a.replay = { kind: 'question', text: HOSTILE, at: 0 };
  return a;
}

describe('escaping user and vendor text in every message builder', () => {
  it('the answer card, its notification text and its full wording', () => {
    const a = hostileAnswer();
    for (const m of [...answerMessages(a), ...wordsMessages(a)]) {
      expectNoMarkupFrom([...mrkdwnTexts(m.blocks), m.text]);
    }
    expect(answerText(a)).not.toContain('<@U123>');
  });

  it('a case status with a typed case reference and names', () => {
    const c = contract({ vendor: 'jamf', plan: 'gold' });
    const openedAt = at('2026-03-02 10:00');
    const clocks = clocksOf(c, { severity: 'p1', openedAt, now: openedAt + 60_000 });
    const a = statusAnswer(
      {
        kase: { id: 1, channelId: 'C1', threadTs: '1.1', vendorRef: HOSTILE, status: 'open', openedAt },
        clocks,
        vendorName: HOSTILE,
        planName: HOSTILE,
        zone: c.zone,
        now: openedAt + 60_000,
        lang: 'en',
      },
      HOSTILE,
    );
    for (const m of answerMessages(a)) expectNoMarkupFrom([...mrkdwnTexts(m.blocks), m.text]);
  });

  it('a reminder, whose stored text holds the case reference', () => {
    const message: OutgoingMessage = {
      reminderId: 1,
      workspaceId: 'T1',
      caseId: 2,
      channel: 'C1',
      threadTs: '1.1',
      kind: 'response-warning',
      text: `Reminder: Jamf's first response (case ${HOSTILE}) is due soon.`,
      broadcast: false,
      late: false,
      instants: [],
    };
    expectNoMarkupFrom([...mrkdwnTexts(reminderBlocks(message)), reminderText(message)]);
  });

  it('the Home tab, and a case link that would break out of its markup', () => {
    const view = homeView({
      contracts: [{ id: 1, title: HOSTILE, lines: [HOSTILE] }],
      cases: [
        {
          title: HOSTILE,
          url: 'https://x.slack.com/archives/C1/p1|<!channel>',
          channelId: 'C1',
          status: HOSTILE,
          due: [{ label: HOSTILE, when: HOSTILE, at: Number.NaN, zone: 'UTC', left: HOSTILE }],
        },
      ],
      quotas: [{ contract: HOSTILE, name: HOSTILE, used: 1, limit: 2, unit: HOSTILE, windowEnds: HOSTILE }],
      notes: [HOSTILE],
      asOf: HOSTILE,
    });
    expectNoMarkupFrom(mrkdwnTexts(view.blocks));
  });

  it('keeps as mentions only those the app itself wrote (Answer.mentions); a typed one stays text', () => {
    const a = emptyAnswer('error', 'Not allowed', `Ask <@U0ADMIN> or <!subteam^S0LEGAL>. You typed ${HOSTILE}`);
    a.mentions = ['<@U0ADMIN>', '<!subteam^S0LEGAL>', '<!channel>'];
    const text = mrkdwnTexts(answerMessages(a)[0]!.blocks).join('\n');
    expect(text).toContain('Ask <@U0ADMIN> or <!subteam^S0LEGAL>.');
    expect(text).toContain('&lt;@U123&gt;');
    // a broadcast is never a mention the app may keep, whatever the list says
    expect(text).not.toContain('<!channel>');
  });
});
