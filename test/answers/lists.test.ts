/**
 * Yes/no about an item of a list the contracts state (languages, products a response time leaves out), and
 * a value asked of a thing no record of which states one: the answer says what the list or the contracts
 * say, not "yes" because the statement has no negation, and not the thing's glossary card.
 */
import { describe, expect, it } from 'vitest';
import { recordsOf } from '../../src/knowledge/records.js';
import { LANGUAGE_NAMES } from '../../src/text/list-words.js';
import { answer, context, knowledge, search } from '../support/answers.js';

const ask = (q: string) => answer(q, context({ search: search() }));

describe('yes/no about a list', () => {
  it.each([
    // [question, record, first words of the answer]
    ['迅速回应支持中文吗？', 'rapid-response-languages', '否。中文不在所列之中'],
    ['Does Rapid Response support Chinese?', 'rapid-response-languages', 'No — Chinese is not among those listed'],
    ['Does Rapid Response support Korean?', 'rapid-response-languages', 'No — Korean'],
    ['Is Rapid Response available in Japanese?', 'rapid-response-languages', 'Yes'],
    ['AEM 有中文支援嗎？', 'aem-languages', '否。中文'],
    ['增強事件管理有韓文嗎？', 'uer-languages', '否。韓文'],
    ['Is UER support available in Chinese?', 'uer-languages', 'Yes'],
    ['Can I get Autodesk assisted support in Chinese?', 'autodesk-assisted-support-languages', 'Not listed'],
    ['歐特克企業支援有日文嗎？', 'autodesk-enterprise-support-languages', '視情況而定。日文'],
    ['Does UER cover GitHub AE?', 'uer-azure-exclusions', 'No — GitHub AE is excluded'],
    ['迅速回應涵蓋 Azure 媒體服務嗎？', 'rapid-response-exclusions', '否。Azure 媒體服務不在涵蓋範圍內'],
    ['AED 支援 StorSimple 嗎？', 'aed-out-of-scope', '否。Azure StorSimple'],
    [
      'Does Rapid Response cover Azure Communication Services?',
      'rapid-response-exclusions',
      'Azure Communication Services is not among the exclusions',
    ],
  ])('%s', (q, id, first) => {
    const a = ask(q);
    expect(a.basis?.[0]).toBe(id);
    expect(a.summary.startsWith(first), a.summary).toBe(true);
    // the list itself follows, quoted
    expect(a.citations.length).toBeGreaterThan(0);
  });

  it('names every language of a list in the vocabulary, so an item left out is still recognised', () => {
    const lists = recordsOf(knowledge).flatMap((r) => (r.fact?.list?.of === 'language' ? [r.fact.list] : []));
    expect(lists.length).toBeGreaterThanOrEqual(9);
    for (const l of lists)
      for (const item of [...l.items, ...(l.onRequest ?? [])])
        expect(Object.keys(LANGUAGE_NAMES)).toContain(typeof item === 'string' ? item : item.en);
  });

  it('gives every list of a statement items its own text names', () => {
    for (const r of recordsOf(knowledge)) {
      const list = r.fact?.list;
      if (!list || list.of === 'language') continue;
      for (const item of list.items) {
        const { en, zh } = typeof item === 'string' ? { en: item, zh: item } : item;
        expect(r.text.en, r.id).toContain(en);
        expect(r.text.zh, r.id).toContain(zh);
      }
    }
  });
});

describe('a value no record of the thing states', () => {
  it.each([
    ['微软统一支援一年的价格是多少？', '未載明'],
    ['How much does Rapid Response cost?', 'state no price for Microsoft Rapid Response'],
    ['how much does the autodesk enterprise plan cost', 'state no price for Autodesk Enterprise'],
    ['How much does AED cost?', 'state no price'],
  ])('%s says the contracts do not say it, with the closest things they do', (q, says) => {
    const a = ask(q);
    expect(a.kind).toBe('not-covered');
    expect(a.summary).toContain(says);
    expect(a.facts.length).toBe(2);
    expect(a.citations.length).toBe(2);
  });

  it('still answers a price the contracts state, and a plan whose record says none is listed', () => {
    expect(ask('how much is jamf gold').basis?.[0]).toBe('price.jamf.gold.commercial');
    expect(ask('Jamf Standard 多少錢？').basis?.[0]).toBe('jamf-standard-no-price');
  });
});
