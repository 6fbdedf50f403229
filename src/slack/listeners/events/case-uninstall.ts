import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { workspaceIdOf } from '../../context.js';
import type { SlackDeps } from '../../deps.js';

/** The app was removed: nothing more may be posted there, so the workspace's pending reminders are cancelled. */
export function caseUninstall(deps: SlackDeps) {
  return async ({ context, body }: SlackEventMiddlewareArgs<'app_uninstalled'> & AllMiddlewareArgs) => {
    const workspaceId = workspaceIdOf(context, body.team_id);
    const cancelled = deps.store.cancelWorkspaceReminders(workspaceId);
    deps.logger.info(`app_uninstalled: ${workspaceId}: ${cancelled} pending reminder(s) cancelled`);
  };
}
