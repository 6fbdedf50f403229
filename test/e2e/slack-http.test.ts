/**
 * End to end over real HTTP: signed requests into the app on a loopback port, Slack Web API calls out to a fake.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTRACT_MODAL_CALLBACK_ID, CONTRACT_VENDOR_ACTION_ID } from '../../src/slack/blocks/contract-modal.js';
import { OPEN_CONTRACT_MODAL_ACTION_ID, REMOVE_CONTRACT_ACTION_ID } from '../../src/slack/blocks/home.js';
import { blockLimitViolations } from '../support/block-limits.js';
import { viewSubmission } from '../support/signed-request.js';
import { botTokenFor, type Harness, startHarness, TEAM_ID } from '../support/slack-harness.js';

const json = (x: unknown) => JSON.stringify(x);

describe('slash command /support', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('answers help in the command response itself, ephemerally', async () => {
    const res = await h.command('help');
    expect(res.status).toBe(200);
    expect(res.json.response_type).toBe('ephemeral');
    expect(res.json.text.length).toBeGreaterThan(0);
    expect(json(res.json.blocks)).toMatch(/sla/i);
    expect(blockLimitViolations(res.json.blocks, 50)).toEqual([]);
  });

  it('answers in the channel when the text ends with "public"', async () => {
    const res = await h.command('sla p1 gold public');
    expect(res.status).toBe(200);
    expect(res.json.response_type).toBe('in_channel');
    expect(json(res.json.blocks)).toMatch(/P1/);
  });

  it('gets "I don\'t understand" right: a helpful answer, not an error status', async () => {
    const res = await h.command('sal p1 gold');
    expect(res.status).toBe(200);
    expect(json(res.json.blocks)).toMatch(/sla/);
  });

  it('adds a contract to this workspace only, and lists it', async () => {
    const res = await h.command('contract add jamf gold zone=Europe/Berlin holidays=DE');
    expect(res.status).toBe(200);
    expect(json(res.json.blocks)).toMatch(/#1/);
    const contracts = await h.store.listContracts(TEAM_ID);
    expect(contracts).toHaveLength(1);
    expect(contracts[0]).toMatchObject({ vendor: 'jamf', plan: 'gold', zone: 'Europe/Berlin' });
    expect(await h.store.listContracts('T0OTHER')).toHaveLength(0);
    const list = await h.command('contract');
    expect(json(list.json.blocks)).toContain('Europe/Berlin');
  });

  it('stores nothing when contract add has a bad value, and says what was wrong', async () => {
    const res = await h.command('contract add jamf gold zone=Mars/Base');
    expect(res.status).toBe(200);
    expect(json(res.json)).toContain('Mars/Base');
    expect(await h.store.listContracts(TEAM_ID)).toHaveLength(0);
  });

  it('shows due times as date tokens each reader sees in their own zone, with the contract zone as fallback; users.info cached', async () => {
    h.fake.setUser('U0ASKER', { tz: 'Asia/Singapore' });
    await h.command('contract add jamf gold zone=Europe/Berlin holidays=DE');
    const res = await h.command('due p1 gold');
    const text = json(res.json.blocks);
    expect(text).toMatch(/<!date\^\d+\^\{date_short_pretty\} \{time\}\|[^|>]+ \(Europe\/Berlin\)>/);
    expect(text).toMatch(/of business time/);
    await h.command('help');
    expect(h.fake.callsTo('users.info')).toHaveLength(1);
    expect(await h.store.getCachedUserZone(TEAM_ID, 'U0ASKER', Date.now(), 60_000)).toBe('Asia/Singapore');
  });

  it('does not keep a first-time asker waiting on a slow users.info: date tokens, cache filled after', async () => {
    h.fake.setUser('U0SLOW', { tz: 'Asia/Singapore' });
    await h.command('contract add jamf gold zone=Europe/Berlin holidays=DE');
    h.fake.slowDown('users.info', 1_000);
    const first = await h.command('due p1 gold', { userId: 'U0SLOW' });
    const firstText = json(first.json.blocks);
    expect(firstText).toContain('(Europe/Berlin)');
    expect(firstText).not.toContain('your time (');
    // the card shows each instant as a date token, so the asker sees their own zone even before Slack told us it
    expect(firstText).toMatch(/<!date\^\d+\^\{date_short_pretty\} \{time\}\|[^>]*\(Europe\/Berlin\)>/);
    // the call goes on in the background and fills the cache for the next question
    await h.fake.waitFor(
      async () => (await h.store.getCachedUserZone(TEAM_ID, 'U0SLOW', Date.now(), 60_000)) ?? undefined,
      5_000,
    );
    const next = json((await h.command('due p1 gold', { userId: 'U0SLOW' })).json.blocks);
    expect(next).not.toContain('Slack had not told us');
    expect(h.fake.callsTo('users.info').filter((c) => c.params.user === 'U0SLOW')).toHaveLength(1);
  });

  it('still answers when users.info fails, without the asker’s zone', async () => {
    h.fake.failNext('users.info', { status: 500, times: 5 });
    const res = await h.command('due p1 gold');
    expect(res.status).toBe(200);
    expect(json(res.json.blocks)).not.toContain('your time');
  });

  it('answers glossary questions from the search index, with the contract’s words', async () => {
    const res = await h.command('what is a CSM');
    expect(res.status).toBe(200);
    const text = json(res.json.blocks);
    expect(text).toMatch(/Customer Success Manager/i);
    expect(text).toContain('客戶成功經理');
  });

  it('records a quota use against the workspace’s contract', async () => {
    await h.command('contract add autodesk enterprise region=emea');
    const res = await h.command('quota use coaching 1');
    expect(res.status).toBe(200);
    const uses = await h.store.listQuotaUses(TEAM_ID);
    expect(uses).toHaveLength(1);
    expect(uses[0]).toMatchObject({ count: 1, userId: 'U0ASKER' });
    expect(json(res.json.blocks)).toMatch(/1 of 3/);
  });

  it('opens the contract modal for `contract add` with nothing after it', async () => {
    const res = await h.command('contract add', { triggerId: 'trig-1' });
    expect(res.status).toBe(200);
    const open = await h.fake.waitFor(() => h.fake.callsTo('views.open')[0]);
    expect(open.params.trigger_id).toBe('trig-1');
    expect(open.params.view.callback_id).toBe(CONTRACT_MODAL_CALLBACK_ID);
    expect(JSON.parse(open.params.view.private_metadata).channelId).toBe('C0GENERAL');
  });
});

describe('contract modal', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const submission = (values: Record<string, unknown>, privateMetadata = '{"channelId":"C0GENERAL"}') =>
    viewSubmission({ teamId: TEAM_ID, callbackId: CONTRACT_MODAL_CALLBACK_ID, privateMetadata, values });
  const text = (value: string | null) => ({ value: { type: 'plain_text_input', value } });
  const select = (value: string, actionId = 'value') => ({
    [actionId]: { type: 'static_select', selected_option: { value } },
  });

  it('shows errors beside their fields and stores nothing', async () => {
    const res = await h.interaction(
      submission({
        vendor: select('jamf', CONTRACT_VENDOR_ACTION_ID),
        'plan:jamf': select('gold'),
        zone: text('Mars/Base'),
        hours: text('17:00-09:00'),
      }),
    );
    expect(res.status).toBe(200);
    expect(res.json.response_action).toBe('errors');
    expect(res.json.errors.zone).toMatch(/Mars\/Base/);
    expect(res.json.errors.hours).toMatch(/17:00-09:00/);
    expect(await h.store.listContracts(TEAM_ID)).toHaveLength(0);
  });

  it('refuses a plan of another vendor beside the plan field', async () => {
    const res = await h.interaction(
      submission({ vendor: select('microsoft', CONTRACT_VENDOR_ACTION_ID), plan: select('gold'), zone: text('UTC') }),
    );
    expect(res.json.errors.plan).toMatch(/Unified/);
  });

  it('stores a valid contract, refreshes Home and confirms in the channel', async () => {
    const res = await h.interaction(
      submission({
        vendor: select('jamf', CONTRACT_VENDOR_ACTION_ID),
        'plan:jamf': select('silver'),
        zone: text('America/Chicago'),
        holidays: text('US'),
        hours: text('08:00-17:00'),
        start: { value: { type: 'datepicker', selected_date: '2026-01-01' } },
        end: { value: { type: 'datepicker', selected_date: '2026-12-31' } },
      }),
    );
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const [contract] = await h.store.listContracts(TEAM_ID);
    expect(contract).toMatchObject({
      vendor: 'jamf',
      plan: 'silver',
      zone: 'America/Chicago',
      holidays: { country: 'US' },
      hours: { start: '08:00', end: '17:00' },
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    });
    const publish = await h.fake.waitFor(() => h.fake.callsTo('views.publish')[0]);
    expect(json(publish.params.view)).toContain('America/Chicago');
    const confirm = await h.fake.waitFor(() => h.fake.callsTo('chat.postEphemeral')[0]);
    expect(confirm.params).toMatchObject({ channel: 'C0GENERAL', user: 'U0ASKER' });
  });

  it('narrows the plans when a vendor is chosen (views.update)', async () => {
    const res = await h.interaction({
      type: 'block_actions',
      team: { id: TEAM_ID, domain: 'fake' },
      user: { id: 'U0ASKER', team_id: TEAM_ID },
      api_app_id: 'A0APP',
      trigger_id: 't',
      container: { type: 'view', view_id: 'V1' },
      view: {
        id: 'V1',
        team_id: TEAM_ID,
        type: 'modal',
        callback_id: CONTRACT_MODAL_CALLBACK_ID,
        hash: 'h1',
        private_metadata: '',
        state: { values: { zone: text('Europe/Paris') } },
      },
      actions: [
        {
          type: 'static_select',
          action_id: CONTRACT_VENDOR_ACTION_ID,
          block_id: 'vendor',
          selected_option: { value: 'autodesk', text: { type: 'plain_text', text: 'Autodesk' } },
          action_ts: '1',
        },
      ],
    });
    expect(res.status).toBe(200);
    const update = await h.fake.waitFor(() => h.fake.callsTo('views.update')[0]);
    expect(update.params.view_id).toBe('V1');
    const blocks = json(update.params.view.blocks);
    expect(blocks).toContain('plan:autodesk');
    expect(blocks).toContain('Europe/Paris');
    expect(blocks).not.toContain('"value":"gold"');
  });
});

describe('events and the Home tab', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('answers a mention in a thread in that thread, once, though Slack sends it twice', async () => {
    const text = '<@UBOT> sla p1 gold';
    const common = {
      channel: 'C0GENERAL',
      user: 'U0ASKER',
      text,
      ts: '1700000100.000200',
      thread_ts: '1700000000.000100',
    };
    const first = await h.event({ type: 'app_mention', ...common, event_ts: common.ts });
    const second = await h.event({ type: 'message', channel_type: 'channel', ...common, event_ts: common.ts });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    const posts = h.fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.params).toMatchObject({ channel: 'C0GENERAL', thread_ts: '1700000000.000100' });
    expect(json(posts[0]!.params.blocks)).toMatch(/P1/);
  });

  it('answers a top-level mention in a thread under it, not at the top of the channel', async () => {
    await h.event({
      type: 'app_mention',
      channel: 'C0GENERAL',
      user: 'U0ASKER',
      text: '<@UBOT> sla p1 gold',
      ts: '1700000300.000100',
    });
    const [post] = h.fake.callsTo('chat.postMessage');
    expect(post?.params).toMatchObject({ channel: 'C0GENERAL', thread_ts: '1700000300.000100' });
  });

  it('answers a message in the app’s DM, and ignores channel chatter that does not mention it', async () => {
    await h.event({
      type: 'message',
      channel_type: 'channel',
      channel: 'C0GENERAL',
      user: 'U0ASKER',
      text: 'lunch?',
      ts: '1.1',
    });
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
    await h.event({ type: 'message', channel_type: 'im', channel: 'D0DM', user: 'U0ASKER', text: 'help', ts: '1.2' });
    const [post] = h.fake.callsTo('chat.postMessage');
    expect(post?.params.channel).toBe('D0DM');
  });

  it('ignores its own messages and edits', async () => {
    await h.event({
      type: 'message',
      channel_type: 'im',
      channel: 'D0DM',
      user: 'UBOT',
      bot_id: 'BBOT',
      text: 'help',
      ts: '2.1',
    });
    await h.event({
      type: 'message',
      subtype: 'message_changed',
      channel_type: 'im',
      channel: 'D0DM',
      ts: '2.2',
      message: { text: 'help' },
    });
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('publishes the Home tab with the workspace’s contracts, cases and quotas', async () => {
    await h.command('contract add autodesk enterprise region=emea name=Design');
    await h.command('quota use coaching 1');
    const res = await h.event({
      type: 'app_home_opened',
      user: 'U0ASKER',
      channel: 'D0DM',
      tab: 'home',
      event_ts: '3.1',
    });
    expect(res.status).toBe(200);
    const [publish] = h.fake.callsTo('views.publish');
    expect(publish?.params.user_id).toBe('U0ASKER');
    const view = publish?.params.view;
    expect(view.type).toBe('home');
    expect(blockLimitViolations(view.blocks, 100)).toEqual([]);
    const text = json(view.blocks);
    expect(text).toContain('Design');
    expect(text).toMatch(/1 of 3 sessions used, \*2 left\*/);
    expect(text).toContain(OPEN_CONTRACT_MODAL_ACTION_ID);
  });

  it('shows an open case on Home with its next due time as a date token for each reader, rolled up', async () => {
    h.fake.setUser('U0ASKER', { tz: 'Asia/Singapore' });
    await h.command('contract add jamf gold zone=Europe/Berlin holidays=DE');
    const thread = { channel: 'C0GENERAL', user: 'U0ASKER', thread_ts: '1700000000.000100' };
    await h.event({ type: 'app_mention', ...thread, text: '<@UBOT> case open p1', ts: '1700000200.000300' });
    expect(await h.store.listCases(TEAM_ID, { status: 'open' })).toHaveLength(1);
    await h.event({ type: 'app_home_opened', user: 'U0ASKER', channel: 'D0DM', tab: 'home', event_ts: '3.2' });
    const view = h.fake.callsTo('views.publish').at(-1)?.params.view;
    const text = json(view.blocks);
    expect(text).toMatch(/Case #1/);
    expect(text).toContain('<#C0GENERAL>');
    expect(text).toMatch(/First response: <!date\^\d+\^\{date_short_pretty\} \{time\}\|[^|>]+\(Europe\/Berlin\)>/);
    expect(text).toMatch(/— in [^"]*, [^"]* of business time/);
    expect(text).not.toContain('your time');
  });

  it('opens the contract modal from the Home button, and removes a contract from Home', async () => {
    await h.command('contract add jamf gold zone=Europe/Berlin');
    const base = {
      type: 'block_actions',
      team: { id: TEAM_ID, domain: 'fake' },
      user: { id: 'U0ASKER', team_id: TEAM_ID },
      api_app_id: 'A0APP',
      trigger_id: 'trig-home',
      container: { type: 'view', view_id: 'VHOME' },
      view: { id: 'VHOME', type: 'home', team_id: TEAM_ID, hash: 'h', private_metadata: '', state: { values: {} } },
    };
    await h.interaction({
      ...base,
      actions: [
        { type: 'button', action_id: OPEN_CONTRACT_MODAL_ACTION_ID, block_id: 'b', value: 'home', action_ts: '1' },
      ],
    });
    const open = h.fake.callsTo('views.open')[0];
    expect(open?.params.trigger_id).toBe('trig-home');
    const [contract] = await h.store.listContracts(TEAM_ID);
    await h.interaction({
      ...base,
      actions: [
        {
          type: 'button',
          action_id: REMOVE_CONTRACT_ACTION_ID,
          block_id: 'b',
          value: String(contract!.id),
          action_ts: '2',
        },
      ],
    });
    expect(await h.store.listContracts(TEAM_ID)).toHaveLength(0);
    expect(json(h.fake.callsTo('views.publish').at(-1)?.params.view)).toContain(`Contract #${contract!.id} removed`);
  });
});

describe('OAuth mode: many workspaces', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ mode: 'oauth', teams: [TEAM_ID, 'T0OTHER'] });
  });
  afterEach(async () => {
    await h.close();
  });

  it('answers each workspace with its own token and its own contracts', async () => {
    await h.command('contract add jamf gold zone=Europe/Berlin', { teamId: TEAM_ID });
    await h.command('contract add autodesk enterprise region=apac', { teamId: 'T0OTHER' });
    expect((await h.store.listContracts(TEAM_ID)).map((c) => c.vendor)).toEqual(['jamf']);
    expect((await h.store.listContracts('T0OTHER')).map((c) => c.vendor)).toEqual(['autodesk']);
    await h.event({ type: 'app_home_opened', user: 'U0OTHER', channel: 'D1', tab: 'home', event_ts: '4.1' }, 'T0OTHER');
    const publish = h.fake.callsTo('views.publish').at(-1)!;
    expect(publish.token).toBe('xoxb-t0other');
    expect(json(publish.params.view)).toContain('Autodesk');
    expect(json(publish.params.view)).not.toContain('Jamf');
  });

  it('keeps no Web API client per workspace: one shared client, each call with its own workspace’s token', async () => {
    await h.command('help', { teamId: TEAM_ID, userId: 'U0ONE' });
    await h.command('help', { teamId: 'T0OTHER', userId: 'U0TWO' });
    const tokens = h.fake.callsTo('users.info').map((c) => [c.params.user, c.token, c.params.team_id]);
    expect(tokens).toEqual([
      ['U0ONE', botTokenFor(TEAM_ID), TEAM_ID],
      ['U0TWO', botTokenFor('T0OTHER'), 'T0OTHER'],
    ]);
    // Bolt would otherwise keep a WebClient (about 31 KB) per workspace for the life of the process
    expect((h.app.app as unknown as { clients: Record<string, unknown> }).clients).toEqual({});
  });

  it('deletes a workspace’s tokens on app_uninstalled and on tokens_revoked, and keeps the other’s', async () => {
    await h.command('contract add jamf gold zone=Europe/Berlin', { teamId: TEAM_ID });
    const res = await h.event({ type: 'app_uninstalled', event_ts: '5.1' }, TEAM_ID);
    expect(res.status).toBe(200);
    expect(await h.store.fetchWorkspaceInstallation(TEAM_ID)).toBeNull();
    expect(await h.store.fetchWorkspaceInstallation('T0OTHER')).not.toBeNull();
    // the workspace's data stays (a reinstall finds its contracts)
    expect(await h.store.listContracts(TEAM_ID)).toHaveLength(1);
    await h.event({ type: 'tokens_revoked', tokens: { oauth: [], bot: ['UBOT'] }, event_ts: '5.2' }, 'T0OTHER');
    expect(await h.store.fetchWorkspaceInstallation('T0OTHER')).toBeNull();
  });
});
