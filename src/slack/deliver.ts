/**
 * Getting a Reply to Slack: as the slash command's response (ack, then response_url for more), or as messages
 * in a channel or thread. Long answers go out as several messages, in order.
 */
import type { RespondFn, SlashCommand } from '@slack/bolt';
import type { Reply } from '../conversation/types.js';
import type { Answer } from '../model/answer.js';
import { caseTextWords } from '../text/case-text-words.js';
import { renderWords } from '../text/render-words.js';
import { displayText, forDisplay, languageOfLocale } from '../text/script.js';
import { sharedChannelOf } from './actor.js';
import type { SlackApi } from './api.js';
import { answerMessages, mrkdwnSection, type SlackMessage } from './blocks/answer.js';
import { contractModal } from './blocks/contract-modal.js';
import { escapeMrkdwn } from './blocks/limits.js';
import { syncCaseCard } from './case-card.js';
import { type SlackDeps, vendorsFor } from './deps.js';
import { sharedChannel } from './shared.js';

type Client = SlackApi;

export interface Place {
  channelId: string;
  /** reply in this thread; undefined: top level */
  threadTs?: string;
  userId: string;
}

/** Where case cards are kept up to date from (the deps and the workspace of the request). */
export interface CardSync {
  deps: SlackDeps;
  workspaceId: string;
}

/**
 * A reply about a case change, in its thread: the opening's reply is the case card itself (plus the notes the
 * opening made, if any); an event's is one short line, and the card above is updated in place.
 */
async function postCaseChange(client: Client, place: Place, reply: Reply, cards: CardSync): Promise<boolean> {
  const change = reply.case;
  if (!change?.change || reply.visibility !== 'in_channel' || !place.threadTs) return false;
  const thread = { channel: place.channelId, thread_ts: place.threadTs, unfurl_links: false };
  if (change.change === 'opened') {
    await syncCaseCard(cards.deps, client, cards.workspaceId, change.id);
    // in the reply's script; the contract's words in a note stay as the source has them
    const notes = forDisplay(reply.answer)
      .notes.map((n) => `:information_source: ${escapeMrkdwn(n)}`)
      .join('\n');
    if (notes) await client.chat.postMessage({ ...thread, text: notes, blocks: [mrkdwnSection(notes)] });
    return true;
  }
  const note = escapeMrkdwn(displayText(reply.answer)(change.note ?? reply.answer.summary));
  await client.chat.postMessage({ ...thread, text: note, blocks: [mrkdwnSection(note)] });
  await syncCaseCard(cards.deps, client, cards.workspaceId, change.id);
  return true;
}

async function ownerOf(cards: CardSync, caseId: number): Promise<string | undefined> {
  return (await cards.deps.store.getCase(cards.workspaceId, caseId))?.ownerId;
}

/** Posts the reply where a message was written (mentions, DMs). */
export async function postReply(client: Client, place: Place, reply: Reply, cards?: CardSync): Promise<void> {
  if (cards && reply.case && reply.visibility === 'in_channel') {
    if (await sharedChannel(cards.deps, client, cards.workspaceId, place.channelId)) {
      // a case thread shared with another organisation: what we track is told to the asker alone (and the
      // card to the owner), never posted where the other organisation reads
      if (reply.case.change) await syncCaseCard(cards.deps, client, cards.workspaceId, reply.case.id);
      if (reply.case.change !== 'opened' || place.userId !== (await ownerOf(cards, reply.case.id))) {
        await postReply(client, place, { ...reply, visibility: 'ephemeral', case: undefined });
      }
      return;
    }
  }
  if (cards && (await postCaseChange(client, place, reply, cards))) return;
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
  if (reply.afterPost && posted) await followUp(client, place.channelId, posted, reply, cards);
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

/**
 * A reply that starts a thread (a case opened outside one) learns its message ts and may answer in that thread.
 * When that opened a case, the posted message becomes the case's card.
 */
async function followUp(client: Client, channelId: string, ts: string, reply: Reply, cards?: CardSync): Promise<void> {
  const next: Answer | undefined = await reply.afterPost?.({ channelId, ts });
  const kase = await cards?.deps.store.getCaseByThread(cards.workspaceId, channelId, ts);
  if (cards && kase) {
    await syncCaseCard(cards.deps, client, cards.workspaceId, kase.id);
    // in the reply's language and script; the first sentence of the summary ('.' then a space, or '。')
    const locale = next?.locale ?? reply.answer.locale ?? 'en';
    const show = displayText({ locale });
    const notes = (next?.notes ?? []).map((n) => `:information_source: ${escapeMrkdwn(show(n))}`).join('\n');
    const first = next?.summary.split(/(?<=\.)\s|(?<=。)/)[0] ?? caseTextWords(languageOfLocale(locale)).openedOnThread;
    const line = escapeMrkdwn(show(first));
    const text = notes ? `${line}\n${notes}` : line;
    await client.chat.postMessage({ channel: channelId, thread_ts: ts, text, blocks: [mrkdwnSection(text)] });
    return;
  }
  if (next) await postMessages(client, channelId, ts, answerMessages(next));
}

export interface CommandResponder {
  ack: (response?: { response_type?: 'ephemeral' | 'in_channel'; text?: string; blocks?: unknown[] }) => Promise<void>;
  respond: RespondFn;
  client: Client;
  command: SlashCommand;
  /** the request's workspace (for the case card); defaults to the command's team */
  workspaceId?: string;
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
        vendors: await vendorsFor(deps, r.command.team_id, reply.answer.locale ?? 'en'),
        locale: reply.answer.locale ?? 'en',
        privateMetadata: JSON.stringify({ channelId: r.command.channel_id }),
      }),
    });
    return;
  }
  const messages = answerMessages(reply.answer);
  if (reply.afterPost && reply.visibility === 'in_channel') {
    // a case message at the top of a Slack Connect channel would show the other organisation our tracking: the
    // command payload says whether the channel is shared, so nothing is posted or created there
    if (sharedChannelOf(r.command)) {
      const words = renderWords(languageOfLocale(reply.answer.locale ?? 'en'));
      await r.ack({ response_type: 'ephemeral', text: displayText(reply.answer)(words.sharedTopLevelCase) });
      return;
    }
    // the message must be a real channel message (it becomes a thread), not a command response
    await r.ack();
    const posted = await postMessages(r.client, r.command.channel_id, undefined, messages);
    const workspaceId = r.workspaceId ?? r.command.team_id;
    if (posted) await followUp(r.client, r.command.channel_id, posted, reply, { deps, workspaceId });
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
