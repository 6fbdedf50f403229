/**
 * Cases end to end over real HTTP: signed events and interactions into the app, Web API calls out to the fake
 * Slack; the scheduler posts through the same fake with the workspace's token. The app's clock is fake.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createScheduler } from '../../src/reminders/scheduler.js';
import { slackPoster } from '../../src/slack/poster.js';
import { openStore, type Store } from '../../src/store/index.js';
import { at, contract } from '../support/cases.js';
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

function posts() {
  return h.fake.callsTo('chat.postMessage');
}

function scheduler(sleeps: number[] = []) {
  return createScheduler({
    store,
    poster: slackPoster({ store, botToken: BOT_TOKEN, slackApiUrl: h.fake.apiUrl }),
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
  store = openStore(':memory:', { now: () => now });
  store.addContract(TEAM_ID, contract({ vendor: 'jamf', plan: 'gold' }));
  h = await startHarness({ store, clock: { now: () => new Date(now) } });
});
afterEach(async () => {
  await h.close();
  store.close();
});

describe('a case in a Slack thread', () => {
  it('opens on a mention, counts a Slack Connect vendor reply (with Undo), reminds and breaches', async () => {
    const thread = tsAt(now, 1);
    const res = await mention('case open p1 ref=JAMF-7', thread);
    expect(res.status).toBe(200);
    const opened = posts().at(-1)!;
    expect(opened.params.thread_ts).toBe(thread);
    expect(JSON.stringify(opened.params.blocks)).toContain('First response due');
    const kase = store.getCaseByThread(TEAM_ID, CHANNEL, thread)!;
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
    const ack = posts().at(-1)!;
    expect(ack.params.text).toMatch(/Counted <@U0VENDOR>'s reply as the vendor's first response/);
    const undo = ack.params.blocks[1].elements[0];
    expect(undo.action_id).toBe('case_auto_undo');
    expect(store.getCase(TEAM_ID, kase.id)!.firstRespondedAt).not.toBeNull();
    // the breach of the response deadline was cancelled; the update cadence is planned
    expect(store.listReminders(TEAM_ID, { caseId: kase.id, status: 'pending' }).map((r) => r.kind)).toEqual([
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
    expect(store.getCase(TEAM_ID, kase.id)!.firstRespondedAt).toBeNull();

    // 11:00: the breach is posted
    now = at('2026-03-02 11:00');
    await scheduler().tick();
    expect(posts().at(-1)!.params.text).toMatch(/^Breach: Jamf's first response.*JAMF-7/);

    // "Vendor responded" on the breach message
    const breachValue = posts().at(-1)!.params.blocks[1].elements[0].value;
    now = at('2026-03-02 11:05');
    await button('case_vendor_responded', breachValue, { ts: '9.9', thread_ts: thread });
    expect(JSON.stringify(posts().at(-1)!.params.blocks)).toMatch(/recorded: the vendor responded/);
    expect(store.getCase(TEAM_ID, kase.id)!.firstRespondedAt).toBe(at('2026-03-02 11:05'));
  });

  it('opens a case from /support outside a thread on the message the app posts', async () => {
    const res = await h.command('case open p2 ref=JAMF-9', { channelId: CHANNEL });
    expect(res.status).toBe(200);
    const [header, inThread] = posts().slice(-2);
    expect(header!.params.thread_ts).toBeUndefined();
    expect(header!.params.text).toMatch(/Vendor case: Jamf Premium Support Gold/);
    const ts = (await h.fake.waitFor(() => inThread?.params.thread_ts)) as string;
    const kase = store.getCaseByThread(TEAM_ID, CHANNEL, ts)!;
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
    const kase = store.getCaseByThread(TEAM_ID, CHANNEL, thread)!;
    expect(store.listCaseEvents(TEAM_ID, kase.id).filter((e) => e.kind === 'responded')).toHaveLength(1);
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
    const kase = store.getCaseByThread(TEAM_ID, CHANNEL, thread)!;
    expect(kase.status).toBe('closed');
    expect(store.listReminders(TEAM_ID, { caseId: kase.id, status: 'pending' })).toEqual([]);
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
    const back = store.listReminders(TEAM_ID, { status: 'pending' })[0]!;
    expect(back.dueAt - now).toBeGreaterThanOrEqual(7_000);
    now = back.dueAt;
    expect((await scheduler().tick()).sent).toBe(1);
    expect(posts().length - before).toBe(2); // the refused try and the one that went through
    expect(store.listReminders(TEAM_ID, { status: 'sent' })).toHaveLength(1);
  });

  it('leaves a reminder for the next tick when Slack keeps failing, and uses each workspace’s own token', async () => {
    await h.close();
    store.close();
    store = openStore(':memory:', { now: () => now });
    h = await startHarness({ mode: 'oauth', teams: [TEAM_ID, 'T0SECOND'], store, clock: { now: () => new Date(now) } });
    for (const team of [TEAM_ID, 'T0SECOND']) {
      store.scheduleReminder(team, {
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
    const failed = store.listReminders(TEAM_ID, { status: 'pending' });
    expect(failed[0]?.lastError ?? store.listReminders('T0SECOND', { status: 'pending' })[0]?.lastError).toMatch(
      /HTTP 503/,
    );
    // the backoff grows per attempt; within a few minutes both are through
    for (let i = 0; i < 6; i++) {
      now += 60_000;
      await scheduler().tick();
    }
    expect(store.listReminders(TEAM_ID, { status: 'sent' })).toHaveLength(1);
    expect(store.listReminders('T0SECOND', { status: 'sent' })).toHaveLength(1);
  });

  it('cancels a workspace’s reminders when the app is uninstalled', async () => {
    await mention('case open p1', tsAt(now, 1));
    expect(store.listReminders(TEAM_ID, { status: 'pending' }).length).toBeGreaterThan(0);
    await h.event({ type: 'app_uninstalled', event_ts: '5.1' }, TEAM_ID);
    expect(store.listReminders(TEAM_ID, { status: 'pending' })).toEqual([]);
  });

  it('cancels a workspace’s reminders when its bot token is revoked', async () => {
    await mention('case open p1', tsAt(now, 1));
    expect(store.listReminders(TEAM_ID, { status: 'pending' }).length).toBeGreaterThan(0);
    await h.event({ type: 'tokens_revoked', tokens: { oauth: [], bot: ['UBOT'] }, event_ts: '5.2' }, TEAM_ID);
    expect(store.listReminders(TEAM_ID, { status: 'pending' })).toEqual([]);
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
    const kase = store.getCaseByThread(TEAM_ID, CHANNEL, message)!;
    expect(kase).toMatchObject({ severity: 'P2', vendorRef: 'JAMF-123' });
    expect(posts().at(-1)!.params.thread_ts).toBe(message);
  });
});
