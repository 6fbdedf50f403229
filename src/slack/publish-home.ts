/** Publishing the Home tab: the conversation builds the model, blocks/home.ts lays it out. */
import { buildHomeModel } from '../conversation/home-model.js';
import type { SlackApi } from './api.js';
import { homeView } from './blocks/home.js';
import type { SlackDeps } from './deps.js';

export async function publishHome(
  deps: SlackDeps,
  client: SlackApi,
  workspaceId: string,
  userId: string,
  userZone: string | undefined,
  notes: string[] = [],
): Promise<void> {
  const model = buildHomeModel(deps, workspaceId, deps.clock.now(), userZone, notes);
  await client.views.publish({ user_id: userId, view: homeView(model) });
}
