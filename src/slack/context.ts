/**
 * Small helpers every listener uses: which workspace a request is for, the asker's zone and Slack locale
 * (users.info, cached in the store), and the text of a message without the app's mention.
 */
import type { Context } from '@slack/bolt';
import type { Reply } from '../conversation/types.js';
import type { Locale } from '../model/answer.js';
import { strings } from '../text/i18n.js';
import { languageOf } from '../text/language.js';
import { localeFromSlack } from '../text/script.js';
import type { SlackApi } from './api.js';
import type { SlackDeps } from './deps.js';
import { UserZoneCache } from './user-zones.js';

/** users.info answers are reused for a day: people rarely move zones, and a stale zone only changes a label. */
export const USER_ZONE_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** how long a users.info call may take before it is given up (its answer is then not cached) */
export const USER_ZONE_TIMEOUT_MS = 1500;
/**
 * How long an answer waits for a users.info call it had to make. Slack usually answers well within this; when it
 * does not, the answer goes out in the contract's zone (and says so) while the call goes on and fills the cache
 * for the asker's next question.
 */
export const USER_ZONE_WAIT_MS = 200;

/** The workspace a request belongs to: the team, or for an org-wide install with no team, the enterprise. */
export function workspaceIdOf(context: Context, fallbackTeamId?: string | null): string {
  const id = context.teamId ?? fallbackTeamId ?? context.enterpriseId;
  if (!id) throw new Error('Slack sent a request without a team or enterprise id');
  return id;
}

type ZoneDeps = Pick<SlackDeps, 'store' | 'clock' | 'logger' | 'userZones'>;

/** What users.info said about an asker: the IANA zone and the Slack locale ('' when Slack gave none). */
export interface AskerInfo {
  zone: string | undefined;
  locale: string;
}

/**
 * users.info (with `include_locale`) for one asker, zone and locale cached in the store and in memory; never
 * rejects.
 */
async function fetchAsker(
  deps: ZoneDeps,
  client: SlackApi,
  workspaceId: string,
  userId: string,
): Promise<AskerInfo | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const info = await Promise.race([
      client.users.info({ user: userId, include_locale: true }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('users.info took too long')), USER_ZONE_TIMEOUT_MS);
      }),
    ]);
    const zone = info.user?.tz;
    const locale = typeof info.user?.locale === 'string' ? info.user.locale : '';
    if (!zone) return { zone: undefined, locale };
    const now = deps.clock.now().getTime();
    deps.userZones?.set(UserZoneCache.key(workspaceId, userId), zone, now, locale);
    try {
      await deps.store.cacheUser(workspaceId, userId, { zone, locale }, now);
    } catch (error) {
      // a zone the store does not know (very new tzdata) is still worth showing
      deps.logger.warn(`Could not cache the zone ${zone} of ${userId}: ${(error as Error).message}`);
    }
    return { zone, locale };
  } catch (error) {
    deps.logger.warn(
      `users.info for ${userId} failed; answering without the asker's zone: ${(error as Error).message}`,
    );
    return undefined;
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/** A Slack locale as one of ours, as an optional field. */
function localeField(slackLocale: string | undefined): { locale?: Locale } {
  const locale = localeFromSlack(slackLocale);
  return locale ? { locale } : {};
}

const STILL_WAITING = Symbol('users.info still running');

/**
 * The asker's IANA zone and Slack locale: from memory, else the store's cache, else users.info (then cached).
 * `pending` is true when users.info did not answer within USER_ZONE_WAIT_MS: the zone is then undefined, and the
 * call goes on in the background to fill the cache. `zone` is also undefined when Slack cannot say. A zone
 * cached before locales were asked for is used as it is while users.info is asked again for the locale.
 */
export async function userZoneFor(
  deps: ZoneDeps,
  client: SlackApi,
  workspaceId: string,
  userId: string,
): Promise<{ zone: string | undefined; pending: boolean; locale?: Locale }> {
  const now = deps.clock.now().getTime();
  const key = UserZoneCache.key(workspaceId, userId);
  const remembered = deps.userZones?.get(key, now);
  if (remembered) return { zone: remembered, pending: false, ...localeField(deps.userZones?.localeOf(key)) };
  const cached = await deps.store.getCachedUser(workspaceId, userId, now, USER_ZONE_MAX_AGE_MS);
  if (cached) {
    deps.userZones?.set(key, cached.zone, now, cached.locale);
    return { zone: cached.zone, pending: false, ...localeField(cached.locale) };
  }
  const zoneOnly = (await deps.store.getCachedUserZone(workspaceId, userId, now, USER_ZONE_MAX_AGE_MS)) ?? undefined;
  let call = deps.userZones?.inFlight.get(key);
  if (!call) {
    const started = fetchAsker(deps, client, workspaceId, userId);
    call = started;
    deps.userZones?.inFlight.set(key, started);
    void started.finally(() => deps.userZones?.inFlight.delete(key));
  }
  let timer: NodeJS.Timeout | undefined;
  const asker = await Promise.race([
    call,
    new Promise<typeof STILL_WAITING>((resolve) => {
      timer = setTimeout(() => resolve(STILL_WAITING), USER_ZONE_WAIT_MS);
    }),
  ]);
  clearTimeout(timer);
  if (asker === STILL_WAITING)
    return zoneOnly ? { zone: zoneOnly, pending: false } : { zone: undefined, pending: true };
  return { zone: asker?.zone ?? zoneOnly, pending: false, ...localeField(asker?.locale) };
}

/**
 * The language and script to show a person the app's own surfaces in (Home, modals): their Slack locale when
 * known, else the workspace's language setting (Chinese is then Traditional), else English.
 */
export async function readerLocale(
  deps: ZoneDeps,
  client: SlackApi,
  workspaceId: string,
  userId: string,
): Promise<Locale> {
  const { locale } = await userZoneFor(deps, client, workspaceId, userId);
  if (locale) return locale;
  return (await deps.store.getSettings(workspaceId)).language === 'zh' ? 'zh-Hant' : 'en';
}

/** The asker's IANA zone, or undefined when Slack cannot say or is slow to (see userZoneFor). */
export async function userZoneOf(
  deps: ZoneDeps,
  client: SlackApi,
  workspaceId: string,
  userId: string,
): Promise<string | undefined> {
  return (await userZoneFor(deps, client, workspaceId, userId)).zone;
}

/**
 * When the asker's zone was still on its way, an answer with times says that they are in the contract's zone
 * (in the language of the question).
 */
export function noteZonePending(reply: Reply, pending: boolean, question: string): Reply {
  if (!pending || reply.answer.times.length === 0) return reply;
  const note = strings(languageOf(question)).zonePending;
  return { ...reply, answer: { ...reply.answer, notes: [...reply.answer.notes, note] } };
}

/** Removes mentions of the app (anywhere in the text) so that "<@UBOT> sla p1" reads as "sla p1". */
export function withoutMention(text: string, botUserId: string | undefined): string {
  const mention = botUserId ? new RegExp(`<@${botUserId}(\\|[^>]*)?>`, 'g') : /^\s*<@[A-Z0-9]+(\|[^>]*)?>/;
  return text.replace(mention, ' ').replace(/\s+/g, ' ').trim();
}

/** true when the text mentions the app */
export function mentionsApp(text: string | undefined, botUserId: string | undefined): boolean {
  return Boolean(text && botUserId && text.includes(`<@${botUserId}`));
}

/** The fields of a `message` event the listeners read (Bolt's union type hides them behind subtypes). */
export interface MessageFields {
  user?: string;
  bot_id?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  channel: string;
  channel_type?: string;
  team?: string;
  /** Slack Connect: the author's own team */
  user_team?: string;
  source_team?: string;
}
