/**
 * Names of vendors, plans and contracts as answers, case messages and Home show them (pure). One place, so
 * that every surface says "Jamf Gold + Rapid Response" the same way and never repeats the vendor
 * ("Microsoft Microsoft Unified"), and says it in the reader's language.
 */
import type { PlanFile } from '../knowledge/schema.js';
import type { Language } from '../model/language.js';
import type { Contract } from '../model/records.js';

/** The plans a name lookup needs: every vendor's file. */
export interface PlanFiles {
  plans: PlanFile[];
}

/** A plan or add-on by id, in `lang`; the id itself when no file has it. */
export function planName(files: PlanFiles, id: string, lang: Language = 'en'): string {
  for (const file of files.plans) {
    const plan = file.plans.find((p) => p.id === id);
    if (plan) return plan.name[lang];
  }
  return id;
}

/** "<vendor> <name>", unless the name already starts with the vendor's (as "Microsoft Azure 事件管理" does). */
export function withVendor(file: PlanFile, name: string, lang: Language = 'en'): string {
  const vendor = file.vendorName[lang];
  return name.startsWith(`${vendor} `) || name === vendor ? name : `${vendor} ${name}`;
}

/** A contract's plan and add-ons: "Gold + Rapid Response". */
export function contractPlanName(
  files: PlanFiles,
  contract: Pick<Contract, 'plan' | 'addons'>,
  lang: Language = 'en',
): string {
  const addons = contract.addons.map((id) => planName(files, id, lang));
  return addons.length > 0
    ? `${planName(files, contract.plan, lang)} + ${addons.join(', ')}`
    : planName(files, contract.plan, lang);
}

/** A contract as a title: "Acme EMEA — Jamf Gold + Rapid Response", or "Jamf Gold" without a name of its own. */
export function contractTitle(
  files: PlanFiles,
  contract: Pick<Contract, 'vendor' | 'plan' | 'addons' | 'name'>,
  lang: Language = 'en',
): string {
  const file = files.plans.find((f) => f.vendor === contract.vendor);
  const plans = contractPlanName(files, contract, lang);
  const base = file ? withVendor(file, plans, lang) : plans;
  return contract.name ? `${contract.name} — ${base}` : base;
}
