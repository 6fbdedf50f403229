/**
 * A Chinese reader gets the app's refusals, case problems, button and shortcut lines, settings and Home notes in
 * Chinese, in their own script (their Slack locale, or the script of what they wrote): no English words but
 * names, codes, commands and Slack's tokens. Over real HTTP, as the English replies are in the other e2e tests.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { REMOVE_CONTRACT_ACTION_ID } from '../../src/slack/blocks/home.js';
import { contract } from '../support/cases.js';
import { englishIn, SIMPLIFIED_ONLY, TRADITIONAL_ONLY } from '../support/chinese.js';
import { BOT_USER_ID, type Harness, startHarness, TEAM_ID } from '../support/slack-harness.js';

const CHANNEL = 'C0CASES';
let h: Harness;
let seq = 0;

afterEach(async () => {
  await h.close();
});

async function start(admins?: string[]) {
  h = await startHarness({ admins });
  h.fake.setUser('U0HANT', { tz: 'Asia/Taipei', locale: 'zh-TW', teamId: TEAM_ID });
  h.fake.setUser('U0HANS', { tz: 'Asia/Shanghai', locale: 'zh-CN', teamId: TEAM_ID });
  h.fake.setUser('U0GUEST', { tz: 'Asia/Taipei', locale: 'zh-TW', teamId: 'T0VENDOR' });
  h.fake.setUser('U0EN', { tz: 'Europe/Berlin', locale: 'en-US', teamId: TEAM_ID });
}

/** the texts of Slack calls made since `from` (text and blocks' texts), newest last */
function textsSince(from: number, methods = ['chat.postMessage', 'chat.postEphemeral', 'views.publish']): string[] {
  const out: string[] = [];
  const walk = (v: unknown, key?: string) => {
    if (typeof v === 'string') {
      if (key === 'text') out.push(v);
    } else if (Array.isArray(v)) for (const x of v) walk(x, key);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (k !== 'value') walk(x, k);
  };
  for (const m of methods) for (const call of h.fake.callsTo(m).slice(from)) walk(call.params);
  return out;
}

function callCount(): number {
  return h.fake.callsTo('chat.postMessage').length + h.fake.callsTo('chat.postEphemeral').length;
}

/** a mention in the channel; returns the texts of what the app posted in reply */
async function say(text: string, opts: { user?: string; userTeam?: string; shared?: boolean; thread?: string } = {}) {
  seq += 1;
  const ts = `1764600000.${String(seq).padStart(6, '0')}`;
  const posts = h.fake.callsTo('chat.postMessage').length;
  const ephemerals = h.fake.callsTo('chat.postEphemeral').length;
  await h.event(
    {
      type: 'message',
      channel: CHANNEL,
      channel_type: 'channel',
      user: opts.user ?? 'U0HANT',
      user_team: opts.userTeam ?? TEAM_ID,
      team: opts.userTeam ?? TEAM_ID,
      text: `<@${BOT_USER_ID}> ${text}`,
      ts,
      ...(opts.thread ? { thread_ts: opts.thread } : {}),
      event_ts: ts,
    },
    TEAM_ID,
    opts.shared ? { is_ext_shared_channel: true } : {},
  );
  return [...textsSince(posts, ['chat.postMessage']), ...textsSince(ephemerals, ['chat.postEphemeral'])].join('\n');
}

/** the reply is Chinese in `script`, with no English words but names, codes and commands */
function expectChinese(reply: string, script: 'zh-Hant' | 'zh-Hans') {
  expect(reply).toMatch(/\p{Script=Han}/u);
  expect(englishIn(reply.split('\n'))).toEqual([]);
  // the contract's words (a note quoting a target) stay as the source has them, in Traditional
  const own = reply.split('\n').filter((line) => !line.startsWith(':information_source:'));
  expect(own.join('\n')).not.toMatch(script === 'zh-Hans' ? TRADITIONAL_ONLY : SIMPLIFIED_ONLY);
}

function button(user: { id: string; team_id: string }, actionId: string, value: string, extra = {}) {
  return {
    type: 'block_actions',
    team: { id: TEAM_ID, domain: 'fake' },
    user,
    api_app_id: 'A0APP',
    trigger_id: 'trig',
    channel: { id: CHANNEL, name: 'cases' },
    container: { type: 'message', message_ts: '1764600000.000001', channel_id: CHANNEL },
    message: { type: 'message', ts: '1764600000.000001', text: 'x' },
    response_url: h.fake.responseUrl(),
    actions: [{ type: 'button', action_id: actionId, block_id: 'b', value, action_ts: '1' }],
    ...extra,
  };
}

function shortcut(user: string, message: string) {
  return h.interaction({
    type: 'message_action',
    callback_id: 'track_vendor_case',
    team: { id: TEAM_ID, domain: 'fake' },
    user: { id: user, team_id: TEAM_ID },
    channel: { id: CHANNEL, name: 'cases' },
    message: { type: 'message', ts: message, text: 'Ticket 123 from Jamf', user },
    trigger_id: 'trig-9',
    response_url: h.fake.responseUrl(),
    message_ts: message,
  });
}

describe('refusals in the reader’s language and script', () => {
  it.each([
    ['zh-Hant', 'U0GUEST', '只有安裝 Entitlebot 的組織成員'],
    ['zh-Hans', 'U0GUEST', '只有安装 Entitlebot 的组织成员'],
  ] as const)(
    'a guest in a shared channel (%s) is refused in Chinese, and nothing is stored',
    async (script, user, words) => {
      await start();
      if (script === 'zh-Hans') h.fake.setUser(user, { tz: 'Asia/Shanghai', locale: 'zh-CN', teamId: 'T0VENDOR' });
      const reply = await say('contract add jamf gold zone=UTC', { user, userTeam: 'T0VENDOR', shared: true });
      expect(reply).toContain(words);
      expectChinese(reply, script);
      expect(await h.store.listContracts(TEAM_ID)).toEqual([]);
    },
  );

  it('a member who is not a contract admin is told who is, in Chinese; in English as before', async () => {
    await start(['U0ADMIN']);
    const zh = await say('contract add jamf gold zone=UTC', { user: 'U0HANS' });
    expect(zh).toMatch(/只有此工作区的合约管理员（<@U0ADMIN>）/);
    expectChinese(zh, 'zh-Hans');
    expect(await say('contract add jamf gold zone=UTC', { user: 'U0EN' })).toMatch(
      /Only the contract admins of this workspace can add or remove contracts \(<@U0ADMIN>\)/,
    );
  });

  it('the case buttons refuse a guest in their language', async () => {
    await start();
    await h.store.addContract(TEAM_ID, contract({ vendor: 'jamf', plan: 'gold' }));
    const thread = '1764600000.000500';
    await say('case open p1', { thread, user: 'U0EN' });
    const kase = (await h.store.getCaseByThread(TEAM_ID, CHANNEL, thread))!;
    const from = callCount();
    await h.interaction(
      button({ id: 'U0GUEST', team_id: 'T0VENDOR' }, 'case_close', JSON.stringify({ caseId: kase.id }), {
        is_ext_shared_channel: true,
      }),
    );
    const said = h.fake.callsTo('chat.postEphemeral').at(-1)?.params.text as string;
    expect(callCount()).toBeGreaterThan(from);
    expectChinese(said, 'zh-Hant');
    expect((await h.store.getCase(TEAM_ID, kase.id))!.status).toBe('open');
  });
});

describe('cases in Chinese', () => {
  it('case owner, a case problem and an unknown case word answer in the reader’s script', async () => {
    await start();
    await h.store.addContract(TEAM_ID, contract({ vendor: 'jamf', plan: 'gold' }));
    const thread = '1764600000.000700';
    expectChinese(await say('case open p1', { thread, user: 'U0HANS' }), 'zh-Hans');
    const owner = await say('case owner <@U0HANT>', { thread, user: 'U0HANS' });
    expect(owner).toContain('已记录新的负责人');
    expectChinese(owner, 'zh-Hans');
    const back = await say('case owner', { thread, user: 'U0HANT' });
    expect(back).toContain('案件已交回開案的人負責');
    expectChinese(back, 'zh-Hant');
    await say('case close', { thread, user: 'U0HANT' });
    const closed = await say('case close', { thread, user: 'U0HANT' });
    expect(closed).toMatch(/案件 #\d+ 已結案。`case reopen` 可重新開啟/);
    expectChinese(closed, 'zh-Hant');
  });

  it('the snooze button and the vendor reply acknowledgement are told in the reader’s language', async () => {
    await start();
    await h.store.addContract(TEAM_ID, contract({ vendor: 'jamf', plan: 'gold' }));
    const thread = '1764600000.000800';
    await say('case open p1', { thread, user: 'U0HANT' });
    const kase = (await h.store.getCaseByThread(TEAM_ID, CHANNEL, thread))!;
    const [reminder] = await h.store.listReminders(TEAM_ID, { caseId: kase.id, status: 'pending' });
    await h.interaction(
      button(
        { id: 'U0HANS', team_id: TEAM_ID },
        'reminder_snooze_30',
        JSON.stringify({ caseId: kase.id, reminderId: reminder!.id }),
      ),
    );
    const snoozed = h.fake.callsTo('chat.postEphemeral').at(-1)?.params.text as string;
    expect(snoozed).toContain('已延后');
    expectChinese(snoozed, 'zh-Hans');
    // a reminder that is gone: the problem in the clicker's language
    await h.interaction(
      button(
        { id: 'U0HANT', team_id: TEAM_ID },
        'reminder_snooze_30',
        JSON.stringify({ caseId: kase.id, reminderId: 9999 }),
      ),
    );
    const gone = h.fake.callsTo('chat.postEphemeral').at(-1)?.params.text as string;
    expect(gone).toContain('這則提醒已不存在');

    // the vendor answers in the (shared) thread: the owner is told, in their language, with an Undo in it
    const replyTs = (Date.now() / 1000).toFixed(6);
    await h.event(
      {
        type: 'message',
        channel: CHANNEL,
        channel_type: 'channel',
        user: 'U0VENDOR',
        user_team: 'T0VENDOR',
        team: 'T0VENDOR',
        text: 'We are looking into it.',
        ts: replyTs,
        thread_ts: thread,
        event_ts: replyTs,
      },
      TEAM_ID,
    );
    const ack = await h.fake.waitFor(() =>
      h.fake.callsTo('chat.postEphemeral').find((c) => c.params.user === 'U0HANT' && /廠商/.test(c.params.text)),
    );
    expectChinese(ack.params.text, 'zh-Hant');
    expect(JSON.stringify(ack.params.blocks)).toContain('復原');
  });

  it('the track shortcut says “add a contract first” and “already tracked” in the reader’s script', async () => {
    await start();
    await shortcut('U0HANS', '1764600000.001000');
    const first = (await h.fake.waitFor(() => h.fake.callsTo('chat.postEphemeral').at(-1))).params.text;
    expect(first).toMatch(/请先(新增|添加)合约/);
    expectChinese(first, 'zh-Hans');

    await h.store.addContract(TEAM_ID, contract({ vendor: 'jamf', plan: 'gold' }));
    const thread = '1764600000.001100';
    await say('case open p1', { thread, user: 'U0EN' });
    const before = h.fake.callsTo('chat.postEphemeral').length;
    await shortcut('U0HANT', thread);
    const tracked = (await h.fake.waitFor(() => h.fake.callsTo('chat.postEphemeral')[before])).params.text;
    expect(tracked).toMatch(/本討論串已在追蹤案件 #\d+/);
    expectChinese(tracked, 'zh-Hant');
  });
});

describe('settings and the Home tab', () => {
  it('`settings` answers in the asker’s Slack language; English as before', async () => {
    await start();
    const zh = await say('settings', { user: 'U0HANS' });
    expect(zh).toContain('升级频道');
    expectChinese(zh, 'zh-Hans');
    const which = await say('settings colour', { user: 'U0HANT' });
    expect(which).toContain('不是我認得的設定');
    expect(await say('settings', { user: 'U0EN' })).toContain('Escalation channel (receives every breach): none.');
  });

  it('removing a contract from the Home tab notes it in Chinese', async () => {
    await start();
    const c = await h.store.addContract(TEAM_ID, contract({ vendor: 'jamf', plan: 'gold' }));
    await h.interaction(button({ id: 'U0HANS', team_id: TEAM_ID }, REMOVE_CONTRACT_ACTION_ID, String(c.id)));
    const view = JSON.stringify(h.fake.callsTo('views.publish').at(-1)?.params.view);
    expect(view).toContain(`已移除合约 #${c.id}。`);
    expect(view).not.toContain('removed');
  });
});
