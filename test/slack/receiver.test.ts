import { verifySlackRequest } from '@slack/bolt';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeenSignatures, verifySlackSignature } from '../../src/slack/receiver.js';
import { slackSignature } from '../support/signed-request.js';

describe('Slack request signing', () => {
  // The body exactly as Slack's "Verifying requests from Slack" page prints it (token xyzz0WbapA4vBCDEFasx0q6G).
  it('reproduces Slack’s documented example signature, and our verifier accepts it only as it was sent', () => {
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(slackSignature('8f742231b10e8888abcd99yyyzzz85a5', 1531420618, body)).toBe(
      'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
    );
    const signature = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';
    const verify = (secret: string, text: string | Buffer, nowSeconds: number) =>
      verifySlackSignature(secret, text, signature, 1531420618, nowSeconds * 1000);
    expect(verify('8f742231b10e8888abcd99yyyzzz85a5', body, 1531420618 + 60)).toBe('ok');
    expect(verify('8f742231b10e8888abcd99yyyzzz85a5', Buffer.from(body), 1531420618 - 60)).toBe('ok');
    expect(verify('8f742231b10e8888abcd99yyyzzz85a5', `${body}&x=1`, 1531420618 + 60)).toBe('mismatch');
    expect(verify('0f742231b10e8888abcd99yyyzzz85a5', body, 1531420618 + 60)).toBe('mismatch');
    expect(verify('8f742231b10e8888abcd99yyyzzz85a5', body, 1531420618 + 301)).toBe('stale');
    expect(verify('8f742231b10e8888abcd99yyyzzz85a5', body, 1531420618 - 301)).toBe('future');
    // Bolt's own verifier agrees on the same example (ours replaces it on the request path)
    expect(() =>
      verifySlackRequest({
        signingSecret: '8f742231b10e8888abcd99yyyzzz85a5',
        body,
        headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': 1531420618 },
        nowMilliseconds: (1531420618 + 60) * 1000,
      }),
    ).not.toThrow();
  });
});

describe('verifySlackSignature', () => {
  it('accepts what was signed with the secret within five minutes either way, and nothing altered', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.string(),
        fc.integer({ min: 1_500_000_000, max: 2_000_000_000 }),
        fc.integer({ min: -300, max: 300 }),
        fc.nat(),
        (secret, body, ts, skew, at) => {
          const signature = slackSignature(secret, ts, body);
          const now = (ts + skew) * 1000;
          expect(verifySlackSignature(secret, body, signature, ts, now)).toBe('ok');
          expect(verifySlackSignature(secret, `${body}.`, signature, ts, now)).toBe('mismatch');
          expect(verifySlackSignature(`${secret}.`, body, signature, ts, now)).toBe('mismatch');
          expect(verifySlackSignature(secret, body, signature, ts + 1, now)).not.toBe('ok');
          // one character of the signature changed
          const i = 3 + (at % (signature.length - 3));
          const flipped = signature.slice(0, i) + (signature[i] === '0' ? '1' : '0') + signature.slice(i + 1);
          expect(verifySlackSignature(secret, body, flipped, ts, now)).toBe('mismatch');
          expect(verifySlackSignature(secret, body, signature.slice(0, -1), ts, now)).toBe('mismatch');
        },
      ),
    );
  });
});

describe('SeenSignatures', () => {
  it('accepts a signature once within its five-minute window, and again only after it expired', async () => {
    const seen = new SeenSignatures();
    const t = 1_700_000_000;
    expect(await seen.accept('v0=a', t, t * 1000)).toBe(true);
    expect(await seen.accept('v0=a', t, t * 1000 + 299_000)).toBe(false);
    expect(await seen.accept('v0=b', t, t * 1000 + 1000)).toBe(true);
    // past the window Bolt refuses the timestamp as stale anyway; the entry is dropped
    expect(await seen.accept('v0=a', t, (t + 301) * 1000)).toBe(true);
  });

  it('forgets expired signatures so memory stays bounded', async () => {
    const seen = new SeenSignatures();
    for (let i = 0; i < 1000; i++) await seen.accept(`v0=${i}`, 1000 + i, (1000 + i) * 1000);
    await seen.accept('v0=late', 2000 + 400, (2000 + 400) * 1000);
    expect(seen.size).toBeLessThan(10);
  });
});
