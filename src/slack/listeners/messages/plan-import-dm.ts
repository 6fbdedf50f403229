import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { errorAnswer } from '../../../conversation/errors.js';
import { slackApi } from '../../api.js';
import { type MessageFields, workspaceIdOf } from '../../context.js';
import { postReply } from '../../deliver.js';
import type { SlackDeps } from '../../deps.js';
import { isPlanImportRequest, planImport, type SharedFile } from '../../plan-import.js';

/** "import" with a plan and its document shared in the app's DM: check them and show what would be imported. */
export function planImportDm(deps: SlackDeps) {
  return async ({ message, context }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs) => {
    const m = message as MessageFields & { files?: SharedFile[] };
    if (!m.user || m.bot_id || !isPlanImportRequest(m)) return;
    const workspaceId = workspaceIdOf(context, m.team);
    if (!(await deps.handledMessages.firstTime(`${workspaceId}:${m.channel}:${m.ts}`, Date.now()))) return;
    const client = slackApi(deps.web, context);
    const place = { channelId: m.channel, userId: m.user };
    try {
      const ids = (m.files ?? []).map((f) => f.id).filter((id): id is string => typeof id === 'string');
      const answer = await planImport(deps, client, workspaceId, m.user, ids, false);
      await postReply(client, place, { answer, visibility: 'in_channel' });
    } catch (error) {
      deps.logger.error(`A plan import in ${m.channel} failed: ${(error as Error).stack ?? error}`);
      await postReply(client, place, { answer: errorAnswer(error), visibility: 'in_channel' }).catch(() => undefined);
    }
  };
}
