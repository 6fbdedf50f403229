import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { errorAnswer } from '../../../conversation/errors.js';
import { emptyAnswer } from '../../../model/answer.js';
import { slackApi } from '../../api.js';
import { answerMessages } from '../../blocks/answer.js';
import { workspaceIdOf } from '../../context.js';
import type { SlackDeps } from '../../deps.js';
import { fileIdsOf, planImport } from '../../plan-import.js';

/** "Import" under an import preview: download and check the two files again, then store the plan. */
export function planImportConfirm(deps: SlackDeps) {
  return async ({ ack, body, action, context }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const client = slackApi(deps.web, context);
    const workspaceId = workspaceIdOf(context, body.team?.id);
    const ids = fileIdsOf(action.value);
    const channel = body.channel?.id ?? body.container?.channel_id;
    const ts = body.message?.ts ?? body.container?.message_ts;
    if (!ids || !channel || !ts) return;
    let answer: ReturnType<typeof emptyAnswer>;
    try {
      answer = await planImport(deps, client, workspaceId, body.user.id, ids, true);
    } catch (error) {
      deps.logger.error(`Confirming a plan import failed: ${(error as Error).stack ?? error}`);
      answer = errorAnswer(error);
    }
    const [first] = answerMessages(answer);
    if (first) await client.chat.update({ channel, ts, text: first.text, blocks: first.blocks });
  };
}

/** "Cancel" under an import preview: nothing is stored; the preview says so and loses its buttons. */
export function planImportCancel(deps: SlackDeps) {
  return async ({ ack, body, context }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const client = slackApi(deps.web, context);
    const channel = body.channel?.id ?? body.container?.channel_id;
    const ts = body.message?.ts ?? body.container?.message_ts;
    if (!channel || !ts) return;
    const [first] = answerMessages(emptyAnswer('contract', 'Import cancelled', 'Nothing was imported.'));
    if (first) await client.chat.update({ channel, ts, text: first.text, blocks: first.blocks });
  };
}
