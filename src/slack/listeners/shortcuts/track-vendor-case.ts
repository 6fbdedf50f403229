import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { knowledgeOf } from '../../../knowledge/workspace.js';
import { caseActionWords } from '../../../text/case-action-words.js';
import { modalWords } from '../../../text/modal-words.js';
import { inScript, languageOfLocale } from '../../../text/script.js';
import { refusalFor, sharedChannelOf } from '../../actor.js';
import { slackApi } from '../../api.js';
import { noticeModal, trackCaseModal } from '../../blocks/track-modal.js';
import { readerLocale, workspaceIdOf } from '../../context.js';
import type { SlackDeps } from '../../deps.js';
import { cannotPostAdvice } from '../../errors.js';

/** "Track as vendor case" on any message: the message's thread becomes a case (a modal asks which contract and severity). */
export function trackVendorCase(deps: SlackDeps) {
  return async ({ ack, shortcut, context }: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs) => {
    await ack();
    const client = slackApi(deps.web, context);
    const workspaceId = workspaceIdOf(context, shortcut.team?.id);
    const locale = await readerLocale(deps, client, workspaceId, shortcut.user.id);
    const said = inScript(caseActionWords(languageOfLocale(locale)), locale);
    // a payload without the message (not one Slack sends for a message shortcut) gets told how it is used
    const channelId = shortcut.channel?.id;
    const threadTs = shortcut.message?.thread_ts ?? shortcut.message?.ts;
    if (!channelId || !threadTs) {
      await client.chat.postMessage({ channel: shortcut.user.id, text: said.fromMenu });
      return;
    }
    const trackWords = inScript(modalWords(languageOfLocale(locale)), locale).track;
    // an ephemeral message needs the app in the channel; where it is not, the shortcut's trigger still opens a modal
    const tell = async (text: string) => {
      try {
        await client.chat.postEphemeral({ channel: channelId, user: shortcut.user.id, text, thread_ts: threadTs });
      } catch (error) {
        const advice = cannotPostAdvice(error, languageOfLocale(locale));
        if (!advice) throw error;
        await client.views.open({
          trigger_id: shortcut.trigger_id,
          // biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON
          view: noticeModal(trackWords.title, `${text}\n\n${inScript(advice, locale)}`, locale) as any,
        });
      }
    };
    const refused = await refusalFor(
      deps,
      client,
      {
        workspaceId,
        enterpriseId: context.enterpriseId,
        userId: shortcut.user.id,
        userTeamId: shortcut.user.team_id,
        sharedChannel: sharedChannelOf(shortcut),
      },
      'case',
      locale,
    );
    if (refused) {
      await tell(refused);
      return;
    }
    const existing = await deps.store.getCaseByThread(workspaceId, channelId, threadTs);
    if (existing) {
      await tell(said.tracksHere(existing.id));
      return;
    }
    const contracts = await deps.store.listContracts(workspaceId);
    if (contracts.length === 0) {
      await tell(said.addContractFirst);
      return;
    }
    await client.views.open({
      trigger_id: shortcut.trigger_id,
      // biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON built by the cases module
      view: trackCaseModal(await knowledgeOf(deps, workspaceId), contracts, { channelId, threadTs }, locale) as any,
    });
  };
}
