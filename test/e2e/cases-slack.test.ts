/**
 * Cases end to end over real HTTP: signed events and interactions into the app, Web API calls out to the fake
 * Slack; the scheduler posts through the same fake with the workspace's token. The app's clock is fake.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createScheduler } from '../../src/reminders/scheduler.js';
import { slackApi } from '../../src/slack/api.js';
import { syncCaseCard } from '../../src/slack/case-card.js';
import { slackPoster } from '../../src/slack/poster.js';
import { openStore, type Store } from '../../src/store/index.js';
import { at, contract } from '../support/cases.js';
import { markupProblems, mrkdwnTexts } from '../support/mrkdwn.js';
import { viewSubmission } from '../support/signed-request.js';
import { BOT_TOKEN, BOT_USER_ID, botTokenFor, type Harness, startHarness, TEAM_ID } from '../support/slack-harness.js';

const CHANNEL = 'C0CASES';
let now = at('2026-03-02 10:00');
const tsAt = (ms: number, seq = 1) => `${Math.floor(ms / 1000)}.${String(seq).padStart(6, '0')}`;

let h: Harness;
let store: Store;

async function mention(text: string, threadTs: string, ts = tsAt(now, 9)) {
  return h.event({
    type: 'message',
    channel: CHANNEL,
    channel_type: 'channel',
    user: 'U0ASKER',
    team: TEAM_ID,
    text: `<@${BOT_USER_ID}> ${text}`,
    ts,
    thread_ts: threadTs,
    event_ts: ts,
  });
}

/** posts in channels (the reminder copies sent to the owner by direct message are left out) */
function posts() {
  return allPosts().filter((p) => String(p.params.channel).startsWith('C'));
}

function allPosts() {
  return h.fake.callsTo('chat.postMessage');
}

function scheduler(sleeps: number[] = []) {
  return createScheduler({
    store,
    poster: slackPoster({
      store,
      botToken: BOT_TOKEN,
      slackApiUrl: h.fake.apiUrl,
      // as src/slack/main.ts wires it: the card follows the reminders
      afterCaseReminder: (message, token) =>
        syncCaseCard(
          h.app.deps,
          slackApi(h.app.deps.web, { botToken: token, isEnterpriseInstall: false }),
          message.workspaceId,
          message.caseId,
        ),
      permalinks: h.app.deps.permalinks,
    }),
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  });
}

function button(actionId: string, value: string, message: { ts: string; thread_ts?: string }) {
  return h.interaction({
    type: 'block_actions',
    team: { id: TEAM_ID, domain: 'fake' },
    user: { id: 'U0ASKER', team_id: TEAM_ID },
    api_app_id: 'A0APP',
    trigger_id: 't',
    channel: { id: CHANNEL, name: 'cases' },
    container: { type: 'message', message_ts: message.ts, channel_id: CHANNEL },
    message: { type: 'message', ts: message.ts, thread_ts: message.thread_ts, text: 'x' },
    response_url: h.fake.responseUrl(),
    actions: [{ type: 'button', action_id: actionId, block_id: 'b', value, action_ts: '1' }],
  });
}

beforeEach(async () => {
  now = at('2026-03-02 10:00');
  store = await openStore(':memory:', { now: () => now });
  await store.addContract(TEAM_ID, contract({ vendor: 'jamf', plan: 'gold' }));
  h = await startHarness({ store, clock: { now: () => new Date(now) } });
});
afterEach(async () => {
  await h.close();
  await store.close();
});

describe('a case in a Slack thread', () => {
  it('opens on a mention, counts a Slack Connect vendor reply (with Undo), reminds and breaches', async () => {
    const thread = tsAt(now, 1);
    const res = await mention('case open p1 ref=JAMF-7', thread);
    expect(res.status).toBe(200);
    // the opening's reply is the case card (then the notes the opening made)
    const opened = posts().find((p) => JSON.stringify(p.params.blocks).includes('Vendor case #'))!;
    expect(opened.params.thread_ts).toBe(thread);
    expect(JSON.stringify(opened.params.blocks)).toMatch(/\*First response\*: running, due <!date/);
    const kase = (await store.getCaseByThread(TEAM_ID, CHANNEL, thread))!;
    expect(kase.vendorRef).toBe('JAMF-7');

    // the question, in the thread
    await mention('when is the response due?', thread, tsAt(now, 10));
    expect(JSON.stringify(posts().at(-1)!.params.blocks)).toMatch(/11:00/);

    // 10:30: the warning falls due and goes to the thread, with its buttons
    now = at('2026-03-02 10:30');
    const tick = await scheduler().tick();
    expect(tick.sent).toBe(1);
    const warning = posts().at(-1)!;
    expect(warning.params).toMatchObject({ channel: CHANNEL, thread_ts: thread });
    expect(warning.params.text).toMatch(/^Reminder: Jamf's first response/);
    expect(warning.token).toBe(BOT_TOKEN);
    expect(JSON.stringify(warning.params.blocks)).toContain('reminder_snooze_30');

    // 10:40: the vendor answers in the Slack Connect thread
    now = at('2026-03-02 10:40');
    const replyTs = tsAt(now, 2);
    await h.event({
      type: 'message',
      channel: CHANNEL,
      channel_type: 'channel',
      user: 'U0VENDOR',
      user_team: 'T0JAMF',
      team: 'T0JAMF',
      text: 'We are looking into it.',
      ts: replyTs,
      thread_ts: thread,
      event_ts: replyTs,
    });
    // the vendor reads this thread: the acknowledgement goes to the case owner alone
    const ack = h.fake.callsTo('chat.postEphemeral').at(-1)!;
    expect(ack.params).toMatchObject({ channel: CHANNEL, user: 'U0ASKER', thread_ts: thread });
    expect(ack.params.text).toMatch(/Counted <@U0VENDOR>'s reply as the vendor's first response/);
    expect(JSON.stringify(posts().map((p) => p.params)).includes('Counted')).toBe(false);
    const undo = ack.params.blocks[1].elements[0];
    expect(undo.action_id).toBe('case_auto_undo');
    expect((await store.getCase(TEAM_ID, kase.id))!.firstRespondedAt).not.toBeNull();
    // the breach of the response deadline was cancelled; the update cadence is planned
    expect((await store.listReminders(TEAM_ID, { caseId: kase.id, status: 'pending' })).map((r) => r.kind)).toEqual([
      'update-warning',
      'update-breach',
    ]);

    // someone says it was not the vendor after all: Undo
    const undoRes = await button('case_auto_undo', undo.value, {
      ts: ack.params.thread_ts ?? replyTs,
      thread_ts: thread,
    });
    expect(undoRes.status).toBe(200);
    expect(h.fake.callsTo('chat.update').at(-1)!.params.text).toMatch(/Undone/);
    expect((await store.getCase(TEAM_ID, kase.id))!.firstRespondedAt).toBeNull();

    // 11:00: the breach is posted
    now = at('2026-03-02 11:00');
    await scheduler().tick();
    expect(posts().at(-1)!.params.text).toMatch(/^Breach: Jamf's first response.*JAMF-7/);

    // "Vendor responded" on the breach message
    const breachValue = posts().at(-1)!.params.blocks[1].elements[0].value;
    now = at('2026-03-02 11:05');
    await button('case_vendor_responded', breachValue, { ts: '9.9', thread_ts: thread });
    expect(JSON.stringify(posts().at(-1)!.params.blocks)).toMatch(/recorded: the vendor responded/);
    expect((await store.getCase(TEAM_ID, kase.id))!.firstRespondedAt).toBe(at('2026-03-02 11:05'));
  });

  it('escapes a typed case reference everywhere it is posted: the case card and every reminder', async () => {
    const thread = tsAt(now, 1);
    // (the case grammar ends a word at '!', so the broadcast is left to the unit tests)
    const ref = '<@U123>&<http://x|y>';
    await mention(`case open p1 ref=${ref}`, thread);
    const kase = (await store.getCaseByThread(TEAM_ID, CHANNEL, thread))!;
    expect(kase.vendorRef).toBe(ref);
    now = at('2026-03-02 10:30');
    await scheduler().tick();
    now = at('2026-03-02 11:00');
    await scheduler().tick();
    const sent = posts();
    expect(sent.map((p) => p.params.text).join('\n')).toMatch(/^Breach: .*&lt;@U123&gt;&amp;&lt;http:\/\/x\|y&gt;/m);
    expect(sent.length).toBeGreaterThanOrEqual(3);
    // the reminder's instants are date tokens each reader sees in their own zone
    expect(sent.at(-1)!.params.text).toMatch(
      /was due <!date\^\d+\^\{date_short_pretty\} \{time\}\|[^>]+\(Europe\/Berlin\)>/,
    );
    for (const p of sent) expect(markupProblems([p.params.text, ...mrkdwnTexts(p.params.blocks)])).toEqual([]);
  });

  it('keeps one live card at the top of the thread: events are short replies, the card is updated in place', async () => {
    const thread = tsAt(now, 1);
    await mention('case open p1 ref=JAMF-8', thread);
    const kase = (await store.getCaseByThread(TEAM_ID, CHANNEL, thread))!;
    const cardPost = posts().find((p) => JSON.stringify(p.params.blocks).includes('Vendor case #'))!;
    expect(cardPost.params.thread_ts).toBe(thread);
    expect(kase.statusMessageTs).toBeTruthy();
    const cardValue = cardPost.params.blocks.find((b: { type: string }) => b.type === 'actions').elements[0].value;

    now = at('2026-03-02 10:30');
    const before = posts().length;
    await button('case_vendor_responded', cardValue, { ts: kase.statusMessageTs!, thread_ts: thread });
    // one short line in the thread, not another full status
    const added = posts().slice(before);
    expect(added).toHaveLength(1);
    expect(added[0]!.params.text).toMatch(/^<@U0ASKER> recorded: the vendor responded \(<!date/);
    expect(JSON.stringify(added[0]!.params.blocks).length).toBeLessThan(400);
    const update = h.fake.callsTo('chat.update').at(-1)!;
    expect(update.params).toMatchObject({ channel: CHANNEL, ts: kase.statusMessageTs });
    const card = JSON.stringify(update.params.blocks);
    expect(card).toContain('*First response*: met ✓');
    expect(card).toContain('*Next update*: running');
    expect(card).toContain('case_vendor_updated');

    // a mention that records an event: a short reply and the same card updated again
    now = at('2026-03-02 10:50');
    const updates = h.fake.callsTo('chat.update').length;
    await mention('case close', thread, tsAt(now, 11));
    expect(posts().at(-1)!.params.text).toMatch(/^Recorded: the case is closed/);
    expect(h.fake.callsTo('chat.update').length).toBe(updates + 1);
    expect(JSON.stringify(h.fake.callsTo('chat.update').at(-1)!.params.blocks)).toContain('every clock has stopped');
  });

  it('turns the card due soon at the warning and late at the breach', async () => {
    const thread = tsAt(now, 1);
    await mention('case open p1', thread);
    const kase = (await store.getCaseByThread(TEAM_ID, CHANNEL, thread))!;
    const card = () =>
      JSON.stringify(
        h.fake
          .callsTo('chat.update')
          .filter((c) => c.params.ts === kase.statusMessageTs)
          .at(-1)?.params.blocks,
      );
    now = at('2026-03-02 10:30');
    await scheduler().tick();
    expect(card()).toContain('*First response*: due soon ⚠');
    now = at('2026-03-02 11:00');
    await scheduler().tick();
    expect(card()).toContain('*First response*: late ✗');
    expect(card()).toContain('`▰▰▰▰▰▰▰▰` 1 h of 1 h');
  });

  it('tells the owner by DM when a reminder cannot be posted in the channel, with what to do', async () => {
    const thread = tsAt(now, 1);
    await mention('case open p1', thread);
    now = at('2026-03-02 10:30');
    h.fake.failNext('chat.postMessage', { slackError: 'not_in_channel' });
    await scheduler().tick();
    const dm = allPosts()
      .filter((p) => p.params.channel === 'U0ASKER')
      .at(-1)!;
    expect(dm.params.text).toMatch(
      /^Reminder: .*\nI'm not in <#C0CASES>, so I cannot post there\. Invite me with `\/invite @Entitlebot`/s,
    );
    expect(await store.listReminders(TEAM_ID, { status: 'failed' })).toHaveLength(1);
  });

  it('posts the card afresh when the old one cannot be edited any more', async () => {
    const thread = tsAt(now, 1);
    await mention('case open p1', thread);
    const kase = (await store.getCaseByThread(TEAM_ID, CHANNEL, thread))!;
    h.fake.failNext('chat.update', { slackError: 'message_not_found' });
    await mention('case responded', thread, tsAt(now, 12));
    const fresh = (await store.getCase(TEAM_ID, kase.id))!.statusMessageTs;
    expect(fresh).not.toBe(kase.statusMessageTs);
    expect(JSON.stringify(posts().at(-1)!.params.blocks)).toContain('met ✓');
  });

  it('has an owner who gets a direct message before the deadline and at the breach; breaches reach the escalation channel', async () => {
    const thread = tsAt(now, 1);
    await mention('case open p1', thread);
    const kase = (await store.getCaseByThread(TEAM_ID, CHANNEL, thread))!;
    expect(kase.ownerId).toBe('U0ASKER');
    await mention('case owner <@U0DANA|dana>', thread, tsAt(now, 13));
    expect((await store.getCase(TEAM_ID, kase.id))!.ownerId).toBe('U0DANA');
    expect(JSON.stringify(h.fake.callsTo('chat.update').at(-1)!.params.blocks)).toContain('<@U0DANA>');

    const set = await h.command('settings escalation here', { channelId: 'C0ESCALATE' });
    expect(JSON.stringify(set.json)).toMatch(/Every breach will also be posted/);
    expect((await store.getSettings(TEAM_ID)).escalationChannel).toBe('C0ESCALATE');

    now = at('2026-03-02 10:30');
    await scheduler().tick();
    const dm = () => allPosts().filter((p) => p.params.channel === 'U0DANA');
    expect(dm()).toHaveLength(1);
    expect(dm()[0]!.params.text).toMatch(
      /^Reminder: .*\(<https:\/\/fake\.slack\.test\/archives\/C0CASES\/p\d+\|case thread>\)$/,
    );
    expect(posts().filter((p) => p.params.channel === 'C0ESCALATE')).toHaveLength(0);

    now = at('2026-03-02 11:00');
    await scheduler().tick();
    expect(dm()).toHaveLength(2);
    expect(dm()[1]!.params.text).toMatch(/^Breach: /);
    const escalated = posts().filter((p) => p.params.channel === 'C0ESCALATE');
    expect(escalated).toHaveLength(1);
    expect(escalated[0]!.params.text).toMatch(/^Breach: .*\|case thread>\)$/);
    // the thread's link, in both direct messages and on both owners' Home tabs, was asked of Slack once
    expect(h.fake.callsTo('chat.getPermalink').filter((c) => c.params.message_ts === thread)).toHaveLength(1);
  });

  it('refuses an owner that is not a mention, and changes nothing', async () => {
    const thread = tsAt(now, 1);
    await mention('case owner dana', thread);
    await mention('case open p1', thread, tsAt(now, 2));
    await mention('case owner dana', thread, tsAt(now, 3));
    expect(JSON.stringify(h.fake.callsTo('chat.postEphemeral').at(-1)!.params.blocks)).toMatch(
      /Name the new owner with an @-mention/,
    );
    expect((await store.getCaseByThread(TEAM_ID, CHANNEL, thread))!.ownerId).toBe('U0ASKER');
  });

  it("refreshes the owner's Home after a change: My cases first, each case linked to its thread, the vendor named once", async () => {
    const thread = tsAt(now, 1);
    await mention('case open p1 ref=JAMF-5', thread);
    now = at('2026-03-02 10:20');
    await mention('case responded', thread, tsAt(now, 14));
    const home = h.fake
      .callsTo('views.publish')
      .filter((c) => c.params.user_id === 'U0ASKER')
      .at(-1)!;
    const text = JSON.stringify(home.params.view.blocks);
    expect(text.indexOf('My cases')).toBeGreaterThan(-1);
    expect(text.indexOf('My cases')).toBeLessThan(text.indexOf('All open cases'));
    expect(text).toMatch(/<https:\/\/fake\.slack\.test\/archives\/C0CASES\/p\d+\|Case #1 \(JAMF-5\)/);
    expect(text).not.toMatch(/Jamf Jamf/);
    // the response was met: the next update is what runs now
    expect(text).toMatch(/Next update: <!date/);
    // a thread's permalink does not change: Slack was asked for it once, not at each of the two publishes
    const asked = h.fake.callsTo('chat.getPermalink').filter((c) => c.params.message_ts === thread);
    expect(h.fake.callsTo('views.publish').filter((c) => c.params.user_id === 'U0ASKER').length).toBeGreaterThan(1);
    expect(asked).toHaveLength(1);
  });

  it('opens a case from /support outside a thread on the message the app posts', async () => {
    const res = await h.command('case open p2 ref=JAMF-9', { channelId: CHANNEL });
    expect(res.status).toBe(200);
    const [header, inThread] = posts().slice(-2);
    expect(header!.params.thread_ts).toBeUndefined();
    expect(header!.params.text).toMatch(/Vendor case: Jamf Premium Support Gold/);
    const ts = (await h.fake.waitFor(() => inThread?.params.thread_ts)) as string;
    const kase = (await store.getCaseByThread(TEAM_ID, CHANNEL, ts))!;
    expect(kase).toMatchObject({ severity: 'P2', vendorRef: 'JAMF-9', statusMessageTs: ts });
    // the thread's events are then given by mentioning the app there; a slash command cannot know the thread
    const slash = await h.command('case responded', { channelId: CHANNEL });
    expect(JSON.stringify(slash.json)).toMatch(/Mention the app in the case thread/);
  });

  it('acts once on a mention Slack delivers both as a message and as app_mention', async () => {
    const thread = tsAt(now, 1);
    await mention('case open p1', thread);
    now = at('2026-03-02 10:20');
    const ts = tsAt(now, 5);
    const common = {
      channel: CHANNEL,
      user: 'U0ASKER',
      team: TEAM_ID,
      text: `<@${BOT_USER_ID}> case responded`,
      ts,
      thread_ts: thread,
      event_ts: ts,
    };
    const before = posts().length;
    await h.event({ type: 'app_mention', ...common });
    await h.event({ type: 'message', channel_type: 'channel', ...common });
    const kase = (await store.getCaseByThread(TEAM_ID, CHANNEL, thread))!;
    expect((await store.listCaseEvents(TEAM_ID, kase.id)).filter((e) => e.kind === 'responded')).toHaveLength(1);
    expect(posts().length - before).toBe(1);
  });

  it('snoozes a reminder for 30 minutes and closes a case from its buttons', async () => {
    const thread = tsAt(now, 1);
    await mention('case open p1', thread);
    now = at('2026-03-02 10:30');
    await scheduler().tick();
    const value = posts().at(-1)!.params.blocks[1].elements[0].value;
    await button('reminder_snooze_30', value, { ts: '9.1', thread_ts: thread });
    expect(h.fake.callsTo('chat.postEphemeral').at(-1)!.params.text).toMatch(/Snoozed: .*11:00/);
    await button('case_close', value, { ts: '9.1', thread_ts: thread });
    const kase = (await store.getCaseByThread(TEAM_ID, CHANNEL, thread))!;
    expect(kase.status).toBe('closed');
    expect(await store.listReminders(TEAM_ID, { caseId: kase.id, status: 'pending' })).toEqual([]);
    now = at('2026-03-02 12:00');
    expect((await scheduler().tick()).sent).toBe(0);
  });

  it('puts a reminder back for Retry-After on a 429 from Slack, and posts it once after', async () => {
    const thread = tsAt(now, 1);
    await mention('case open p1', thread);
    const before = posts().length;
    h.fake.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 7 });
    now = at('2026-03-02 10:30');
    const report = await scheduler().tick();
    expect(report).toMatchObject({ sent: 0, released: 1 });
    const back = (await store.listReminders(TEAM_ID, { status: 'pending' }))[0]!;
    expect(back.dueAt - now).toBeGreaterThanOrEqual(7_000);
    now = back.dueAt;
    expect((await scheduler().tick()).sent).toBe(1);
    expect(posts().length - before).toBe(2); // the refused try and the one that went through
    expect(await store.listReminders(TEAM_ID, { status: 'sent' })).toHaveLength(1);
  });

  it('leaves a reminder for the next tick when Slack keeps failing, and uses each workspace’s own token', async () => {
    await h.close();
    await store.close();
    store = await openStore(':memory:', { now: () => now });
    h = await startHarness({ mode: 'oauth', teams: [TEAM_ID, 'T0SECOND'], store, clock: { now: () => new Date(now) } });
    for (const team of [TEAM_ID, 'T0SECOND']) {
      await store.scheduleReminder(team, {
        channelId: CHANNEL,
        kind: 'date-cutoff',
        dueAt: now,
        text: `for ${team}`,
        dedupeKey: 'k',
      });
    }
    h.fake.failNext('chat.postMessage', { status: 503, times: 4 });
    const report = await scheduler().tick();
    expect(report.released + report.sent).toBe(2);
    const calls = posts();
    expect(calls.filter((c) => c.token === botTokenFor('T0SECOND')).length).toBeGreaterThan(0);
    const failed = await store.listReminders(TEAM_ID, { status: 'pending' });
    expect(
      failed[0]?.lastError ?? (await store.listReminders('T0SECOND', { status: 'pending' }))[0]?.lastError,
    ).toMatch(/HTTP 503/);
    // the backoff grows per attempt; within a few minutes both are through
    for (let i = 0; i < 6; i++) {
      now += 60_000;
      await scheduler().tick();
    }
    expect(await store.listReminders(TEAM_ID, { status: 'sent' })).toHaveLength(1);
    expect(await store.listReminders('T0SECOND', { status: 'sent' })).toHaveLength(1);
  });

  it('cancels a workspace’s reminders when the app is uninstalled', async () => {
    await mention('case open p1', tsAt(now, 1));
    expect((await store.listReminders(TEAM_ID, { status: 'pending' })).length).toBeGreaterThan(0);
    await h.event({ type: 'app_uninstalled', event_ts: '5.1' }, TEAM_ID);
    expect(await store.listReminders(TEAM_ID, { status: 'pending' })).toEqual([]);
  });

  it('cancels a workspace’s reminders when its bot token is revoked', async () => {
    await mention('case open p1', tsAt(now, 1));
    expect((await store.listReminders(TEAM_ID, { status: 'pending' })).length).toBeGreaterThan(0);
    await h.event({ type: 'tokens_revoked', tokens: { oauth: [], bot: ['UBOT'] }, event_ts: '5.2' }, TEAM_ID);
    expect(await store.listReminders(TEAM_ID, { status: 'pending' })).toEqual([]);
    now = at('2026-03-02 11:30');
    expect((await scheduler().tick()).claimed).toBe(0);
  });

  it('opens a case from the message shortcut and its modal', async () => {
    const message = tsAt(now, 3);
    await h.interaction({
      type: 'message_action',
      callback_id: 'track_vendor_case',
      team: { id: TEAM_ID, domain: 'fake' },
      user: { id: 'U0ASKER', team_id: TEAM_ID },
      channel: { id: CHANNEL, name: 'cases' },
      message: { type: 'message', ts: message, text: 'Ticket 123 from Jamf', user: 'U0ASKER' },
      trigger_id: 'trig-9',
      response_url: h.fake.responseUrl(),
      message_ts: message,
    });
    const open = await h.fake.waitFor(() => h.fake.callsTo('views.open')[0]);
    const view = open.params.view;
    expect(view.callback_id).toBe('track_vendor_case_modal');
    const option = view.blocks[1].element.option_groups[0].options[1];
    const res = await h.interaction(
      viewSubmission({
        teamId: TEAM_ID,
        callbackId: 'track_vendor_case_modal',
        privateMetadata: view.private_metadata,
        hash: 'h',
        values: {
          case_choice: { value: { type: 'static_select', selected_option: { value: option.value } } },
          case_ref: { value: { type: 'plain_text_input', value: 'JAMF-123' } },
        },
      }),
    );
    expect(res.status).toBe(200);
    const kase = (await store.getCaseByThread(TEAM_ID, CHANNEL, message))!;
    expect(kase).toMatchObject({ severity: 'P2', vendorRef: 'JAMF-123' });
    // the app's first post in the thread is the case card, filled in with chat.update
    const first = posts().at(-1)!;
    expect(first.params.thread_ts).toBe(message);
    expect(kase.statusMessageTs).toBeTruthy();
    const update = h.fake.callsTo('chat.update').at(-1)!;
    expect(update.params).toMatchObject({ channel: CHANNEL, ts: kase.statusMessageTs });
    expect(JSON.stringify(update.params.blocks)).toMatch(/\*First response\*: running, due <!date/);
  });
});

describe('a case thread in a channel shared with another organisation (Slack Connect)', () => {
  it('posts nothing of our tracking where the vendor reads: card, vendor replies, Undo and reminders go to the owner or the escalation channel', async () => {
    h.fake.setChannel(CHANNEL, { isExtShared: true });
    await store.updateSettings(TEAM_ID, { escalationChannel: 'C0ESCALATE' });
    const thread = tsAt(now, 1);
    await mention('case open p1', thread);
    const kase = (await store.getCaseByThread(TEAM_ID, CHANNEL, thread))!;
    const ephemeral = () => h.fake.callsTo('chat.postEphemeral');
    expect(JSON.stringify(ephemeral().at(-1)!.params)).toContain('Vendor case #');
    expect(ephemeral().at(-1)!.params.user).toBe('U0ASKER');

    now = at('2026-03-02 10:20');
    const replyTs = tsAt(now, 2);
    await h.event({
      type: 'message',
      channel: CHANNEL,
      channel_type: 'channel',
      user: 'U0VENDOR',
      user_team: 'T0JAMF',
      team: 'T0JAMF',
      text: 'Looking into it.',
      ts: replyTs,
      thread_ts: thread,
      event_ts: replyTs,
    });
    const ack = ephemeral().find((c) => String(c.params.text).startsWith('Counted'))!;
    expect(ack.params.user).toBe('U0ASKER');
    const undo = ack.params.blocks[1].elements[0];
    const undoUrl = h.fake.responseUrl('undo');
    await h.interaction({
      type: 'block_actions',
      team: { id: TEAM_ID, domain: 'fake' },
      user: { id: 'U0ASKER', team_id: TEAM_ID },
      api_app_id: 'A0APP',
      trigger_id: 't',
      channel: { id: CHANNEL, name: 'cases' },
      container: { type: 'message', message_ts: '1.5', channel_id: CHANNEL, is_ephemeral: true },
      response_url: undoUrl,
      actions: [{ type: 'button', action_id: 'case_auto_undo', block_id: 'b', value: undo.value, action_ts: '1' }],
    });
    expect(h.fake.responsePosts.find((p) => p.id === 'undo')?.body).toMatchObject({ replace_original: true });
    expect((await store.getCase(TEAM_ID, kase.id))!.firstRespondedAt).toBeNull();

    now = at('2026-03-02 10:30');
    await scheduler().tick();
    now = at('2026-03-02 11:00');
    await scheduler().tick();
    const inThread = allPosts().filter((p) => p.params.channel === CHANNEL);
    expect(inThread).toEqual([]);
    expect(h.fake.callsTo('chat.update').filter((c) => c.params.channel === CHANNEL)).toEqual([]);
    const toOwner = allPosts().filter((p) => p.params.channel === 'U0ASKER');
    expect(toOwner.map((p) => p.params.text)).toEqual([
      expect.stringMatching(/^Reminder: /),
      expect.stringMatching(/^Breach: /),
    ]);
    const escalated = allPosts().filter((p) => p.params.channel === 'C0ESCALATE');
    expect(escalated).toHaveLength(1);
    expect(escalated[0]!.params.text).toMatch(/\|case thread>\)$/);
    expect((await store.listReminders(TEAM_ID, { caseId: kase.id })).filter((r) => r.status === 'failed')).toEqual([]);
  });
});

describe('when the app cannot post in the channel', () => {
  const shortcut = (message: string) =>
    h.interaction({
      type: 'message_action',
      callback_id: 'track_vendor_case',
      team: { id: TEAM_ID, domain: 'fake' },
      user: { id: 'U0ASKER', team_id: TEAM_ID },
      channel: { id: CHANNEL, name: 'cases' },
      message: { type: 'message', ts: message, text: 'Ticket 123 from Jamf', user: 'U0ASKER' },
      trigger_id: 'trig-9',
      response_url: h.fake.responseUrl(),
      message_ts: message,
    });

  it('the shortcut says so in its modal, and leaves no half-made case', async () => {
    const message = tsAt(now, 3);
    await shortcut(message);
    const view = (await h.fake.waitFor(() => h.fake.callsTo('views.open')[0])).params.view;
    const option = view.blocks[1].element.option_groups[0].options[1];
    h.fake.failNext('chat.postMessage', { slackError: 'not_in_channel' });
    const res = await h.interaction(
      viewSubmission({
        teamId: TEAM_ID,
        callbackId: 'track_vendor_case_modal',
        privateMetadata: view.private_metadata,
        values: { case_choice: { value: { type: 'static_select', selected_option: { value: option.value } } } },
      }),
    );
    expect(res.status).toBe(200);
    expect(res.json.response_action).toBe('errors');
    expect(res.json.errors.case_choice).toMatch(/Invite me with `\/invite @Entitlebot`, then try again/);
    expect(await store.getCaseByThread(TEAM_ID, CHANNEL, message)).toBeNull();
    expect(await store.listReminders(TEAM_ID, { status: 'pending' })).toEqual([]);
  });

  it('the shortcut opens a modal to say what it could not say in the channel', async () => {
    await store.removeContract(TEAM_ID, (await store.listContracts(TEAM_ID))[0]!.id);
    h.fake.failNext('chat.postEphemeral', { slackError: 'channel_not_found' });
    await shortcut(tsAt(now, 4));
    const notice = (await h.fake.waitFor(() => h.fake.callsTo('views.open')[0])).params.view;
    expect(JSON.stringify(notice.blocks)).toMatch(
      /Add a contract first.*invite me there with `\/invite @Entitlebot`/is,
    );
  });

  it('`/support case open` says how to invite the app, not "Something went wrong", and opens no case', async () => {
    h.fake.failNext('chat.postMessage', { slackError: 'not_in_channel' });
    const res = await h.command('case open p1', { channelId: CHANNEL });
    expect(res.status).toBe(200);
    const replies = JSON.stringify([res.json, ...h.fake.responsePosts.map((p) => p.body)]);
    expect(replies).toMatch(/\/invite @Entitlebot/);
    expect(replies).not.toMatch(/Something went wrong/);
    expect(await store.listCases(TEAM_ID)).toEqual([]);
  });

  it('a mention in an archived channel is answered to the asker privately with what to do', async () => {
    h.fake.failNext('chat.postMessage', { slackError: 'is_archived' });
    h.fake.failNext('chat.postEphemeral', { slackError: 'is_archived' });
    await mention('sla p1', tsAt(now, 1));
    const dm = h.fake.callsTo('chat.postMessage').at(-1)!;
    expect(dm.params.channel).toBe('U0ASKER');
    expect(dm.params.text).toMatch(/archived/);
  });
});
