/**
 * Publishing the Home tab: the conversation builds the model, blocks/home.ts lays it out. Each open case links
 * to its thread (chat.getPermalink, asked for the first few cases at once; a case whose link Slack will not
 * give is shown without one). Links are kept in memory (permalinks.ts): they do not change.
 */
import { buildHomeModel } from '../conversation/home-model.js';
import type { HomeModel } from '../model/home.js';
import type { SlackApi } from './api.js';
import { homeView } from './blocks/home.js';
import { readerLocale } from './context.js';
import type { SlackDeps } from './deps.js';

/** the cases that get a link; Home shows far fewer than the view's 100 blocks allow anyway */
const MAX_LINKS = 30;

async function withLinks(deps: SlackDeps, client: SlackApi, workspaceId: string, model: HomeModel): Promise<HomeModel> {
  const cases = await Promise.all(
    model.cases.map(async (c, i) => {
      if (i >= MAX_LINKS || !c.channelId || !c.threadTs || c.url) return c;
      const url = await deps.permalinks.get(client.chat.getPermalink, workspaceId, c.channelId, c.threadTs);
      return url ? { ...c, url } : c;
    }),
  );
  return { ...model, cases };
}

export async function publishHome(
  deps: SlackDeps,
  client: SlackApi,
  workspaceId: string,
  userId: string,
  userZone: string | undefined,
  notes: string[] = [],
): Promise<void> {
  const locale = await readerLocale(deps, client, workspaceId, userId);
  const model = await withLinks(
    deps,
    client,
    workspaceId,
    await buildHomeModel(deps, workspaceId, deps.clock.now(), userZone, notes, locale),
  );
  await client.views.publish({ user_id: userId, view: homeView(model, { userId }) });
}
