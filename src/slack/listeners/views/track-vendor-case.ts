import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { CaseProblem, openCase } from '../../../cases/service.js';
import { problemText } from '../../../conversation/errors.js';
import { caseActionWords } from '../../../text/case-action-words.js';
import { displayText, inScript, languageOfLocale } from '../../../text/script.js';
import { refusalFor } from '../../actor.js';
import { slackApi } from '../../api.js';
import { readTrackModal, TRACK_CHOICE_BLOCK, type TrackMetadata } from '../../blocks/track-modal.js';
import { syncCaseCard } from '../../case-card.js';
import { readerLocale, workspaceIdOf } from '../../context.js';
import type { SlackDeps } from '../../deps.js';
import { cannotPostAdvice } from '../../errors.js';
import { sharedChannel } from '../../shared.js';

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

/**
 * The "Track vendor case" modal was submitted. The app first posts in the thread (the message that becomes the
 * case's card); only when Slack took it is the case opened, so a channel the app cannot post in leaves no
 * half-made case, and the modal says what to do. Then the card shows the case's clocks.
 */
export function trackVendorCaseSubmit(deps: SlackDeps) {
  return async ({ ack, body, view, context }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const workspaceId = workspaceIdOf(context, body.team?.id);
    const meta = metadata(view.private_metadata);
    const locale = await readerLocale(deps, slackApi(deps.web, context), workspaceId, body.user.id);
    // biome-ignore lint/suspicious/noExplicitAny: view state values
    const choice = readTrackModal(view.state.values as any, locale);
    const lang = languageOfLocale(locale);
    const said = inScript(caseActionWords(lang), locale);
    const fail = (message: string) => ack({ response_action: 'errors', errors: { [TRACK_CHOICE_BLOCK]: message } });
    if ('error' in choice) return void (await fail(choice.error));
    if (!meta) return void (await fail(said.formLost));
    const client = slackApi(deps.web, context);
    const refused = await refusalFor(
      deps,
      client,
      { workspaceId, enterpriseId: context.enterpriseId, userId: body.user.id, userTeamId: body.user.team_id },
      'case',
      locale,
    );
    if (refused) return void (await fail(refused));
    const contract = await deps.store.getContract(workspaceId, choice.contractId);
    if (!contract) return void (await fail(said.contractGone));
    const existing = await deps.store.getCaseByThread(workspaceId, meta.channelId, meta.threadTs);
    if (existing) return void (await fail(said.tracksShort(existing.id)));

    let cardTs: string | undefined;
    try {
      const opening = {
        channel: meta.channelId,
        thread_ts: meta.threadTs,
        text: said.opening(`<@${body.user.id}>`),
      };
      if (await sharedChannel(deps, client, workspaceId, meta.channelId)) {
        // shared with another organisation: nothing of our tracking in the thread; the owner gets the card
        await client.chat.postEphemeral({ ...opening, user: body.user.id });
      } else {
        cardTs = (await client.chat.postMessage(opening)).ts;
      }
    } catch (error) {
      const advice = cannotPostAdvice(error, lang);
      if (advice) return void (await fail(displayText({ locale })(advice)));
      throw error;
    }

    const now = deps.clock.now().getTime();
    let state: Awaited<ReturnType<typeof openCase>>;
    try {
      state = await openCase(deps, {
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
        // opened in the reader's language and script: the card and the reminders are in it
        language: lang,
        locale,
      });
    } catch (error) {
      if (!(error instanceof CaseProblem)) throw error;
      if (cardTs) await client.chat.update({ channel: meta.channelId, ts: cardTs, text: said.notOpened });
      return void (await fail(displayText({ locale })(problemText(error, lang))));
    }
    await ack();
    if (cardTs) await deps.store.updateCase(workspaceId, state.kase.id, { statusMessageTs: cardTs });

    await syncCaseCard(deps, client, workspaceId, state.kase.id);
  };
}
