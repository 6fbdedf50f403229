import { describe, expect, it } from 'vitest';
import { proposeCandidates } from '../../src/knowledge/candidates.js';
import { joinBroken, splitClauses, vendorOfDoc } from '../../src/knowledge/clauses.js';
import { loadSources } from '../../src/knowledge/corpus.js';
import { normalizeForQuote, quoteOccursIn } from '../../src/knowledge/quotes.js';

/** A PDF-style extraction: a blank line after every printed line, sentences broken mid-way. */
const PDF = [
  ' 1 關於本文件 ',
  '',
  '本文件說明可向 Acme 訂購之支援服務的相關資訊。貴用戶請務必先熟',
  '',
  '悉相關說明。 ',
  '',
  ' 2.1 如何訂購 ',
  '',
  '• 基本套件：此套件包含核心支援服務。 ',
  '',
  '• 非主動式增強指定工程 (REDE)：由指定工程師加速非主動式支援事件',
  '',
  '解決。 ',
  '',
  '+ ',
  '',
  '如果貴用戶訂購之服務將列在工作訂單 (以下稱「工作訂單」) 中，請連絡 Acme。',
  '',
].join('\n');

/** An HTML-style extraction: paragraphs between blank lines, headings on their own. */
const HTML = [
  '使用者管理',
  '',
  '目錄同步',
  '',
  '目錄同步會將您的使用者目錄連結到 Acme 的使用者管理平台，以便自動指派。',
  '',
  '- **資料收集及使用。**您瞭解 Acme 可在提供內容期限內收集某些資料。',
  '',
  '權益比較',
  '',
  '\t包含的權益\t企業計畫',
  '使用者管理\t單一登入 - 要求授權使用者透過公司網路憑證登入\t☑\t☑',
  '',
  '「日曆季度」係指截至 3 月 31 日的連續三 (3) 個日曆月。',
  '',
].join('\n');

describe('splitClauses', () => {
  const pdf = splitClauses('acme-guide.zh-TW.txt', PDF);
  const html = splitClauses('acme-guide.zh-TW.txt', HTML);

  it('rejoins a sentence broken across lines, without a space between Chinese characters', () => {
    expect(pdf[0]?.text).toBe('本文件說明可向 Acme 訂購之支援服務的相關資訊。貴用戶請務必先熟悉相關說明。');
    expect(joinBroken('精通 Jamf 和', 'Apple 技術')).toBe('精通 Jamf 和 Apple 技術');
  });

  it('starts a clause at each bullet and drops the bullet and layout marks', () => {
    const texts = pdf.map((c) => c.text);
    expect(texts).toContain('基本套件：此套件包含核心支援服務。');
    expect(texts).toContain('非主動式增強指定工程 (REDE)：由指定工程師加速非主動式支援事件解決。');
    expect(texts.some((t) => t.includes('+'))).toBe(false);
    // the layout line ends the clause: no clause joins text from both sides of it
    expect(pdf.every((c) => quoteOccursIn(c.text, PDF))).toBe(true);
    expect(pdf.find((c) => c.text.startsWith('基本套件'))?.kind).toBe('bullet');
  });

  it('records the numbered heading path and the offset where each clause starts', () => {
    expect(pdf[0]?.heading).toEqual(['1 關於本文件']);
    expect(pdf.find((c) => c.text.startsWith('基本套件'))?.heading).toEqual(['2.1 如何訂購']);
    for (const c of [...pdf, ...html]) {
      const source = c === pdf.find((p) => p === c) ? PDF : HTML;
      expect(normalizeForQuote(source.slice(c.offset, c.end)).startsWith(normalizeForQuote(c.text).slice(0, 4))).toBe(
        true,
      );
      expect(c.id).toBe(`acme@${c.offset}`);
    }
  });

  it('follows unnumbered headings in a paragraph document and keeps table rows as clauses', () => {
    expect(html.find((c) => c.text.startsWith('目錄同步會'))?.heading).toEqual(['使用者管理', '目錄同步']);
    const row = html.find((c) => c.kind === 'row' && c.text.includes('單一登入'));
    expect(row?.text).toContain('單一登入 - 要求授權使用者透過公司網路憑證登入');
  });

  it('names the vendor after the first word of the file name', () => {
    expect(vendorOfDoc('jamf-support.zh-TW.txt')).toBe('jamf');
    expect(pdf.every((c) => c.vendor === 'acme' && c.doc === 'acme-guide.zh-TW.txt')).toBe(true);
  });

  it('splits the real documents into clauses that occur in them verbatim (whitespace-insensitively)', () => {
    for (const { doc, text } of loadSources()) {
      const clauses = splitClauses(doc, text);
      expect(clauses.length, doc).toBeGreaterThan(30);
      expect(clauses.filter((c) => !quoteOccursIn(c.text, text)).map((c) => c.id)).toEqual([]);
      expect(clauses.every((c, i) => i === 0 || (clauses[i - 1]?.offset ?? 0) < c.offset)).toBe(true);
      expect(Math.max(...clauses.map((c) => c.text.length)), doc).toBeLessThan(400);
    }
  });
});

describe('proposeCandidates', () => {
  const propose = (text: string) =>
    proposeCandidates('acme-guide.zh-TW.txt', text, splitClauses('acme-guide.zh-TW.txt', text));

  it('proposes labels of bullets, bold labels, table cells, bracketed abbreviations and quoted definitions', () => {
    const byName = new Map([...propose(PDF), ...propose(HTML)].map((c) => [c.name, c]));
    expect(byName.get('基本套件')?.patterns).toContain('bullet');
    expect(byName.get('非主動式增強指定工程')).toMatchObject({ abbreviation: 'REDE' });
    expect(byName.get('非主動式增強指定工程')?.patterns).toEqual(expect.arrayContaining(['bullet', 'abbreviation']));
    expect(byName.get('工作訂單')?.patterns).toContain('defined');
    expect(byName.get('資料收集及使用')?.patterns).toContain('bold');
    expect(byName.get('單一登入')?.patterns).toContain('row');
    expect(byName.get('日曆季度')?.patterns).toContain('defined');
    expect(byName.get('目錄同步')?.patterns).toContain('heading');
  });

  it('counts occurrences and points at the clause that introduces the name', () => {
    const rede = propose(PDF).find((c) => c.name === '非主動式增強指定工程');
    expect(rede?.occurrences).toBe(1);
    expect(rede?.snippet).toContain('由指定工程師');
    expect(PDF.slice(rede?.offset ?? 0)).toMatch(/^非主動式增強指定工程/u);
  });

  it('finds the defined terms of the real documents', () => {
    const all = loadSources().flatMap(({ doc, text }) => proposeCandidates(doc, text, splitClauses(doc, text)));
    const find = (name: string) => all.find((c) => c.name === name);
    expect(find('非主動式增強指定工程')?.abbreviation).toBe('REDE');
    expect(find('彈性額度')?.abbreviation).toBe('Flex Allowance');
    expect(find('客戶成功經理')?.abbreviation).toMatch(/^(CSM|CSAM)$/);
    expect(find('一體適用要求')).toBeDefined();
    expect(find('日曆季度')).toBeDefined();
    expect(find('回應時間')?.doc).toBe('jamf-support.zh-TW.txt');
  });
});
