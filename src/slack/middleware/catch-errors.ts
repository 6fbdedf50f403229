/**
 * The last line of defence for every request: a global middleware around all listeners. An error a listener
 * lets escape is logged with a request id (also put on the context as `requestId`) and the person is answered
 * (the command's or button's response_url, else an ephemeral message where they wrote, else a DM) with that id
 * to quote, and a request that was never acknowledged is acknowledged, so that Slack shows no timeout.
 */
import type { AllMiddlewareArgs, AnyMiddlewareArgs } from '@slack/bolt';
import { emptyAnswer } from '../../model/answer.js';
import { conversationWords } from '../../text/conversation-words.js';
import { languageOfLocale, localeOf } from '../../text/script.js';
import { slackApi } from '../api.js';
import { answerMessages } from '../blocks/answer.js';
import type { SlackDeps } from '../deps.js';
import { newRequestId, requestContext } from '../request-context.js';

type Args = AnyMiddlewareArgs & AllMiddlewareArgs;
// biome-ignore lint/suspicious/noExplicitAny: request bodies of every kind, read defensively
type Loose = Record<string, any> | undefined;

/** What the request was, for the log line: its kind and what it named, never what the user typed. */
function describe(body: Loose): string {
  if (!body) return 'a request';
  if (typeof body.command === 'string') return `command ${body.command}`;
  if (body.type === 'event_callback') return `event ${body.event?.type ?? '?'}`;
  if (body.type === 'block_actions') return `action ${body.actions?.[0]?.action_id ?? '?'}`;
  if (body.type === 'view_submission' || body.type === 'view_closed') return `${body.type} ${body.view?.callback_id}`;
  return String(body.type ?? 'a request');
}

export function catchListenerErrors(deps: SlackDeps) {
  return async (args: Args): Promise<void> => {
    // the receiver's id for this HTTP request (its X-Request-Id); Socket Mode has none, so one is made here
    const requestId = requestContext()?.requestId ?? newRequestId();
    args.context.requestId = requestId;
    try {
      await args.next();
    } catch (error) {
      const err = error as Error;
      deps.logger.error(`[${requestId}] ${describe(args.body as Loose)} failed: ${err?.stack ?? String(error)}`);
      await tellTheUser(deps, args, requestId).catch((e: unknown) =>
        deps.logger.error(`[${requestId}] could not tell the user about the failure: ${(e as Error)?.message ?? e}`),
      );
    }
  };
}

async function tellTheUser(deps: SlackDeps, args: Args, requestId: string): Promise<void> {
  // in the language and script of what the person wrote, where the request carries their text
  const loose = args.body as Loose;
  const written: unknown = loose?.event?.text ?? loose?.text;
  const locale = localeOf(typeof written === 'string' ? written : '');
  const w = conversationWords(languageOfLocale(locale));
  const answer = emptyAnswer('error', w.errorTitle, w.unexpectedRef(requestId));
  answer.locale = locale;
  const [message] = answerMessages(answer);
  if (!message) return;
  // acknowledge if nobody did (a second ack throws, which is fine: then it was acknowledged)
  if ('ack' in args && typeof args.ack === 'function') {
    await (args.ack as () => Promise<void>)().catch(() => undefined);
  }
  if (await respondTo(args, message)) return;
  const body = args.body as Loose;
  const event = body?.event as Loose;
  const user: string | undefined = event?.user ?? body?.user?.id ?? body?.user_id;
  const channel: string | undefined = event?.channel ?? body?.channel?.id ?? body?.channel_id;
  if (!user) return;
  const client = slackApi(deps.web, args.context);
  if (channel) {
    const thread = event?.thread_ts ?? event?.ts;
    await client.chat.postEphemeral({ channel, user, ...message, ...(thread ? { thread_ts: thread } : {}) });
  } else {
    await client.chat.postMessage({ channel: user, ...message });
  }
}

/** Answers through the request's response_url when it has one; false when it has none. */
async function respondTo(args: Args, message: { text: string; blocks: unknown[] }): Promise<boolean> {
  if (!('respond' in args) || typeof args.respond !== 'function') return false;
  const body = args.body as Loose;
  if (!body?.response_url && !body?.response_urls?.length) return false;
  await args.respond({ response_type: 'ephemeral', replace_original: false, ...message } as never);
  return true;
}
