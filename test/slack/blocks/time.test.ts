import { describe, expect, it } from 'vitest';
import { slackDate, withDateTokens } from '../../../src/slack/blocks/time.js';
import { formatTime } from '../../../src/text/time.js';

describe('date tokens', () => {
  const at = Date.parse('2026-12-07T17:00:00Z');

  it('gives a token with the instant and a readable fallback in the named zone', () => {
    expect(slackDate(at, 'America/New_York')).toBe(
      `<!date^${at / 1000}^{date_short_pretty} {time}|Mon 7 Dec 2026 12:00 (America/New_York)>`,
    );
  });

  it('turns each instant a text names into one token, never a token inside a token', () => {
    const plain = formatTime(at, 'America/New_York');
    const text = `Standard: due ${plain} (4 h); Gold: due ${plain} (4 h).`;
    // the same instant listed twice (two plans due at once)
    const out = withDateTokens(text, [
      { at, zone: 'America/New_York' },
      { at, zone: 'America/New_York' },
    ]);
    expect(out.split('<!date^').length - 1).toBe(2);
    expect(out).not.toMatch(/\|<!date/);
    expect(out).toBe(text.split(plain).join(slackDate(at, 'America/New_York')));
  });
});
