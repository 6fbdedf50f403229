/**
 * Scheduling a workspace's date reminders (store side of dates.ts): for each contract, the date reminders
 * that have fallen due and still hold are scheduled once (by dedupe key); the scheduler posts them.
 */

import { DateTime } from 'luxon';
import type { Knowledge } from '../knowledge/load.js';
import { forWorkspace } from '../knowledge/workspace.js';
import type { Store } from '../store/index.js';
import { localeFromSlack } from '../text/script.js';
import { bookingsFromUses, type DatePolicy, planDateReminders } from './dates.js';

export interface DateReminderDeps {
  store: Store;
  knowledge: Knowledge;
  workspaceKnowledge?: (workspaceId: string) => Promise<Knowledge>;
}

export interface DateReminderLog {
  error(message: string): void;
}

/**
 * Schedules the date reminders due by `now` for one workspace, in `channelId`, else in the channel of its
 * latest case (a workspace that never tracked a case has no channel to remind in yet). Returns how many
 * new reminders it scheduled.
 *
 * Contracts are taken one at a time, each in its own transaction: a contract whose term has not started yet (or
 * is over) has nothing to remind of and is passed over; one whose data fails is rolled back, logged with its
 * workspace and id, and skipped, so that it never keeps the other contracts (or workspaces) from their reminders.
 */
export async function scheduleWorkspaceDateReminders(
  shared: DateReminderDeps,
  workspaceId: string,
  now: number,
  channelId?: string,
  policy?: Partial<DatePolicy>,
  log: DateReminderLog = console,
): Promise<number> {
  const deps = await forWorkspace(shared, workspaceId);
  const channel = channelId ?? (await deps.store.lastCaseChannel(workspaceId));
  if (!channel) return 0;
  let count = 0;
  // a channel's reminders are the workspace's: written in its language, Chinese in the installer's script
  const { language } = await deps.store.getSettings(workspaceId);
  const script = language === 'zh' ? await installerScript(deps.store, workspaceId, now) : undefined;
  const uses = await deps.store.listQuotaUses(workspaceId);
  for (const contract of await deps.store.listContracts(workspaceId)) {
    const today = DateTime.fromMillis(now, { zone: contract.zone }).toISODate();
    // a contract whose term is over, or has not begun, has no windows, cut-offs or bookings to remind of now
    if (
      !today ||
      (contract.endDate && contract.endDate < today) ||
      (contract.startDate && contract.startDate > today)
    ) {
      continue;
    }
    try {
      count += await deps.store.transaction(async () => {
        const file = deps.knowledge.vendor(contract.vendor);
        const rows = planDateReminders({
          file,
          contract,
          uses,
          bookings: bookingsFromUses(file, contract, uses, now),
          now,
          channelId: channel,
          policy,
          language,
          script,
        });
        let scheduled = 0;
        for (const row of rows) {
          // a key seen before in any state (sent, or cancelled by an uninstall) is not scheduled again
          if (await deps.store.hasReminderKey(workspaceId, row.dedupeKey)) continue;
          await deps.store.scheduleReminder(workspaceId, row);
          scheduled += 1;
        }
        return scheduled;
      });
    } catch (error) {
      log.error(
        `date reminders: skipped contract ${contract.id} of workspace ${workspaceId} (${contract.vendor} ${contract.plan}): ${(error as Error).message}`,
      );
    }
  }
  return count;
}

/**
 * The hourly sweep of the Slack process: plans the date reminders of every workspace that has a contract
 * (each in the channel of its latest case). It yields to the event loop between workspaces, so a sweep over a
 * thousand workspaces never holds up a slash command; a workspace whose data fails is logged and skipped.
 */
export async function sweepDateReminders(
  deps: DateReminderDeps,
  now: number,
  log: DateReminderLog = console,
): Promise<number> {
  let count = 0;
  for (const workspaceId of await deps.store.listWorkspacesWithContracts()) {
    try {
      count += await scheduleWorkspaceDateReminders(deps, workspaceId, now, undefined, undefined, log);
    } catch (error) {
      log.error(`date reminders: skipped workspace ${workspaceId}: ${(error as Error).message}`);
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return count;
}

/**
 * The script of a Chinese workspace's date reminders: the installer's, where their Slack locale is known (cached
 * when they asked the app something), else Traditional. The workspace's language setting names no script, and a
 * channel has no single reader whose locale could decide.
 */
async function installerScript(store: Store, workspaceId: string, now: number): Promise<'zh-Hant' | 'zh-Hans'> {
  try {
    const installer = (await store.fetchWorkspaceInstallation(workspaceId))?.user.id;
    if (!installer) return 'zh-Hant';
    const cached = await store.getCachedUser(workspaceId, installer, now, Number.POSITIVE_INFINITY);
    return localeFromSlack(cached?.locale) === 'zh-Hans' ? 'zh-Hans' : 'zh-Hant';
  } catch {
    // an installation that cannot be read (no key for its tokens) says nothing about its installer's script
    return 'zh-Hant';
  }
}
