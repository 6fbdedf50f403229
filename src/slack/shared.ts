/**
 * Whether a channel is shared with another organisation (Slack Connect: conversations.info `is_ext_shared`).
 * In such a channel nothing about our tracking is posted where the other organisation can read it (see
 * README, "Shared channels"). Answers are cached for a few minutes per channel. When Slack cannot say (an
 * error, a missing scope), the channel counts as shared: keeping our tracking private is the safe mistake.
 */
import type { SlackApi } from './api.js';

const TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 5_000;

export class SharedChannels {
  private readonly known = new Map<string, { shared: boolean; at: number }>();

  async isShared(
    info: Pick<SlackApi['conversations'], 'info'>['info'],
    workspaceId: string,
    channelId: string,
    now = Date.now(),
  ): Promise<boolean> {
    // direct messages with the app are never shared
    if (/^D/.test(channelId)) return false;
    const key = `${workspaceId}:${channelId}`;
    const hit = this.known.get(key);
    if (hit && now - hit.at < TTL_MS) return hit.shared;
    let shared: boolean;
    try {
      const result = await info({ channel: channelId });
      const channel = result.channel as { is_ext_shared?: boolean; is_pending_ext_shared?: boolean } | undefined;
      shared = channel?.is_ext_shared === true || channel?.is_pending_ext_shared === true;
    } catch {
      shared = true;
    }
    if (this.known.size >= MAX_ENTRIES) this.known.clear();
    this.known.set(key, { shared, at: now });
    return shared;
  }
}

/** Whether the channel is shared with another organisation, through the request's Web API and the deps' cache. */
export function sharedChannel(
  deps: { sharedChannels: SharedChannels },
  client: SlackApi,
  workspaceId: string,
  channelId: string,
): Promise<boolean> {
  return deps.sharedChannels.isShared(client.conversations.info, workspaceId, channelId);
}
