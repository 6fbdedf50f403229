import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { replayAnswer } from '../../../conversation/handle.js';
import type { AnswerReplay } from '../../../model/answer.js';
import { renderWords } from '../../../text/render-words.js';
import { slackApi } from '../../api.js';
import { wordsMessages } from '../../blocks/answer.js';
import { workspaceIdOf } from '../../context.js';
import type { SlackDeps } from '../../deps.js';
import { sharedChannel } from '../../shared.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** The button's value, checked field by field: it comes back from Slack, so it is input like any other. */
export function readReplay(value: string | undefined): AnswerReplay | null {
  try {
    const v = JSON.parse(value ?? '') as Record<string, unknown>;
    const at = typeof v.at === 'number' && Number.isFinite(v.at) ? v.at : null;
    const zone = typeof v.zone === 'string' ? v.zone : undefined;
    if (at === null) return null;
    if (v.kind === 'question' && typeof v.text === 'string') return { kind: 'question', text: v.text, at, zone };
    if (v.kind === 'case' && typeof v.caseId === 'number' && Number.isSafeInteger(v.caseId)) {
      return { kind: 'case', caseId: v.caseId, at, zone, lang: v.lang === 'zh' ? 'zh' : 'en' };
    }
    return null;
  } catch {
    return null;
  }
}

/**
 * "Show the contract's words" on an answer card: the answer is built again as of the time it was asked and its
 * full wording (every quote once, every note and row, why each time falls when it does) goes in the card's
 * thread; for a card only the asker saw (a slash command's reply), only to the asker.
 */
export function showWords(deps: SlackDeps) {
  return async ({ ack, body, action, context, respond }: ButtonArgs) => {
    await ack();
    const client = slackApi(deps.web, context);
    const workspaceId = workspaceIdOf(context, body.team?.id);
    const channelId = body.channel?.id;
    const userId = body.user.id;
    const replay = readReplay(action.value);
    const answer = replay && channelId ? await replayAnswer(deps, { workspaceId, channelId, userId }, replay) : null;
    const ephemeral = (body.container as { is_ephemeral?: boolean } | undefined)?.is_ephemeral === true;
    const messageTs = body.message?.ts;
    if (!answer) {
      const text = renderWords(replay?.kind === 'case' ? replay.lang : 'en').cannotReplay;
      if (channelId) await client.chat.postEphemeral({ channel: channelId, user: userId, text });
      else await respond({ response_type: 'ephemeral', replace_original: false, text });
      return;
    }
    const messages = wordsMessages(answer);
    // a case's clocks stay ours in a channel shared with another organisation
    const private_ =
      replay?.kind === 'case' && channelId ? await sharedChannel(deps, client, workspaceId, channelId) : false;
    if (ephemeral || private_ || !messageTs || !channelId) {
      for (const m of messages) await respond({ response_type: 'ephemeral', replace_original: false, ...m });
      return;
    }
    const threadTs = (body.message as { thread_ts?: string }).thread_ts ?? messageTs;
    for (const m of messages) {
      await client.chat.postMessage({ channel: channelId, thread_ts: threadTs, unfurl_links: false, ...m });
    }
  };
}
