/**
 * The answer card end to end: a short reply within the message budget, and "Show the contract's words" posting
 * the full wording in the card's thread (or, under a reply only the asker saw, to the asker only).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CASE_ACTION } from '../../src/model/answer.js';
import { MESSAGE_BUDGET, messageSize } from '../../src/slack/blocks/limits.js';
import { blockLimitViolations } from '../support/block-limits.js';
import { type Harness, startHarness, TEAM_ID } from '../support/slack-harness.js';

const json = (x: unknown) => JSON.stringify(x);

// biome-ignore lint/suspicious/noExplicitAny: Slack JSON
function wordsButton(blocks: any[]): { value: string; text: { text: string } } {
  const actions = blocks.find((b) => b.type === 'actions');
  // biome-ignore lint/suspicious/noExplicitAny: Slack JSON
  const button = actions?.elements.find((e: any) => e.action_id === CASE_ACTION.showWords);
  if (!button) throw new Error(`no words button in ${json(blocks)}`);
  return button;
}

function press(h: Harness, value: string, message: { ts: string; thread_ts?: string } | null) {
  return h.interaction({
    type: 'block_actions',
    team: { id: TEAM_ID, domain: 'fake' },
    user: { id: 'U0ASKER', team_id: TEAM_ID },
    api_app_id: 'A0APP',
    trigger_id: 't',
    channel: { id: 'C0GENERAL', name: 'general' },
    container: message
      ? { type: 'message', message_ts: message.ts, channel_id: 'C0GENERAL' }
      : { type: 'message', message_ts: '1700000999.000001', channel_id: 'C0GENERAL', is_ephemeral: true },
    ...(message ? { message: { type: 'message', ts: message.ts, thread_ts: message.thread_ts, text: 'x' } } : {}),
    response_url: h.fake.responseUrl('words'),
    actions: [{ type: 'button', action_id: CASE_ACTION.showWords, block_id: 'b', value, action_ts: '1' }],
  });
}

describe('answer card', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('answers the broadest question (`sla`, no plan) as a mention in one message within the budget', async () => {
    await h.event({
      type: 'app_mention',
      channel: 'C0GENERAL',
      user: 'U0ASKER',
      text: '<@UBOT> sla',
      ts: '1700000100.000100',
    });
    const posts = h.fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    const size = messageSize(posts[0]!.params.blocks);
    expect(size.blocks).toBeLessThanOrEqual(MESSAGE_BUDGET.blocks);
    expect(size.chars).toBeLessThanOrEqual(MESSAGE_BUDGET.chars);
    expect(blockLimitViolations(posts[0]!.params.blocks, 50)).toEqual([]);
  });

  it("posts the contract's words in the card's thread, every quote once, within the budget", async () => {
    await h.event({
      type: 'app_mention',
      channel: 'C0GENERAL',
      user: 'U0ASKER',
      text: '<@UBOT> due p2 at 2026-12-04 16:00',
      ts: '1700000100.000100',
    });
    const card = h.fake.callsTo('chat.postMessage')[0]!;
    const button = wordsButton(card.params.blocks);
    expect(button.text.text).toBe("Show the contract's words");
    // the mention was top level: the card went to the channel; its words go under it
    const cardTs = '1700000001.000001';
    h.fake.reset();
    const res = await press(h, button.value, { ts: cardTs });
    expect(res.status).toBe(200);
    const posts = h.fake.callsTo('chat.postMessage');
    expect(posts.length).toBeGreaterThan(0);
    for (const p of posts) {
      expect(p.params).toMatchObject({ channel: 'C0GENERAL', thread_ts: cardTs });
      expect(messageSize(p.params.blocks).chars).toBeLessThanOrEqual(MESSAGE_BUDGET.chars);
    }
    const text = json(posts.map((p) => p.params.blocks));
    expect(text).toContain("the contract's words");
    expect(text).toContain('skipped Sat 5 Dec (weekend)');
    // "金級 3h 24x7 每 4 個工作小時" is cited as stated and as inferred: shown once
    expect(text.split('金級 3h 24x7 每 4 個工作小時').length - 1).toBe(1);
  });

  it('shows the full wording only to the asker under a slash command reply only they saw', async () => {
    const res = await h.command('help');
    const button = wordsButton(res.json.blocks);
    expect(button.text.text).toMatch(/More/);
    await press(h, button.value, null);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
    const posted = h.fake.responsePosts.filter((p) => p.id === 'words');
    expect(posted.length).toBeGreaterThan(0);
    expect(posted[0]!.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(json(posted[0]!.body.blocks)).toContain('sla p1 gold');
  });

  it('will not replay a command that changes something, and says so to the one who pressed', async () => {
    const value = JSON.stringify({ kind: 'question', text: 'contract remove 1', at: Date.now() });
    await h.command('contract add jamf gold');
    await press(h, value, { ts: '1700000001.000001' });
    expect(await h.store.listContracts(TEAM_ID)).toHaveLength(1);
    const [told] = h.fake.callsTo('chat.postEphemeral');
    expect(told?.params).toMatchObject({ channel: 'C0GENERAL', user: 'U0ASKER' });
    expect(told?.params.text).toMatch(/Ask it again/);
    await press(h, 'not json', { ts: '1700000001.000001' });
    expect(h.fake.callsTo('chat.postEphemeral')).toHaveLength(2);
  });
});
