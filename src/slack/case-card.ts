/**
 * Keeping a case's card current: the one message at the top of the case thread that says where the case
 * stands. Updated in place (chat.update) after every change; posted in the thread when the case has no card
 * yet, or when its card can no longer be edited (deleted, too old). A failure here never undoes the change
 * that caused it: the change is in the store, and the card catches up on the next one.
 */
import { caseCard } from '../cases/card.js';
import { CaseProblem, caseLocale, caseState } from '../cases/service.js';
import { inScript, languageOfLocale } from '../text/script.js';
import type { SlackApi } from './api.js';
import { caseCardMessage } from './blocks/case-card.js';
import { USER_ZONE_MAX_AGE_MS } from './context.js';
import type { SlackDeps } from './deps.js';
import { slackErrorCode } from './errors.js';
import { publishHome } from './publish-home.js';
import { sharedChannel } from './shared.js';

/** chat.update errors after which the card is posted afresh. */
const REPOST = new Set(['message_not_found', 'cant_update_message', 'edit_window_closed', 'msg_too_long']);

export async function syncCaseCard(
  deps: SlackDeps,
  client: SlackApi,
  workspaceId: string,
  caseId: number,
): Promise<void> {
  const kase = await deps.store.getCase(workspaceId, caseId);
  if (!kase) return;
  const now = deps.clock.now().getTime();
  let state: Awaited<ReturnType<typeof caseState>>;
  try {
    state = await caseState(deps, kase, now);
  } catch (error) {
    if (error instanceof CaseProblem) return;
    throw error;
  }
  const leads = (await deps.store.getSettings(workspaceId)).reminderLeadMinutes;
  // in the language and script the case was opened in, as its reminders: everyone in the thread reads it
  const locale = caseLocale(state.events);
  const built = caseCard(state, now, { soonMinutes: Math.max(30, ...leads), lang: languageOfLocale(locale) });
  // the vendor's case number is as typed
  const card = { ...inScript(built, locale), vendorRef: built.vendorRef, locale };
  const message = caseCardMessage(card, now);
  if (await sharedChannel(deps, client, workspaceId, kase.channelId)) {
    // shared with another organisation: the clocks are ours alone, so the card goes to the owner only
    await client.chat
      .postEphemeral({ channel: kase.channelId, user: kase.ownerId, thread_ts: kase.threadTs, ...message })
      .catch((error: Error) => deps.logger.warn(`Case #${kase.id}: the owner's card was not shown: ${error.message}`));
  } else
    try {
      let updated = false;
      if (kase.statusMessageTs) {
        try {
          await client.chat.update({ channel: kase.channelId, ts: kase.statusMessageTs, ...message });
          updated = true;
        } catch (error) {
          if (!REPOST.has(slackErrorCode(error) ?? '')) throw error;
        }
      }
      if (!updated) {
        const posted = await client.chat.postMessage({
          channel: kase.channelId,
          thread_ts: kase.threadTs,
          unfurl_links: false,
          ...message,
        });
        if (posted.ts) await deps.store.updateCase(workspaceId, kase.id, { statusMessageTs: posted.ts });
      }
    } catch (error) {
      deps.logger.warn(`Case #${kase.id}: its card could not be brought up to date: ${(error as Error).message}`);
    }
  // the owner's Home lists the case: it changed, so Home shows it as it now stands
  try {
    const owner = (await deps.store.getCase(workspaceId, kase.id))?.ownerId ?? kase.ownerId;
    if (/^[UW][A-Z0-9]+$/.test(owner)) {
      const zone = (await deps.store.getCachedUserZone(workspaceId, owner, now, USER_ZONE_MAX_AGE_MS)) ?? undefined;
      await publishHome(deps, client, workspaceId, owner, zone);
    }
  } catch (error) {
    deps.logger.warn(`Case #${kase.id}: the owner's Home could not be refreshed: ${(error as Error).message}`);
  }
}
