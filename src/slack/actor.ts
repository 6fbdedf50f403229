/**
 * Who is asking, for the conversation's permission checks (src/conversation/permissions.ts).
 *
 * Someone is of the installing organisation when Slack says their team is the workspace's own (or, for an
 * org-wide install, a workspace of the same enterprise). Slack sends the author's team on events (`user_team`),
 * interactions (`user.team_id`) and commands; in a channel shared with another organisation
 * (`is_ext_shared_channel`), someone whose team Slack does not state is not taken for ours.
 *
 * ENTITLEBOT_ADMINS narrows contract changes to the users and user groups listed; a group's members are read with
 * usergroups.users.list and kept five minutes. When they cannot be read (no usergroups:read scope yet, Slack
 * down), membership is not assumed.
 */
import { type Change, refusal } from '../conversation/permissions.js';
import type { Actor } from '../conversation/types.js';
import type { Locale } from '../model/answer.js';
import { displayText, languageOfLocale } from '../text/script.js';
import type { SlackApi } from './api.js';
import type { SlackDeps } from './deps.js';

export const ADMIN_GROUP_TTL_MS = 5 * 60 * 1000;

export interface ActorFacts {
  workspaceId: string;
  /** the installation's enterprise (Bolt's context.enterpriseId) */
  enterpriseId?: string;
  userId: string;
  /** the author's own team, when Slack says it */
  userTeamId?: string;
  /** Slack says the channel is shared with another organisation */
  sharedChannel?: boolean;
}

export async function isOurs(deps: Pick<SlackDeps, 'store'>, facts: ActorFacts): Promise<boolean> {
  const team = facts.userTeamId;
  if (!team) return !facts.sharedChannel;
  if (team === facts.workspaceId || (facts.enterpriseId && team === facts.enterpriseId)) return true;
  if (!facts.enterpriseId) return false;
  // another workspace of the same Enterprise Grid organisation, as the store knows it from its installs
  try {
    const install = await deps.store.fetchWorkspaceInstallation(team);
    return install?.enterprise?.id === facts.enterpriseId;
  } catch {
    return false;
  }
}

async function inGroup(
  deps: Pick<SlackDeps, 'adminGroups' | 'logger'>,
  client: SlackApi,
  workspaceId: string,
  group: string,
  userId: string,
  now: number,
): Promise<boolean> {
  const key = `${workspaceId}/${group}`;
  const cached = deps.adminGroups.get(key);
  if (cached && now - cached.at < ADMIN_GROUP_TTL_MS) return cached.members.has(userId);
  try {
    const result = await client.usergroups.users.list({ usergroup: group });
    const members = new Set(result.users ?? []);
    deps.adminGroups.set(key, { members, at: now });
    return members.has(userId);
  } catch (error) {
    deps.logger.warn(
      `Could not read the members of user group ${group} (ENTITLEBOT_ADMINS; the app needs the usergroups:read scope): ${(error as Error).message}`,
    );
    return false;
  }
}

export async function actorOf(
  deps: Pick<SlackDeps, 'store' | 'admins' | 'adminGroups' | 'logger' | 'clock'>,
  client: SlackApi,
  facts: ActorFacts,
): Promise<Actor> {
  const ours = await isOurs(deps, facts);
  const admins = deps.admins;
  return {
    ours,
    admins,
    async mayChangeContracts() {
      if (!ours) return false;
      if (admins.length === 0 || admins.includes(facts.userId)) return true;
      const now = deps.clock.now().getTime();
      for (const group of admins.filter((id) => id.startsWith('S'))) {
        if (await inGroup(deps, client, facts.workspaceId, group, facts.userId, now)) return true;
      }
      return false;
    },
  };
}

/** The refusal for a change made through a button, form or shortcut (null: allowed), in the reader's locale. */
export async function refusalFor(
  deps: Pick<SlackDeps, 'store' | 'admins' | 'adminGroups' | 'logger' | 'clock'>,
  client: SlackApi,
  facts: ActorFacts,
  change: Change,
  locale: Locale = 'en',
): Promise<string | null> {
  const text = await refusal(await actorOf(deps, client, facts), change, languageOfLocale(locale));
  return text === null ? null : displayText({ locale })(text);
}

/**
 * Slack's flag for a channel shared with another organisation, wherever the payload carries it. A slash command
 * comes form-encoded, so there the flag is the text "true".
 */
export function sharedChannelOf(body: unknown): boolean {
  const b = body as { is_ext_shared_channel?: unknown; channel?: { is_ext_shared?: unknown } } | null;
  const yes = (v: unknown) => v === true || v === 'true';
  return yes(b?.is_ext_shared_channel) || yes(b?.channel?.is_ext_shared);
}
