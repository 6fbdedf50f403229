import { describe, expect, it } from 'vitest';
import type { Command } from '../../../src/answers/command.js';
import { parseCommand } from '../../../src/answers/index.js';
import { knowledge } from '../../support/answers.js';

const parse = (text: string) => parseCommand(text, knowledge);

function severityOf(cmd: Command): string[] {
  if (cmd.kind !== 'sla' && cmd.kind !== 'due') return [];
  return (cmd.severity?.matches ?? []).map((m) => `${m.vendor}:${m.id}`);
}

function plansOf(cmd: Command): string[] {
  if (cmd.kind !== 'sla' && cmd.kind !== 'due' && cmd.kind !== 'price') return [];
  return cmd.plans.map((p) => p.id);
}

describe('severities and plans, in English and Chinese', () => {
  it.each([
    'sla sev1 unified',
    'sla SEV1 Unified',
    'sla sev 1 unified',
    'sla sev-1 unified',
    'sla s1 unified',
    'sla severity 1 unified',
    'sla 嚴重性 1 unified',
    'sla 嚴重性1 統一企業支援',
    'sla 严重性 1 统一企业支援',
    'SLA Sev1 unified!',
    'ｓｌａ　ｓｅｖ１　ｕｎｉｆｉｅｄ',
    'sla unified sev1',
    'sla 1 unified',
  ])('%s → Microsoft Severity 1 on Unified', (text) => {
    const cmd = parse(text);
    expect(cmd.kind).toBe('sla');
    expect(severityOf(cmd)).toContain('microsoft:1');
    expect(plansOf(cmd)).toEqual(['unified']);
  });

  it.each([
    'sla p1 gold',
    'sla P1 金級',
    'sla gold p1',
    'sla priority 1 gold',
    'sla 緊急 gold',
    'sla 優先權 1 金級',
    'sla prio 1 GOLD.',
    'sla urgent jamf gold',
    'ｓｌａ　Ｐ１　金級',
    'sla p-1 gold',
  ])('%s → Jamf P1 on Gold', (text) => {
    const cmd = parse(text);
    expect(cmd.kind).toBe('sla');
    expect(severityOf(cmd)).toContain('jamf:P1');
    expect(plansOf(cmd)).toEqual(['gold']);
  });

  it.each([
    'sla a unified',
    'sla sev a unified',
    'sla Sev-A unified',
    'sla 嚴重性 A unified',
    'sla severity a unified',
  ])('%s → Microsoft Severity A', (text) => {
    const cmd = parse(text);
    expect(severityOf(cmd)).toEqual(['microsoft:A']);
  });

  it('a level word names every vendor’s severity at that level', () => {
    const cmd = parse('sla critical');
    expect(cmd.kind).toBe('sla');
    if (cmd.kind !== 'sla') return;
    expect(cmd.severity?.level).toBe('critical');
    expect(severityOf(cmd).sort()).toEqual(['jamf:P1', 'microsoft:1']);
  });

  it.each([
    ['sla p1 platinum', 'platinum'],
    ['sla p1 白金級', 'platinum'],
    ['sla p2 silver', 'silver'],
    ['sla p2 銀級', 'silver'],
    ['sla p3 standard', 'standard'],
    ['sla enterprise', 'enterprise'],
    ['sla 企業成功計畫', 'enterprise'],
    ['sla included', 'included'],
    ['sla sev1 uer', 'uer'],
    ['sla sev1 rapid response', 'rapid-response'],
    ['sla sev1 統一增強回應', 'uer'],
    ['sla sev1 aem', 'aem'],
  ])('%s names plan %s', (text, plan) => {
    expect(plansOf(parse(text))).toContain(plan);
  });

  it('an add-on named with its base keeps both', () => {
    expect(plansOf(parse('sla sev1 unified uer')).sort()).toEqual(['uer', 'unified']);
  });

  it('a vendor named alone is kept as the vendor', () => {
    const cmd = parse('sla p2 jamf');
    expect(cmd.kind === 'sla' && cmd.vendors).toEqual(['jamf']);
    expect(plansOf(cmd)).toEqual([]);
  });

  it('the product scope is read when named', () => {
    const cmd = parse('sla sev1 unified azure');
    expect(cmd.kind === 'sla' && cmd.scope).toBe('azure');
  });
});

describe('plain questions are routed to the likely intent', () => {
  it.each([
    ['gold p1 response time?', 'sla'],
    ['白金級 P1 多快回應', 'sla'],
    ['紧急 金级 响应时间', 'sla'],
    ['严重性 1 统一企业支援 多快', 'sla'],
    ['how fast does microsoft respond to sev a', 'sla'],
    ['what is the sla for priority 2 on gold', 'sla'],
    ['how often do I get updates on a p2 with platinum', 'sla'],
    ['when is a p1 on silver due if opened at 2026-12-04 16:00', 'due'],
    ['how much is gold for education', 'price'],
    ['金級 價格', 'price'],
    ['how fast do I get an RCA', 'term'],
    ['what is a CSM', 'term'],
    ['什麼是彈性額度', 'term'],
    ['彈性額度是什麼', 'term'],
    ['cancellation fee for 2026-12-20 notice 2026-12-07', 'fee-cancel'],
    ['flex allowance 250000 cap', 'fee-flex'],
    ['how many coaching sessions are left', 'quota'],
  ])('%s → %s', (text, kind) => {
    expect(parse(text).kind).toBe(kind);
  });
});

describe('commands', () => {
  it.each(['', '   ', 'help', 'HELP', '?', '說明', '幫助', '/support help', '<@U123ABC> help'])(
    '%j is help',
    (text) => {
      expect(parse(text).kind).toBe('help');
    },
  );

  it('reads a due time in the words given: date, time and zone', () => {
    const cmd = parse('due p1 silver at 2026-12-04 16:00 Europe/Berlin');
    expect(cmd.kind).toBe('due');
    if (cmd.kind !== 'due') return;
    expect(cmd.at).toMatchObject({ date: '2026-12-04', time: '16:00', zone: 'Europe/Berlin' });
    expect(severityOf(cmd)).toEqual(['jamf:P1']);
  });

  it.each([
    ['due p1 gold at 16:00', { time: '16:00' }],
    ['due p1 gold at 4pm', { time: '16:00' }],
    ['due p1 gold tomorrow 9am', { relativeDays: 1, time: '09:00' }],
    ['due p1 gold at friday 16:00', { weekday: 5, time: '16:00' }],
    ['due p1 gold 2026-12-04T16:00+01:00', { date: '2026-12-04', time: '16:00', offset: '+01:00' }],
    ['期限 P1 金級 明天 下午4點', { relativeDays: 1, time: '16:00' }],
    ['期限 P1 金級 週五 16:30', { weekday: 5, time: '16:30' }],
  ])('%s reads the time', (text, at) => {
    const cmd = parse(text);
    expect(cmd.kind).toBe('due');
    if (cmd.kind === 'due') expect(cmd.at).toMatchObject(at);
  });

  it('a time is never read as a severity', () => {
    const cmd = parse('due a unified at 1:00');
    expect(severityOf(cmd)).toEqual(['microsoft:A']);
  });

  it.each([
    ['fee cancel 2026-12-20 notice 2026-12-07', { serviceDate: '2026-12-20', noticeDate: '2026-12-07' }],
    [
      'fee cancel 2026/12/20 notice 2026/12/07 amount 5,000',
      { serviceDate: '2026-12-20', noticeDate: '2026-12-07', amount: 5000 },
    ],
    ['fee cancel 2026-12-20 notice 10 days', { serviceDate: '2026-12-20', noticeDays: 10 }],
    ['取消費 2026-12-20 通知 2026-12-07', { serviceDate: '2026-12-20', noticeDate: '2026-12-07' }],
    ['fee cancellation 2026年12月20日 notice 2026年12月7日', { serviceDate: '2026-12-20', noticeDate: '2026-12-07' }],
  ])('%s', (text, fields) => {
    const cmd = parse(text);
    expect(cmd.kind).toBe('fee-cancel');
    expect(cmd).toMatchObject(fields);
  });

  it.each([
    ['fee flex 250000', 250000],
    ['fee flex $250,000', 250000],
    ['fee flex 250k', 250000],
    ['fee flex USD 1.2m', 1200000],
    ['彈性額度 25萬', 250000],
  ])('%s → allowance %d', (text, allowance) => {
    const cmd = parse(text);
    expect(cmd.kind).toBe('fee-flex');
    if (cmd.kind === 'fee-flex') expect(cmd.allowance).toBe(allowance);
  });

  it.each([
    ['price', undefined, []],
    ['price gold education', 'education', ['gold']],
    ['price platinum commercial', 'commercial', ['platinum']],
    ['價格 白金級 教育', 'education', ['platinum']],
  ])('%s', (text, customerType, plans) => {
    const cmd = parse(text);
    expect(cmd.kind).toBe('price');
    if (cmd.kind !== 'price') return;
    expect(cmd.customerType).toBe(customerType);
    expect(cmd.plans.map((p) => p.id)).toEqual(plans);
  });

  it('quota and quota use', () => {
    const q = parse('quota coaching');
    expect(q.kind).toBe('quota');
    if (q.kind === 'quota') expect(q.quotaIds).toEqual(['autodesk-product-coaching']);
    const use = parse('quota use product coaching 2');
    expect(use).toMatchObject({ kind: 'quota-use', quotaIds: ['autodesk-product-coaching'], count: 2 });
    expect(parse('配額 使用 產品輔導')).toMatchObject({ kind: 'quota-use', count: 1 });
  });

  it('contract commands keep the arguments as typed', () => {
    expect(parse('contract')).toMatchObject({ kind: 'contract' });
    expect(parse('合約')).toMatchObject({ kind: 'contract' });
    expect(parse('contract add Jamf Gold zone=Europe/Berlin name="Acme EU"')).toMatchObject({
      kind: 'contract-add',
      args: 'Jamf Gold zone=Europe/Berlin name="Acme EU"',
    });
    expect(parse('合約 新增 jamf 金級')).toMatchObject({ kind: 'contract-add', args: 'jamf 金級' });
    expect(parse('contract remove 3')).toMatchObject({ kind: 'contract-remove', id: 3 });
    expect(parse('contract remove')).toMatchObject({ kind: 'contract-remove', problems: [{ code: 'which-contract' }] });
  });

  it('case commands pass the rest through untouched', () => {
    expect(parse('case open P1 ref=ABC-123')).toMatchObject({ kind: 'case', rest: 'open P1 ref=ABC-123' });
    expect(parse('Case Responded')).toMatchObject({ kind: 'case', rest: 'Responded' });
  });

  it.each([
    ['sla p1 gold public', true],
    ['sla p1 gold PUBLIC.', true],
    ['白金級 P1 多快回應 公開', true],
    ['sla p1 gold', false],
  ])('%s → public %s', (text, expected) => {
    expect(parse(text).public).toBe(expected);
  });

  it('the language follows the question', () => {
    expect(parse('sla p1 gold').language).toBe('en');
    expect(parse('sla p1 金級').language).toBe('zh');
  });
});

describe('mistyped commands get the closest command', () => {
  it.each([
    ['sal p1 gold', 'sla p1 gold'],
    ['prise gold', 'price gold'],
    ['hlep', 'help'],
    ['contrct add jamf gold', 'contract add jamf gold'],
    ['deu p1 gold', 'due p1 gold'],
  ])('%s → did you mean %s', (text, suggestion) => {
    const cmd = parse(text);
    expect(cmd.kind).toBe('not-understood');
    if (cmd.kind === 'not-understood') expect(cmd.suggestions[0]).toBe(suggestion);
  });

  it('an ordinary question that merely resembles a command word is not a typo', () => {
    expect(parse('few questions about coaching').kind).not.toBe('not-understood');
    expect(parse('team p1 gold').kind).toBe('sla');
  });
});

describe('never throws', () => {
  it.each([
    '=',
    '====',
    'sla',
    'due',
    'fee',
    'fee cancel',
    'contract add',
    '\u0000',
    '🙂',
    'a'.repeat(5000),
    'sla p9 gold',
  ])('%j', (text) => {
    expect(() => parse(text)).not.toThrow();
  });
});
