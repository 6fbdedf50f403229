/**
 * The Home tab: the workspace's contracts, its open cases with their next due times, and quotas used and left,
 * with a button that opens the contract set-up modal. Pure: it lays out a model whose texts are already formatted.
 * The view never exceeds 100 blocks: lists that do not fit end with a line saying how many were left out.
 */
import type { types } from '@slack/bolt';
import type { HomeCase, HomeContract, HomeModel, HomeQuota } from '../../model/home.js';
import { contextBlock, headerBlock, mrkdwnSection } from './answer.js';
import { escapeMrkdwn, LIMITS, trimText } from './limits.js';
import { slackDate } from './time.js';

export type { HomeCase, HomeContract, HomeDue, HomeModel, HomeQuota } from '../../model/home.js';

export const OPEN_CONTRACT_MODAL_ACTION_ID = 'open_contract_modal';
export const REMOVE_CONTRACT_ACTION_ID = 'remove_contract';

type KnownBlock = types.KnownBlock;

function contractBlock(c: HomeContract): KnownBlock {
  const text = [`*${escapeMrkdwn(c.title)}*  (#${c.id})`, ...c.lines.map(escapeMrkdwn)].join('\n');
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: trimText(text, LIMITS.sectionText) },
    accessory: {
      type: 'button',
      action_id: REMOVE_CONTRACT_ACTION_ID,
      text: { type: 'plain_text', text: 'Remove' },
      value: String(c.id),
      confirm: {
        title: { type: 'plain_text', text: 'Remove this contract?' },
        text: { type: 'mrkdwn', text: trimText(`Entitlebot will forget ${escapeMrkdwn(c.title)} (#${c.id}).`, 300) },
        confirm: { type: 'plain_text', text: 'Remove' },
        deny: { type: 'plain_text', text: 'Keep' },
        style: 'danger',
      },
    },
  };
}

function caseBlock(c: HomeCase): KnownBlock {
  // a link only to a plain https address: one holding '|' or '>' would break out of the link markup
  const url = c.url && /^https:\/\/[^\s|<>]+$/.test(c.url) ? escapeMrkdwn(c.url) : undefined;
  const title = url ? `<${url}|${escapeMrkdwn(c.title)}>` : `*${escapeMrkdwn(c.title)}*`;
  const dues = c.due.map((d) => {
    const mark = d.late ? ':red_circle:' : ':large_green_circle:';
    const left = d.left ? ` — ${escapeMrkdwn(d.left)}` : '';
    const when = d.at !== undefined && d.zone && Number.isFinite(d.at) ? slackDate(d.at, d.zone) : escapeMrkdwn(d.when);
    return `${mark} ${escapeMrkdwn(d.label)}: ${when}${left}`;
  });
  const where = c.channelId && /^[A-Z0-9]+$/.test(c.channelId) ? ` in <#${c.channelId}>` : '';
  const lines = [
    `${title}${where}  _${escapeMrkdwn(c.status)}_`,
    ...(dues.length > 0 ? dues : ['No deadline running.']),
  ];
  return mrkdwnSection(lines.join('\n'));
}

function quotaBlocks(quotas: HomeQuota[]): KnownBlock[] {
  const byContract = new Map<string, HomeQuota[]>();
  for (const q of quotas) byContract.set(q.contract, [...(byContract.get(q.contract) ?? []), q]);
  return [...byContract.entries()].map(([contract, list]) => {
    const lines = list.map((q) => {
      const left = Math.max(0, q.limit - q.used);
      const ends = q.windowEnds ? `, window ends ${escapeMrkdwn(q.windowEnds)}` : '';
      return `• ${escapeMrkdwn(q.name)}: ${q.used} of ${q.limit} ${escapeMrkdwn(q.unit)} used, *${left} left*${ends}`;
    });
    return mrkdwnSection([`*${escapeMrkdwn(contract)}*`, ...lines].join('\n'));
  });
}

/** Fits `items` into `budget` blocks; when some are left out, the last block says how many. */
function fitBlocks(items: KnownBlock[], budget: number, what: string): KnownBlock[] {
  if (items.length <= budget) return items;
  const kept = items.slice(0, Math.max(0, budget - 1));
  kept.push(contextBlock([`…and ${items.length - kept.length} more ${what} not shown here.`]));
  return kept;
}

export interface HomeViewOptions {
  /** the reader: their own cases come first, under "My cases" */
  userId?: string;
}

export function homeView(model: HomeModel, options: HomeViewOptions = {}): types.HomeView {
  const intro: KnownBlock = {
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: 'Entitlebot knows your vendor support contracts. Ask with `/support help`, or mention me in a thread to track a vendor case.',
    },
    accessory: {
      type: 'button',
      action_id: OPEN_CONTRACT_MODAL_ACTION_ID,
      text: { type: 'plain_text', text: 'Add a contract' },
      style: 'primary',
      value: 'home',
    },
  };
  const contracts =
    model.contracts.length > 0
      ? model.contracts.map(contractBlock)
      : [
          mrkdwnSection(
            'No contracts yet. Add one with the button above, or `/support contract add jamf gold zone=Europe/Berlin`.',
          ),
        ];
  const mine = options.userId ? model.cases.filter((c) => c.ownerId === options.userId) : [];
  const cases = model.cases.length > 0 ? model.cases.map(caseBlock) : [mrkdwnSection('No open cases.')];
  const quotas = model.quotas.length > 0 ? quotaBlocks(model.quotas) : [mrkdwnSection('No quotas on these contracts.')];

  const head: KnownBlock[] = [headerBlock('Entitlebot'), intro];
  const tail: KnownBlock[] = [];
  if (model.notes && model.notes.length > 0) tail.push(contextBlock(model.notes.map(escapeMrkdwn)));
  if (model.asOfAt !== undefined && model.asOfZone) {
    tail.push(contextBlock([`As of ${slackDate(model.asOfAt, model.asOfZone)}`]));
  } else if (model.asOf) tail.push(contextBlock([`As of ${escapeMrkdwn(model.asOf)}`]));
  // three section headers and two dividers besides the lists, and "My cases" with its header
  const myBlocks =
    mine.length > 0 ? [headerBlock('My cases'), ...fitBlocks(mine.map(caseBlock), 10, 'of your cases')] : [];
  const fixed = head.length + tail.length + 5 + myBlocks.length;
  let budget = LIMITS.viewBlocks - fixed;
  // contracts and quotas are short lists; cases take what is left
  const contractBlocks = fitBlocks(contracts, Math.min(contracts.length, Math.floor(budget / 3)), 'contracts');
  budget -= contractBlocks.length;
  const quotaList = fitBlocks(quotas, Math.min(quotas.length, Math.floor(budget / 3)), 'contracts with quotas');
  budget -= quotaList.length;
  const caseBlocks = fitBlocks(cases, budget, 'open cases');

  const blocks: KnownBlock[] = [
    ...head,
    ...myBlocks,
    { type: 'divider' },
    headerBlock('Contracts'),
    ...contractBlocks,
    { type: 'divider' },
    headerBlock(mine.length > 0 ? 'All open cases' : 'Open cases'),
    ...caseBlocks,
    headerBlock('Quotas'),
    ...quotaList,
    ...tail,
  ];
  return { type: 'home', blocks: blocks.slice(0, LIMITS.viewBlocks) };
}
