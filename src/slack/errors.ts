/**
 * Slack Web API errors a person can act on: the app is not in the channel, the channel is gone or archived,
 * posting is restricted. They get a clear reply to the one who asked, not "Something went wrong".
 */
import type { Language } from '../model/language.js';
import { renderWords } from '../text/render-words.js';

/** The errors after which posting in that channel cannot work until someone changes something. */
const CANNOT_POST = new Set([
  'not_in_channel',
  'channel_not_found',
  'is_archived',
  'restricted_action',
  'ekm_access_denied',
  'not_allowed_token_type',
  'missing_scope',
]);

/** The Slack error code of a failed Web API call ("not_in_channel"), if it was one. */
export function slackErrorCode(error: unknown): string | undefined {
  const e = error as { code?: string; data?: { error?: unknown } } | null;
  // webApi.ErrorCode.PlatformError, spelled out so that this module does not load Bolt (see poster.ts)
  if (e?.code !== 'slack_webapi_platform_error') return undefined;
  return typeof e.data?.error === 'string' ? e.data.error : undefined;
}

/** What to tell the person who asked when the app could not post where it had to; undefined for other errors. */
export function cannotPostAdvice(error: unknown, lang: Language = 'en'): string | undefined {
  const code = slackErrorCode(error);
  return code && CANNOT_POST.has(code) ? renderWords(lang).cannotPost(code) : undefined;
}
