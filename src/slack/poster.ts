/**
 * Where the scheduler's messages go in Slack (the console's poster is src/console/poster.ts).
 * `slackPoster`: chat.postMessage in the case thread with the workspace's own bot token (from the
 *   installation store, or the single-workspace bot token), without the Web API client's own retries, so
 *   that the scheduler decides: Retry-After on 429, backoff on 5xx and network errors, give up on
 *   permanent errors.
 *
 * Bolt (and its Web API client) is imported when the first message is posted, not with this module: the console
 * and `entitlebot reminders` without Slack credentials import this file too, and loading Bolt costs a few hundred
 * milliseconds of start-up that they have no use for.
 */
import type { webApi } from '@slack/bolt';
import type { PostOutcome, ReminderPoster } from '../reminders/scheduler.js';
import type { Store } from '../store/index.js';
import { reminderBlocks } from './blocks/reminder.js';

/** Slack errors after which trying again cannot help. */
const PERMANENT = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'no_permission',
  'missing_scope',
  'restricted_action',
  'msg_too_long',
  'invalid_blocks',
  'team_access_not_granted',
]);

export interface SlackPosterOptions {
  store: Pick<Store, 'fetchWorkspaceInstallation'>;
  /** the single-workspace bot token (Socket Mode or plain HTTP), used when no installation is stored */
  botToken?: string;
  slackApiUrl?: string;
  /** per request; a hung connection counts as a network error */
  timeoutMs?: number;
}

type WebApi = typeof webApi;
let loadedWebApi: WebApi | undefined;

async function loadWebApi(): Promise<WebApi> {
  loadedWebApi ??= (await import('@slack/bolt')).webApi;
  return loadedWebApi;
}

export function slackPoster(options: SlackPosterOptions): ReminderPoster {
  // one client for every workspace, the token on each call: a client per token would be kept for good
  let client: webApi.WebClient | undefined;
  const clientFor = async () => {
    if (client) return client;
    const api = await loadWebApi();
    client = new api.WebClient(undefined, {
      slackApiUrl: options.slackApiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      timeout: options.timeoutMs ?? 10_000,
      logLevel: api.LogLevel.ERROR,
    });
    return client;
  };

  return {
    async post(message) {
      let token: string | undefined;
      try {
        token = options.store.fetchWorkspaceInstallation(message.workspaceId)?.bot?.token ?? options.botToken;
      } catch {
        token = options.botToken;
      }
      if (!token) {
        return { ok: false, kind: 'permanent', error: `no bot token for workspace ${message.workspaceId}` };
      }
      try {
        const base = {
          channel: message.channel,
          text: message.text,
          blocks: reminderBlocks(message),
          unfurl_links: false,
        };
        const result = await (await clientFor()).chat.postMessage({
          token,
          ...(message.threadTs ? { ...base, thread_ts: message.threadTs, reply_broadcast: message.broadcast } : base),
        });
        return { ok: true, ts: result.ts ?? null };
      } catch (error) {
        return classify(error);
      }
    },
  };
}

// biome-ignore lint/suspicious/noExplicitAny: Web API errors are coded errors with extra fields
export function classify(error: any): PostOutcome {
  const code = error?.code;
  // a Web API error comes from a loaded client, so the module is loaded by now
  const api = loadedWebApi;
  if (!api) return { ok: false, kind: 'transient', error: String(error?.message ?? error) };
  if (code === api.ErrorCode.RateLimitedError) {
    const seconds = Number(error.retryAfter);
    return {
      ok: false,
      kind: 'rate-limited',
      retryAfterMs: (Number.isFinite(seconds) ? seconds : 1) * 1000,
      error: 'HTTP 429 ratelimited',
    };
  }
  if (code === api.ErrorCode.PlatformError) {
    const slackError = String(error.data?.error ?? 'unknown_error');
    if (slackError === 'ratelimited') return { ok: false, kind: 'rate-limited', retryAfterMs: 1000, error: slackError };
    return PERMANENT.has(slackError)
      ? { ok: false, kind: 'permanent', error: slackError }
      : { ok: false, kind: 'transient', error: slackError };
  }
  if (code === api.ErrorCode.HTTPError) {
    const status = Number(error.statusCode);
    const kind = status >= 500 || status === 408 ? 'transient' : 'permanent';
    return { ok: false, kind, error: `HTTP ${status}` };
  }
  return { ok: false, kind: 'transient', error: String(error?.message ?? error) };
}
