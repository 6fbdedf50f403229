import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { CaseProblem, recordVendorReply } from '../../../cases/service.js';
import { caseActionWords } from '../../../text/case-action-words.js';
import { displayText, languageOfLocale } from '../../../text/script.js';
import { slackApi } from '../../api.js';
import { vendorReplyBlocks } from '../../blocks/case.js';
import { slackDate } from '../../blocks/time.js';
import { syncCaseCard } from '../../case-card.js';
import { type MessageFields, mentionsApp, readerLocale, workspaceIdOf } from '../../context.js';
import type { SlackDeps } from '../../deps.js';

/**
 * Slack Connect: a reply in a case thread from a user of another team (the vendor) counts as the vendor's
 * response, or an update once it has responded. The app acknowledges it to the case owner alone (an ephemeral
 * message with an "Undo" button): the vendor can read the thread, and our tracking is not theirs to read.
 * Messages that mention the app are commands (the addressed-message listener answers them).
 */
export function caseThreadReply(deps: SlackDeps) {
  return async ({ message, context }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs) => {
    if (message.subtype !== undefined && message.subtype !== 'thread_broadcast') return;
    const m = message as MessageFields;
    if (!m.user || m.bot_id || !m.thread_ts || m.thread_ts === m.ts) return;
    if (mentionsApp(m.text, context.botUserId)) return;
    const workspaceId = workspaceIdOf(context, m.team);
    const authorTeam = m.user_team ?? m.team;
    if (!authorTeam || authorTeam === workspaceId || authorTeam === context.enterpriseId) return;
    const kase = await deps.store.getCaseByThread(workspaceId, m.channel, m.thread_ts);
    if (!kase || kase.status === 'closed') return;
    if (!(await deps.handledMessages.firstTime(`auto:${workspaceId}:${m.channel}:${m.ts}`, Date.now()))) return;
    const client = slackApi(deps.web, context);

    const now = deps.clock.now().getTime();
    const at = Math.min(now, Math.round(Number(m.ts) * 1000) || now);
    try {
      const { kind, state, event, next } = await recordVendorReply(
        deps,
        kase,
        { at, actorId: m.user, messageTs: m.ts, team: authorTeam },
        now,
      );
      const zone = state.contract.zone;
      // told to the case owner alone: in their language and script
      const locale = await readerLocale(deps, client, workspaceId, state.kase.ownerId);
      const w = caseActionWords(languageOfLocale(locale));
      const nextText = next ? w.next(next.kind, slackDate(next.dueAt!, zone)) : '';
      const text = displayText({ locale })(
        w.counted(`<@${m.user}>`, kind === 'responded', slackDate(at, zone), nextText),
      );
      // the vendor reads this channel: the acknowledgement and its Undo go to the case owner alone
      await client.chat.postEphemeral({
        channel: m.channel,
        user: state.kase.ownerId,
        thread_ts: m.thread_ts,
        text,
        blocks: vendorReplyBlocks({ text, eventId: event.id, caseId: kase.id, undo: displayText({ locale })(w.undo) }),
      });
      await syncCaseCard(deps, client, workspaceId, kase.id);
    } catch (error) {
      if (!(error instanceof CaseProblem)) throw error;
      deps.logger.warn(`Case #${kase.id}: a vendor reply was not counted: ${error.message}`);
    }
  };
}
