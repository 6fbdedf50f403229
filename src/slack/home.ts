/**
 * The Home tab's data: the workspace's contracts, its open cases with their next due times, and each quota's
 * use in its current window (rules core). Builds the model the pure `homeView` lays out, and publishes it.
 */

import type { Knowledge } from '../knowledge/load.js';
import { quotaStatus } from '../rules/index.js';
import type { Case, Contract, Store } from '../store/index.js';
import { formatInstant, formatMinutesLeft } from '../text/format.js';
import type { SlackApi } from './api.js';
import { type HomeCase, type HomeModel, type HomeQuota, homeView } from './blocks/home.js';
import type { SlackDeps } from './deps.js';

/** Deadlines of one open case, as the cases module computes them. */
export interface CaseDeadline {
  label: string;
  dueAt: number;
  /** business minutes left; negative when late */
  minutesLeft?: number;
}

/** Supplied by the cases module: the running deadlines of a case (empty when none runs). */
export type CaseDeadlines = (workspaceId: string, kase: Case, now: Date) => CaseDeadline[];

export function contractTitle(knowledge: Knowledge, c: Contract): string {
  const planName = (id: string) => knowledge.plan(id)?.plan.name.en ?? id;
  const vendorName = knowledge.plans.find((f) => f.vendor === c.vendor)?.vendorName.en ?? c.vendor;
  const base = `${vendorName} ${planName(c.plan)}`;
  const addons = c.addons.length > 0 ? ` + ${c.addons.map(planName).join(', ')}` : '';
  return c.name ? `${c.name} — ${base}${addons}` : `${base}${addons}`;
}

export function contractLines(c: Contract): string[] {
  const holidays = c.holidays
    ? `${c.holidays.country}${c.holidays.subdivision ? `-${c.holidays.subdivision}` : ''}`
    : 'no public holidays';
  const hours = c.hours ? `${c.hours.start}–${c.hours.end} Mon–Fri` : 'the plan’s default hours';
  const lines = [`${c.zone} · ${holidays} · ${hours}`];
  const extra = [
    c.region ? `region ${c.region}` : null,
    c.customerType ? `${c.customerType} customer` : null,
    c.startDate || c.endDate ? `term ${c.startDate ?? '…'} → ${c.endDate ?? '…'}` : null,
  ].filter((x): x is string => x !== null);
  if (extra.length > 0) lines.push(extra.join(' · '));
  return lines;
}

function quotaLines(knowledge: Knowledge, store: Store, workspaceId: string, c: Contract, now: Date, notes: string[]) {
  const file = knowledge.plans.find((f) => f.vendor === c.vendor);
  if (!file) return [];
  const planIds = new Set([c.plan, ...c.addons]);
  const out: HomeQuota[] = [];
  for (const rule of file.quotas) {
    if (!rule.plans.some((p) => planIds.has(p)) || rule.window === 'per-event') continue;
    const uses = store.listQuotaUses(workspaceId, { contractId: c.id, quotaId: rule.id });
    try {
      const status = quotaStatus({
        rule: { limit: rule.limit, window: rule.window, carryOver: rule.carryOver },
        uses: uses.map((u) => ({ date: u.usedOn, count: u.count })),
        now,
        zone: c.zone,
        contractStart: c.startDate,
        contractEnd: c.endDate,
      });
      out.push({
        contract: contractTitle(knowledge, c),
        name: rule.name.en,
        used: status.used,
        limit: status.limit,
        unit: rule.unit,
        windowEnds: status.windowEnd ?? undefined,
      });
    } catch (error) {
      notes.push(`${contractTitle(knowledge, c)}: ${rule.name.en}: ${(error as Error).message}`);
    }
  }
  return out;
}

export function buildHomeModel(
  deps: Pick<SlackDeps, 'store' | 'knowledge'> & { caseDeadlines?: CaseDeadlines },
  workspaceId: string,
  now: Date,
  userZone?: string,
  extraNotes: string[] = [],
): HomeModel {
  const notes = [...extraNotes];
  const contracts = deps.store.listContracts(workspaceId);
  const byId = new Map(contracts.map((c) => [c.id, c]));
  const cases: HomeCase[] = deps.store.listCases(workspaceId, { status: ['open', 'waiting'] }).map((k) => {
    const contract = k.contractId === null ? undefined : byId.get(k.contractId);
    const zone = contract?.zone ?? userZone ?? 'UTC';
    const what = [
      k.severity ? `Severity ${k.severity}` : null,
      contract ? contractTitle(deps.knowledge, contract) : null,
    ]
      .filter(Boolean)
      .join(' · ');
    let due: HomeCase['due'] = [];
    try {
      due = (deps.caseDeadlines?.(workspaceId, k, now) ?? []).map((d) => {
        const at = new Date(d.dueAt).toISOString();
        const inUser = userZone && userZone !== zone ? ` · ${formatInstant(at, userZone)} your time` : '';
        return {
          label: d.label,
          when: `${formatInstant(at, zone)}${inUser}`,
          left: d.minutesLeft === undefined ? undefined : formatMinutesLeft(d.minutesLeft),
          late: d.minutesLeft !== undefined && d.minutesLeft < 0,
        };
      });
    } catch (error) {
      notes.push(`Case #${k.id}: its deadlines could not be computed (${(error as Error).message}).`);
    }
    return {
      title: `Case #${k.id}${k.vendorRef ? ` (${k.vendorRef})` : ''}${what ? ` — ${what}` : ''}`,
      channelId: k.channelId,
      status: k.status === 'waiting' ? 'waiting on us' : 'open',
      due,
    };
  });
  const quotas = contracts.flatMap((c) => quotaLines(deps.knowledge, deps.store, workspaceId, c, now, notes));
  return {
    contracts: contracts.map((c) => ({ id: c.id, title: contractTitle(deps.knowledge, c), lines: contractLines(c) })),
    cases,
    quotas,
    notes,
    asOf: formatInstant(now.toISOString(), userZone ?? 'UTC'),
  };
}

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
