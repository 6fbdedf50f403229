/**
 * The Home tab's data: the workspace's contracts, its open cases with their next due times, and each quota's
 * use in its current window. Reads the store; the Slack layer lays the model out (src/slack/blocks/home.ts).
 */

import { statusOf } from '../answers/quota.js';
import { caseDeadlines } from '../cases/index.js';
import type { Knowledge } from '../knowledge/load.js';
import { forWorkspace } from '../knowledge/workspace.js';
import type { HomeCase, HomeModel, HomeQuota } from '../model/home.js';
import type { Contract } from '../model/records.js';
import type { Store } from '../store/index.js';
import { contractTitle } from '../text/names.js';
import { formatDueIn, formatTime } from '../text/time.js';
import type { ConversationDeps } from './types.js';

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

async function quotaLines(
  knowledge: Knowledge,
  store: Store,
  workspaceId: string,
  c: Contract,
  now: Date,
  notes: string[],
) {
  const file = knowledge.plans.find((f) => f.vendor === c.vendor);
  if (!file) return [];
  const planIds = new Set([c.plan, ...c.addons]);
  const out: HomeQuota[] = [];
  for (const rule of file.quotas) {
    if (!rule.plans.some((p) => planIds.has(p)) || rule.window === 'per-event') continue;
    const uses = await store.listQuotaUses(workspaceId, { contractId: c.id, quotaId: rule.id });
    try {
      const status = statusOf(rule, c, uses, now);
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

export async function buildHomeModel(
  shared: Pick<ConversationDeps, 'store' | 'knowledge' | 'workspaceKnowledge'>,
  workspaceId: string,
  now: Date,
  userZone?: string,
  extraNotes: string[] = [],
): Promise<HomeModel> {
  const deps = await forWorkspace(shared, workspaceId);
  const notes = [...extraNotes];
  const contracts = await deps.store.listContracts(workspaceId);
  const byId = new Map(contracts.map((c) => [c.id, c]));
  const cases: HomeCase[] = [];
  for (const k of await deps.store.listCases(workspaceId, { status: ['open', 'waiting'] })) {
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
      due = (await caseDeadlines(deps)(workspaceId, k, now)).map((d) => ({
        label: d.label,
        when: formatTime(d.dueAt, zone),
        at: d.dueAt,
        zone,
        left: formatDueIn(d.dueAt, now.getTime(), d.minutesLeft),
        late: d.minutesLeft !== undefined && d.minutesLeft < 0,
      }));
    } catch (error) {
      notes.push(`Case #${k.id}: its deadlines could not be computed (${(error as Error).message}).`);
    }
    cases.push({
      title: `Case #${k.id}${k.vendorRef ? ` (${k.vendorRef})` : ''}${what ? ` — ${what}` : ''}`,
      channelId: k.channelId,
      threadTs: k.threadTs,
      ownerId: k.ownerId,
      status: k.status === 'waiting' ? 'waiting on us' : 'open',
      due,
    });
  }
  const quotas = (
    await Promise.all(contracts.map((c) => quotaLines(deps.knowledge, deps.store, workspaceId, c, now, notes)))
  ).flat();
  return {
    contracts: contracts.map((c) => ({ id: c.id, title: contractTitle(deps.knowledge, c), lines: contractLines(c) })),
    cases,
    quotas,
    notes,
    asOf: formatTime(now, userZone ?? 'UTC'),
    asOfAt: now.getTime(),
    asOfZone: userZone ?? 'UTC',
  };
}
