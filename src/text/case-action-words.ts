/**
 * Words of what happens to a case outside a typed command: the case service's problems (src/cases/service.ts),
 * the case buttons (src/slack/listeners/actions/case-buttons.ts), a vendor reply counted in a Slack Connect
 * thread, and the "Track vendor case" shortcut and its modal; in both languages.
 */
import { wordTable } from './word-table.js';

export const caseActionWords = wordTable(
  {
    // the case service's problems
    noContract: (id: number) =>
      `Case #${id} has no contract any more (it was removed), so its clocks cannot be computed. Add the contract again with \`contract add\`, then open a new case.`,
    alreadyTracks: (id: number, closed: boolean) =>
      `This thread already tracks case #${id}${closed ? ' (closed: `case reopen` opens it again)' : ''}. Ask \`case\` for its clocks.`,
    alreadyTracksOne: 'This thread already tracks a case. Ask `case` for its clocks.',
    beforeOpening: 'That time is before the case was opened; give a time after the opening.',
    closed: (id: number) => `Case #${id} is closed. \`case reopen\` opens it again.`,
    alreadyOpen: (id: number) => `Case #${id} is already open.`,
    alreadyWaiting: (id: number) => `Case #${id} is already waiting on us; \`case resume\` ends the wait.`,
    notWaiting: (id: number) => `Case #${id} is not waiting on us; \`case wait\` starts a wait.`,
    eventGone: 'That event is not in this workspace any more.',
    caseGone: 'That case is not in this workspace any more.',
    // the case buttons
    notTracked: 'That case is not tracked in this workspace any more.',
    reminderGone: 'That reminder is gone (its case was closed or replanned).',
    buttonGone: 'That button no longer points at an event.',
    /** `who`: a mention; `what`: recordedWords; `when`: a date token */
    recordedBy: (who: string, what: string, when: string) => `${who} recorded: ${what} (${when}).`,
    snoozed: (when: string) => `Snoozed: I will remind this thread again ${when}.`,
    undoneBy: (who: string) => `Undone by ${who}: that reply no longer counts as the vendor's.`,
    // a vendor reply counted in a shared thread, told to the case owner
    counted: (who: string, first: boolean, when: string, next: string) =>
      `Counted ${who}'s reply as the vendor's ${first ? 'first response' : 'update'} (${when}).${next}`,
    next: (clock: 'response' | 'update' | 'obligation', when: string) =>
      ` Next: ${clock === 'update' ? 'update' : clock === 'response' ? 'response' : 'our own response'} due ${when}.`,
    undo: 'Undo',
    // the "Track vendor case" shortcut and its modal
    fromMenu: 'Use “Track as vendor case” from the menu of a message: its thread becomes the case.',
    tracksHere: (id: number) =>
      `This thread already tracks case #${id}. Mention me there with \`case\` for its clocks.`,
    addContractFirst: 'Add a contract first, so that I know which targets apply: `/support contract add`.',
    formLost: 'This form lost track of its message; run the shortcut again.',
    contractGone: 'That contract was removed meanwhile; choose another.',
    tracksShort: (id: number) => `This thread already tracks case #${id}.`,
    opening: (who: string) => `${who} is opening a vendor case on this thread…`,
    notOpened: 'No case was opened.',
  },
  {
    noContract: (id) =>
      `案件 #${id} 的合約已被移除，因此無法計算它的期限。請用 \`contract add\` 重新新增合約，再開立新的案件。`,
    alreadyTracks: (id, closed) =>
      `本討論串已在追蹤案件 #${id}${closed ? '（已結案：`case reopen` 可重新開啟）' : ''}。輸入 \`case\` 查看它的期限。`,
    alreadyTracksOne: '本討論串已在追蹤一個案件。輸入 `case` 查看它的期限。',
    beforeOpening: '這個時間早於開案時間；請提供開案之後的時間。',
    closed: (id) => `案件 #${id} 已結案。\`case reopen\` 可重新開啟。`,
    alreadyOpen: (id) => `案件 #${id} 仍在進行中。`,
    alreadyWaiting: (id) => `案件 #${id} 已在等待我方；\`case resume\` 可結束等待。`,
    notWaiting: (id) => `案件 #${id} 並未等待我方；\`case wait\` 可開始等待。`,
    eventGone: '此工作區已沒有這筆事件。',
    caseGone: '此工作區已沒有這個案件。',
    notTracked: '此工作區已不再追蹤這個案件。',
    reminderGone: '這則提醒已不存在（案件已結案或提醒已重新排定）。',
    buttonGone: '這個按鈕已不再對應任何事件。',
    recordedBy: (who, what, when) => `${who} 已記錄：${what}（${when}）。`,
    snoozed: (when) => `已延後：我會在 ${when} 再次提醒本討論串。`,
    undoneBy: (who) => `${who} 已復原：這則回覆不再算作廠商的回覆。`,
    counted: (who, first, when, next) =>
      `已將 ${who} 的回覆記為廠商的${first ? '初次回應' : '更新'}（${when}）。${next}`,
    next: (clock, when) =>
      `下一個期限：${clock === 'update' ? '更新' : clock === 'response' ? '回應' : '我方回應'}，${when} 到期。`,
    undo: '復原',
    fromMenu: '請從訊息的選單使用「Track as vendor case」：該訊息的討論串會成為案件。',
    tracksHere: (id) => `本討論串已在追蹤案件 #${id}。請在那裡提及我並輸入 \`case\` 查看它的期限。`,
    addContractFirst: '請先新增合約，我才知道適用哪些目標：`/support contract add`。',
    formLost: '這個表單找不到它的訊息了；請重新執行捷徑。',
    contractGone: '這份合約剛剛被移除了；請選擇另一份。',
    tracksShort: (id) => `本討論串已在追蹤案件 #${id}。`,
    opening: (who) => `${who} 正在為本討論串開立廠商案件…`,
    notOpened: '沒有開立案件。',
  },
);
