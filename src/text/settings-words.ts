/** Words of `settings …` (src/conversation/settings-text.ts), in both languages. */
import { wordTable } from './word-table.js';

export const settingsWords = wordTable(
  {
    title: 'Settings',
    /** `channel`: a channel mention, or null for none; `leads`: minutes before a deadline */
    shown: (channel: string | null) => (channel ? `channel ${channel}` : 'none'),
    current: (channel: string, leads: number[]) =>
      `Escalation channel (receives every breach): ${channel}. Reminders ${leads.join(' and ')} business minutes before a deadline.`,
    whichSettingTitle: 'Which setting?',
    whichSetting: (rest: string) => `"settings ${rest}" is not a setting I know. Try \`settings escalation here\`.`,
    whichChannelTitle: 'Which channel?',
    whichChannel:
      'Run `settings escalation here` in the channel that should receive breaches, or pick it with # in a message to me; `settings escalation off` turns it off.',
    failedTitle: 'That did not work',
    escalationTitle: 'Escalation channel',
    escalationOn: (channel: string) =>
      `Every breach will also be posted in ${channel}, with a link to the case thread. Invite me there (\`/invite @Entitlebot\`) if I am not in it yet.`,
    escalationOff: 'Breaches go only to the case thread and the case owner now.',
  },
  {
    title: '設定',
    shown: (channel) => (channel ? `頻道 ${channel}` : '無'),
    current: (channel, leads) =>
      `升級頻道（接收每一次逾期）：${channel}。提醒時間：期限前 ${leads.join('、')} 個營業分鐘。`,
    whichSettingTitle: '哪一項設定？',
    whichSetting: (rest) => `「settings ${rest}」不是我認得的設定。試試 \`settings escalation here\`。`,
    whichChannelTitle: '哪一個頻道？',
    whichChannel:
      '請在要接收逾期通知的頻道中執行 `settings escalation here`，或在給我的訊息中用 # 選擇頻道；`settings escalation off` 可關閉。',
    failedTitle: '無法處理',
    escalationTitle: '升級頻道',
    escalationOn: (channel) =>
      `每一次逾期也會貼到 ${channel}，並附上案件討論串的連結。如果我還不在該頻道，請邀請我（\`/invite @Entitlebot\`）。`,
    escalationOff: '現在逾期只會通知案件討論串與案件負責人。',
  },
);
