import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { statusAnswer } from '../../../cases/answer.js';
import { CaseProblem, caseView, type RecordableEventKind, recordEvent, undoEvent } from '../../../cases/service.js';
import { recordedWords } from '../../../cases/words.js';
import type { Answer } from '../../../model/answer.js';
import { isStoreError } from '../../../store/index.js';
import { formatTime } from '../../../text/time.js';
import { refusalFor, sharedChannelOf } from '../../actor.js';
import { type SlackApi, slackApi } from '../../api.js';
import { answerMessages } from '../../blocks/answer.js';
import { userZoneOf, workspaceIdOf } from '../../context.js';
import type { SlackDeps } from '../../deps.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** The value a case button carries: { caseId, reminderId } or, for Undo, { eventId, caseId }. */
function buttonValue(action: BlockButtonAction['actions'][number]): {
  caseId?: number;
  reminderId?: number;
  eventId?: number;
} {
  try {
    const parsed = JSON.parse(action.value ?? '{}') as Record<string, unknown>;
    const num = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) ? v : undefined);
    return { caseId: num(parsed.caseId), reminderId: num(parsed.reminderId), eventId: num(parsed.eventId) };
  } catch {
    return {};
  }
}

async function tellUser(client: SlackApi, args: ButtonArgs, text: string): Promise<void> {
  const channel = args.body.channel?.id;
  if (!channel) return;
  await client.chat.postEphemeral({
    channel,
    user: args.body.user.id,
    text,
    ...(args.body.message?.thread_ts ? { thread_ts: args.body.message.thread_ts } : {}),
  });
}

async function postInThread(client: SlackApi, channel: string, threadTs: string, answer: Answer): Promise<void> {
  for (const m of answerMessages(answer)) await client.chat.postMessage({ channel, thread_ts: threadTs, ...m });
}

/**
 * Runs a button's work; a problem (a closed case, a gone reminder) is told to the one who clicked. Every case button
 * changes the case, so someone from another organisation (a shared channel) is refused before anything is done.
 */
async function guarded(deps: SlackDeps, args: ButtonArgs, work: (client: SlackApi) => Promise<void>): Promise<void> {
  await args.ack();
  const client = slackApi(deps.web, args.context);
  const refused = await refusalFor(
    deps,
    client,
    {
      workspaceId: workspaceIdOf(args.context, args.body.team?.id),
      enterpriseId: args.context.enterpriseId,
      userId: args.body.user.id,
      userTeamId: args.body.user.team_id,
      sharedChannel: sharedChannelOf(args.body),
    },
    'case',
  );
  if (refused) {
    await tellUser(client, args, refused);
    return;
  }
  try {
    await work(client);
  } catch (error) {
    if (error instanceof CaseProblem || isStoreError(error)) await tellUser(client, args, error.message);
    else throw error;
  }
}

/** "Vendor responded", "Vendor updated", "Close case": record the event and post the case's clocks in its thread. */
export function caseEventButton(
  deps: SlackDeps,
  kind: Extract<RecordableEventKind, 'responded' | 'updated' | 'closed'>,
) {
  return (args: ButtonArgs) =>
    guarded(deps, args, async (client) => {
      const workspaceId = workspaceIdOf(args.context, args.body.team?.id);
      const { caseId } = buttonValue(args.action);
      const kase = caseId === undefined ? null : deps.store.getCase(workspaceId, caseId);
      if (!kase) throw new CaseProblem('That case is not tracked in this workspace any more.');
      const now = deps.clock.now().getTime();
      const userId = args.body.user.id;
      const { state } = recordEvent(deps, kase, { kind, at: now, actorId: userId, source: 'button' }, now);
      const zone = await userZoneOf(deps, client, workspaceId, userId);
      const headline = `<@${userId}> recorded: ${recordedWords(kind)} (${formatTime(now, state.contract.zone)}).`;
      await postInThread(
        client,
        kase.channelId,
        kase.threadTs,
        statusAnswer(caseView(state, now, 'en', zone), headline),
      );
    });
}

/** "Snooze 30 min": the reminder comes back in 30 minutes (a sent one gets a pending copy). */
export function snoozeButton(deps: SlackDeps) {
  return (args: ButtonArgs) =>
    guarded(deps, args, async (client) => {
      const workspaceId = workspaceIdOf(args.context, args.body.team?.id);
      const { reminderId } = buttonValue(args.action);
      const until = deps.clock.now().getTime() + 30 * 60_000;
      const snoozed = reminderId === undefined ? null : deps.store.snoozeReminder(workspaceId, reminderId, until);
      if (!snoozed) throw new CaseProblem('That reminder is gone (its case was closed or replanned).');
      const zone = (snoozed.payload as { zone?: string } | null)?.zone ?? 'UTC';
      await tellUser(client, args, `Snoozed: I will remind this thread again at ${formatTime(until, zone)}.`);
    });
}

/** "Undo" on the acknowledgement of an auto-detected vendor reply. */
export function undoAutoButton(deps: SlackDeps) {
  return (args: ButtonArgs) =>
    guarded(deps, args, async (client) => {
      const workspaceId = workspaceIdOf(args.context, args.body.team?.id);
      const { eventId } = buttonValue(args.action);
      if (eventId === undefined) throw new CaseProblem('That button no longer points at an event.');
      const now = deps.clock.now().getTime();
      undoEvent(deps, workspaceId, eventId, now);
      const text = `Undone by <@${args.body.user.id}>: that reply no longer counts as the vendor's.`;
      const channel = args.body.channel?.id;
      const ts = args.body.message?.ts;
      if (channel && ts) {
        await client.chat.update({
          channel,
          ts,
          text,
          blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
        });
      }
    });
}
