import { verifySlackRequest } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { SeenSignatures } from '../../src/slack/receiver.js';
import { slackSignature } from '../support/signedRequest.js';

describe('Slack request signing', () => {
  // The body exactly as Slack's "Verifying requests from Slack" page prints it (token xyzz0WbapA4vBCDEFasx0q6G).
  it('reproduces Slack’s documented example signature, and Bolt’s verifier accepts it at that time', () => {
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(slackSignature('8f742231b10e8888abcd99yyyzzz85a5', 1531420618, body)).toBe(
      'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
    );
    const verify = (secret: string, text: string, nowSeconds: number) =>
      verifySlackRequest({
        signingSecret: secret,
        body: text,
        headers: {
          'x-slack-signature': 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
          'x-slack-request-timestamp': 1531420618,
        },
        nowMilliseconds: nowSeconds * 1000,
      });
    expect(() => verify('8f742231b10e8888abcd99yyyzzz85a5', body, 1531420618 + 60)).not.toThrow();
    expect(() => verify('8f742231b10e8888abcd99yyyzzz85a5', `${body}&x=1`, 1531420618 + 60)).toThrow(/signature/);
    expect(() => verify('8f742231b10e8888abcd99yyyzzz85a5', body, 1531420618 + 301)).toThrow(/stale/);
  });
});

describe('SeenSignatures', () => {
  it('accepts a signature once within its five-minute window, and again only after it expired', () => {
    const seen = new SeenSignatures();
    const t = 1_700_000_000;
    expect(seen.accept('v0=a', t, t * 1000)).toBe(true);
    expect(seen.accept('v0=a', t, t * 1000 + 299_000)).toBe(false);
    expect(seen.accept('v0=b', t, t * 1000 + 1000)).toBe(true);
    // past the window Bolt refuses the timestamp as stale anyway; the entry is dropped
    expect(seen.accept('v0=a', t, (t + 301) * 1000)).toBe(true);
  });

  it('forgets expired signatures so memory stays bounded', () => {
    const seen = new SeenSignatures();
    for (let i = 0; i < 1000; i++) seen.accept(`v0=${i}`, 1000 + i, (1000 + i) * 1000);
    seen.accept('v0=late', 2000 + 400, (2000 + 400) * 1000);
    expect(seen.size).toBeLessThan(10);
  });
});
