/**
 * Case threads' permalinks (chat.getPermalink), kept in memory: a message's permalink does not change, and the
 * Home tab links up to 30 cases every time it is published (after each change to a case and each reminder): 30 Web
 * API calls a publish before. The reminder poster's copy to a case's owner links the thread through the same cache.
 * Bounded, least recently used out. A failure is not kept: the case is shown without a link and asked again next
 * time.
 */
import { LruCache } from '../rules/lru.js';
import type { SlackApi } from './api.js';

const MAX_ENTRIES = 20_000;

export class Permalinks {
  private readonly known = new LruCache<string, string>(MAX_ENTRIES);

  async get(
    getPermalink: SlackApi['chat']['getPermalink'],
    workspaceId: string,
    channelId: string,
    messageTs: string,
  ): Promise<string | undefined> {
    const key = `${workspaceId}:${channelId}:${messageTs}`;
    const hit = this.known.get(key);
    if (hit !== undefined) return hit;
    try {
      const { permalink } = await getPermalink({ channel: channelId, message_ts: messageTs });
      if (typeof permalink === 'string' && permalink) this.known.set(key, permalink);
      return permalink || undefined;
    } catch {
      return undefined;
    }
  }
}
