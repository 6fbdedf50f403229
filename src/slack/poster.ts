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
import type { OutgoingMessage } from '../reminders/message.js';
import type { PostOutcome, ReminderPoster } from '../reminders/scheduler.js';
import type { Store } from '../store/index.js';
import { escapeMrkdwn } from './blocks/limits.js';
import { reminderBlocks, reminderText } from './blocks/reminder.js';
import { cannotPostAdvice } from './errors.js';
import { Permalinks } from './permalinks.js';

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
  store: Pick<Store, 'fetchWorkspaceInstallation' | 'getCase' | 'getSettings'>;
  /** the single-workspace bot token (Socket Mode or plain HTTP), used when no installation is stored */
  botToken?: string;
  slackApiUrl?: string;
  /** per request; a hung connection counts as a network error */
  timeoutMs?: number;
  /**
   * After a case reminder went out: its case just fell due soon or late, so its card should say so (the Slack
   * app passes `syncCaseCard`). Errors are the hook's own; the reminder counts as sent.
   */
  afterCaseReminder?: (message: OutgoingMessage & { caseId: number }, token: string) => Promise<void>;
  /** case threads' permalinks (the owner's copy links the thread); the Slack app shares its Home tab's */
  permalinks?: Permalinks;
}

type WebApi = typeof webApi;
let loadedWebApi: WebApi | undefined;

async function loadWebApi(): Promise<WebApi> {
  loadedWebApi ??= (await import('@slack/bolt')).webApi;
  return loadedWebApi;
}

export function slackPoster(options: SlackPosterOptions): ReminderPoster {
  const permalinks = options.permalinks ?? new Permalinks();
  // one client for every workspace, the token on each call: a client per token would be kept for good
  let webClient: webApi.WebClient | undefined;
  const clientFor = async () => {
    if (webClient) return webClient;
    const api = await loadWebApi();
    webClient = new api.WebClient(undefined, {
      slackApiUrl: options.slackApiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      timeout: options.timeoutMs ?? 10_000,
      logLevel: api.LogLevel.ERROR,
    });
    return webClient;
  };

  const shared = new Map<string, { shared: boolean; at: number }>();
  /** Slack Connect (see shared.ts): cached ten minutes; when Slack cannot say, the channel counts as shared. */
  const isShared = async (client: webApi.WebClient, token: string, message: OutgoingMessage): Promise<boolean> => {
    const key = `${message.workspaceId}:${message.channel}`;
    const hit = shared.get(key);
    if (hit && Date.now() - hit.at < 10 * 60_000) return hit.shared;
    let value: boolean;
    try {
      const info = await client.conversations.info({ token, channel: message.channel });
      const channel = info.channel as { is_ext_shared?: boolean; is_pending_ext_shared?: boolean } | undefined;
      value = channel?.is_ext_shared === true || channel?.is_pending_ext_shared === true;
    } catch (error) {
      // a rate limit or an outage is the scheduler's to retry, not a reason to post privately
      if ((error as { code?: string }).code !== (await loadWebApi()).ErrorCode.PlatformError) throw error;
      value = true;
    }
    if (shared.size > 5_000) shared.clear();
    shared.set(key, { shared: value, at: Date.now() });
    return value;
  };

  const afterCase = async (message: OutgoingMessage, token: string): Promise<void> => {
    const { caseId } = message;
    if (caseId === null || !options.afterCaseReminder) return;
    await options.afterCaseReminder({ ...message, caseId }, token).catch(() => undefined);
  };

  return {
    async post(message) {
      let token: string | undefined;
      try {
        token = (await options.store.fetchWorkspaceInstallation(message.workspaceId))?.bot?.token ?? options.botToken;
      } catch {
        token = options.botToken;
      }
      if (!token) {
        return { ok: false, kind: 'permanent', error: `no bot token for workspace ${message.workspaceId}` };
      }
      const client = await clientFor();
      try {
        if (await isShared(client, token, message)) {
          // shared with another organisation: the reminder goes to the owner and the escalation channel only
          if (message.caseId !== null) {
            await alsoTell(client, token, options.store, permalinks, message);
            await afterCase(message, token);
            return { ok: true, ts: null };
          }
          const escalation = (await options.store.getSettings(message.workspaceId)).escalationChannel;
          if (!escalation) {
            return { ok: false, kind: 'permanent', error: 'shared channel and no escalation channel to post in' };
          }
          const result = await client.chat.postMessage({
            token,
            channel: escalation,
            text: reminderText(message),
            blocks: reminderBlocks(message),
            unfurl_links: false,
          });
          return { ok: true, ts: result.ts ?? null };
        }
        const base = {
          channel: message.channel,
          text: reminderText(message),
          blocks: reminderBlocks(message),
          unfurl_links: false,
        };
        const result = await client.chat.postMessage({
          token,
          ...(message.threadTs ? { ...base, thread_ts: message.threadTs, reply_broadcast: message.broadcast } : base),
        });
        await alsoTell(client, token, options.store, permalinks, message);
        await afterCase(message, token);
        return { ok: true, ts: result.ts ?? null };
      } catch (error) {
        const outcome = classify(error);
        // a reminder the channel will not take is not dropped in silence: the owner hears of it, and what to do
        const advice = cannotPostAdvice(error);
        if (advice && message.caseId !== null) {
          const kase = await options.store.getCase(message.workspaceId, message.caseId);
          if (kase && /^[UW][A-Z0-9]+$/.test(kase.ownerId)) {
            const text = `${reminderText(message)}\n${advice.replace('that channel', `<#${message.channel}>`)}`;
            await client.chat
              .postMessage({ token, channel: kase.ownerId, text, unfurl_links: false })
              .catch(() => undefined);
          }
        }
        return outcome;
      }
    },
  };
}

/**
 * A case reminder also goes to the case's owner by direct message, and a breach to the workspace's escalation
 * channel, each with a link to the case thread. These are extra: the reminder counts as sent once the thread
 * has it, so a failure here (the owner left, the app is not in the escalation channel) is not retried.
 */
async function alsoTell(
  client: webApi.WebClient,
  token: string,
  store: SlackPosterOptions['store'],
  permalinks: Permalinks,
  message: OutgoingMessage,
): Promise<void> {
  if (message.caseId === null) return;
  try {
    const kase = await store.getCase(message.workspaceId, message.caseId);
    if (!kase) return;
    const link = await permalinks.get(
      (args) => client.chat.getPermalink({ token, ...args }),
      message.workspaceId,
      message.channel,
      message.threadTs ?? kase.threadTs,
    );
    const where =
      link && /^https:\/\/[^\s|<>]+$/.test(link) ? `<${escapeMrkdwn(link)}|case thread>` : `<#${message.channel}>`;
    const text = `${reminderText(message)} (${where})`;
    const blocks = [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text } }];
    if (/^[UW][A-Z0-9]+$/.test(kase.ownerId)) {
      await client.chat
        .postMessage({ token, channel: kase.ownerId, text, blocks, unfurl_links: false })
        .catch(() => undefined);
    }
    const escalation = (await store.getSettings(message.workspaceId)).escalationChannel;
    if (escalation && message.kind.endsWith('breach') && escalation !== message.channel) {
      await client.chat
        .postMessage({ token, channel: escalation, text, blocks, unfurl_links: false })
        .catch(() => undefined);
    }
  } catch {
    // the reminder itself is posted; these copies are best effort
  }
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
