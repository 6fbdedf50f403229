/**
 * The Home tab's data: the workspace's contracts, its open cases with their next due times, and each quota's
 * use in its current window. Reads the store; the Slack layer lays the model out (src/slack/blocks/home.ts).
 */

import { statusOf } from '../answers/quota.js';
import { CaseProblem, openCaseDeadlines } from '../cases/index.js';
import type { Knowledge } from '../knowledge/load.js';
import { forWorkspace } from '../knowledge/workspace.js';
import type { Locale } from '../model/answer.js';
import type { HomeCase, HomeModel, HomeQuota } from '../model/home.js';
import type { Language } from '../model/language.js';
import type { Contract } from '../model/records.js';
import type { Store } from '../store/index.js';
import { homeWords } from '../text/home-words.js';
import { contractTitle } from '../text/names.js';
import { inScript, languageOfLocale } from '../text/script.js';
import { formatDueIn, formatTime } from '../text/time.js';
import type { ConversationDeps } from './types.js';

export function contractLines(c: Contract, lang: Language = 'en'): string[] {
  const w = homeWords(lang);
  const holidays = c.holidays
    ? `${c.holidays.country}${c.holidays.subdivision ? `-${c.holidays.subdivision}` : ''}`
    : w.noHolidays;
  const hours = c.hours ? w.hours(c.hours.start, c.hours.end) : w.planHours;
  const lines = [[c.zone, holidays, hours].join(w.sep)];
  const extra = [
    c.region ? w.region(c.region.toUpperCase()) : null,
    c.customerType ? w.customer(w.customerTypes[c.customerType] ?? c.customerType) : null,
    c.startDate || c.endDate ? w.term(c.startDate ?? '…', c.endDate ?? '…') : null,
  ].filter((x): x is string => x !== null);
  if (extra.length > 0) lines.push(extra.join(w.sep));
  return lines;
}

async function quotaLines(
  knowledge: Knowledge,
  store: Store,
  workspaceId: string,
  c: Contract,
  now: Date,
  notes: string[],
  lang: Language,
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
        contract: contractTitle(knowledge, c, lang),
        name: rule.name[lang],
        used: status.used,
        limit: status.limit,
        unit: lang === 'zh' ? rule.unitZh : rule.unit,
        windowEnds: status.windowEnd ?? undefined,
      });
    } catch (error) {
      notes.push(
        homeWords(lang).quotaProblem(contractTitle(knowledge, c, lang), rule.name[lang], (error as Error).message),
      );
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
  locale: Locale = 'en',
): Promise<HomeModel> {
  const lang = languageOfLocale(locale);
  const w = homeWords(lang);
  const deps = await forWorkspace(shared, workspaceId);
  const notes = [...extraNotes];
  const contracts = await deps.store.listContracts(workspaceId);
  const cases: HomeCase[] = [];
  for (const { kase: k, contract, deadlines } of await openCaseDeadlines(deps, workspaceId, now)) {
    const zone = contract?.zone ?? userZone ?? 'UTC';
    const what = [
      k.severity ? w.severity(k.severity) : null,
      contract ? contractTitle(deps.knowledge, contract, lang) : null,
    ]
      .filter(Boolean)
      .join(w.sep);
    // a case whose deadlines cannot be worked out (no contract, its plan gone) is listed without them, and says why
    if (deadlines instanceof Error) {
      const why = deadlines instanceof CaseProblem ? deadlines.say(lang) : deadlines.message;
      notes.push(w.noDeadlines(k.id, why));
    }
    const due: HomeCase['due'] = Array.isArray(deadlines)
      ? deadlines.map((d) => ({
          label: w.clocks[d.kind],
          when: formatTime(d.dueAt, zone, lang),
          at: d.dueAt,
          zone,
          left: formatDueIn(d.dueAt, now.getTime(), d.minutesLeft, lang),
          late: d.minutesLeft !== undefined && d.minutesLeft < 0,
        }))
      : [];
    cases.push({
      title: w.caseTitle(k.id, k.vendorRef, what),
      channelId: k.channelId,
      threadTs: k.threadTs,
      ownerId: k.ownerId,
      status: w.statuses[k.status === 'waiting' ? 'waiting' : 'open'],
      due,
    });
  }
  const quotas = (
    await Promise.all(contracts.map((c) => quotaLines(deps.knowledge, deps.store, workspaceId, c, now, notes, lang)))
  ).flat();
  // Simplified readers see the model's own words (names, labels, times) converted, as answers are
  return inScript<HomeModel>(
    {
      contracts: contracts.map((c) => ({
        id: c.id,
        title: contractTitle(deps.knowledge, c, lang),
        lines: contractLines(c, lang),
      })),
      cases,
      quotas,
      notes,
      locale,
      asOf: formatTime(now, userZone ?? 'UTC', lang),
      asOfAt: now.getTime(),
      asOfZone: userZone ?? 'UTC',
    },
    locale,
  );
}
