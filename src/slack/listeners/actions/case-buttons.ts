import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { CaseProblem, type RecordableEventKind, recordEvent, undoEvent } from '../../../cases/service.js';
import { recordedWords } from '../../../cases/words.js';
import { isStoreError } from '../../../store/index.js';
import { refusalFor, sharedChannelOf } from '../../actor.js';
import { type SlackApi, slackApi } from '../../api.js';
import { escapeMrkdwn } from '../../blocks/limits.js';
import { slackDate } from '../../blocks/time.js';
import { syncCaseCard } from '../../case-card.js';
import { workspaceIdOf } from '../../context.js';
import type { SlackDeps } from '../../deps.js';
import { sharedChannel } from '../../shared.js';

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
    // problems may quote what someone typed
    if (error instanceof CaseProblem || isStoreError(error)) await tellUser(client, args, escapeMrkdwn(error.message));
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
      const kase = caseId === undefined ? null : await deps.store.getCase(workspaceId, caseId);
      if (!kase) throw new CaseProblem('That case is not tracked in this workspace any more.');
      const now = deps.clock.now().getTime();
      const userId = args.body.user.id;
      const { state } = await recordEvent(deps, kase, { kind, at: now, actorId: userId, source: 'button' }, now);
      // the event is one short line in the thread; the card above it shows where the case now stands
      const line = `<@${userId}> recorded: ${recordedWords(kind)} (${slackDate(now, state.contract.zone)}).`;
      const lineMessage = {
        channel: kase.channelId,
        thread_ts: kase.threadTs,
        text: line,
        blocks: [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: line } }],
      };
      if (await sharedChannel(deps, client, workspaceId, kase.channelId)) {
        await client.chat.postEphemeral({ ...lineMessage, user: userId });
      } else {
        await client.chat.postMessage(lineMessage);
      }
      await syncCaseCard(deps, client, workspaceId, kase.id);
    });
}

/** "Snooze 30 min": the reminder comes back in 30 minutes (a sent one gets a pending copy). */
export function snoozeButton(deps: SlackDeps) {
  return (args: ButtonArgs) =>
    guarded(deps, args, async (client) => {
      const workspaceId = workspaceIdOf(args.context, args.body.team?.id);
      const { reminderId } = buttonValue(args.action);
      const until = deps.clock.now().getTime() + 30 * 60_000;
      const snoozed = reminderId === undefined ? null : await deps.store.snoozeReminder(workspaceId, reminderId, until);
      if (!snoozed) throw new CaseProblem('That reminder is gone (its case was closed or replanned).');
      const zone = (snoozed.payload as { zone?: string } | null)?.zone ?? 'UTC';
      await tellUser(client, args, `Snoozed: I will remind this thread again ${slackDate(until, zone)}.`);
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
      const undone = await undoEvent(deps, workspaceId, eventId, now);
      await syncCaseCard(deps, client, workspaceId, undone.kase.id);
      const text = `Undone by <@${args.body.user.id}>: that reply no longer counts as the vendor's.`;
      const channel = args.body.channel?.id;
      const ts = args.body.message?.ts;
      const ephemeral = (args.body.container as { is_ephemeral?: boolean } | undefined)?.is_ephemeral === true;
      if (ephemeral) {
        // an ephemeral message (the owner's, in a shared channel) is replaced through its response_url
        await args.respond({ replace_original: true, text });
      } else if (channel && ts) {
        await client.chat.update({
          channel,
          ts,
          text,
          blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
        });
      }
    });
}
