import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { workspaceIdOf } from '../../context.js';
import type { SlackDeps } from '../../deps.js';

/** The bot token was revoked: the installation is useless, so it is deleted. User tokens alone are not used. */
export function tokensRevoked(deps: SlackDeps) {
  return async ({ event, context, body }: SlackEventMiddlewareArgs<'tokens_revoked'> & AllMiddlewareArgs) => {
    if ((event.tokens.bot ?? []).length === 0) return;
    const workspaceId = workspaceIdOf(context, body.team_id);
    const removed = deps.store.deleteWorkspaceTokens(workspaceId);
    deps.installations?.forget();
    deps.logger.info(`tokens_revoked: ${workspaceId}: ${removed} installation(s) deleted`);
  };
}
