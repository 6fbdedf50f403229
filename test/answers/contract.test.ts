import { describe, expect, it } from 'vitest';
import {
  contractAddedAnswer,
  contractRemovedAnswer,
  contractsAnswer,
  parseCommand,
  parseContractArgs,
  quotaUsedAnswer,
  resolveQuotaUse,
} from '../../src/answers/index.js';
import { answer, context, contract, knowledge } from '../support/answers.js';

describe('parseContractArgs', () => {
  it('reads every key', () => {
    const r = parseContractArgs(
      knowledge,
      'microsoft unified zone=asia/taipei holidays=TW hours=08:30-17:00 customer=commercial start=2026-01-01 end=2026-12-31 addons=uer,aem name="Acme TW" flex=250k',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.input).toMatchObject({
      vendor: 'microsoft',
      plan: 'unified',
      zone: 'Asia/Taipei',
      holidays: { country: 'TW' },
      hours: { start: '08:30', end: '17:00' },
      customerType: 'commercial',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      addons: ['uer', 'aem'],
      name: 'Acme TW',
      amounts: { flexAllowance: 250000 },
    });
    expect(r.assumed).toEqual([]);
  });

  it('says which defaults it assumed', () => {
    const r = parseContractArgs(knowledge, 'contract add microsoft unified', { defaultZone: 'Europe/Berlin' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.input.zone).toBe('Europe/Berlin');
    expect(r.input.hours).toBeNull();
    const calendar = knowledge.vendor('microsoft').calendars.find((c) => c.kind === 'customer');
    const mon = calendar?.defaultHours !== '24x7' ? calendar?.defaultHours?.mon?.[0] : undefined;
    expect(r.assumed.join(' | ')).toContain(`business hours ${mon?.[0]}–${mon?.[1]} Mon–Fri`);
    expect(r.assumed.join(' | ')).toMatch(/zone Europe\/Berlin \(the workspace's default\)/);
    expect(r.assumed.join(' | ')).toMatch(/no public holidays/);
  });

  it('Autodesk: the region sets the zone, or the zone sets the region', () => {
    const byRegion = parseContractArgs(knowledge, 'autodesk enterprise region=emea');
    const regionZone = knowledge.vendor('autodesk').calendars.find((c) => c.kind === 'vendor-region')?.regions
      ?.emea?.zone;
    expect(byRegion.ok && byRegion.input.zone).toBe(regionZone);
    const byZone = parseContractArgs(knowledge, 'autodesk enterprise zone=America/Chicago');
    expect(byZone.ok && byZone.input.region).toBe('americas');
  });

  it('Chinese vendor and plan words work', () => {
    const r = parseContractArgs(knowledge, '合約 新增 jamf 金級 holidays=DE-BY', { defaultZone: 'Europe/Berlin' });
    expect(r.ok && r.input).toMatchObject({
      vendor: 'jamf',
      plan: 'gold',
      holidays: { country: 'DE', subdivision: 'BY' },
    });
  });

  it.each([
    ['jamf', /Which Jamf plan/],
    ['gold zone=Mars/Base', /zone: "Mars\/Base" is not an IANA time zone/],
    ['jamf gold holidays=XX', /holidays:.*XX/],
    ['jamf gold hours=18:00-09:00', /hours: "18:00-09:00"/],
    ['jamf gold colour=blue', /"colour" is not a contract key/],
    ['jamf gold addons=uer', /"uer" is not an add-on|adds to unified/],
    ['microsoft unified addons=nonsense', /"nonsense" is not an add-on/],
    ['jamf gold start=2026-12-31 end=2026-01-01', /before start/],
    ['nothing here', /Name the vendor and plan/],
  ])('%s → a clear message', (text, message) => {
    const r = parseContractArgs(knowledge, text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.answer.kind).toBe('error');
    expect(r.answer.summary).toMatch(message);
    expect(r.answer.suggestions.length).toBeGreaterThan(0);
  });

  it('the command args from parseCommand feed parseContractArgs', () => {
    const cmd = parseCommand('contract add Jamf Gold zone=Europe/Berlin name="Acme EU"', knowledge);
    expect(cmd.kind).toBe('contract-add');
    if (cmd.kind !== 'contract-add') return;
    const r = parseContractArgs(knowledge, cmd.args);
    expect(r.ok && r.input.name).toBe('Acme EU');
  });
});

describe('contract answers', () => {
  it('lists the contracts as a table; none → how to add one', () => {
    const jamf = contract({ vendor: 'jamf', plan: 'gold', name: 'Acme', holidays: { country: 'DE' } });
    const a = contractsAnswer(knowledge, [jamf]);
    expect(a.tables[0]?.rows[0]?.[0]).toBe(`#${jamf.id}`);
    expect(a.tables[0]?.rows[0]?.[1]).toContain('Acme');
    const empty = answer('contract', context());
    expect(empty.summary).toMatch(/No contracts yet/);
    expect(empty.suggestions[0]).toMatch(/^contract add /);
  });

  it('added and removed', () => {
    const c = contract({ vendor: 'microsoft', plan: 'unified', addons: ['uer'] });
    const added = contractAddedAnswer(knowledge, c, ['zone Europe/Berlin (the workspace’s default)']);
    expect(added.title).toBe(`Contract #${c.id} added`);
    expect(added.notes[0]).toMatch(/^Assumed: zone/);
    expect(contractRemovedAnswer(knowledge, c, c.id).title).toBe(`Contract #${c.id} removed`);
    expect(contractRemovedAnswer(knowledge, null, 99).kind).toBe('error');
  });
});

describe('quotas', () => {
  const ent = contract({ vendor: 'autodesk', plan: 'enterprise', region: 'apac', zone: 'Asia/Singapore' });
  const coaching = knowledge.quota('autodesk-product-coaching')?.quota;

  it('used, left and when the window ends, from the recorded uses', () => {
    const uses = [
      { contractId: ent.id, quotaId: 'autodesk-product-coaching', count: 2, usedOn: '2026-10-05' },
      { contractId: ent.id, quotaId: 'autodesk-product-coaching', count: 1, usedOn: '2026-09-30' }, // last quarter
    ];
    const a = answer('quota coaching', context({ contracts: [ent], quotaUses: uses }));
    const row = a.tables[0]?.rows[0];
    expect(row?.[2]).toBe('2');
    expect(row?.[3]).toBe(String((coaching?.limit ?? 0) - 2));
    expect(row?.[5]).toBe('2026-12-31');
    expect(a.times[0]?.at).toBe('2027-01-01T00:00:00+08:00');
    expect(a.notes.some((n) => /does not carry over/.test(n))).toBe(true);
  });

  it('without contracts, the rules themselves', () => {
    const a = answer('quota', context());
    expect(a.summary).toMatch(/No contract on file/);
    expect(a.tables[0]?.rows.length).toBe(knowledge.plans.reduce((n, f) => n + f.quotas.length, 0));
  });

  it('quota use: resolves the contract and quota, then reports the new status', () => {
    const cmd = parseCommand('quota use coaching 1', knowledge);
    if (cmd.kind !== 'quota-use') throw new Error(cmd.kind);
    const target = resolveQuotaUse(knowledge, [ent], cmd);
    expect(target.ok).toBe(true);
    if (!target.ok) return;
    const uses = [{ contractId: ent.id, quotaId: target.rule.id, count: 1, usedOn: '2026-12-02' }];
    const a = quotaUsedAnswer(knowledge, target.contract, target.rule, 1, uses, new Date('2026-12-02T10:00:00Z'), 'en');
    expect(a.summary).toMatch(/1 of 3 used, 2 left until 2026-12-31/);
  });

  it('quota use with nothing to match names what exists', () => {
    const cmd = parseCommand('quota use unicorns', knowledge);
    if (cmd.kind !== 'quota-use') throw new Error(cmd.kind);
    const target = resolveQuotaUse(knowledge, [ent], cmd);
    expect(target.ok).toBe(false);
    if (!target.ok) expect(target.answer.suggestions.length).toBeGreaterThan(0);
  });
});
