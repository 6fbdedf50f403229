import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { sharedChannelOf } from '../../actor.js';
import type { SlackDeps } from '../../deps.js';
import { answerAddressedMessage } from '../../mention.js';

/** `@Entitlebot …` anywhere: answered in place (in the thread when written in one). */
export function appMention(deps: SlackDeps) {
  return async ({ event, context, body }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs) => {
    if (!event.user) return;
    await answerAddressedMessage(deps, context, {
      channelId: event.channel,
      ts: event.ts,
      threadTs: event.thread_ts,
      userId: event.user,
      text: event.text,
      teamId: event.team,
      userTeamId: (event as { user_team?: string }).user_team ?? event.team,
      sharedChannel: sharedChannelOf(body),
    });
  };
}
