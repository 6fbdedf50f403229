/**
 * Names of the items a contract's list may hold and a question may ask about (src/answers/list.ts), in both
 * languages with the other ways people write them. Languages are named by their English name in the
 * knowledge files (`list.items`); products and regions carry their own names there.
 */
export interface ItemNames {
  en: string;
  zh: string;
  /** other ways to write it (either script: questions are folded to Traditional before matching) */
  aliases: string[];
}

export const LANGUAGE_NAMES: Record<string, ItemNames> = {
  English: { en: 'English', zh: '英文', aliases: ['英語', '英语'] },
  Chinese: {
    en: 'Chinese',
    zh: '中文',
    aliases: [
      'mandarin',
      'cantonese',
      '華語',
      '华语',
      '漢語',
      '汉语',
      '國語',
      '国语',
      '普通話',
      '普通话',
      '粵語',
      '粤语',
      '繁體中文',
      '簡體中文',
    ],
  },
  Japanese: { en: 'Japanese', zh: '日文', aliases: ['日語', '日语'] },
  Korean: { en: 'Korean', zh: '韓文', aliases: ['韓語', '韩语', '韩文'] },
  French: { en: 'French', zh: '法文', aliases: ['法語', '法语'] },
  German: { en: 'German', zh: '德文', aliases: ['德語', '德语'] },
  Spanish: { en: 'Spanish', zh: '西班牙文', aliases: ['西班牙語', '西班牙语'] },
  Italian: { en: 'Italian', zh: '義大利文', aliases: ['意大利文', '意大利語', '義大利語'] },
  Portuguese: { en: 'Portuguese', zh: '葡萄牙文', aliases: ['葡萄牙語'] },
  Russian: { en: 'Russian', zh: '俄文', aliases: ['俄語', '俄语'] },
  Dutch: { en: 'Dutch', zh: '荷蘭文', aliases: ['荷蘭語', '荷兰语'] },
  Thai: { en: 'Thai', zh: '泰文', aliases: ['泰語', '泰语'] },
  Vietnamese: { en: 'Vietnamese', zh: '越南文', aliases: ['越南語', '越南语'] },
  Indonesian: { en: 'Indonesian', zh: '印尼文', aliases: ['印尼語', '印尼语'] },
  Arabic: { en: 'Arabic', zh: '阿拉伯文', aliases: ['阿拉伯語', '阿拉伯语'] },
  Hindi: { en: 'Hindi', zh: '印地文', aliases: ['印地語', '印地语'] },
};
