/**
 * Issue 12, finding 10: who may change what. Contracts, quota uses and cases are changed only by members of the
 * installing organisation; a Slack Connect guest in a shared channel changes nothing; ENTITLEBOT_ADMINS (users and
 * user groups) narrows contract changes further. Refusals are clear replies, and nothing is stored.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import { contract } from '../support/cases.js';
import { BOT_USER_ID, type Harness, startHarness, TEAM_ID } from '../support/slack-harness.js';

const CHANNEL = 'C0SHARED';
let h: Harness;
let store: Store;
let seq = 0;

afterEach(async () => {
  await h.close();
  await store.close();
});

async function start(admins?: string[]) {
  store = await openStore(':memory:');
  h = await startHarness({ store, admins });
}

/** a mention in a channel: `userTeam` is the author's own team; `shared` the channel's Slack Connect flag */
async function say(text: string, opts: { user?: string; userTeam?: string; shared?: boolean; thread?: string } = {}) {
  seq += 1;
  const ts = `1764600000.${String(seq).padStart(6, '0')}`;
  await h.event(
    {
      type: 'message',
      channel: CHANNEL,
      channel_type: 'channel',
      user: opts.user ?? 'U0MEMBER',
      ...(opts.userTeam ? { user_team: opts.userTeam, team: opts.userTeam } : {}),
      text: `<@${BOT_USER_ID}> ${text}`,
      ts,
      ...(opts.thread ? { thread_ts: opts.thread } : {}),
      event_ts: ts,
    },
    TEAM_ID,
    opts.shared ? { is_ext_shared_channel: true } : {},
  );
  return lastReply();
}

function lastReply(): string {
  const calls = [...h.fake.callsTo('chat.postMessage'), ...h.fake.callsTo('chat.postEphemeral')].sort(
    (a, b) => a.at - b.at,
  );
  const last = calls.at(-1);
  return last ? `${last.params.text ?? ''} ${JSON.stringify(last.params.blocks ?? [])}` : '';
}

describe('in a channel shared with another organisation', () => {
  it('a guest from the other organisation can change nothing, and is told so', async () => {
    await start();
    const guest = { user: 'U0GUEST', userTeam: 'T0VENDOR', shared: true };
    expect(await say('contract add jamf gold zone=UTC', guest)).toMatch(/Only members of the organisation/);
    expect(await store.listContracts(TEAM_ID)).toEqual([]);

    // a member adds one; the guest can still not use it to change anything
    await say('contract add jamf gold zone=UTC', { userTeam: TEAM_ID, shared: true });
    expect(await store.listContracts(TEAM_ID)).toHaveLength(1);
    expect(await say('contract remove 1', guest)).toMatch(/Only members of the organisation/);
    expect(await say('case open p1', { ...guest, thread: '1764600000.000001' })).toMatch(/Nothing was changed/);
    expect(await store.listCases(TEAM_ID)).toEqual([]);
    expect(await store.listContracts(TEAM_ID)).toHaveLength(1);

    // questions are still answered
    expect(await say('sla p1 gold', guest)).not.toMatch(/Only members/);
  });

  it('someone whose team Slack does not state is not taken for a member there', async () => {
    await start();
    expect(await say('contract add jamf gold zone=UTC', { shared: true })).toMatch(/Only members of the organisation/);
    expect(await store.listContracts(TEAM_ID)).toEqual([]);
    // in a channel of our own, the same message is ours
    await say('contract add jamf gold zone=UTC');
    expect(await store.listContracts(TEAM_ID)).toHaveLength(1);
  });

  it('the case buttons refuse the guest: the case stays open', async () => {
    await start();
    await store.addContract(TEAM_ID, contract({ vendor: 'jamf', plan: 'gold' }));
    const thread = '1764600000.000500';
    await say('case open p1', { userTeam: TEAM_ID, thread });
    const kase = (await store.getCaseByThread(TEAM_ID, CHANNEL, thread))!;
    expect(kase.status).toBe('open');
    await h.interaction({
      type: 'block_actions',
      team: { id: TEAM_ID, domain: 'fake' },
      user: { id: 'U0GUEST', team_id: 'T0VENDOR' },
      api_app_id: 'A0APP',
      trigger_id: 't',
      channel: { id: CHANNEL, name: 'shared' },
      container: { type: 'message', message_ts: thread, channel_id: CHANNEL },
      message: { type: 'message', ts: thread, text: 'x' },
      is_ext_shared_channel: true,
      response_url: h.fake.responseUrl(),
      actions: [
        {
          type: 'button',
          action_id: 'case_close',
          block_id: 'b',
          value: JSON.stringify({ caseId: kase.id, reminderId: 1 }),
          action_ts: '1',
        },
      ],
    });
    expect(h.fake.callsTo('chat.postEphemeral').at(-1)?.params.text).toMatch(/Only members of the organisation/);
    expect((await store.getCase(TEAM_ID, kase.id))!.status).toBe('open');
  });
});

describe('ENTITLEBOT_ADMINS', () => {
  it('narrows contract changes to the users and user groups listed; other members still track cases', async () => {
    await start(['U0ADMIN', 'S0LEGAL']);
    h.fake.setUserGroup('S0LEGAL', ['U0LAWYER']);
    expect(await say('contract add jamf gold zone=UTC', { user: 'U0MEMBER' })).toMatch(
      /Only the contract admins .*<@U0ADMIN>.*<!subteam\^S0LEGAL>/,
    );
    expect(await store.listContracts(TEAM_ID)).toEqual([]);
    await say('contract add jamf gold zone=UTC', { user: 'U0ADMIN' });
    await say('contract add jamf silver zone=UTC', { user: 'U0LAWYER' });
    expect((await store.listContracts(TEAM_ID)).map((c) => c.plan)).toEqual(['gold', 'silver']);
    expect(await say('contract remove 1', { user: 'U0MEMBER' })).toMatch(/Only the contract admins/);
    expect(await store.listContracts(TEAM_ID)).toHaveLength(2);
    // a member who is not an admin opens and closes cases as before
    await say('case open p1 contract=1', { user: 'U0MEMBER', thread: '1764600000.000900' });
    expect(await store.listCases(TEAM_ID)).toHaveLength(1);
  });
});
