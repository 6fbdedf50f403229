import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { quoteOccursIn } from '../../src/knowledge/quotes.js';
import { loadTerms, parseTermFiles, TermsError } from '../../src/knowledge/terms.js';
import { chineseScriptOf } from '../../src/text/script.js';

const terms = loadTerms();
const source = (doc: string) => readFileSync(new URL(`../../knowledge/sources/${doc}`, import.meta.url), 'utf8');

describe('the glossary', () => {
  it('covers the three documents with 70 terms or more', () => {
    expect(terms.length).toBeGreaterThanOrEqual(70);
    for (const vendor of ['microsoft', 'jamf', 'autodesk']) {
      expect(terms.filter((t) => t.vendor === vendor).length, vendor).toBeGreaterThanOrEqual(15);
    }
  });

  it('quotes every definition verbatim (whitespace-insensitive) from its source document', () => {
    const missing = terms
      .filter((t) => !quoteOccursIn(t.definition.quote, source(t.definition.doc)))
      .map((t) => `${t.id}: ${t.definition.quote}`);
    expect(missing).toEqual([]);
  });

  it('has a Traditional Chinese summary for every term, stating the figures its English summary states', () => {
    const problems = terms.flatMap((t) => {
      const zh = t.summaryZh ?? '';
      if (!/\p{Script=Han}/u.test(zh)) return [`${t.id}: no Chinese summary`];
      // written in Traditional script (Simplified is converted for display)
      if (chineseScriptOf(zh) !== 'zh-Hant') return [`${t.id}: not in Traditional script`];
      const figures = (t.summary.match(/\d+/g) ?? []).filter((n) => !zh.match(/\d+/g)?.includes(n));
      return figures.length > 0 ? [`${t.id}: the English summary's ${figures.join(', ')} missing`] : [];
    });
    expect(problems).toEqual([]);
  });

  it('quotes each vendor from its own document', () => {
    const elsewhere = terms.filter((t) => !t.definition.doc.startsWith(`${t.vendor}-`)).map((t) => t.id);
    expect(elsewhere).toEqual([]);
  });

  it('has every abbreviation the documents use', () => {
    const abbreviations = new Set(terms.flatMap((t) => t.abbreviations));
    const expected = 'REDE EDE UER AEM AED CSM CSAM CSP EBR SSO RCA SIP PRS POP RAP MSCIR SfMC DE STA ADN CRE'.split(
      ' ',
    );
    expect(expected.filter((a) => !abbreviations.has(a))).toEqual([]);
  });

  it('names the terms as the documents and the English editions do', () => {
    const byZh = (zh: string) => terms.find((t) => t.zh === zh);
    expect(byZh('彈性額度')?.en).toBe('Flex Allowance');
    expect(byZh('非主動式增強指定工程')?.abbreviations).toContain('REDE');
    expect(terms.find((t) => t.zh === '客戶成功經理' && t.vendor === 'autodesk')?.abbreviations).toContain('CSM');
    expect(byZh('一體適用要求')?.en).toMatch(/all-in requirement/i);
  });

  it('lists the Simplified spelling of every Chinese name as an alias', () => {
    const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
    const lacking = terms
      .filter((t) => toSimplified(t.zh) !== t.zh && !t.aliases.includes(toSimplified(t.zh)))
      .map((t) => `${t.id}: ${toSimplified(t.zh)}`);
    expect(lacking).toEqual([]);
  });

  it('relates terms to other terms only', () => {
    expect(terms.filter((t) => t.related.includes(t.id)).map((t) => t.id)).toEqual([]);
  });
});

describe('parseTermFiles', () => {
  const valid = `terms:
  - id: acme.gold
    vendor: acme
    zh: 金級
    en: Gold
    summary: The gold tier.
    definition: { doc: acme.txt, quote: 金級客戶 }
`;

  function problems(files: { name: string; text: string }[]): string[] {
    try {
      parseTermFiles(files);
    } catch (e) {
      expect(e).toBeInstanceOf(TermsError);
      return (e as TermsError).problems;
    }
    return [];
  }

  it('accepts a valid file and fills in the defaults', () => {
    const [t] = parseTermFiles([{ name: 'knowledge/terms/acme.yml', text: valid }]);
    expect(t).toMatchObject({ id: 'acme.gold', abbreviations: [], aliases: [], related: [] });
  });

  it('names the file and the path inside it for a schema error', () => {
    const text = valid.replace('quote: 金級客戶', 'quote: 1');
    expect(problems([{ name: 'knowledge/terms/acme.yml', text }])).toEqual([
      expect.stringMatching(/^knowledge\/terms\/acme\.yml: terms\[0\]\.definition\.quote: /),
    ]);
  });

  it('reports a vendor that does not match the file, duplicate ids and unknown related ids, all at once', () => {
    const text = `${valid}  - id: acme.gold
    vendor: acme
    zh: 金級
    en: Gold
    summary: Again.
    related: [acme.silver]
    definition: { doc: acme.txt, quote: 金級客戶 }
`;
    const found = problems([{ name: 'knowledge/terms/other.yml', text }]);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringContaining('terms[0].vendor: "acme" does not match the file (other)'),
        expect.stringContaining('terms[1].id: "acme.gold" is already used'),
        expect.stringContaining('related[0]: unknown term id "acme.silver"'),
      ]),
    );
  });

  it('reports YAML that does not parse, with the file name', () => {
    expect(problems([{ name: 'knowledge/terms/acme.yml', text: 'terms: [' }])).toEqual([
      expect.stringMatching(/^knowledge\/terms\/acme\.yml: not valid YAML/),
    ]);
  });
});
