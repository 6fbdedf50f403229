/** Words of `contract add|remove` and the contract list (src/answers/contract.ts), in both languages. */
import { wordTable } from './word-table.js';

export const contractWords = wordTable(
  {
    notAdded: 'The contract was not added',
    plans: (plans: string[]) => `Plans: ${plans.join('; ')}`,
    keys: 'Keys: zone, holidays (CC, CC-SUB or none), hours (HH:MM-HH:MM, Monday to Friday), region (apac, americas, emea), customer (commercial, education), start, end, addons, name, flex',
    nameVendor: (vendors: string[]) => `Name the vendor and plan (known vendors: ${vendors.join(', ')}).`,
    whichPlan: (vendor: string, plans: string[]) => `Which ${vendor} plan? One of: ${plans.join(', ')}.`,
    notAKey: (key: string, keys: readonly string[]) => `"${key}" is not a contract key (keys: ${keys.join(', ')}).`,
    badZone: (value: string) => `zone: "${value}" is not an IANA time zone (e.g. Europe/Berlin, Asia/Taipei).`,
    /** `error` is the holiday check's own English message */
    badHolidays: (_value: string, error: string) => error,
    badHours: (value: string) =>
      `hours: "${value}" is not a range like 09:00-17:30 (Monday to Friday, start before end).`,
    badRegion: (value: string) => `region: "${value}" is not apac, americas or emea.`,
    badCustomer: (value: string) => `customer: "${value}" is not commercial or education.`,
    /** `error` is the date parser's own English message */
    /** `problem`: what the date parser could not read, in this language (problem-words.ts) */
    badDate: (key: string, problem: string) => `${key}: ${problem}.`,
    badAddon: (word: string, vendor: string, known: string[]) =>
      `addons: "${word}" is not an add-on of ${vendor} (${known.join(', ') || 'this vendor has none'}).`,
    nameTooLong: (max: number, has: number) => `name: at most ${max} characters (this one has ${has}).`,
    chooseVendor: (vendors: string[]) => `Choose a vendor (${vendors.join(', ')}).`,
    choosePlan: (vendor: string, plans: string[]) => `Choose a ${vendor} plan: ${plans.join(', ')}.`,
    badFlex: (problem: string) => `flex: ${problem}, e.g. flex=250000, flex=250,000 or flex=250k.`,
    addonNotFor: (addon: string, addsTo: string[], plan: string) =>
      `addons: ${addon} adds to ${addsTo.join(', ')}, not to ${plan}.`,
    endBeforeStart: (end: string, start: string) => `end: ${end} is before start ${start}.`,
    defaultHours: (hours: string) => `${hours} (default)`,
    none: 'No contracts yet. Add one and answers will use your own terms.',
    onFile: (n: number) => `${n} contract${n === 1 ? '' : 's'} on file.`,
    flexOf: (id: number, amount: string) => `#${id}: flex allowance ${amount}`,
    added: (id: number) => `Contract #${id} added`,
    noSuchTitle: 'No such contract',
    noSuch: (id: number) => `There is no contract #${id} in this workspace.`,
    removed: (id: number) => `Contract #${id} removed`,
  },
  {
    notAdded: '無法新增合約',
    plans: (plans) => `方案：${plans.join('；')}`,
    keys: '可用的鍵：`zone`（時區）、`holidays`（國家代碼 CC、CC-SUB 或 `none`）、`hours`（HH:MM-HH:MM，週一至週五）、`region`（`apac`、`americas`、`emea`）、`customer`（`commercial`、`education`）、`start`、`end`（日期）、`addons`（附加服務）、`name`（名稱）、`flex`（彈性額度）',
    nameVendor: (vendors) => `請指定廠商與方案（可用：${vendors.join('、')}）。`,
    whichPlan: (vendor, plans) => `請指定 ${vendor} 的方案：${plans.join('、')}。`,
    notAKey: (key, keys) => `「${key}」不是合約的鍵（可用：${keys.join('、')}）。`,
    badZone: (value) => `zone：「${value}」不是 IANA 時區（例如 Asia/Taipei、Europe/Berlin）。`,
    badHolidays: (value) =>
      `holidays：「${value}」不是可用的國家代碼（請用 CC 或 CC-SUB，例如 TW 或 DE-BY，或 none）。`,
    badHours: (value) => `hours：「${value}」不是像 09:00-17:30 這樣的時段（週一至週五，開始早於結束）。`,
    badRegion: (value) => `region：「${value}」不是 apac、americas 或 emea。`,
    badCustomer: (value) => `customer：「${value}」不是 commercial（商業）或 education（教育）。`,
    badDate: (key, problem) => `${key}：${problem}。`,
    badAddon: (word, vendor, known) =>
      `addons：「${word}」不是 ${vendor} 的附加服務（${known.join('、') || '此廠商沒有附加服務'}）。`,
    nameTooLong: (max, has) => `name：名稱最多 ${max} 個字元（這個有 ${has} 個）。`,
    chooseVendor: (vendors) => `請選擇廠商（${vendors.join('、')}）。`,
    choosePlan: (vendor, plans) => `請選擇 ${vendor} 的方案：${plans.join('、')}。`,
    badFlex: (problem) => `flex：${problem}，例如 flex=250000、flex=250,000 或 flex=250k。`,
    addonNotFor: (addon, addsTo, plan) => `addons：${addon} 只能加在 ${addsTo.join('、')}，不能加在 ${plan}。`,
    endBeforeStart: (end, start) => `end：結束日 ${end} 早於開始日 ${start}。`,
    defaultHours: (hours) => `${hours}（預設）`,
    none: '本工作區尚無合約。新增一份，答案就會依您的合約計算。',
    onFile: (n) => `本工作區有 ${n} 份合約。`,
    flexOf: (id, amount) => `#${id}：彈性額度 ${amount}`,
    added: (id) => `已新增合約 #${id}`,
    noSuchTitle: '找不到合約',
    noSuch: (id) => `本工作區沒有合約 #${id}。`,
    removed: (id) => `已移除合約 #${id}`,
  },
);
