/**
 * Which plans (with add-ons) and which severity an SLA or due question is about.
 *
 * - Plans named in the question win; add-ons named attach to their base plan ("sla sev1 unified uer").
 * - A vendor named alone means the workspace's contracts with that vendor, else all its plans.
 * - Nothing named means the workspace's contracts, else every plan of every vendor (a table).
 * - A severity is taken as typed for a vendor it names ("p1" is Jamf P1); for another vendor it is mapped
 *   by its level (Microsoft 1 and Jamf P1 are both 'critical'), and the answer says so.
 */
import type { Knowledge } from '../knowledge/load.js';
import type { PlanFile, Severity } from '../knowledge/schema.js';
import type { Contract } from '../model/records.js';
import type { Selection, SeverityRef } from './command.js';
import { fileOf } from './common.js';

export interface Combo {
  file: PlanFile;
  /** base plan id */
  plan: string;
  addons: string[];
  /** the workspace contract this row is for, when it comes from one */
  contract?: Contract;
}

export interface SelectedCombos {
  combos: Combo[];
  /** how the rows were chosen, for the notes */
  from: 'named' | 'contracts' | 'catalog';
}

function baseFor(file: PlanFile, addonId: string, contracts: Contract[]): string | undefined {
  const addon = file.plans.find((p) => p.id === addonId);
  const bases = addon?.addsTo ?? [];
  return contracts.find((c) => c.vendor === file.vendor && bases.includes(c.plan))?.plan ?? bases[0];
}

export function selectCombos(knowledge: Knowledge, sel: Selection, contracts: Contract[]): SelectedCombos {
  const combos: Combo[] = [];
  const named = sel.plans;
  if (named.length > 0) {
    for (const p of named.filter((x) => x.kind === 'base')) {
      const file = fileOf(knowledge, p.vendor);
      if (file) combos.push({ file, plan: p.id, addons: [] });
    }
    for (const a of named.filter((x) => x.kind === 'addon')) {
      const file = fileOf(knowledge, a.vendor);
      if (!file) continue;
      const targets = combos.filter((c) => c.file.vendor === a.vendor && a.addsTo.includes(c.plan));
      if (targets.length > 0) {
        for (const c of targets) if (!c.addons.includes(a.id)) c.addons.push(a.id);
        continue;
      }
      const base = baseFor(file, a.id, contracts);
      if (base) combos.push({ file, plan: base, addons: [a.id] });
    }
    return { combos, from: 'named' };
  }
  const vendorFilter = (v: string) => sel.vendors.length === 0 || sel.vendors.includes(v);
  const fromContracts = contracts.filter((c) => vendorFilter(c.vendor));
  for (const c of fromContracts) {
    const file = fileOf(knowledge, c.vendor);
    if (file) combos.push({ file, plan: c.plan, addons: [...c.addons], contract: c });
  }
  if (combos.length > 0) return { combos, from: 'contracts' };
  for (const file of knowledge.plans) {
    if (!vendorFilter(file.vendor)) continue;
    for (const p of file.plans) if (p.kind === 'base') combos.push({ file, plan: p.id, addons: [] });
  }
  return { combos, from: 'catalog' };
}

export interface SeverityChoice {
  severity: Severity;
  /** true when the severity was mapped from another vendor's by level */
  mapped: boolean;
}

/**
 * The severity of `file` the words name: directly, or by level. Undefined when the vendor has no
 * severities or none at that level.
 */
export function severityFor(file: PlanFile, ref: SeverityRef): SeverityChoice | undefined {
  const direct = ref.matches.find((m) => m.vendor === file.vendor);
  if (direct) {
    const severity = file.severities.find((s) => s.id === direct.id);
    if (severity) return { severity, mapped: false };
  }
  const level = ref.level ?? ref.matches[0]?.level;
  if (!level) return undefined;
  const severity = file.severities.find((s) => s.level === level);
  return severity ? { severity, mapped: true } : undefined;
}

/** The contract a due answer should use for a combo: its own, else the workspace's one on that plan. */
export function contractFor(combo: Combo, contracts: Contract[]): Contract | undefined {
  return (
    combo.contract ??
    contracts.find((c) => c.vendor === combo.file.vendor && c.plan === combo.plan) ??
    contracts.find((c) => c.vendor === combo.file.vendor)
  );
}

/**
 * The targets of a combo for one severity (undefined: a severity-free vendor), in a fixed order
 * (response, update, coverage, customer), narrowed to a product scope when one was named. Superseded
 * targets are left out (the knowledge layer drops them).
 */
export function targetsOf(knowledge: Knowledge, combo: Combo, severityId: string | undefined, scope?: string) {
  const order = ['response', 'update', 'coverage', 'customer'];
  const ids = [combo.plan, ...combo.addons];
  const all = combo.file.severityFree
    ? knowledge.targetsFor(combo.file.vendor, ids).filter((t) => t.severities.includes('*'))
    : knowledge.targetsFor(combo.file.vendor, ids, severityId);
  const scoped = scope ? all.filter((t) => !t.scope || t.scope === scope) : all;
  return [...scoped].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
}

/** Targets of the base plan that the combo's add-ons replace, with the target replacing each. */
export function supersededBy(combo: Combo, severityId: string | undefined) {
  const ids = [combo.plan, ...combo.addons];
  const file = combo.file;
  const applicable = file.targets.filter(
    (t) =>
      t.plans.some((p) => ids.includes(p)) &&
      (severityId === undefined || t.severities.includes('*') || t.severities.includes(severityId)),
  );
  const out: { replaced: (typeof applicable)[number]; by: (typeof applicable)[number] }[] = [];
  for (const by of applicable) {
    for (const id of by.supersedes ?? []) {
      const replaced = applicable.find((t) => t.id === id);
      if (replaced) out.push({ replaced, by });
    }
  }
  return out;
}
