/**
 * Issue 12, finding 9: the replay guard and the "act on a message once" memory live in the store, so a captured
 * request is refused after a restart (and by another process on the same database), and a mention Slack
 * delivers again after a restart is not answered twice.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { postRaw, signRequest, slashCommandBody } from '../support/signed-request.js';
import { type Harness, SIGNING_SECRET, startHarness, TEAM_ID } from '../support/slack-harness.js';
import { tempDir } from '../support/store.js';

const temp = tempDir();
let harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses) await h.close();
  harnesses = [];
  temp.cleanup();
});

async function restartable(path: string) {
  const store = await openStore(path);
  const h = await startHarness({ store });
  harnesses.push(h);
  return {
    h,
    stop: async () => {
      await h.close();
      harnesses = harnesses.filter((x) => x !== h);
      await store.close();
    },
  };
}

describe('replay memory across a restart', () => {
  it('refuses a captured request replayed after the app restarted', async () => {
    const path = temp.file('replay.db');
    const first = await restartable(path);
    const body = slashCommandBody({
      text: 'contract add jamf gold zone=Europe/Berlin',
      responseUrl: first.h.fake.responseUrl(),
    });
    const signed = signRequest(SIGNING_SECRET, body, 'form');
    expect((await postRaw(first.h.url, signed.body, signed.headers)).status).toBe(200);
    await first.stop();

    const second = await restartable(path);
    const replay = await postRaw(second.h.url, signed.body, signed.headers);
    expect(replay.status).toBe(401);
    expect(await second.h.store.listContracts(TEAM_ID)).toHaveLength(1);
  });

  it('refuses it at another process on the same database, too', async () => {
    const path = temp.file('shared.db');
    const a = await restartable(path);
    const b = await restartable(path);
    const signed = signRequest(SIGNING_SECRET, slashCommandBody({ text: 'contract add jamf gold zone=UTC' }), 'form');
    expect((await postRaw(a.h.url, signed.body, signed.headers)).status).toBe(200);
    expect((await postRaw(b.h.url, signed.body, signed.headers)).status).toBe(401);
  });

  it('answers a mention once, though Slack delivers it again after a restart', async () => {
    const path = temp.file('mention.db');
    const event = {
      type: 'message',
      channel_type: 'im',
      channel: 'D0DM',
      user: 'U0ASKER',
      text: 'help',
      ts: '1764600000.000100',
      event_ts: '1764600000.000100',
    };
    const first = await restartable(path);
    await first.h.event(event);
    expect(first.h.fake.callsTo('chat.postMessage')).toHaveLength(1);
    await first.stop();
    const second = await restartable(path);
    // a new delivery (new signature), same message
    await second.h.event(event);
    expect(second.h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('forgets a signature once its window is over, and prunes it from the table', async () => {
    const store = await openStore(':memory:');
    const t = Date.UTC(2026, 0, 1);
    expect(await store.firstSeen('signature', 'abc', t + 300_000, t)).toBe(true);
    expect(await store.firstSeen('signature', 'abc', t + 300_000, t + 1_000)).toBe(false);
    expect(await store.firstSeen('other-kind', 'abc', t + 300_000, t + 1_000)).toBe(true);
    expect(await store.firstSeen('signature', 'abc', t + 900_000, t + 300_000)).toBe(true);
    await store.close();
  });
});
