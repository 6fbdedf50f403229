import type { AllMiddlewareArgs, BlockStaticSelectAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { slackApi } from '../../api.js';
import { contractModal, readContractForm, type ViewStateValues } from '../../blocks/contract-modal.js';
import { readerLocale, workspaceIdOf } from '../../context.js';
import { type SlackDeps, vendorsFor } from '../../deps.js';

/** Choosing a vendor in the modal narrows the plan and add-on lists to that vendor's, keeping what was typed. */
export function contractModalVendor(deps: SlackDeps) {
  return async ({
    ack,
    body,
    action,
    context,
  }: SlackActionMiddlewareArgs<BlockStaticSelectAction> & AllMiddlewareArgs) => {
    await ack();
    const client = slackApi(deps.web, context);
    const view = body.view;
    if (!view) return;
    const form = readContractForm((view.state?.values ?? {}) as ViewStateValues);
    const vendor = action.selected_option?.value;
    if (!vendor) return;
    if (form.vendor !== vendor) form.plan = undefined;
    form.vendor = vendor;
    const workspaceId = workspaceIdOf(context, body.team?.id);
    const locale = await readerLocale(deps, client, workspaceId, body.user.id);
    await client.views.update({
      view_id: view.id,
      hash: view.hash,
      view: contractModal({
        vendors: await vendorsFor(deps, workspaceId, locale),
        locale,
        form,
        privateMetadata: view.private_metadata,
      }),
    });
  };
}
