/**
 * `/support case open` at the top of a channel shared with another organisation: the case message would be the
 * other organisation's to read, so nothing is posted and no case is made; the asker is told where to open it.
 * Slack sends a slash command form-encoded, so its shared flag is the text "true".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import { contract } from '../support/cases.js';
import { type Harness, startHarness, TEAM_ID } from '../support/slack-harness.js';

let h: Harness;
let store: Store;

afterEach(async () => {
  await h.close();
  await store.close();
});

async function start() {
  store = await openStore(':memory:');
  await store.addContract(TEAM_ID, contract({ vendor: 'jamf', plan: 'gold', zone: 'Europe/Berlin' }));
  h = await startHarness({ store });
}

describe('/support case open in a shared channel', () => {
  it('posts nothing, creates no case, and says where to open it', async () => {
    await start();
    const res = await h.command('case open p1', { teamId: TEAM_ID, channelId: 'C0SHARED', sharedChannel: true });
    expect(res.json.response_type).toBe('ephemeral');
    expect(res.json.text).toMatch(/shared with another organisation/);
    expect(res.json.text).toMatch(/Track as vendor case/);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(await store.listCases(TEAM_ID)).toHaveLength(0);
  });

  it('says it in Chinese to a Chinese command', async () => {
    await start();
    const res = await h.command('案件 開案 P1', { teamId: TEAM_ID, channelId: 'C0SHARED', sharedChannel: true });
    expect(res.json.text).toMatch(/共用/);
    expect(await store.listCases(TEAM_ID)).toHaveLength(0);
  });

  it('still opens a case at the top of a channel of our own', async () => {
    await start();
    await h.command('case open p1', { teamId: TEAM_ID, channelId: 'C0OWN' });
    expect(h.fake.callsTo('chat.postMessage').length).toBeGreaterThan(0);
    expect(await store.listCases(TEAM_ID)).toHaveLength(1);
  });
});
