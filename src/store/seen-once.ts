import type { StoreContext } from './context.js';
import { StoreError } from './errors.js';
import { requireText, requireTime } from './validate.js';

/** expired keys are deleted at most this often (one indexed range delete) */
const PRUNE_EVERY_MS = 60_000;

/**
 * The Slack layer's "act once" memory (docs/store.md, cross-workspace statement 3): a key is accepted the first
 * time it is offered while its memory lasts. One statement per request: an insert that, on a key already held,
 * takes it over only when the old memory has expired. Shared by every process and instance on the database, and
 * kept across restarts.
 */
export function seenOnceMethods(ctx: StoreContext) {
  let prunedAt = 0;
  return {
    async firstSeen(kind: string, key: string, expiresAt: number, now: number): Promise<boolean> {
      requireText('kind', kind, 40);
      requireText('key', key, 500);
      requireTime('expiresAt', expiresAt);
      requireTime('now', now);
      if (expiresAt <= now) throw new StoreError('invalid', 'expiresAt must be after now.');
      if (now - prunedAt >= PRUNE_EVERY_MS) {
        prunedAt = now;
        await ctx.q().deleteFrom('seen_once').where('expires_at', '<=', now).execute();
      }
      const result = await ctx
        .q()
        .insertInto('seen_once')
        .values({ kind, key, expires_at: expiresAt })
        .onConflict((conflict) =>
          conflict
            .columns(['kind', 'key'])
            .doUpdateSet({ expires_at: (eb) => eb.ref('excluded.expires_at') })
            .where('seen_once.expires_at', '<=', now),
        )
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
  };
}
