/**
 * The word tables of the app's own replies outside answers (refusals, case problems and buttons, the track
 * shortcut, settings): every entry in Chinese, Traditional and converted to Simplified, has no English words but
 * names, codes, commands and Slack's tokens, and the Simplified has no Traditional-only characters. Every
 * function of a table is called here: a new entry without sample arguments fails the test.
 */
import { describe, expect, it } from 'vitest';
import { accessWords } from '../../src/text/access-words.js';
import { caseActionWords } from '../../src/text/case-action-words.js';
import { caseTextWords } from '../../src/text/case-text-words.js';
import { contractWords } from '../../src/text/contract-words.js';
import { conversationWords } from '../../src/text/conversation-words.js';
import { homeWords } from '../../src/text/home-words.js';
import { renderWords } from '../../src/text/render-words.js';
import { inScript } from '../../src/text/script.js';
import { settingsWords } from '../../src/text/settings-words.js';
import { englishIn, TRADITIONAL_ONLY } from '../support/chinese.js';

/** sample arguments of each table's functions, by key */
const ARGS: Record<string, unknown[]> = {
  notOurs: ['開立、更新或結束廠商案件'],
  notAdmin: ['<@U0ADMIN>、<!subteam^S0LEGAL>'],
  noContract: [3],
  alreadyTracks: [3, true],
  closed: [3],
  alreadyOpen: [3],
  alreadyWaiting: [3],
  notWaiting: [3],
  recordedBy: ['<@U1>', '廠商已回應', '<!date^1^{time}|14:00>'],
  snoozed: ['<!date^1^{time}|14:00>'],
  undoneBy: ['<@U1>'],
  counted: ['<@U2>', true, '<!date^1^{time}|14:00>', ''],
  next: ['update', '<!date^1^{time}|14:00>'],
  tracksHere: [3],
  tracksShort: [3],
  opening: ['<@U1>'],
  shown: ['<#C1>'],
  current: ['頻道 <#C1>', [60, 15]],
  whichSetting: ['colour'],
  escalationOn: ['<#C1>'],
};

/** every text a table gives: strings, nested records, and its functions called with their samples */
function textsOf(table: object): string[] {
  return Object.entries(table).flatMap(([key, value]): string[] => {
    if (typeof value === 'string') return [value];
    if (typeof value === 'function') {
      const args = ARGS[key];
      if (!args) throw new Error(`no sample arguments for ${key}`);
      return [String(value(...args))];
    }
    if (value && typeof value === 'object') return textsOf(value);
    return [];
  });
}

const TABLES = { accessWords, caseActionWords, settingsWords };

describe.each(Object.entries(TABLES))('%s in Chinese', (_name, table) => {
  it('has no English words in Traditional', () => {
    // 「…」 quotes what someone typed or a name Slack shows as it is (the shortcut's)
    expect(englishIn(textsOf(table('zh')).map((t) => t.replace(/「[^」]*」/g, '')))).toEqual([]);
  });

  it('has no Traditional-only characters in Simplified', () => {
    for (const text of textsOf(inScript(table('zh'), 'zh-Hans'))) expect(text).not.toMatch(TRADITIONAL_ONLY);
  });

  it('has every English entry as a Chinese one (the same keys)', () => {
    expect(Object.keys(table('zh')).sort()).toEqual(Object.keys(table('en')).sort());
  });
});

describe('the entries added to other tables', () => {
  const zh = [
    caseTextWords('zh').ownerBack,
    caseTextWords('zh').ownerSet,
    caseTextWords('zh').unknownCommand('frobnicate').replace('frobnicate', ''),
    contractWords('zh').nameTooLong(100, 101),
    contractWords('zh').chooseVendor(['jamf', 'microsoft']),
    contractWords('zh').choosePlan('Jamf', ['Gold', 'Silver']),
    conversationWords('zh').notRecordedTitle,
    conversationWords('zh').outsideTerm('2027-01-05', false, 2, '2026-01-01', '2026-12-31'),
    conversationWords('zh').outsideTerm('2025-01-05', true, 2, null, null),
    conversationWords('zh').unexpectedRef('r-1a2b'),
    homeWords('zh').dueLine('初次回應', '<!date^1^{time}|14:00>'),
    homeWords('zh').removed(2),
    homeWords('zh').alreadyGone(2),
    homeWords('zh').quotaProblem('Jamf Gold', '教練課程', ''),
    renderWords('zh').card.labelled('*初次回應*', '計時中'),
    renderWords('zh').card.noDeadlineFor('合約未規定期限', '盡快回應'),
  ];

  it('are Chinese with Chinese punctuation', () => {
    // the keys the parser reads (name, on), vendor ids and a request reference are codes; 「…」 quotes the typed
    const codes = /\b(on|name|r-1a2b|jamf|microsoft)\b|「[^」]*」/g;
    expect(englishIn(zh.map((t) => t.replace(codes, '')))).toEqual([]);
    for (const t of zh) expect(t).not.toMatch(/\p{Script=Han}[:(]|[)]\p{Script=Han}/u);
  });

  it('are the English of before for an English reader', () => {
    expect(homeWords('en').dueLine('First response', 'Mon 14:00')).toBe('First response: Mon 14:00');
    expect(renderWords('en').card.labelled('*First response*', 'running')).toBe('*First response*: running');
    expect(renderWords('en').card.noDeadlineFor('no deadline', 'as soon as possible')).toBe(
      'no deadline (as soon as possible)',
    );
    expect(contractWords('en').nameTooLong(100, 101)).toBe('name: at most 100 characters (this one has 101).');
    expect(conversationWords('en').outsideTerm('2027-01-05', false, 2, '2026-01-01', '2026-12-31')).toBe(
      '2027-01-05 is after the term of contract #2 (2026-01-01 to 2026-12-31), so nothing was recorded. Give a date within the term, e.g. `on 2026-12-31`.',
    );
  });
});
