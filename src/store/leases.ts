import type { StoreContext } from './context.js';
import { requireText, requireTime } from './validate.js';

/**
 * Named jobs that one instance at a time may run (docs/store.md, cross-workspace statement 4): the hourly
 * date-reminder sweep. A lease is one row; taking it is one statement that succeeds when the row is new, has run
 * out, or is already the taker's (a renewal), so two instances asking at once cannot both get it, on SQLite or
 * PostgreSQL. A holder that dies simply lets its lease run out.
 */
export function leaseMethods(ctx: StoreContext) {
  return {
    async takeLease(name: string, holder: string, now: number, untilMs: number): Promise<boolean> {
      requireText('lease name', name, 100);
      requireText('lease holder', holder, 200);
      requireTime('now', now);
      requireTime('until', untilMs);
      const result = await ctx
        .q()
        .insertInto('leases')
        .values({ name, holder, until: untilMs })
        .onConflict((conflict) =>
          conflict
            .column('name')
            .doUpdateSet({ holder: (eb) => eb.ref('excluded.holder'), until: (eb) => eb.ref('excluded.until') })
            .where((eb) => eb.or([eb('leases.until', '<=', now), eb('leases.holder', '=', holder)])),
        )
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
  };
}
