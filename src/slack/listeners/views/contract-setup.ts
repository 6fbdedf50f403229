import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { addContractFromForm } from '../../../conversation/contract-form.js';
import { inScript } from '../../../text/script.js';
import { refusalFor } from '../../actor.js';
import { slackApi } from '../../api.js';
import { answerMessages } from '../../blocks/answer.js';
import { contractFormErrors, readContractForm, type ViewStateValues } from '../../blocks/contract-modal.js';
import { readerLocale, userZoneOf, workspaceIdOf } from '../../context.js';
import type { SlackDeps } from '../../deps.js';
import { publishHome } from '../../publish-home.js';

function metadataChannel(privateMetadata: string | undefined): string | undefined {
  try {
    const parsed = JSON.parse(privateMetadata ?? '{}') as { channelId?: unknown };
    return typeof parsed.channelId === 'string' ? parsed.channelId : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The contract modal was submitted: errors go back beside their fields (the modal stays open); a valid contract
 * is stored, the Home tab refreshed, and where the modal came from a command, the channel gets a confirmation.
 */
export function contractSetup(deps: SlackDeps) {
  return async ({ ack, body, view, context }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const values = view.state.values as ViewStateValues;
    const workspaceId = workspaceIdOf(context, body.team?.id);
    const userId = body.user.id;
    const channelId = metadataChannel(view.private_metadata);
    const now = deps.clock.now();
    const client = slackApi(deps.web, context);
    // the form is in the reader's language and script, and so are its errors and its confirmation
    const locale = await readerLocale(deps, client, workspaceId, userId);
    const refused = await refusalFor(
      deps,
      client,
      { workspaceId, enterpriseId: context.enterpriseId, userId, userTeamId: body.user.team_id },
      'contract',
      locale,
    );
    if (refused) {
      await ack({ response_action: 'errors', errors: contractFormErrors({ vendor: refused }, values) });
      return;
    }
    const result = await addContractFromForm(
      deps,
      { workspaceId, channelId: channelId ?? userId, userId, now, via: 'command', userLocale: locale },
      readContractForm(values),
    );
    if (!result.ok) {
      await ack({ response_action: 'errors', errors: contractFormErrors(inScript(result.errors, locale), values) });
      return;
    }
    await ack();

    const zone = await userZoneOf(deps, client, workspaceId, userId);
    await publishHome(deps, client, workspaceId, userId, zone);
    if (channelId) {
      for (const m of answerMessages(result.answer)) {
        await client.chat.postEphemeral({ channel: channelId, user: userId, ...m });
      }
    }
  };
}
