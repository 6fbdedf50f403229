import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { refusalFor } from '../../actor.js';
import { slackApi } from '../../api.js';
import { contractModal } from '../../blocks/contract-modal.js';
import { readerLocale, userZoneOf, workspaceIdOf } from '../../context.js';
import { type SlackDeps, vendorsFor } from '../../deps.js';
import { publishHome } from '../../publish-home.js';

/** "Add a contract" on the Home tab opens the set-up modal, with the asker's zone filled in. */
export function openContractModal(deps: SlackDeps) {
  return async ({ ack, body, context }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const client = slackApi(deps.web, context);
    const workspaceId = workspaceIdOf(context, body.team?.id);
    const zone = await userZoneOf(deps, client, workspaceId, body.user.id);
    const locale = await readerLocale(deps, client, workspaceId, body.user.id);
    const refused = await refusalFor(
      deps,
      client,
      { workspaceId, enterpriseId: context.enterpriseId, userId: body.user.id, userTeamId: body.user.team_id },
      'contract',
      locale,
    );
    if (refused) {
      await publishHome(deps, client, workspaceId, body.user.id, zone, [refused]);
      return;
    }
    await client.views.open({
      trigger_id: body.trigger_id,
      view: contractModal({
        vendors: await vendorsFor(deps, workspaceId, locale),
        locale,
        form: { zone },
        privateMetadata: JSON.stringify({ from: 'home' }),
      }),
    });
  };
}
