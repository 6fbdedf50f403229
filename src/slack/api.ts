/**
 * The Web API calls the app makes, on one shared client, with the workspace's own token on each call.
 *
 * Why not Bolt's `client` argument: Bolt builds a `WebClient` per workspace token and keeps it for the life of
 * the process (about 31 KB of heap each, with some 270 bound methods), so a thousand busy workspaces hold
 * 31 MB that never goes away. A call with an explicit token on one client costs nothing per workspace.
 * The OAuth installer's authorize result therefore carries the token as `workspaceToken` (app.ts), where Bolt
 * does not look for it; single-workspace modes keep Bolt's `botToken` (one client, built once).
 */
import type { Context, webApi } from '@slack/bolt';

type Client = webApi.WebClient;

/** The methods the app calls; the same shapes as WebClient's, so listeners read as Bolt's samples do. */
export interface SlackApi {
  chat: Pick<Client['chat'], 'postMessage' | 'postEphemeral' | 'update' | 'getPermalink'>;
  views: Pick<Client['views'], 'open' | 'publish' | 'update'>;
  users: Pick<Client['users'], 'info'>;
  usergroups: { users: Pick<Client['usergroups']['users'], 'list'> };
  conversations: Pick<Client['conversations'], 'info'>;
}

/** The context key the OAuth authorize result keeps the workspace's bot token under (see app.ts). */
export const WORKSPACE_TOKEN = 'workspaceToken';

function tokenOf(context: Context): string | undefined {
  return context.botToken ?? (context[WORKSPACE_TOKEN] as string | undefined);
}

/** The Web API for one request's workspace; building it allocates a few closures, no client. */
export function slackApi(shared: Client, context: Context): SlackApi {
  const token = tokenOf(context);
  // as Bolt's pooled clients do: the team id goes along, which org-wide installs need
  const extra = context.teamId ? { token, team_id: context.teamId } : { token };
  const bind =
    <A, R>(call: (args: A) => Promise<R>) =>
    (args: A) =>
      call({ ...extra, ...args });
  return {
    chat: {
      postMessage: bind(shared.chat.postMessage),
      postEphemeral: bind(shared.chat.postEphemeral),
      update: bind(shared.chat.update),
      getPermalink: bind(shared.chat.getPermalink),
    },
    views: {
      open: bind(shared.views.open),
      publish: bind(shared.views.publish),
      update: bind(shared.views.update),
    },
    users: { info: bind(shared.users.info) },
    usergroups: { users: { list: bind(shared.usergroups.users.list) } },
    conversations: { info: bind(shared.conversations.info) },
  };
}
