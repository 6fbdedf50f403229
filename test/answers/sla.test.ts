import { describe, expect, it } from 'vitest';
import { quoteOccursIn } from '../../src/knowledge/quotes.js';
import type { Answer } from '../../src/model/answer.js';
import { answer, context, contract, knowledge } from '../support/answers.js';

function expectCitationsVerbatim(a: Answer) {
  expect(a.citations.length).toBeGreaterThan(0);
  for (const c of a.citations) expect(quoteOccursIn(c.quote, knowledge.sourceText(c.doc)), c.quote).toBe(true);
  for (const f of a.facts) if (f.cite !== undefined) expect(a.citations[f.cite]).toBeDefined();
}

const unifiedSev1Response = knowledge.targetsFor('microsoft', ['unified'], '1').filter((t) => t.kind === 'response');

describe('sla: one plan and severity', () => {
  it('sla sev1 unified: 15 min for Azure, 1 h for everything else, each fact cited verbatim', () => {
    const a = answer('sla sev1 unified', context());
    expect(a.kind).toBe('sla');
    expect(a.summary).toContain('15 min Azure');
    expect(a.summary).toContain('1 h other products');
    const responses = a.facts.filter((f) => f.label.startsWith('First response'));
    expect(responses.map((f) => f.value).sort()).toEqual(unifiedSev1Response.map((t) => t.text.en).sort());
    for (const f of responses) {
      const c = a.citations[f.cite ?? -1];
      expect(c?.quote).toMatch(/15 分鐘|一小時/);
    }
    expectCitationsVerbatim(a);
    expect(a.notes.join(' ')).toMatch(/Azure components and other products/);
  });

  it('names the add-ons that would change the answer, and which applies when included', () => {
    const base = answer('sla sev1 unified', context());
    expect(base.notes.some((n) => n.startsWith('With Unified Enhanced Response'))).toBe(true);
    expect(base.suggestions).toContain('sla sev1 uer');

    const withUer = answer('sla sev1 unified uer', context());
    expect(withUer.summary).toContain('30 min other products');
    expect(withUer.notes.some((n) => /Unified Enhanced Response \(UER\) applies/.test(n))).toBe(true);
    expectCitationsVerbatim(withUer);
  });

  it('the add-on from the workspace contract applies when no plan is named', () => {
    const ms = contract({ vendor: 'microsoft', plan: 'unified', addons: ['uer'] });
    const a = answer('sla sev1', context({ contracts: [ms] }));
    expect(a.summary).toContain('30 min');
    expect(a.notes.join(' ')).toContain(`#${ms.id}`);
  });

  it('a named scope shows only that scope', () => {
    const a = answer('sla sev1 unified azure', context());
    expect(a.facts.filter((f) => f.label.startsWith('First response')).map((f) => f.label)).toEqual([
      'First response · Azure',
    ]);
  });

  it('Severity B lists the customer’s own 4-business-hour obligation', () => {
    const a = answer('sla sev b unified', context());
    const duties = a.facts.filter((f) => f.label === 'Your obligation').map((f) => f.value);
    expect(duties.some((d) => /4 business hours/.test(d))).toBe(true);
    expectCitationsVerbatim(a);
  });

  it('Jamf gold P1: response, update cadence and coverage, with the inbound-message definition', () => {
    const a = answer('sla p1 gold', context());
    const labels = a.facts.map((f) => f.label);
    expect(labels).toEqual(expect.arrayContaining(['First response', 'Updates', 'Coverage']));
    expect(a.summary).toMatch(/every 4 h/);
    expect(a.notes.some((n) => n.startsWith('Inferred:'))).toBe(true);
    expectCitationsVerbatim(a);
  });

  it('answers in Chinese when asked in Chinese, quotes unchanged', () => {
    const a = answer('白金級 P1 多快回應', context());
    expect(a.kind).toBe('sla');
    expect(a.title).toContain('白金級');
    expect(a.facts.map((f) => f.label)).toContain('首次回應');
    expect(a.summary).toMatch(/首次回應：/);
    expectCitationsVerbatim(a);
  });
});

describe('sla: several plans', () => {
  it('a severity without a vendor is mapped across vendors by level, and the answer says so', () => {
    const jamf = contract({ vendor: 'jamf', plan: 'gold' });
    const ms = contract({ vendor: 'microsoft', plan: 'unified' });
    const a = answer('sla sev1', context({ contracts: [jamf, ms] }));
    expect(a.tables).toHaveLength(1);
    const rows = a.tables[0]?.rows ?? [];
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r[1])).toEqual(['Priority 1', 'Severity 1']);
    expect(a.notes.some((n) => /read as Jamf Priority 1 \(both are the critical level\)/.test(n))).toBe(true);
    expectCitationsVerbatim(a);
  });

  it('without contracts every plan is shown and the answer says why', () => {
    const a = answer('sla p2', context());
    const rows = a.tables[0]?.rows ?? [];
    const bases = knowledge.plans.flatMap((f) => f.plans.filter((p) => p.kind === 'base'));
    expect(rows).toHaveLength(bases.length);
    expect(a.notes.some((n) => /No contract on file/.test(n))).toBe(true);
    expect(a.summary).toMatch(new RegExp(`^${bases.length} plan`));
    expect(a.notes.some((n) => /Autodesk's targets do not depend on the severity/.test(n))).toBe(true);
  });

  it('a plan without a severity lists every severity', () => {
    const a = answer('sla gold', context());
    const severities = knowledge.vendor('jamf').severities;
    expect(a.tables[0]?.rows.map((r) => r[1])).toEqual(severities.map((s) => s.name.en));
  });

  it('a severity that names nothing is reported, and every severity of the plan is shown', () => {
    const a = answer('sla p9 gold', context());
    expect(a.notes.some((n) => n.includes('"p9" is not a severity'))).toBe(true);
    expect(a.tables[0]?.rows).toHaveLength(knowledge.vendor('jamf').severities.length);
  });

  it('without a severity, a deadline question asks for one', () => {
    const a = answer('due gold', context());
    expect(a.kind).toBe('not-understood');
    expect(a.suggestions.length).toBeGreaterThan(0);
  });
});
