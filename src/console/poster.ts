/**
 * The console's reminder poster: prints `<channel> <thread_ts> <kind>: <text>` (the console has no Slack
 * credentials) and returns a message timestamp shaped like Slack's.
 */
import type { OutgoingMessage } from '../reminders/message.js';
import type { ReminderPoster } from '../reminders/scheduler.js';

export function consoleLine(message: OutgoingMessage): string {
  return `${message.channel} ${message.threadTs ?? '-'} ${message.kind}: ${message.text}`;
}

export function consolePoster(write: (line: string) => void, now: () => number = Date.now): ReminderPoster {
  let counter = 0;
  return {
    async post(message) {
      write(consoleLine(message));
      counter += 1;
      // a message timestamp shaped like Slack's, so the row records a posted ts as on the Slack path
      return { ok: true, ts: `${Math.floor(now() / 1000)}.${String(counter).padStart(6, '0')}` };
    },
  };
}
