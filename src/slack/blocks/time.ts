/**
 * Instants in Slack text: a date token that Slack shows in each reader's own zone and locale, with a readable
 * fallback (the instant in the zone the app knows, e.g. the contract's) where a client cannot render it.
 * https://docs.slack.dev/messaging/formatting-message-text#date-formatting
 */
import type { Language } from '../../model/language.js';
import { formatTime } from '../../text/time.js';

/** `<!date^1700000000^{date_short_pretty} {time}|Tue 3 Mar 2026 14:00 (Europe/Berlin)>` */
export function slackDate(at: number, fallbackZone: string, lang: Language = 'en'): string {
  const seconds = Math.floor(at / 1000);
  // the fallback ends at the first '>' and must not hold a '|' or markup of its own
  const fallback = formatTime(at, fallbackZone, lang).replace(/[|<>&]/g, ' ');
  return `<!date^${seconds}^{date_short_pretty} {time}|${fallback}>`;
}

export interface NamedInstant {
  at: number;
  zone: string;
}

/**
 * Text written for both renderers names instants as plain text ("due Tue 3 Mar 2026 14:00 (Europe/Berlin)");
 * in Slack, each instant the text names that is also known as data becomes a date token, so that every reader
 * sees it in their own zone. Run on text already escaped for mrkdwn (formatted times hold no markup).
 */
export function withDateTokens(text: string, instants: readonly NamedInstant[], lang: Language = 'en'): string {
  const tokens = new Map<string, string>();
  for (const { at, zone } of instants) {
    if (Number.isFinite(at)) tokens.set(formatTime(at, zone, lang), slackDate(at, zone, lang));
  }
  if (tokens.size === 0) return text;
  // one pass, longest first: a token's own fallback is never replaced again
  const pattern = new RegExp(
    [...tokens.keys()]
      .sort((a, b) => b.length - a.length)
      .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|'),
    'g',
  );
  return text.replace(pattern, (plain) => tokens.get(plain) ?? plain);
}
