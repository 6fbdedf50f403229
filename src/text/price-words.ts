/** Words of the `price` answer (src/answers/price.ts), in both languages. */
import { wordTable } from './word-table.js';

export const priceWords = wordTable(
  {
    noPrice: (which: string) => `The documents list no price${which ? ` for ${which}` : ''}.`,
    noPeriod: 'The document does not state the period these prices are for (e.g. per year).',
    unpriced: (name: string) => `${name} has no listed price.`,
  },
  {
    noPrice: (which) => `文件中沒有${which ? ` ${which} 的` : ''}定價。`,
    noPeriod: '文件未說明這些價格的計價期間（例如每年）。',
    unpriced: (name) => `${name} 沒有列出價格。`,
  },
);
