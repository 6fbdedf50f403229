/** Words a reminder adds to its own text when it is posted (src/reminders/message.ts), in both languages. */
import { wordTable } from './word-table.js';

export const reminderWords = wordTable(
  {
    slackRefused: 'when Slack could not take it',
    notRunning: 'while Entitlebot was not running',
    late: (dueAt: string, cause: string) => `(Posted late: this reminder fell due ${dueAt}, ${cause}.) `,
  },
  {
    slackRefused: '當時 Slack 無法接收',
    notRunning: '當時 Entitlebot 未在執行',
    late: (dueAt, cause) => `（延遲發送：此提醒原定於 ${dueAt}，${cause}。）`,
  },
);
