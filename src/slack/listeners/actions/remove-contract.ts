import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { isStoreError } from '../../../store/index.js';
import { slackApi } from '../../api.js';
import { userZoneOf, workspaceIdOf } from '../../context.js';
import type { SlackDeps } from '../../deps.js';
import { publishHome } from '../../publish-home.js';

/** "Remove" beside a contract on the Home tab (Slack asks for confirmation first); the tab says what happened. */
export function removeContract(deps: SlackDeps) {
  return async ({ ack, body, action, context }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const client = slackApi(deps.web, context);
    const workspaceId = workspaceIdOf(context, body.team?.id);
    const id = Number(action.value);
    let note: string;
    try {
      note = deps.store.removeContract(workspaceId, id)
        ? `Contract #${id} removed.`
        : `Contract #${id} was already gone.`;
    } catch (error) {
      if (!isStoreError(error)) throw error;
      note = error.message;
    }
    const zone = await userZoneOf(deps, client, workspaceId, body.user.id);
    await publishHome(deps, client, workspaceId, body.user.id, zone, [note]);
  };
}
