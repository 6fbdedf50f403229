import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { statusAnswer } from '../../../cases/answer.js';
import { CaseProblem, caseView, openCase } from '../../../cases/service.js';
import { refusalFor } from '../../actor.js';
import { slackApi } from '../../api.js';
import { answerMessages } from '../../blocks/answer.js';
import { readTrackModal, TRACK_CHOICE_BLOCK, type TrackMetadata } from '../../blocks/track-modal.js';
import { userZoneOf, workspaceIdOf } from '../../context.js';
import type { SlackDeps } from '../../deps.js';

function metadata(text: string | undefined): TrackMetadata | null {
  try {
    const m = JSON.parse(text ?? '') as Partial<TrackMetadata>;
    return typeof m.channelId === 'string' && typeof m.threadTs === 'string'
      ? { channelId: m.channelId, threadTs: m.threadTs }
      : null;
  } catch {
    return null;
  }
}

/** The "Track vendor case" modal was submitted: open the case on the message's thread and post its clocks there. */
export function trackVendorCaseSubmit(deps: SlackDeps) {
  return async ({ ack, body, view, context }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const workspaceId = workspaceIdOf(context, body.team?.id);
    const meta = metadata(view.private_metadata);
    // biome-ignore lint/suspicious/noExplicitAny: view state values
    const choice = readTrackModal(view.state.values as any);
    const fail = (message: string) => ack({ response_action: 'errors', errors: { [TRACK_CHOICE_BLOCK]: message } });
    if ('error' in choice) return void (await fail(choice.error));
    if (!meta) return void (await fail('This form lost track of its message; run the shortcut again.'));
    const client = slackApi(deps.web, context);
    const refused = await refusalFor(
      deps,
      client,
      { workspaceId, enterpriseId: context.enterpriseId, userId: body.user.id, userTeamId: body.user.team_id },
      'case',
    );
    if (refused) return void (await fail(refused));
    const contract = deps.store.getContract(workspaceId, choice.contractId);
    if (!contract) return void (await fail('That contract was removed meanwhile; choose another.'));
    const now = deps.clock.now().getTime();
    let state: ReturnType<typeof openCase>;
    try {
      state = openCase(deps, {
        workspaceId,
        channelId: meta.channelId,
        threadTs: meta.threadTs,
        contract,
        severity: choice.severity,
        productScope: choice.productScope,
        vendorRef: choice.vendorRef,
        openedAt: now,
        openedBy: body.user.id,
        source: 'button',
      });
    } catch (error) {
      if (error instanceof CaseProblem) return void (await fail(error.message));
      throw error;
    }
    await ack();

    const zone = await userZoneOf(deps, client, workspaceId, body.user.id);
    const answer = statusAnswer(caseView(state, now, 'en', zone), `<@${body.user.id}> opened a case on this thread.`);
    for (const m of answerMessages(answer)) {
      await client.chat.postMessage({ channel: meta.channelId, thread_ts: meta.threadTs, ...m });
    }
  };
}
