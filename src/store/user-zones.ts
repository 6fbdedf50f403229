import type { StoreContext } from './context.js';
import { StoreError } from './errors.js';
import { requireText, requireTime, requireWorkspace, requireZone } from './validate.js';

/** A BCP 47 tag as Slack sends it ("zh-TW", "en-US"), or '' for none. */
function requireLocale(value: unknown): string {
  if (value === '' || (typeof value === 'string' && /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,4}$/.test(value))) {
    return value;
  }
  throw new StoreError(
    'invalid',
    `locale must be a language tag such as zh-TW or en-US, or empty; got ${JSON.stringify(value)}.`,
  );
}

/** What users.info said about a user: the IANA zone and the Slack locale ('' when Slack gave none). */
export interface CachedUser {
  zone: string;
  locale: string;
}

/** users.info answers, cached per workspace so that every answer about a time need not call Slack. */
export function userZoneMethods(ctx: StoreContext) {
  const select = (workspaceId: string, userId: string) =>
    ctx
      .q()
      .selectFrom('user_zones')
      .select(['zone', 'locale', 'fetched_at'])
      .where('workspace_id', '=', requireWorkspace(workspaceId))
      .where('user_id', '=', requireText('user id', userId, 255))
      .executeTakeFirst();

  return {
    async getCachedUserZone(
      workspaceId: string,
      userId: string,
      now: number,
      maxAgeMs: number,
    ): Promise<string | null> {
      const row = await select(workspaceId, userId);
      if (!row) return null;
      const age = requireTime('now', now) - row.fetched_at;
      return age <= maxAgeMs ? row.zone : null;
    },
    /**
     * The zone and locale, or null when not cached, too old, or cached before locales were asked for (so that
     * the caller asks users.info again and learns the locale too).
     */
    async getCachedUser(
      workspaceId: string,
      userId: string,
      now: number,
      maxAgeMs: number,
    ): Promise<CachedUser | null> {
      const row = await select(workspaceId, userId);
      if (!row || row.locale === null) return null;
      const age = requireTime('now', now) - row.fetched_at;
      return age <= maxAgeMs ? { zone: row.zone, locale: row.locale } : null;
    },
    async cacheUser(workspaceId: string, userId: string, user: CachedUser, now: number): Promise<void> {
      const values = {
        workspace_id: requireWorkspace(workspaceId),
        user_id: requireText('user id', userId, 255),
        zone: requireZone('zone', user.zone),
        locale: requireLocale(user.locale),
        fetched_at: requireTime('now', now),
      };
      await ctx
        .q()
        .insertInto('user_zones')
        .values(values)
        .onConflict((conflict) =>
          conflict
            .columns(['workspace_id', 'user_id'])
            .doUpdateSet({ zone: values.zone, locale: values.locale, fetched_at: values.fetched_at }),
        )
        .execute();
    },
    /** the zone alone (the locale, when cached, is kept) */
    async cacheUserZone(workspaceId: string, userId: string, zone: string, now: number): Promise<void> {
      const values = {
        workspace_id: requireWorkspace(workspaceId),
        user_id: requireText('user id', userId, 255),
        zone: requireZone('zone', zone),
        fetched_at: requireTime('now', now),
      };
      await ctx
        .q()
        .insertInto('user_zones')
        .values(values)
        .onConflict((conflict) =>
          conflict
            .columns(['workspace_id', 'user_id'])
            .doUpdateSet({ zone: values.zone, fetched_at: values.fetched_at }),
        )
        .execute();
    },
  };
}
