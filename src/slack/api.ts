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
  files: Pick<Client['files'], 'info'>;
  /**
   * Downloads a file Slack hosts (a file's url_private_download) with the workspace's token, at most `maxBytes`
   * (a larger file is refused, not read). Only Slack's file host, or the configured Web API's own host (the fake
   * in tests), is fetched: a URL elsewhere would hand the token to a stranger.
   */
  download(url: string, maxBytes: number): Promise<Uint8Array>;
}

export class DownloadError extends Error {
  override readonly name = 'DownloadError';
}

const SLACK_FILE_ORIGINS = new Set(['https://files.slack.com']);

async function download(shared: Client, token: string | undefined, url: string, maxBytes: number): Promise<Uint8Array> {
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    throw new DownloadError('the file has no download address');
  }
  const apiOrigin = shared.slackApiUrl ? new URL(shared.slackApiUrl).origin : undefined;
  if (!SLACK_FILE_ORIGINS.has(origin) && origin !== apiOrigin) {
    throw new DownloadError(`the file is not hosted by Slack (${origin}); share it in Slack itself`);
  }
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {}, redirect: 'error' });
  if (!response.ok || !response.body) throw new DownloadError(`Slack answered ${response.status} for the file`);
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > maxBytes) {
    await response.body.cancel();
    throw new DownloadError(`the file is ${length} bytes; the limit is ${maxBytes}`);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new DownloadError(`the file is over the limit of ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
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
    files: { info: bind(shared.files.info) },
    download: (url, maxBytes) => download(shared, token, url, maxBytes),
  };
}
