import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { slackApi } from '../../api.js';
import { userZoneOf, workspaceIdOf } from '../../context.js';
import type { SlackDeps } from '../../deps.js';
import { publishHome } from '../../publish-home.js';

/** Opening the Home tab publishes it afresh: contracts, open cases with due times, quotas. */
export function appHomeOpened(deps: SlackDeps) {
  return async ({ event, context, body }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs) => {
    if (event.tab !== 'home') return;
    const client = slackApi(deps.web, context);
    const workspaceId = workspaceIdOf(context, body.team_id);
    const userZone = await userZoneOf(deps, client, workspaceId, event.user);
    await publishHome(deps, client, workspaceId, event.user, userZone);
  };
}
