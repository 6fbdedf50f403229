import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { isStoreError } from '../../../store/index.js';
import { refusalFor } from '../../actor.js';
import { slackApi } from '../../api.js';
import { userZoneOf, workspaceIdOf } from '../../context.js';
import type { SlackDeps } from '../../deps.js';
import { publishHome } from '../../publish-home.js';

class Refused extends Error {}

/** "Remove" beside a contract on the Home tab (Slack asks for confirmation first); the tab says what happened. */
export function removeContract(deps: SlackDeps) {
  return async ({ ack, body, action, context }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const client = slackApi(deps.web, context);
    const workspaceId = workspaceIdOf(context, body.team?.id);
    const id = Number(action.value);
    const refused = await refusalFor(
      deps,
      client,
      { workspaceId, enterpriseId: context.enterpriseId, userId: body.user.id, userTeamId: body.user.team_id },
      'contract',
    );
    let note: string;
    try {
      if (refused) throw new Refused(refused);
      note = (await deps.store.removeContract(workspaceId, id))
        ? `Contract #${id} removed.`
        : `Contract #${id} was already gone.`;
    } catch (error) {
      if (!isStoreError(error) && !(error instanceof Refused)) throw error;
      note = error.message;
    }
    const zone = await userZoneOf(deps, client, workspaceId, body.user.id);
    await publishHome(deps, client, workspaceId, body.user.id, zone, [note]);
  };
}
