/**
 * Small helpers every listener uses: which workspace a request is for, the asker's zone (users.info, cached in
 * the store), and the text of a message without the app's mention.
 */
import type { Context } from '@slack/bolt';
import type { SlackApi } from './api.js';
import type { SlackDeps } from './deps.js';

/** users.info answers are reused for a day: people rarely move zones, and a stale zone only changes a label. */
export const USER_ZONE_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** how long an answer may wait for users.info before it goes out without the asker's zone */
export const USER_ZONE_TIMEOUT_MS = 1500;

/** The workspace a request belongs to: the team, or for an org-wide install with no team, the enterprise. */
export function workspaceIdOf(context: Context, fallbackTeamId?: string | null): string {
  const id = context.teamId ?? fallbackTeamId ?? context.enterpriseId;
  if (!id) throw new Error('Slack sent a request without a team or enterprise id');
  return id;
}

/** The asker's IANA zone: from the store's cache, else users.info (then cached); undefined if Slack cannot say. */
export async function userZoneOf(
  deps: Pick<SlackDeps, 'store' | 'clock' | 'logger'>,
  client: SlackApi,
  workspaceId: string,
  userId: string,
): Promise<string | undefined> {
  const now = deps.clock.now().getTime();
  const cached = deps.store.getCachedUserZone(workspaceId, userId, now, USER_ZONE_MAX_AGE_MS);
  if (cached) return cached;
  let timer: NodeJS.Timeout | undefined;
  try {
    const info = await Promise.race([
      client.users.info({ user: userId }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('users.info took too long')), USER_ZONE_TIMEOUT_MS);
      }),
    ]);
    const zone = info.user?.tz;
    if (!zone) return undefined;
    try {
      deps.store.cacheUserZone(workspaceId, userId, zone, now);
    } catch (error) {
      // a zone the store does not know (very new tzdata) is still worth showing
      deps.logger.warn(`Could not cache the zone ${zone} of ${userId}: ${(error as Error).message}`);
    }
    return zone;
  } catch (error) {
    deps.logger.warn(
      `users.info for ${userId} failed; answering without the asker's zone: ${(error as Error).message}`,
    );
    return undefined;
  } finally {
    if (timer) clearTimeout(timer);
  }
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
