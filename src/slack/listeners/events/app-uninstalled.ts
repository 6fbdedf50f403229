import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { workspaceIdOf } from '../../context.js';
import type { SlackDeps } from '../../deps.js';

/**
 * The app was removed from a workspace: forget its tokens and cancel its pending reminders, since nothing more
 * may be posted there (its contracts and case history stay).
 */
export function appUninstalled(deps: SlackDeps) {
  return async ({ context, body }: SlackEventMiddlewareArgs<'app_uninstalled'> & AllMiddlewareArgs) => {
    const workspaceId = workspaceIdOf(context, body.team_id);
    const removed = await deps.store.deleteWorkspaceTokens(workspaceId);
    deps.installations?.forget();
    const cancelled = await deps.store.cancelWorkspaceReminders(workspaceId);
    deps.logger.info(
      `app_uninstalled: ${workspaceId}: ${removed} installation(s) deleted, ${cancelled} pending reminder(s) cancelled`,
    );
  };
}
