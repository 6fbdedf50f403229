/**
 * The Home tab: the workspace's contracts, its open cases with their next due times, and quotas used and left,
 * with a button that opens the contract set-up modal. Pure: it lays out a model whose texts are already formatted.
 * The view never exceeds 100 blocks: lists that do not fit end with a line saying how many were left out.
 */
import type { types } from '@slack/bolt';
import type { HomeCase, HomeContract, HomeModel, HomeQuota } from '../../model/home.js';
import { type HomeWords, homeWords } from '../../text/home-words.js';
import { inScript, languageOfLocale } from '../../text/script.js';
import { contextBlock, headerBlock, mrkdwnSection } from './answer.js';
import { escapeMrkdwn, LIMITS, trimText } from './limits.js';
import { slackDate } from './time.js';

export type { HomeCase, HomeContract, HomeDue, HomeModel, HomeQuota } from '../../model/home.js';

export const OPEN_CONTRACT_MODAL_ACTION_ID = 'open_contract_modal';
export const REMOVE_CONTRACT_ACTION_ID = 'remove_contract';

type KnownBlock = types.KnownBlock;

function contractBlock(c: HomeContract, w: HomeWords): KnownBlock {
  const text = [`*${escapeMrkdwn(c.title)}*  (#${c.id})`, ...c.lines.map(escapeMrkdwn)].join('\n');
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: trimText(text, LIMITS.sectionText) },
    accessory: {
      type: 'button',
      action_id: REMOVE_CONTRACT_ACTION_ID,
      text: { type: 'plain_text', text: w.remove },
      value: String(c.id),
      confirm: {
        title: { type: 'plain_text', text: w.removeTitle },
        text: { type: 'mrkdwn', text: trimText(w.removeText(escapeMrkdwn(c.title), c.id), 300) },
        confirm: { type: 'plain_text', text: w.remove },
        deny: { type: 'plain_text', text: w.keep },
        style: 'danger',
      },
    },
  };
}

function caseBlock(c: HomeCase, w: HomeWords): KnownBlock {
  // a link only to a plain https address: one holding '|' or '>' would break out of the link markup
  const url = c.url && /^https:\/\/[^\s|<>]+$/.test(c.url) ? escapeMrkdwn(c.url) : undefined;
  const title = url ? `<${url}|${escapeMrkdwn(c.title)}>` : `*${escapeMrkdwn(c.title)}*`;
  const dues = c.due.map((d) => {
    const mark = d.late ? ':red_circle:' : ':large_green_circle:';
    const left = d.left ? ` — ${escapeMrkdwn(d.left)}` : '';
    const when = d.at !== undefined && d.zone && Number.isFinite(d.at) ? slackDate(d.at, d.zone) : escapeMrkdwn(d.when);
    return `${mark} ${w.dueLine(escapeMrkdwn(d.label), when)}${left}`;
  });
  const where = c.channelId && /^[A-Z0-9]+$/.test(c.channelId) ? w.inChannel(`<#${c.channelId}>`) : '';
  const lines = [`${title}${where}  _${escapeMrkdwn(c.status)}_`, ...(dues.length > 0 ? dues : [w.noDeadline])];
  return mrkdwnSection(lines.join('\n'));
}

function quotaBlocks(quotas: HomeQuota[], w: HomeWords): KnownBlock[] {
  const byContract = new Map<string, HomeQuota[]>();
  for (const q of quotas) byContract.set(q.contract, [...(byContract.get(q.contract) ?? []), q]);
  return [...byContract.entries()].map(([contract, list]) => {
    const lines = list.map((q) => {
      const left = Math.max(0, q.limit - q.used);
      const ends = q.windowEnds ? escapeMrkdwn(q.windowEnds) : undefined;
      return w.quotaLine(escapeMrkdwn(q.name), q.used, q.limit, escapeMrkdwn(q.unit), left, ends);
    });
    return mrkdwnSection([`*${escapeMrkdwn(contract)}*`, ...lines].join('\n'));
  });
}

/** Fits `items` into `budget` blocks; when some are left out, the last block says how many. */
function fitBlocks(items: KnownBlock[], budget: number, what: string, w: HomeWords): KnownBlock[] {
  if (items.length <= budget) return items;
  const kept = items.slice(0, Math.max(0, budget - 1));
  kept.push(contextBlock([w.moreNotShown(items.length - kept.length, what)]));
  return kept;
}

export interface HomeViewOptions {
  /** the reader: their own cases come first, under "My cases" */
  userId?: string;
}

export function homeView(model: HomeModel, options: HomeViewOptions = {}): types.HomeView {
  const w = inScript(homeWords(languageOfLocale(model.locale ?? 'en')), model.locale);
  const intro: KnownBlock = {
    type: 'section',
    text: { type: 'mrkdwn', text: w.intro },
    accessory: {
      type: 'button',
      action_id: OPEN_CONTRACT_MODAL_ACTION_ID,
      text: { type: 'plain_text', text: w.addContract },
      style: 'primary',
      value: 'home',
    },
  };
  const contracts =
    model.contracts.length > 0 ? model.contracts.map((c) => contractBlock(c, w)) : [mrkdwnSection(w.noContracts)];
  const mine = options.userId ? model.cases.filter((c) => c.ownerId === options.userId) : [];
  const cases = model.cases.length > 0 ? model.cases.map((c) => caseBlock(c, w)) : [mrkdwnSection(w.noCases)];
  const quotas = model.quotas.length > 0 ? quotaBlocks(model.quotas, w) : [mrkdwnSection(w.noQuotas)];

  const head: KnownBlock[] = [headerBlock('Entitlebot'), intro];
  const tail: KnownBlock[] = [];
  if (model.notes && model.notes.length > 0) tail.push(contextBlock(model.notes.map(escapeMrkdwn)));
  if (model.asOfAt !== undefined && model.asOfZone) {
    tail.push(contextBlock([w.asOf(slackDate(model.asOfAt, model.asOfZone))]));
  } else if (model.asOf) tail.push(contextBlock([w.asOf(escapeMrkdwn(model.asOf))]));
  // three section headers and two dividers besides the lists, and "My cases" with its header
  const myBlocks =
    mine.length > 0
      ? [
          headerBlock(w.headers.mine),
          ...fitBlocks(
            mine.map((c) => caseBlock(c, w)),
            10,
            w.lists.yourCases,
            w,
          ),
        ]
      : [];
  const fixed = head.length + tail.length + 5 + myBlocks.length;
  let budget = LIMITS.viewBlocks - fixed;
  // contracts and quotas are short lists; cases take what is left
  const contractBlocks = fitBlocks(contracts, Math.min(contracts.length, Math.floor(budget / 3)), w.lists.contracts, w);
  budget -= contractBlocks.length;
  const quotaList = fitBlocks(quotas, Math.min(quotas.length, Math.floor(budget / 3)), w.lists.quotaContracts, w);
  budget -= quotaList.length;
  const caseBlocks = fitBlocks(cases, budget, w.lists.cases, w);

  const blocks: KnownBlock[] = [
    ...head,
    ...myBlocks,
    { type: 'divider' },
    headerBlock(w.headers.contracts),
    ...contractBlocks,
    { type: 'divider' },
    headerBlock(mine.length > 0 ? w.headers.allCases : w.headers.openCases),
    ...caseBlocks,
    headerBlock(w.headers.quotas),
    ...quotaList,
    ...tail,
  ];
  return { type: 'home', blocks: blocks.slice(0, LIMITS.viewBlocks) };
}
