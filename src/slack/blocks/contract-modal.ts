/**
 * The contract set-up modal: vendor first (choosing one narrows the plans and add-ons), then plan, zone,
 * holidays, business hours, region, customer type and dates. Pure builders plus the reader of a submission.
 *
 * The form's fields are the keys of `contract add` (zone, holidays, hours, region, customer, start, end, addons,
 * name), so a submission is validated by the same parser as the command, and its errors come back keyed by field.
 */
import type { types } from '@slack/bolt';
import { MAX_NAME_CHARS } from '../../answers/contract.js';
import type { ContractFormField, ContractFormValues } from '../../conversation/contract-form.js';
import type { Locale } from '../../model/answer.js';
import { type ModalWords, modalWords } from '../../text/modal-words.js';
import { inScript, languageOfLocale } from '../../text/script.js';
import { LIMITS, trimText } from './limits.js';

export const CONTRACT_MODAL_CALLBACK_ID = 'contract_setup';
/** the vendor select dispatches this action so that the plan list can follow the vendor */
export const CONTRACT_VENDOR_ACTION_ID = 'contract_modal_vendor';
const VALUE = 'value';

export interface ChoiceOption {
  id: string;
  name: string;
}

export interface VendorChoice {
  id: string;
  name: string;
  plans: ChoiceOption[];
  addons: ChoiceOption[];
}

/** What the form holds; every field optional (a new form, or one being re-drawn). */
export type ContractForm = ContractFormValues;
export type { ContractFormField };

export interface ContractModalInput {
  vendors: VendorChoice[];
  /** values to show (the vendor picks which plans are listed) */
  form?: ContractForm;
  /** echoed back on submission, e.g. the channel to confirm in */
  privateMetadata?: string;
  /** the reader's language and script (vendor and plan names in `vendors` are given in it) */
  locale?: Locale;
}

const REGIONS = ['apac', 'americas', 'emea'] as const;
const CUSTOMER_TYPES = ['commercial', 'education'] as const;

function option(o: ChoiceOption): types.PlainTextOption {
  return {
    text: { type: 'plain_text', text: trimText(o.name, LIMITS.optionText) },
    value: o.id.slice(0, LIMITS.optionValue),
  };
}

function plain(text: string): types.PlainTextElement {
  return { type: 'plain_text', text };
}

/** Block ids carry the vendor where the options depend on it, so that Slack drops a stale selection on a change. */
export function fieldBlockId(field: ContractFormField, vendor?: string): string {
  if ((field === 'plan' || field === 'addons') && vendor) return `${field}:${vendor}`;
  return field;
}

export function contractModal(input: ContractModalInput): types.ModalView {
  const w = inScript(modalWords(languageOfLocale(input.locale ?? 'en')), input.locale).contract;
  const form = input.form ?? {};
  const vendor = input.vendors.find((v) => v.id === form.vendor);
  const shown = vendor ? [vendor] : input.vendors;

  const planOptions = shown.flatMap((v) => v.plans.map((p) => ({ ...p, vendorName: v.name })));
  const initialPlan = planOptions.find((p) => p.id === form.plan);
  const planSelect: types.StaticSelect = {
    type: 'static_select',
    action_id: VALUE,
    placeholder: plain(w.choosePlan),
    ...(vendor
      ? { options: vendor.plans.slice(0, LIMITS.selectOptions).map(option) }
      : {
          option_groups: input.vendors.map((v) => ({
            label: plain(trimText(v.name, LIMITS.optionText)),
            options: v.plans.slice(0, LIMITS.selectOptions).map(option),
          })),
        }),
    ...(initialPlan ? { initial_option: option(initialPlan) } : {}),
  };

  const addonChoices = shown.flatMap((v) => v.addons);
  const initialAddons = addonChoices.filter((a) => form.addons?.includes(a.id));

  const blocks: types.KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: w.intro,
      },
    },
    {
      type: 'input',
      block_id: fieldBlockId('vendor'),
      dispatch_action: true,
      label: plain(w.vendor),
      element: {
        type: 'static_select',
        action_id: CONTRACT_VENDOR_ACTION_ID,
        placeholder: plain(w.chooseVendor),
        options: input.vendors.map(option),
        ...(vendor ? { initial_option: option(vendor) } : {}),
      },
    },
    { type: 'input', block_id: fieldBlockId('plan', vendor?.id), label: plain(w.plan), element: planSelect },
  ];
  if (addonChoices.length > 0) {
    blocks.push({
      type: 'input',
      block_id: fieldBlockId('addons', vendor?.id),
      optional: true,
      label: plain(w.addons),
      element: {
        type: 'multi_static_select',
        action_id: VALUE,
        placeholder: plain(w.none),
        options: addonChoices.slice(0, LIMITS.selectOptions).map(option),
        ...(initialAddons.length > 0 ? { initial_options: initialAddons.map(option) } : {}),
      },
    });
  }
  blocks.push(
    textInput('name', w.name, w.namePlaceholder, form.name, true),
    textInput('zone', w.zone, w.zonePlaceholder, form.zone, false, w.zoneHint),
    textInput('holidays', w.holidays, w.holidaysPlaceholder, form.holidays, true, w.holidaysHint),
    textInput('hours', w.hours, w.hoursPlaceholder, form.hours, true, w.hoursHint),
    selectInput(
      'region',
      w.region,
      REGIONS.map((id) => ({ id, name: w.regions[id] })),
      form.region,
      w.regionHint,
      w,
    ),
    selectInput(
      'customer',
      w.customer,
      CUSTOMER_TYPES.map((id) => ({ id, name: w.customerTypes[id] })),
      form.customer,
      w.customerHint,
      w,
    ),
    dateInput('start', w.start, form.start),
    dateInput('end', w.end, form.end),
  );

  return {
    type: 'modal',
    callback_id: CONTRACT_MODAL_CALLBACK_ID,
    title: plain(w.title),
    submit: plain(w.save),
    close: plain(w.cancel),
    ...(input.privateMetadata ? { private_metadata: input.privateMetadata.slice(0, 3000) } : {}),
    blocks: blocks.slice(0, LIMITS.viewBlocks),
  };
}

function textInput(
  field: ContractFormField,
  label: string,
  placeholder: string,
  initial: string | undefined,
  optional: boolean,
  hint?: string,
): types.InputBlock {
  return {
    type: 'input',
    block_id: fieldBlockId(field),
    optional,
    label: plain(label),
    element: {
      type: 'plain_text_input',
      action_id: VALUE,
      placeholder: plain(placeholder),
      // every field's value is short (a zone, hours, a date, an amount); a name is at most MAX_NAME_CHARS
      max_length: MAX_NAME_CHARS,
      ...(initial ? { initial_value: initial } : {}),
    },
    ...(hint ? { hint: plain(hint) } : {}),
  };
}

function selectInput(
  field: ContractFormField,
  label: string,
  choices: ChoiceOption[],
  initial: string | undefined,
  hint: string,
  w: ModalWords['contract'],
): types.InputBlock {
  const initialChoice = choices.find((c) => c.id === initial);
  return {
    type: 'input',
    block_id: fieldBlockId(field),
    optional: true,
    label: plain(label),
    hint: plain(hint),
    element: {
      type: 'static_select',
      action_id: VALUE,
      placeholder: plain(w.planDefault),
      options: choices.map(option),
      ...(initialChoice ? { initial_option: option(initialChoice) } : {}),
    },
  };
}

function dateInput(field: ContractFormField, label: string, initial: string | undefined): types.InputBlock {
  return {
    type: 'input',
    block_id: fieldBlockId(field),
    optional: true,
    label: plain(label),
    element: {
      type: 'datepicker',
      action_id: VALUE,
      ...(initial && /^\d{4}-\d{2}-\d{2}$/.test(initial) ? { initial_date: initial } : {}),
    },
  };
}

/** The subset of Slack's view state this reader needs. */
export type ViewStateValues = Record<
  string,
  Record<
    string,
    {
      type?: string;
      value?: string | null;
      selected_option?: { value: string } | null;
      selected_options?: { value: string }[] | null;
      selected_date?: string | null;
    }
  >
>;

/** Reads a submitted (or partly filled) modal back into a form; empty fields are left out. */
export function readContractForm(values: ViewStateValues): ContractForm {
  const form: ContractForm = {};
  for (const [blockId, actions] of Object.entries(values)) {
    const field = blockId.split(':')[0] as ContractFormField;
    const state = Object.values(actions)[0];
    if (!state) continue;
    if (field === 'addons') {
      const picked = (state.selected_options ?? []).map((o) => o.value);
      if (picked.length > 0) form.addons = picked;
      continue;
    }
    const raw = state.selected_option?.value ?? state.selected_date ?? state.value ?? undefined;
    const value = raw?.trim();
    if (value) (form as Record<string, string>)[field] = value;
  }
  return form;
}

/**
 * Errors keyed by field → `response_action: 'errors'` keyed by the block ids of the submitted view (the plan's
 * block id depends on whether the vendor had been chosen when the view was drawn). An error about a field the
 * view does not show goes beside the vendor, so that it is never lost.
 */
export function contractFormErrors(
  errors: Partial<Record<ContractFormField, string>>,
  submitted: ViewStateValues,
): Record<string, string> {
  const blockIds = Object.keys(submitted);
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    if (!message) continue;
    const blockId = blockIds.find((id) => id.split(':')[0] === field) ?? fieldBlockId('vendor');
    out[blockId] = out[blockId] ? `${out[blockId]} ${message}` : message;
  }
  for (const id of Object.keys(out)) out[id] = trimText(out[id]!, LIMITS.inputLabel);
  return out;
}
