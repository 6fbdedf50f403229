import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { errorAnswer } from '../../../conversation/errors.js';
import { handleText } from '../../../conversation/handle.js';
import { languageOf } from '../../../text/language.js';
import { actorOf, sharedChannelOf } from '../../actor.js';
import { slackApi } from '../../api.js';
import { answerMessages } from '../../blocks/answer.js';
import { noteZonePending, userZoneFor, workspaceIdOf } from '../../context.js';
import { answerCommand } from '../../deliver.js';
import type { SlackDeps } from '../../deps.js';
import { cannotPostAdvice, slackErrorCode } from '../../errors.js';

export const SUPPORT_COMMAND = '/support';

/** `/support <text>`: the answer goes back in the command's own response (ephemeral unless `… public`). */
export function supportCommand(deps: SlackDeps) {
  return async ({ command, ack, respond, context }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    let acked = false;
    const ackOnce: typeof ack = async (response) => {
      acked = true;
      await ack(response);
    };
    try {
      const workspaceId = workspaceIdOf(context, command.team_id);
      const client = slackApi(deps.web, context);
      const asker = await userZoneFor(deps, client, workspaceId, command.user_id);
      const answered = await handleText(
        deps,
        {
          workspaceId,
          channelId: command.channel_id,
          userId: command.user_id,
          userZone: asker.zone,
          userLocale: asker.locale,
          now: deps.clock.now(),
          via: 'command',
          actor: await actorOf(deps, client, {
            workspaceId,
            enterpriseId: context.enterpriseId,
            userId: command.user_id,
            userTeamId: command.team_id,
            sharedChannel: sharedChannelOf(command),
          }),
        },
        command.text ?? '',
      );
      const reply = noteZonePending(answered, asker.pending, command.text ?? '');
      await answerCommand(deps, { ack: ackOnce, respond, client, command, workspaceId }, reply);
    } catch (error) {
      const requestId = context.requestId ?? '-';
      // not in the channel, channel archived, …: the asker can fix it, so say how
      const advice = cannotPostAdvice(error, languageOf(command.text ?? ''));
      // the text is cut in the log: a message can be 40,000 characters
      const said = JSON.stringify((command.text ?? '').slice(0, 200));
      if (advice) deps.logger.warn(`[${requestId}] /support ${said}: could not post: ${slackErrorCode(error)}`);
      else deps.logger.error(`[${requestId}] /support ${said} failed: ${(error as Error).stack ?? error}`);
      const answer = errorAnswer(error);
      answer.notes.push(`Reference ${requestId} (for whoever runs the app).`);
      const [message] = advice ? [{ text: advice }] : answerMessages(answer);
      if (!acked) await ack({ response_type: 'ephemeral', ...message });
      else await respond({ response_type: 'ephemeral', ...message! }).catch(() => undefined);
    }
  };
}
