import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { workspaceIdOf } from '../../context.js';
import type { SlackDeps } from '../../deps.js';

/**
 * The bot token was revoked: the installation is useless, so it is deleted, and the workspace's pending
 * reminders are cancelled (nothing can be posted there any more; a reinstall plans new ones as cases move).
 * User tokens alone are not used.
 */
export function tokensRevoked(deps: SlackDeps) {
  return async ({ event, context, body }: SlackEventMiddlewareArgs<'tokens_revoked'> & AllMiddlewareArgs) => {
    if ((event.tokens.bot ?? []).length === 0) return;
    const workspaceId = workspaceIdOf(context, body.team_id);
    const { removed, cancelled } = await deps.store.transaction(async () => ({
      removed: await deps.store.deleteWorkspaceTokens(workspaceId),
      cancelled: await deps.store.cancelWorkspaceReminders(workspaceId),
    }));
    deps.installations?.forget();
    deps.logger.info(
      `tokens_revoked: ${workspaceId}: ${removed} installation(s) deleted, ${cancelled} pending reminder(s) cancelled`,
    );
  };
}
