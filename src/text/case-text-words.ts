/**
 * Words of the case commands and case questions in a thread (src/conversation: case-text.ts, case-open.ts,
 * case-questions.ts, event-time.ts), in both languages.
 */
import { wordTable } from './word-table.js';

export const caseTextWords = wordTable(
  {
    /** the case commands, one a line (the replies' suggestions and `case help`) */
    usage: [
      'case open [<severity>] [product=azure] [ref=<vendor case number>] [contract=<id or vendor>]',
      'case responded | updated | customer | wait | resume | close | reopen   (add "at 14:05" for an earlier time)',
      'case severity <severity>',
      'case owner @someone   (who answers for the case; direct messages before a deadline and at a breach)',
      'case   (the case status: every clock with its due time)',
    ],
    helpTitle: 'Tracking a vendor case',
    help: 'Open a case in a thread (mention the app there: `@Entitlebot case open p1`), then tell me what happens; I keep the clocks and remind the thread before a deadline and when it is missed.',
    nextUpdateQuestion: 'when is my next update due?',
    noCaseHereTitle: 'No case is tracked in this thread',
    noCaseHere:
      'No vendor case is tracked in this thread, so there is no deadline to report. To track one here, mention me with `case open <severity>` (e.g. `@Entitlebot case open p1`), or use the “Track vendor case” shortcut on the vendor’s message.',
    otherCases: (n: number) =>
      `${n} other case${n === 1 ? ' is' : 's are'} tracked in this workspace; type \`cases\` to list them.`,
    thisWorkspace: 'this workspace',
    thisChannel: 'this channel',
    openCasesTitle: 'Open cases',
    noOpenCases: (where: string) => `No case is open in ${where}. Start one in a thread with \`case open <severity>\`.`,
    openCases: (n: number, where: string) =>
      `${n} case${n === 1 ? ' is' : 's are'} open in ${where}${n > 20 ? ' (the latest 20 shown)' : ''}:`,
    thread: (ts: string) => `thread ${ts}`,
    nextDue: (when: string, late: boolean) => ` · next due ${when}${late ? ' (late)' : ''}`,
    askInThreadByMention:
      'Ask it in the case’s thread by mentioning me there (e.g. `@Entitlebot when is my next update due?`).',
    askInThread: 'Ask it in the case’s thread.',
    whichCaseTitle: 'Which case?',
    noneTracked: 'No vendor case is being tracked. Start one in a thread with `case open <severity>`.',
    aboutACase: (where: string) => `That is a question about a tracked case. ${where}`,
    slashHasNoThread:
      'Slack does not tell a slash command which thread it was typed in. Mention the app in the case thread instead: `@Entitlebot case responded`.',
    notACaseThread: 'This is not a case thread. Write in the case thread, or open a case with `case open`.',
    noCaseYet: 'This thread has no case yet. `case open <severity>` starts one here.',
    /** `message`: the case parser's own, in English */
    invalid: (message: string) => message,
    ownerBack: 'The case is back with the person who opened it.',
    ownerSet: 'New owner recorded: they get a direct message before each deadline and at a breach.',
    unknownCommand: (kind: string) => `"case ${kind}" is not a case command I know.`,
    severityFree: (vendor: string) => `${vendor}'s targets do not depend on the severity; nothing to change.`,
    sameSeverity: (id: number, severity: string) => `Case #${id} already has ${severity}.`,
    severityRecorded: (severity: string, from: string, shift: string) =>
      `Recorded: ${severity} from ${from}; the targets run anew from that moment.${shift}`,
    eventRecorded: (what: string, at: string, shift: string) => `Recorded: ${what} (${at}).${shift}`,
    unreadableTime: (text: string | null, zone: string) =>
      `"${text}" is not a time I can read. Use "14:05" (today, ${zone}) or "2026-03-02T14:05".`,
    futureTime: (text: string) => `"${text}" is in the future; record events when they happen.`,
    unknownSeverity: (words: string, vendor: string, severities: { id: string; name: string }[]) =>
      `"${words}" is not a ${vendor} severity. Use one of: ${severities.map((s) => `${s.id} (${s.name})`).join(', ')}.`,
    noContract:
      'This workspace has no contract yet, so I do not know which targets apply. Add one first, e.g. `contract add jamf gold zone=Europe/Berlin holidays=DE`.',
    noContractMatches: (named: string, listing: string) =>
      `No contract matches "${named}". This workspace has: ${listing}. Use contract=<id>.`,
    severalContracts: (named: string, ids: number[]) =>
      `"${named}" matches several contracts: ${ids.join(', ')}. Use contract=<id>.`,
    whichContract: (listing: string) =>
      `Which contract is this case under? This workspace has: ${listing}. Add contract=<id>.`,
    severityLeftAside: (vendor: string, typed: string) =>
      `${vendor}'s targets do not depend on the severity, so "${typed}" was left aside.`,
    productChangesNothing: (vendor: string, product: string) =>
      `${vendor}'s targets do not differ by product, so product=${product} changes nothing.`,
    notAzure:
      'Assumed the case is not about an Azure component; say `product=azure` when opening if it is (faster targets).',
    openedHere: (title: string) => `Case opened: this thread tracks it (${title}).`,
    caseMessageTitle: (title: string, severity: string | null | undefined, ref: string | null) =>
      `Vendor case: ${title}${severity ? `, ${severity}` : ''}${ref ? ` (${ref})` : ''}`,
    caseMessage:
      'Tracking this case in the thread below: reply there, and mention the app for `case responded`, `case updated`, or questions like "when is my next update due?".',
    openedOnConsoleThread: (ts: string) =>
      `Case opened on a new thread ${ts} (the console has no thread here; pass --thread ${ts} to talk about it).`,
    openedOnThread: 'Case opened: this thread tracks it.',
    assumed: (what: string) => `Assumed ${what}.`,
    whichSeverityTitle: 'Which severity?',
    /** `planName`: the contract's plan as named for it; `vendor`: the vendor's name */
    whichSeverity: (planName: string, _vendor: string) =>
      `${planName} targets depend on the severity: say which one after \`case open\`.`,
  },
  {
    usage: [
      'case open [<嚴重性>] [product=azure] [ref=<廠商案件編號>] [contract=<合約編號或廠商>]',
      'case responded | updated | customer | wait | resume | close | reopen   （較早的時間加上「at 14:05」）',
      'case severity <嚴重性>',
      'case   （案件狀態：每個期限與到期時間）',
    ],
    helpTitle: '追蹤廠商案件',
    help: '在討論串中開案（在該處提及我：`@Entitlebot case open p1`），之後告訴我發生了什麼；我會計算各期限，並在期限前與逾期時提醒該討論串。',
    nextUpdateQuestion: '下次更新是什麼時候？',
    noCaseHereTitle: '本討論串沒有追蹤中的案件',
    noCaseHere:
      '本討論串沒有追蹤任何廠商案件，所以沒有期限可以回報。要在這裡開始追蹤，請提及我並輸入 `case open <嚴重性>`（例如 `@Entitlebot case open p1`），或在廠商的訊息上使用「Track vendor case」捷徑。',
    otherCases: (n) => `本工作區另有 ${n} 件追蹤中的案件；輸入 \`cases\` 列出。`,
    thisWorkspace: '本工作區',
    thisChannel: '本頻道',
    openCasesTitle: '追蹤中的案件',
    noOpenCases: (where) => `${where}目前沒有追蹤中的案件。用 \`case open <嚴重性>\` 在討論串中開始追蹤一個。`,
    openCases: (n, where) => `${where}有 ${n} 件追蹤中的案件${n > 20 ? '（列出最近的 20 件）' : ''}：`,
    thread: (ts) => `討論串 ${ts}`,
    nextDue: (when, late) => ` · 下一個期限 ${when}${late ? '（已逾期）' : ''}`,
    askInThreadByMention: '請在案件的討論串中提及我再問一次（例如 `@Entitlebot 下次更新是什麼時候？`）。',
    askInThread: '請在案件的討論串中問。',
    whichCaseTitle: '哪一個案件？',
    noneTracked: '目前沒有追蹤中的案件。用 `case open <嚴重性>` 在討論串中開始追蹤一個。',
    aboutACase: (where) => `這是關於案件的問題。 ${where}`,
    slashHasNoThread:
      'Slack 不會告訴斜線指令它是在哪個討論串中輸入的。請改在案件的討論串中提及我：`@Entitlebot case responded`。',
    notACaseThread: '這不是案件的討論串。請在案件的討論串中輸入，或用 `case open` 開案。',
    noCaseYet: '本討論串還沒有案件。輸入 `case open <嚴重性>` 即可在這裡開始追蹤。',
    invalid: () => '看不懂這個案件指令；可用的寫法如下。',
    ownerBack: '案件已交回開案的人負責。',
    ownerSet: '已記錄新的負責人：每個期限之前及逾期時，他都會收到私訊。',
    unknownCommand: (kind) => `「case ${kind}」不是我認得的案件指令。`,
    severityFree: (vendor) => `${vendor} 的目標不因嚴重性而不同，沒有需要變更的。`,
    sameSeverity: (id, severity) => `案件 #${id} 已是${severity}。`,
    severityRecorded: (severity, from, shift) => `已記錄：自 ${from} 起為${severity}；各目標自該時刻重新計算。${shift}`,
    eventRecorded: (what, at, shift) => `已記錄：${what}（${at}）。${shift}`,
    unreadableTime: (text, zone) => `看不懂「${text}」這個時間。請用「14:05」（今天，${zone}）或「2026-03-02T14:05」。`,
    futureTime: (text) => `「${text}」是未來的時間；請在事件發生時再記錄。`,
    unknownSeverity: (words, vendor, severities) =>
      `「${words}」不是 ${vendor} 的嚴重性。請用其中之一：${severities.map((s) => `${s.id}（${s.name}）`).join('、')}。`,
    noContract:
      '本工作區還沒有合約，所以不知道適用哪些目標。請先新增一份，例如 `contract add jamf gold zone=Asia/Taipei holidays=TW`。',
    noContractMatches: (named, listing) =>
      `沒有符合「${named}」的合約。本工作區有：${listing}。請用 \`contract=<編號>\`。`,
    severalContracts: (named, ids) => `「${named}」符合多份合約：${ids.join('、')}。請用 \`contract=<編號>\`。`,
    whichContract: (listing) => `這個案件屬於哪一份合約？本工作區有：${listing}。請加上 \`contract=<編號>\`。`,
    severityLeftAside: (vendor, typed) => `${vendor} 的目標不因嚴重性而不同，因此略過「${typed}」。`,
    productChangesNothing: (vendor, product) =>
      `${vendor} 的目標不因產品而不同，因此 \`product=${product}\` 不影響結果。`,
    notAzure: '假設此案件與 Azure 元件無關；若有關，開案時加上 `product=azure`（目標較快）。',
    openedHere: (title) => `已開案：本討論串追蹤此案件（${title}）。`,
    caseMessageTitle: (title, severity, ref) =>
      `廠商案件：${title}${severity ? `，${severity}` : ''}${ref ? `（${ref}）` : ''}`,
    caseMessage:
      '在下方討論串追蹤此案件：請在其中回覆，並提及我以記錄 `case responded`、`case updated`，或問「下次更新是什麼時候？」。',
    openedOnConsoleThread: (ts) =>
      `已在新討論串 ${ts} 開案（主控台在此沒有討論串；加上 \`--thread ${ts}\` 即可詢問此案件）。`,
    openedOnThread: '已開案：本討論串追蹤此案件。',
    assumed: (what) => `假設：${what}。`,
    whichSeverityTitle: '請指定嚴重性',
    whichSeverity: (_planName, vendor) => `${vendor} 的目標依嚴重性而定，請在 \`case open\` 後加上嚴重性。`,
  },
);
