/**
 * A message addressed to the app (a mention, or any message in its DM): answered once, in place.
 * Slack sends a mention both as `message` and as `app_mention`; whichever arrives first is acted on.
 */
import type { Context } from '@slack/bolt';
import { errorAnswer } from '../conversation/errors.js';
import { handleText } from '../conversation/handle.js';
import { languageOf } from '../text/language.js';
import { actorOf } from './actor.js';
import { slackApi } from './api.js';
import { noteZonePending, userZoneFor, withoutMention, workspaceIdOf } from './context.js';
import { postReply } from './deliver.js';
import type { SlackDeps } from './deps.js';
import { cannotPostAdvice, slackErrorCode } from './errors.js';

export interface AddressedMessage {
  channelId: string;
  ts: string;
  threadTs?: string;
  userId: string;
  text: string;
  teamId?: string;
  /** the author's own team (Slack Connect), when Slack says it */
  userTeamId?: string;
  /** the channel is shared with another organisation */
  sharedChannel?: boolean;
}

export async function answerAddressedMessage(
  deps: SlackDeps,
  context: Context,
  message: AddressedMessage,
): Promise<void> {
  const workspaceId = workspaceIdOf(context, message.teamId);
  const client = slackApi(deps.web, context);
  const now = deps.clock.now();
  if (!(await deps.handledMessages.firstTime(`${workspaceId}:${message.channelId}:${message.ts}`, Date.now()))) return;
  // a mention at the top of a channel is answered in a thread under it, not as more channel noise; the thread is
  // then the mention's own (so `case open` there tracks that thread). A DM with the app stays a conversation.
  const threadTs = message.threadTs ?? (message.channelId.startsWith('D') ? undefined : message.ts);
  const place = { channelId: message.channelId, threadTs, userId: message.userId };
  try {
    const asker = await userZoneFor(deps, client, workspaceId, message.userId);
    const question = withoutMention(message.text, context.botUserId);
    const answered = await handleText(
      deps,
      {
        workspaceId,
        channelId: message.channelId,
        threadTs,
        messageTs: message.ts,
        userId: message.userId,
        userZone: asker.zone,
        userLocale: asker.locale,
        now,
        via: 'mention',
        actor: await actorOf(deps, client, {
          workspaceId,
          enterpriseId: context.enterpriseId,
          userId: message.userId,
          userTeamId: message.userTeamId,
          sharedChannel: message.sharedChannel,
        }),
      },
      question,
    );
    const reply = noteZonePending(answered, asker.pending, question);
    await postReply(client, place, reply, { deps, workspaceId });
  } catch (error) {
    const advice = cannotPostAdvice(error, languageOf(message.text));
    if (advice) {
      // the channel will not take a message, maybe not even an ephemeral one: then the asker's DM with the app
      deps.logger.warn(
        `[${context.requestId ?? '-'}] could not answer in ${message.channelId}: ${slackErrorCode(error)}`,
      );
      await client.chat
        .postEphemeral({ channel: message.channelId, user: message.userId, text: advice })
        .catch(() => client.chat.postMessage({ channel: message.userId, text: advice }))
        .catch(() => undefined);
      return;
    }
    deps.logger.error(
      `[${context.requestId ?? '-'}] answering a message in ${message.channelId} failed: ${(error as Error).stack ?? error}`,
    );
    const answer = errorAnswer(error);
    answer.notes.push(`Reference ${context.requestId ?? '-'} (for whoever runs the app).`);
    await postReply(client, place, { answer, visibility: 'ephemeral' }).catch(() => undefined);
  }
}
