/** Words of the glossary and clause answers (src/answers/term.ts), in both languages. */
import { wordTable } from './word-table.js';

export const termWords = wordTable(
  {
    /** "彈性額度 · Flex allowance (FA)": the document's name first, as the source has it */
    title: (zh: string, en: string, abbreviations: string[]) =>
      `${zh} · ${en}${abbreviations.length > 0 ? ` (${abbreviations.join(', ')})` : ''}`,
    /** the answer's first line: the term's summary (below), after its Chinese name in a Chinese answer */
    summary: (_zh: string, summary: string) => summary,
    /** a term's summary: the glossary's, in Chinese its Chinese one or else the document's own definition quoted */
    definition: (summary: string, _summaryZh: string | undefined, _definition: string) => summary,
    abbreviations: 'Abbreviations',
    closestPassage: (title: string, heading: string | undefined, _quote: string) =>
      `The closest passage is in ${title}${heading ? `, under “${heading}”` : ''} (quoted below; no glossary entry matches exactly).`,
    clause: 'Clause',
    clauseQuote: (quote: string) => quote,
    section: 'Section',
    unavailable: 'The glossary search is not available right now.',
    notInContracts: (query: string) => `"${query}" is not in these contracts (Microsoft Unified, Jamf, Autodesk).`,
    /** the search's reason for "not covered" (src/search/engine.ts), which it writes in English */
    notCoveredReason: (reason: string) => reason,
    examples: ['term flex allowance', 'sla p1 gold', 'what is a CSM', 'help'],
  },
  {
    title: (zh, _en, abbreviations) => `${zh}${abbreviations.length > 0 ? `（${abbreviations.join('、')}）` : ''}`,
    summary: (zh, summary) => `${zh}：${summary}`,
    definition: (_summary, summaryZh, definition) => summaryZh ?? `「${definition}」`,
    abbreviations: '縮寫',
    closestPassage: (title, _heading, quote) => `${title ? `${title}：` : ''}「${quote}」`,
    clause: '條款',
    clauseQuote: (quote) => `「${quote}」`,
    section: '章節',
    unavailable: '名詞搜尋目前無法使用。',
    notInContracts: (query) => `「${query}」不在這些合約（Microsoft Unified、Jamf、Autodesk）的內容中。`,
    notCoveredReason: (reason) => {
      const unknown = /^the contracts do not mention "(.*)"$/.exec(reason);
      if (unknown) return `合約中沒有提到「${unknown[1]}」。`;
      if (/^most words/.test(reason)) return '問題中大部分的詞語都不在合約中。';
      return '合約中沒有與這些詞語相符的內容。';
    },
    examples: ['什麼是彈性額度', 'sla p1 gold', '什麼是 CSM', 'help'],
  },
);
