/**
 * A workspace's override applied to a shipped vendor file. Pure: the shipped file is not changed.
 *
 * Records with the id of a shipped record replace it in place (a price: the same plan and customer type; a fee:
 * the same kind); other records are added after the shipped ones. So an override of
 * `unified-sev-a-response` with 30 minutes changes that target for this workspace, and every answer, clock and
 * reminder that reads it follows.
 */
import type { PlanFile, PlanOverride } from './schema.js';

function mergeById<T extends { id: string }>(shipped: readonly T[], mine: readonly T[]): T[] {
  const byId = new Map(mine.map((r) => [r.id, r]));
  const merged = shipped.map((r) => byId.get(r.id) ?? r);
  const shippedIds = new Set(shipped.map((r) => r.id));
  return [...merged, ...mine.filter((r) => !shippedIds.has(r.id))];
}

export function applyOverride(shipped: PlanFile, override: PlanOverride): PlanFile {
  const priceKey = (p: { plan: string; customerType: string }) => `${p.plan}/${p.customerType}`;
  const myPrices = new Map(override.prices.map((p) => [priceKey(p), p]));
  const shippedPriceKeys = new Set(shipped.prices.map(priceKey));
  return {
    ...shipped,
    calendars: mergeById(shipped.calendars, override.calendars),
    plans: mergeById(shipped.plans, override.plans),
    targets: mergeById(shipped.targets, override.targets),
    facts: mergeById(shipped.facts, override.facts),
    quotas: mergeById(shipped.quotas, override.quotas),
    prices: [
      ...shipped.prices.map((p) => myPrices.get(priceKey(p)) ?? p),
      ...override.prices.filter((p) => !shippedPriceKeys.has(priceKey(p))),
    ],
    fees: {
      ...shipped.fees,
      ...(override.fees.cancellation ? { cancellation: override.fees.cancellation } : {}),
      ...(override.fees.flexCap ? { flexCap: override.fees.flexCap } : {}),
    },
  };
}

/** What an override changes, for `plan show` and the import preview: replaced and added record ids by kind. */
export function overrideSummary(shipped: PlanFile, override: PlanOverride): { replaced: string[]; added: string[] } {
  const replaced: string[] = [];
  const added: string[] = [];
  const sort = (kind: string, shippedIds: Set<string>, ids: string[]) => {
    for (const id of ids) (shippedIds.has(id) ? replaced : added).push(`${kind} ${id}`);
  };
  const ids = (rs: { id: string }[]) => new Set(rs.map((r) => r.id));
  sort(
    'calendar',
    ids(shipped.calendars),
    override.calendars.map((r) => r.id),
  );
  sort(
    'plan',
    ids(shipped.plans),
    override.plans.map((r) => r.id),
  );
  sort(
    'target',
    ids(shipped.targets),
    override.targets.map((r) => r.id),
  );
  sort(
    'fact',
    ids(shipped.facts),
    override.facts.map((r) => r.id),
  );
  sort(
    'quota',
    ids(shipped.quotas),
    override.quotas.map((r) => r.id),
  );
  const prices = new Set(shipped.prices.map((p) => `${p.plan}/${p.customerType}`));
  sort(
    'price',
    prices,
    override.prices.map((p) => `${p.plan}/${p.customerType}`),
  );
  if (override.fees.cancellation) (shipped.fees.cancellation ? replaced : added).push('fee cancellation');
  if (override.fees.flexCap) (shipped.fees.flexCap ? replaced : added).push('fee flexCap');
  return { replaced, added };
}
