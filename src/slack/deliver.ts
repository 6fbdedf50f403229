/**
 * Getting a Reply to Slack: as the slash command's response (ack, then response_url for more), or as messages
 * in a channel or thread. Long answers go out as several messages, in order.
 */
import type { RespondFn, SlashCommand } from '@slack/bolt';
import type { Reply } from '../conversation/types.js';
import type { Answer } from '../model/answer.js';
import type { SlackApi } from './api.js';
import { answerMessages, type SlackMessage } from './blocks/answer.js';
import { contractModal } from './blocks/contract-modal.js';
import type { SlackDeps } from './deps.js';

type Client = SlackApi;

export interface Place {
  channelId: string;
  /** reply in this thread; undefined: top level */
  threadTs?: string;
  userId: string;
}

/** Posts the reply where a message was written (mentions, DMs). */
export async function postReply(client: Client, place: Place, reply: Reply): Promise<void> {
  const messages = answerMessages(reply.answer);
  if (reply.visibility === 'ephemeral') {
    for (const m of messages) {
      await client.chat.postEphemeral({
        channel: place.channelId,
        user: place.userId,
        ...(place.threadTs ? { thread_ts: place.threadTs } : {}),
        ...m,
      });
    }
    return;
  }
  const posted = await postMessages(client, place.channelId, place.threadTs, messages);
  if (reply.afterPost && posted) await followUp(client, place.channelId, posted, reply);
}

async function postMessages(
  client: Client,
  channel: string,
  threadTs: string | undefined,
  messages: SlackMessage[],
): Promise<string | undefined> {
  let first: string | undefined;
  for (const m of messages) {
    const result = await client.chat.postMessage({ channel, ...(threadTs ? { thread_ts: threadTs } : {}), ...m });
    first ??= result.ts;
  }
  return first;
}

/** A reply that starts a thread (a case opened outside one) learns its message ts and may answer in that thread. */
async function followUp(client: Client, channelId: string, ts: string, reply: Reply): Promise<void> {
  const next: Answer | undefined = await reply.afterPost?.({ channelId, ts });
  if (next) await postMessages(client, channelId, ts, answerMessages(next));
}

export interface CommandResponder {
  ack: (response?: { response_type?: 'ephemeral' | 'in_channel'; text?: string; blocks?: unknown[] }) => Promise<void>;
  respond: RespondFn;
  client: Client;
  command: SlashCommand;
}

/**
 * Answers a slash command. One message goes back in the ack itself (no extra request); several go by
 * response_url in order after an empty ack, so that Slack shows them in order whatever the ack timing.
 */
export async function answerCommand(deps: SlackDeps, r: CommandResponder, reply: Reply): Promise<void> {
  if (reply.openModal === 'contract') {
    await r.ack();
    await r.client.views.open({
      trigger_id: r.command.trigger_id,
      view: contractModal({
        vendors: deps.vendors,
        privateMetadata: JSON.stringify({ channelId: r.command.channel_id }),
      }),
    });
    return;
  }
  const messages = answerMessages(reply.answer);
  if (reply.afterPost && reply.visibility === 'in_channel') {
    // the message must be a real channel message (it becomes a thread), not a command response
    await r.ack();
    const posted = await postMessages(r.client, r.command.channel_id, undefined, messages);
    if (posted) await followUp(r.client, r.command.channel_id, posted, reply);
    return;
  }
  if (messages.length === 1) {
    const [only] = messages as [SlackMessage];
    await r.ack({ response_type: reply.visibility, text: only.text, blocks: only.blocks });
    return;
  }
  await r.ack();
  for (const m of messages) await r.respond({ response_type: reply.visibility, text: m.text, blocks: m.blocks });
}
