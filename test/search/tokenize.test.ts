import fc from 'fast-check';
import STCharacters from 'opencc-js/dict/STCharacters';
import TWVariants from 'opencc-js/dict/TWVariants';
import { describe, expect, it } from 'vitest';
import { foldText, isLatinWord, queryTokens, tokenize } from '../../src/search/tokenize.js';

describe('tokenize', () => {
  it('folds Simplified Chinese to Traditional, so both spellings give the same tokens', () => {
    expect(tokenize('弹性额度')).toEqual(tokenize('彈性額度'));
    expect(tokenize('统一增强回应')).toEqual(tokenize('統一增強回應'));
    expect(foldText('客户成功经理')).toBe('客戶成功經理');
  });

  it('folds every character of OpenCC’s two tables as the tables chain: Simplified, then the Taiwan variant', () => {
    const table = (text: string) => text.split('|').map((entry) => entry.split(' '));
    const st = table(STCharacters);
    const tw = table(TWVariants);
    // the fold searches each table by halves: it relies on one character to one candidate, in code point order
    for (const entries of [st, tw]) {
      expect(entries.filter((entry) => entry.length !== 2 || [...entry[0]!].length !== 1)).toEqual([]);
      const codes = entries.map(([from]) => from!.codePointAt(0)!);
      expect(codes.filter((code, i) => i > 0 && code <= codes[i - 1]!)).toEqual([]);
    }
    const twOf = new Map(tw.map(([from, to]) => [from!, to!]));
    const expected = new Map<string, string>();
    for (const [from, to] of st) if (from !== to) expected.set(from!, twOf.get(to!) ?? to!);
    for (const [from, to] of tw) if (!expected.has(from!)) expected.set(from!, to!);
    for (const [from, to] of expected) expect(foldText(from), from).toBe(to);
    // a run of them at once, and characters neither table changes, are left as they are
    expect(foldText([...expected.keys()].join(''))).toBe([...expected.values()].join(''));
    expect(foldText('繁體字ABC 123')).toBe('繁體字abc 123');
  });

  it('applies NFKC and lowercases Latin words', () => {
    expect(tokenize('ＲＥＤＥ')).toEqual(['rede']);
    expect(tokenize('Flex Allowance')).toEqual(['flex', 'allowance']);
  });

  it('cuts Chinese into character bigrams plus longer words, and keeps a one-character run', () => {
    const tokens = tokenize('彈性額度');
    for (const bigram of ['彈性', '性額', '額度']) expect(tokens).toContain(bigram);
    expect(tokenize('高')).toEqual(['高']);
    // a run never crosses punctuation or Latin text: no bigram joins 務 and 非
    expect(tokenize('主動式服務，非主動式服務')).not.toContain('務非');
    expect(tokenize('Azure 元件')).toEqual(['azure', '元件']);
  });

  it('drops English stop words but keeps IT and US in capitals and the A of "severity A"', () => {
    expect(tokenize('what is the flex allowance')).toEqual(['flex', 'allowance']);
    expect(tokenize('IT coaching')).toEqual(['it', 'coaching']);
    expect(tokenize('is it coaching')).toEqual(['coaching']);
    expect(tokenize('severity A')).toEqual(['severity', 'a']);
    expect(tokenize('sev a')).toEqual(['sev', 'a']);
    expect(tokenize('a severity')).toEqual(['severity']);
  });

  it('never throws and gives non-empty tokens without spaces or capitals, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        for (const t of tokenize(text)) {
          expect(t.length).toBeGreaterThan(0);
          expect(t).not.toMatch(/\s/u);
          expect(t).toBe(t.toLowerCase());
        }
      }),
    );
  });
});

describe('queryTokens', () => {
  it('strips question filler in English and Chinese', () => {
    expect(queryTokens('how fast do I get an RCA?')).toEqual(['rca']);
    expect(queryTokens('什麼是彈性額度？')).toEqual(queryTokens('彈性額度'));
    expect(queryTokens('一體適用要求是什麼')).toEqual(queryTokens('一體適用要求'));
    expect(queryTokens('什么是弹性额度')).toEqual(queryTokens('彈性額度'));
  });

  it('does not join the words around removed filler into a false bigram', () => {
    expect(queryTokens('嚴重性 B 的定義')).not.toContain('的定');
    expect(queryTokens('Autodesk 的客戶成功經理')).not.toContain('的客');
  });

  it('returns each token once', () => {
    const tokens = queryTokens('flex flex allowance allowance');
    expect(tokens).toEqual([...new Set(tokens)]);
  });

  it('has nothing left of a question that is only filler', () => {
    expect(queryTokens('what is it?')).toEqual([]);
    expect(queryTokens('是什麼？')).toEqual([]);
  });
});

describe('isLatinWord', () => {
  it('is true only for Latin letters, the tokens that get fuzzy and prefix matching', () => {
    expect(isLatinWord('allowance')).toBe(true);
    expect(isLatinWord('主動')).toBe(false);
    expect(isLatinWord('24x7')).toBe(false);
  });
});
