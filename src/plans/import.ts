/**
 * Importing a team's own plan into a workspace: check it (src/plans/check.ts) against the knowledge it would
 * join (the shipped plans and the workspace's other imports), and store it only when it is clean, with its
 * document, in one statement. Shared by `entitlebot plan import` and the Slack DM import.
 */

import type { Knowledge } from '../knowledge/load.js';
import { overrideSummary } from '../knowledge/override.js';
import type { PlanFile } from '../knowledge/schema.js';
import { buildWorkspaceKnowledge } from '../knowledge/workspace.js';
import { type Answer, emptyAnswer } from '../model/answer.js';
import type { WorkspacePlan } from '../model/records.js';
import type { Store } from '../store/index.js';
import { formatSpan } from '../text/time.js';
import { type CheckedPlan, checkPlan } from './check.js';
import { type PlanProblem, parsePlanYaml, readText } from './input.js';

export interface ImportInput {
  store: Store;
  /** the shipped knowledge */
  knowledge: Knowledge;
  workspaceId: string;
  planFile: string;
  planBytes: Uint8Array;
  docFile: string;
  docBytes: Uint8Array;
  importedBy: string | null;
}

/** Which vendor a plan file is about (`vendor:` or `extends:`), read before checking it, when it can be. */
function vendorOf(file: string, bytes: Uint8Array): string | undefined {
  const text = readText(file, bytes, 1024 * 1024, 'plan file');
  if (!text.ok) return undefined;
  const yaml = parsePlanYaml(file, text.value);
  if (!yaml.ok) return undefined;
  const raw = yaml.value.value as Record<string, unknown>;
  const v = raw.extends ?? raw.vendor;
  return typeof v === 'string' ? v : undefined;
}

/**
 * The knowledge a plan is checked against: the shipped plans with the workspace's imports, less the one it
 * would replace (importing a corrected plan for the same vendor is not a clash with itself).
 */
export async function knowledgeToJoin(
  store: Store,
  shipped: Knowledge,
  workspaceId: string,
  vendor?: string,
): Promise<Knowledge> {
  const others = (await store.listWorkspacePlans(workspaceId)).filter((p) => p.vendor !== vendor);
  return buildWorkspaceKnowledge(shipped, others).knowledge;
}

/** Checks the plan for this workspace without storing it: the problems, or the checked plan. */
export async function checkForWorkspace(input: Omit<ImportInput, 'importedBy'>): Promise<{
  problems: PlanProblem[];
  plan?: CheckedPlan;
}> {
  const vendor = vendorOf(input.planFile, input.planBytes);
  const knowledge = await knowledgeToJoin(input.store, input.knowledge, input.workspaceId, vendor);
  return checkPlan({ ...input, knowledge });
}

export type ImportResult =
  | { ok: true; plan: CheckedPlan; stored: WorkspacePlan; replaced: boolean }
  | { ok: false; problems: PlanProblem[] };

/** Checks, then stores. Nothing is written unless the plan is clean. */
export async function importPlan(input: ImportInput): Promise<ImportResult> {
  const result = await checkForWorkspace(input);
  if (!result.plan || result.problems.length > 0) return { ok: false, problems: result.problems };
  const plan = result.plan;
  const replaced = (await input.store.getWorkspacePlan(input.workspaceId, plan.vendor)) !== null;
  const stored = await input.store.saveWorkspacePlan(input.workspaceId, {
    vendor: plan.vendor,
    kind: plan.kind,
    documentName: plan.document,
    documentText: plan.documentText,
    planText: plan.planText,
    planJson: JSON.stringify(plan.data),
    importedBy: input.importedBy,
  });
  return { ok: true, plan, stored, replaced };
}

/**
 * What the app understood from a plan: its levels and its response and update targets as a table (plan,
 * level, kind, time, calendar), and for an override what it replaces and adds. Shown before an import is
 * confirmed, by `plan show` and after an import.
 */
export function planPreview(merged: PlanFile, kind: 'vendor' | 'override', shipped?: PlanFile): Answer {
  const title =
    kind === 'override' ? `Your terms for ${merged.vendorName.en}` : `${merged.vendorName.en}: ${merged.title.en}`;
  const plans = merged.plans.map((p) => p.name.en).join(', ');
  const answer = emptyAnswer(
    'contract',
    title,
    `${merged.plans.length} plan${merged.plans.length === 1 ? '' : 's'} (${plans}), ${merged.severities.length} levels, ${merged.targets.length} targets, ${merged.quotas.length} quotas, ${merged.prices.length} prices.`,
  );
  if (merged.severities.length > 0) {
    answer.tables.push({
      columns: ['Level', 'Name', 'Across vendors'],
      rows: merged.severities.map((s) => [s.id, s.name.en, s.level]),
    });
  }
  const planName = (id: string) => merged.plans.find((p) => p.id === id)?.name.en ?? id;
  const calendarName = (id?: string) => (id ? (merged.calendars.find((c) => c.id === id)?.label.en ?? id) : '');
  const targets = merged.targets.filter((t) => t.kind === 'response' || t.kind === 'update');
  const changed = kind === 'override' && shipped ? new Set(overrideIds(shipped, merged)) : undefined;
  answer.tables.push({
    columns: ['Plan', 'Level', 'Target', 'Time', 'Calendar'],
    rows: targets
      .filter((t) => !changed || changed.has(t.id))
      .map((t) => [
        t.plans.map(planName).join(', '),
        t.severities.join(', '),
        t.kind === 'update' ? `update (${t.cadence ?? 'every'})` : 'first response',
        t.span ? formatSpan(t.span, 'en') : t.cadence === 'on-change' ? 'on change' : '',
        calendarName(t.calendar),
      ]),
  });
  return answer;
}

/** Target ids an override changed (replaced or added), found by comparing with the shipped file. */
function overrideIds(shipped: PlanFile, merged: PlanFile): string[] {
  const before = new Map(shipped.targets.map((t) => [t.id, t]));
  return merged.targets.filter((t) => before.get(t.id) !== t).map((t) => t.id);
}

export { overrideSummary };
