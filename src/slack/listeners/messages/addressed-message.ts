import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { sharedChannelOf } from '../../actor.js';
import { type MessageFields, mentionsApp } from '../../context.js';
import type { SlackDeps } from '../../deps.js';
import { answerAddressedMessage } from '../../mention.js';
import { isPlanImportRequest } from '../../plan-import.js';

/** Subtypes that are still a person writing; edits, joins, deletions and bot posts are not questions. */
const PERSON_SUBTYPES = new Set([undefined, 'thread_broadcast', 'file_share']);

/**
 * A message in the app's DM, or one that mentions the app (the twin of `app_mention`, deduplicated there).
 * Other channel messages are left to the case listeners.
 */
export function addressedMessage(deps: SlackDeps) {
  return async ({ message, context, body }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs) => {
    if (!PERSON_SUBTYPES.has(message.subtype)) return;
    const m = message as MessageFields;
    if (!m.user || m.bot_id) return;
    // a plan and its document shared with "import" are the import flow's (plan-import-dm.ts)
    if (isPlanImportRequest(m as MessageFields & { files?: unknown })) return;
    const isDirect = m.channel_type === 'im';
    if (!isDirect && !mentionsApp(m.text, context.botUserId)) return;
    await answerAddressedMessage(deps, context, {
      channelId: m.channel,
      ts: m.ts,
      threadTs: m.thread_ts,
      userId: m.user,
      text: m.text ?? '',
      teamId: m.team,
      userTeamId: m.user_team ?? m.team,
      sharedChannel: sharedChannelOf(body),
    });
  };
}
