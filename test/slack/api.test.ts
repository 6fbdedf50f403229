/**
 * Downloading a shared file with the workspace's token: only from Slack's file host (here the fake Web API's
 * own host), never more than the limit, and the token goes only there.
 */
import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DownloadError, slackApi } from '../../src/slack/api.js';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.js';

let fake: FakeSlack;
beforeAll(async () => {
  fake = await startFakeSlack();
});
afterAll(() => fake.close());

const api = () =>
  slackApi(new webApi.WebClient(undefined, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } }), {
    botToken: 'xoxb-mine',
  } as never);

describe('SlackApi.download', () => {
  it('fetches a file Slack describes, with the bot token', async () => {
    fake.addFile('FOK', { name: 'a.txt', content: 'hello', token: 'xoxb-mine' });
    const info = await api().files.info({ file: 'FOK' });
    const url = (info.file as { url_private_download: string }).url_private_download;
    expect(Buffer.from(await api().download(url, 100)).toString()).toBe('hello');
    expect(fake.downloads.at(-1)).toEqual({ id: 'FOK', token: 'xoxb-mine' });
  });

  it('refuses a URL on another host without sending the token, and a file over the limit', async () => {
    const before = fake.downloads.length;
    await expect(api().download('https://attacker.example/files/F1', 100)).rejects.toThrow(DownloadError);
    await expect(api().download('not a url', 100)).rejects.toThrow(/no download address/);
    expect(fake.downloads.length).toBe(before);
    fake.addFile('FBIG', { name: 'b.txt', content: 'x'.repeat(1000) });
    const info = await api().files.info({ file: 'FBIG' });
    const url = (info.file as { url_private_download: string }).url_private_download;
    await expect(api().download(url, 100)).rejects.toThrow(/1000 bytes; the limit is 100/);
  });

  it('says so when Slack refuses the download (a revoked token)', async () => {
    fake.addFile('FTOK', { name: 'c.txt', content: 'x', token: 'xoxb-other' });
    const info = await api().files.info({ file: 'FTOK' });
    const url = (info.file as { url_private_download: string }).url_private_download;
    await expect(api().download(url, 100)).rejects.toThrow(/Slack answered 403/);
  });
});
