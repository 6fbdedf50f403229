/**
 * Words of the refusals (src/conversation/permissions.ts): who may change what, said to the one who tried, in
 * both languages.
 */
import { wordTable } from './word-table.js';

export type Change = 'contract' | 'quota' | 'case';

export const accessWords = wordTable(
  {
    what: {
      contract: 'add or remove contracts',
      quota: 'record quota uses',
      case: 'open, update or close vendor cases',
    } as Record<Change, string>,
    notOurs: (what: string) =>
      `Only members of the organisation that installed Entitlebot can ${what}; this channel is shared with another organisation, and you are not one of its members here. Nothing was changed. You can still ask questions.`,
    /** `who`: the admins as mentions, comma-separated, or '' */
    notAdmin: (who: string) =>
      `Only the contract admins of this workspace can add or remove contracts${who ? ` (${who})` : ''}; ask one of them. Nothing was changed.`,
    listSep: ', ',
  },
  {
    what: {
      contract: '新增或移除合約',
      quota: '記錄配額用量',
      case: '開立、更新或結束廠商案件',
    },
    notOurs: (what) =>
      `只有安裝 Entitlebot 的組織成員才能${what}；此頻道與另一個組織共用，而你在這裡不是該組織的成員。沒有任何資料被變更。你仍然可以提問。`,
    notAdmin: (who) =>
      `只有此工作區的合約管理員${who ? `（${who}）` : ''}才能新增或移除合約；請洽其中一位。沒有任何資料被變更。`,
    listSep: '、',
  },
);
