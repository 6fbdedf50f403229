/**
 * The "Track as vendor case" modal (pure Block Kit): one select of contract and severity (grouped by
 * contract; one "any severity" option where the plan's targets do not depend on it), the vendor's case
 * number, and "Azure component" where the plan has Azure-specific targets.
 */

import { severityMatters } from '../../cases/targets.js';
import type { Knowledge } from '../../knowledge/load.js';
import type { Locale } from '../../model/answer.js';
import type { Contract } from '../../model/records.js';
import { modalWords } from '../../text/modal-words.js';
import { contractPlanName } from '../../text/names.js';
import { inScript, languageOfLocale } from '../../text/script.js';

/** The modal's words in the reader's language and script. */
const wordsFor = (locale: Locale = 'en') => inScript(modalWords(languageOfLocale(locale)), locale).track;

export const TRACK_SHORTCUT_CALLBACK_ID = 'track_vendor_case';
export const TRACK_MODAL_CALLBACK_ID = 'track_vendor_case_modal';
export const TRACK_CHOICE_BLOCK = 'case_choice';
export const TRACK_REF_BLOCK = 'case_ref';
export const TRACK_PRODUCT_BLOCK = 'case_product';
/** the value of the "any severity" option */
export const ANY_SEVERITY = '*';

export interface TrackMetadata {
  channelId: string;
  threadTs: string;
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

export function trackCaseModal(
  knowledge: Knowledge,
  contracts: Contract[],
  meta: TrackMetadata,
  locale: Locale = 'en',
  // biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON
): Record<string, any> {
  const w = wordsFor(locale);
  const lang = languageOfLocale(locale);
  const show = (text: string) => inScript(text, locale);
  const groups = contracts.slice(0, 100).map((c) => {
    const file = knowledge.vendor(c.vendor);
    const title = `#${c.id} ${c.name ?? show(contractPlanName({ plans: [file] }, c, lang))}`;
    const options = severityMatters(file, c)
      ? file.severities.map((s) => ({
          text: { type: 'plain_text', text: clip(show(s.name[lang]), 75) },
          value: `${c.id}:${s.id}`,
        }))
      : [{ text: { type: 'plain_text', text: w.anySeverity }, value: `${c.id}:${ANY_SEVERITY}` }];
    return { label: { type: 'plain_text', text: clip(title, 75) }, options };
  });
  const scoped = contracts.some((c) => knowledge.vendor(c.vendor).targets.some((t) => t.scope === 'azure'));
  // biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON
  const blocks: Record<string, any>[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: w.intro,
      },
    },
    {
      type: 'input',
      block_id: TRACK_CHOICE_BLOCK,
      label: { type: 'plain_text', text: w.choice },
      element: {
        type: 'static_select',
        action_id: 'value',
        placeholder: { type: 'plain_text', text: w.choose },
        option_groups: groups,
      },
    },
    {
      type: 'input',
      block_id: TRACK_REF_BLOCK,
      optional: true,
      label: { type: 'plain_text', text: w.vendorRef },
      element: { type: 'plain_text_input', action_id: 'value', max_length: 64 },
    },
  ];
  if (scoped) {
    blocks.push({
      type: 'input',
      block_id: TRACK_PRODUCT_BLOCK,
      optional: true,
      label: { type: 'plain_text', text: w.product },
      element: {
        type: 'checkboxes',
        action_id: 'value',
        options: [{ text: { type: 'plain_text', text: w.azure }, value: 'azure' }],
      },
    });
  }
  return {
    type: 'modal',
    callback_id: TRACK_MODAL_CALLBACK_ID,
    title: { type: 'plain_text', text: w.title },
    submit: { type: 'plain_text', text: w.submit },
    close: { type: 'plain_text', text: w.cancel },
    private_metadata: JSON.stringify(meta),
    blocks,
  };
}

// biome-ignore lint/suspicious/noExplicitAny: view state values
type Values = Record<string, Record<string, any>>;

export interface TrackChoice {
  contractId: number;
  severity: string | null;
  vendorRef: string | null;
  productScope: string | null;
}

export function readTrackModal(values: Values, locale: Locale = 'en'): TrackChoice | { error: string } {
  const selected = values[TRACK_CHOICE_BLOCK]?.value?.selected_option?.value;
  const match = typeof selected === 'string' ? /^(\d+):(.+)$/.exec(selected) : null;
  if (!match) return { error: wordsFor(locale).chooseError };
  const ref = values[TRACK_REF_BLOCK]?.value?.value;
  const product = values[TRACK_PRODUCT_BLOCK]?.value?.selected_options ?? [];
  return {
    contractId: Number(match[1]),
    severity: match[2] === ANY_SEVERITY ? null : (match[2] ?? null),
    vendorRef: typeof ref === 'string' && ref.trim() ? ref.trim() : null,
    productScope:
      Array.isArray(product) && product.some((o: { value?: string }) => o.value === 'azure') ? 'azure' : null,
  };
}

/** A modal that only says something (the shortcut's reply when it cannot post in the channel). */
// biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON
export function noticeModal(title: string, mrkdwn: string, locale: Locale = 'en'): Record<string, any> {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: clip(title, 24) },
    close: { type: 'plain_text', text: wordsFor(locale).ok },
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: clip(mrkdwn, 3000) } }],
  };
}
