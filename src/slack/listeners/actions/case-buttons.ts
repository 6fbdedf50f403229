import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import {
  CaseProblem,
  caseLanguage,
  caseProblem,
  type RecordableEventKind,
  recordEvent,
  undoEvent,
} from '../../../cases/service.js';
import { recordedWords } from '../../../cases/words.js';
import { problemText } from '../../../conversation/errors.js';
import type { Locale } from '../../../model/answer.js';
import { isStoreError } from '../../../store/index.js';
import { caseActionWords } from '../../../text/case-action-words.js';
import { displayText, languageOfLocale } from '../../../text/script.js';
import { refusalFor, sharedChannelOf } from '../../actor.js';
import { type SlackApi, slackApi } from '../../api.js';
import { escapeMrkdwn } from '../../blocks/limits.js';
import { slackDate } from '../../blocks/time.js';
import { syncCaseCard } from '../../case-card.js';
import { readerLocale, workspaceIdOf } from '../../context.js';
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
 * Runs a button's work; a problem (a closed case, a gone reminder) is told to the one who clicked, in their
 * language and script (`locale`, also given to the work for what it tells them alone). Every case button changes
 * the case, so someone from another organisation (a shared channel) is refused before anything is done.
 */
async function guarded(
  deps: SlackDeps,
  args: ButtonArgs,
  work: (client: SlackApi, locale: Locale) => Promise<void>,
): Promise<void> {
  await args.ack();
  const client = slackApi(deps.web, args.context);
  const workspaceId = workspaceIdOf(args.context, args.body.team?.id);
  const locale = await readerLocale(deps, client, workspaceId, args.body.user.id);
  const refused = await refusalFor(
    deps,
    client,
    {
      workspaceId,
      enterpriseId: args.context.enterpriseId,
      userId: args.body.user.id,
      userTeamId: args.body.user.team_id,
      sharedChannel: sharedChannelOf(args.body),
    },
    'case',
    locale,
  );
  if (refused) {
    await tellUser(client, args, refused);
    return;
  }
  try {
    await work(client, locale);
  } catch (error) {
    // problems may quote what someone typed
    if (error instanceof CaseProblem || isStoreError(error)) {
      const text = displayText({ locale })(problemText(error, languageOfLocale(locale)));
      await tellUser(client, args, escapeMrkdwn(text));
    } else throw error;
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
      if (!kase) throw caseProblem((w) => w.notTracked);
      const now = deps.clock.now().getTime();
      const userId = args.body.user.id;
      const { state } = await recordEvent(deps, kase, { kind, at: now, actorId: userId, source: 'button' }, now);
      // the event is one short line in the thread, in the case's language like its card and reminders; the card
      // above it shows where the case now stands
      const lang = caseLanguage(state.events);
      const line = caseActionWords(lang).recordedBy(
        `<@${userId}>`,
        recordedWords(kind, lang),
        slackDate(now, state.contract.zone),
      );
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
    guarded(deps, args, async (client, locale) => {
      const workspaceId = workspaceIdOf(args.context, args.body.team?.id);
      const { reminderId } = buttonValue(args.action);
      const until = deps.clock.now().getTime() + 30 * 60_000;
      const snoozed = reminderId === undefined ? null : await deps.store.snoozeReminder(workspaceId, reminderId, until);
      if (!snoozed) throw caseProblem((w) => w.reminderGone);
      const zone = (snoozed.payload as { zone?: string } | null)?.zone ?? 'UTC';
      const said = caseActionWords(languageOfLocale(locale)).snoozed(slackDate(until, zone));
      await tellUser(client, args, displayText({ locale })(said));
    });
}

/** "Undo" on the acknowledgement of an auto-detected vendor reply. */
export function undoAutoButton(deps: SlackDeps) {
  return (args: ButtonArgs) =>
    guarded(deps, args, async (client, locale) => {
      const workspaceId = workspaceIdOf(args.context, args.body.team?.id);
      const { eventId } = buttonValue(args.action);
      if (eventId === undefined) throw caseProblem((w) => w.buttonGone);
      const now = deps.clock.now().getTime();
      const undone = await undoEvent(deps, workspaceId, eventId, now);
      await syncCaseCard(deps, client, workspaceId, undone.kase.id);
      // it replaces the acknowledgement told to the case owner, who is the one clicking: their language and script
      const text = displayText({ locale })(
        caseActionWords(languageOfLocale(locale)).undoneBy(`<@${args.body.user.id}>`),
      );
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
