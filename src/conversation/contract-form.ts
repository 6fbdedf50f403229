/**
 * The contract set-up form (Slack's modal) → a stored contract, validated by the same parser as
 * `contract add`, with each problem reported against the field it is about.
 */

import { contractAddedAnswer, parseContractArgs } from '../answers/index.js';
import { forWorkspace } from '../knowledge/workspace.js';
import type { Answer } from '../model/answer.js';
import type { Contract } from '../store/index.js';
import { contractWords } from '../text/contract-words.js';
import { languageOfLocale } from '../text/script.js';
import type { ConversationContext, ConversationDeps } from './types.js';

/** The fields of the form, as typed (all optional until validated). */
export interface ContractFormValues {
  vendor?: string;
  plan?: string;
  addons?: string[];
  name?: string;
  zone?: string;
  holidays?: string;
  hours?: string;
  region?: string;
  customer?: string;
  start?: string;
  end?: string;
}

export type ContractFormField = keyof ContractFormValues;

export type ContractFormResult =
  | { ok: true; contract: Contract; answer: Answer }
  | { ok: false; errors: Partial<Record<ContractFormField, string>> };

/** Keys the `contract add` parser reads, by form field. */
const KEY_OF: Partial<Record<ContractFormField, string>> = {
  zone: 'zone',
  holidays: 'holidays',
  hours: 'hours',
  region: 'region',
  customer: 'customer',
  start: 'start',
  end: 'end',
};

function pair(key: string, value: string): string {
  // the parser ends an unquoted value at whitespace; quote it, without the quote characters it would stop at
  return `${key}="${value.replace(/["'“”‘’「」]/g, '').trim()}"`;
}

export async function addContractFromForm(
  deps: ConversationDeps,
  ctx: ConversationContext,
  form: ContractFormValues,
): Promise<ContractFormResult> {
  const errors: Partial<Record<ContractFormField, string>> = {};
  // the form's messages and its confirmation in the reader's language (Traditional for Chinese: the Slack layer
  // shows them in the reader's script)
  const lang = languageOfLocale(ctx.userLocale ?? 'en');
  const w = contractWords(lang);
  deps = await forWorkspace(deps, ctx.workspaceId);
  const file = deps.knowledge.plans.find((f) => f.vendor === form.vendor);
  if (!file) {
    errors.vendor = w.chooseVendor(deps.knowledge.vendors);
    return { ok: false, errors };
  }
  const base = file.plans.find((p) => p.id === form.plan && p.kind === 'base');
  if (!base) {
    const names = file.plans.filter((p) => p.kind === 'base').map((p) => p.name[lang]);
    errors.plan = w.choosePlan(file.vendorName[lang], names);
    return { ok: false, errors };
  }
  const head = `${file.vendor} ${base.id}`;
  const defaultZone = (await deps.store.getSettings(ctx.workspaceId)).zone;
  const problemOf = (args: string) => {
    const parsed = parseContractArgs(deps.knowledge, `${head} ${args}`, { defaultZone, now: ctx.now, language: lang });
    return parsed.ok ? null : parsed.answer.summary;
  };

  // each field on its own first, so that every message lands beside its field
  const parts: string[] = [];
  for (const [field, key] of Object.entries(KEY_OF) as [ContractFormField, string][]) {
    const value = form[field];
    if (typeof value !== 'string' || value.trim() === '') continue;
    const arg = pair(key, value);
    const problem = problemOf(arg);
    if (problem) errors[field] = problem;
    else parts.push(arg);
  }
  if (form.addons && form.addons.length > 0) {
    const arg = `addons=${form.addons.join(',')}`;
    const problem = problemOf(arg);
    if (problem) errors.addons = problem;
    else parts.push(arg);
  }
  if (form.name?.trim()) parts.push(pair('name', form.name));
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  // then together, for the rules that span fields (an end before the start)
  const parsed = parseContractArgs(deps.knowledge, `${head} ${parts.join(' ')}`, {
    defaultZone,
    now: ctx.now,
    language: lang,
  });
  if (!parsed.ok) {
    const summary = parsed.answer.summary;
    const field: ContractFormField = /^end[:：]/.test(summary)
      ? 'end'
      : /^addons[:：]/.test(summary)
        ? 'addons'
        : 'vendor';
    errors[field] = summary;
    return { ok: false, errors };
  }
  // stored and answered together: if the answer cannot be built, the contract is not kept either
  const added = await deps.store.transaction(async () => {
    const contract = await deps.store.addContract(ctx.workspaceId, parsed.input);
    const answer = contractAddedAnswer(deps.knowledge, contract, parsed.assumed, lang);
    answer.locale = ctx.userLocale ?? 'en';
    return { ok: true as const, contract, answer };
  });
  deps.warmHolidays?.(ctx.workspaceId, added.contract);
  return added;
}
