/**
 * The asker's Slack locale (users.info with include_locale) decides the language of replies to commands that
 * have no words of their own; a question in words is answered in its own language. Over real HTTP.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness, TEAM_ID } from '../support/slack-harness.js';

const json = (x: unknown) => JSON.stringify(x);

describe('replies in the asker’s Slack language', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('a zh-TW user gets `sla p1 gold` and `help` in Traditional Chinese, and the locale is cached', async () => {
    h.fake.setUser('U0ASKER', { tz: 'Asia/Taipei', locale: 'zh-TW' });
    const sla = json((await h.command('sla p1 gold')).json.blocks);
    expect(sla).toContain('首次回應');
    expect(sla).not.toContain('First response');
    const help = json((await h.command('help')).json.blocks);
    expect(help).toContain('指令');
    expect(h.fake.callsTo('users.info')).toHaveLength(1);
    expect(h.fake.callsTo('users.info')[0]?.params.include_locale).toBeTruthy();
    expect(await h.store.getCachedUser(TEAM_ID, 'U0ASKER', Date.now(), 60_000)).toEqual({
      zone: 'Asia/Taipei',
      locale: 'zh-TW',
    });
  });

  it('a zh-CN user gets Simplified Chinese', async () => {
    h.fake.setUser('U0ASKER', { tz: 'Asia/Shanghai', locale: 'zh-CN' });
    const sla = json((await h.command('sla p1 gold')).json.blocks);
    expect(sla).toContain('首次回应');
    expect(sla).not.toContain('首次回應');
  });

  it('a question in English words is answered in English whatever the locale', async () => {
    h.fake.setUser('U0ASKER', { tz: 'Asia/Taipei', locale: 'zh-TW' });
    const res = json((await h.command('how fast does gold answer a p1?')).json.blocks);
    expect(res).toContain('First response');
  });

  it('an en-US user, or one whose locale Slack does not give, gets English', async () => {
    h.fake.setUser('U0ASKER', { tz: 'Asia/Taipei', locale: 'en-US' });
    expect(json((await h.command('sla p1 gold')).json.blocks)).toContain('First response');
    h.fake.setUser('U0OTHER', { tz: 'Asia/Taipei' });
    const other = await h.command('sla p1 gold', { userId: 'U0OTHER' });
    expect(json(other.json.blocks)).toContain('First response');
  });

  it('a zone cached before locales were asked for is asked again, to learn the locale', async () => {
    await h.store.cacheUserZone(TEAM_ID, 'U0ASKER', 'Asia/Taipei', Date.now());
    h.fake.setUser('U0ASKER', { tz: 'Asia/Taipei', locale: 'zh-TW' });
    expect(json((await h.command('sla p1 gold')).json.blocks)).toContain('首次回應');
    expect(h.fake.callsTo('users.info')).toHaveLength(1);
  });
});
