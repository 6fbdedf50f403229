/**
 * One exchange in the console: the text goes through the same conversation as Slack, addressed to the app.
 * Where Slack would post a new message and start a thread (a case opened outside a thread), the console makes
 * up the message's ts and hands it back, so that the next line can continue in that thread.
 */

import { handleText } from '../conversation/handle.js';
import type { ConversationDeps, Reply } from '../conversation/types.js';
import type { Answer, Locale } from '../model/answer.js';

export const CONSOLE_WORKSPACE = 'local';
export const CONSOLE_CHANNEL = 'console';
export const CONSOLE_USER = 'local-user';

export interface ConsolePlace {
  workspaceId: string;
  channelId: string;
  threadTs?: string;
  userId: string;
  userZone?: string;
  /** the language of replies to bare commands (`sla p1 gold`), as a Slack user's locale decides it */
  userLocale?: Locale;
}

export interface Exchange {
  reply: Reply;
  /** the answer posted in the new thread, when the reply started one */
  followUp?: Answer;
  /** the made-up ts of the message that started a thread */
  newThreadTs?: string;
}

/** A Slack-like ts for a message "posted" now, unique in this channel among case threads. */
export async function madeUpTs(deps: ConversationDeps, place: ConsolePlace, now: Date): Promise<string> {
  const seconds = Math.floor(now.getTime() / 1000);
  let micros = (now.getTime() % 1000) * 1000 + 100;
  for (;;) {
    const ts = `${seconds}.${String(micros).padStart(6, '0')}`;
    if (!(await deps.store.getCaseByThread(place.workspaceId, place.channelId, ts))) return ts;
    micros += 1;
  }
}

export async function converse(deps: ConversationDeps, place: ConsolePlace, text: string): Promise<Exchange> {
  const now = deps.clock.now();
  const reply = await handleText(
    deps,
    {
      workspaceId: place.workspaceId,
      channelId: place.channelId,
      threadTs: place.threadTs,
      userId: place.userId,
      userZone: place.userZone,
      ...(place.userLocale ? { userLocale: place.userLocale } : {}),
      now,
      via: 'console',
    },
    text,
  );
  if (!reply.afterPost) return { reply };
  const ts = await madeUpTs(deps, place, now);
  const followUp = await reply.afterPost({ channelId: place.channelId, ts });
  return { reply, followUp, newThreadTs: ts };
}
