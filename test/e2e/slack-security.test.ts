/**
 * Request verification over real HTTP: only requests signed with the app's secret, recent, and not seen before
 * are acted on. Every refused request gets 401 and changes nothing in the store.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postRaw, postSigned, signRequest, slashCommandBody } from '../support/signed-request.js';
import { type Harness, SIGNING_SECRET, startHarness, TEAM_ID } from '../support/slack-harness.js';

describe('signed requests', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const addContract = () =>
    slashCommandBody({ text: 'contract add jamf gold zone=Europe/Berlin', responseUrl: h.fake.responseUrl() });

  it('acts on a correctly signed request', async () => {
    const res = await postSigned(h.url, SIGNING_SECRET, addContract(), 'form');
    expect(res.status).toBe(200);
    expect(await h.store.listContracts(TEAM_ID)).toHaveLength(1);
  });

  it('refuses a forged signature with 401 and stores nothing', async () => {
    const res = await postSigned(h.url, 'not-the-signing-secret', addContract(), 'form');
    expect(res.status).toBe(401);
    expect(await h.store.listContracts(TEAM_ID)).toHaveLength(0);
  });

  it('refuses a body changed after signing', async () => {
    const signed = signRequest(SIGNING_SECRET, slashCommandBody({ text: 'help' }), 'form');
    const res = await postRaw(h.url, addContract(), signed.headers);
    expect(res.status).toBe(401);
    expect(await h.store.listContracts(TEAM_ID)).toHaveLength(0);
  });

  it('refuses a request without signature headers', async () => {
    const res = await postRaw(h.url, addContract(), { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(401);
    expect(await h.store.listContracts(TEAM_ID)).toHaveLength(0);
  });

  it('refuses a timestamp more than five minutes old, though correctly signed', async () => {
    const stale = Math.floor(Date.now() / 1000) - 5 * 60 - 30;
    const res = await postSigned(h.url, SIGNING_SECRET, addContract(), 'form', { timestamp: stale });
    expect(res.status).toBe(401);
    expect(await h.store.listContracts(TEAM_ID)).toHaveLength(0);
  });

  it('refuses a timestamp more than five minutes in the future', async () => {
    const future = Math.floor(Date.now() / 1000) + 10 * 60;
    const res = await postSigned(h.url, SIGNING_SECRET, addContract(), 'form', { timestamp: future });
    expect(res.status).toBe(401);
    expect(await h.store.listContracts(TEAM_ID)).toHaveLength(0);
  });

  it('refuses a replay of the same signed request (same signature and timestamp)', async () => {
    const signed = signRequest(SIGNING_SECRET, addContract(), 'form');
    const first = await postRaw(h.url, signed.body, signed.headers);
    expect(first.status).toBe(200);
    const replay = await postRaw(h.url, signed.body, signed.headers);
    expect(replay.status).toBe(401);
    expect(await h.store.listContracts(TEAM_ID)).toHaveLength(1);
  });

  it('is not fooled into refusing a genuine request by a forged one sent first with its headers', async () => {
    const genuine = signRequest(SIGNING_SECRET, addContract(), 'form');
    const forged = await postRaw(h.url, slashCommandBody({ text: 'help' }), genuine.headers);
    expect(forged.status).toBe(401);
    const res = await postRaw(h.url, genuine.body, genuine.headers);
    expect(res.status).toBe(200);
    expect(await h.store.listContracts(TEAM_ID)).toHaveLength(1);
  });

  it('refuses a replayed event as well', async () => {
    const body = JSON.stringify({
      token: 'x',
      team_id: TEAM_ID,
      api_app_id: 'A0APP',
      type: 'event_callback',
      event_id: 'Ev1',
      event_time: 1,
      event: { type: 'message', channel_type: 'im', channel: 'D0DM', user: 'U0ASKER', text: 'help', ts: '9.1' },
    });
    const signed = signRequest(SIGNING_SECRET, body, 'json');
    expect((await postRaw(h.url, body, signed.headers)).status).toBe(200);
    expect((await postRaw(h.url, body, signed.headers)).status).toBe(401);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('answers Slack’s URL verification challenge when signed', async () => {
    const body = JSON.stringify({ token: 'x', challenge: 'abc123', type: 'url_verification' });
    const res = await postSigned(h.url, SIGNING_SECRET, body, 'json');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ challenge: 'abc123' });
  });
});
