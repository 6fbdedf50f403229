/**
 * What a due reminder looks like when it is posted (pure): its text (marked as late when it fell due a while
 * ago, e.g. while the app was down) and, for a case reminder, the buttons "Vendor responded", "Vendor
 * updated", "Snooze 30 min" and "Close case".
 */
import type { Reminder } from '../model/records.js';
import { formatDue } from '../text/case-words.js';

export const ACTION_VENDOR_RESPONDED = 'case_vendor_responded';
export const ACTION_VENDOR_UPDATED = 'case_vendor_updated';
export const ACTION_SNOOZE_30 = 'reminder_snooze_30';
export const ACTION_CLOSE_CASE = 'case_close';
export const ACTION_UNDO_AUTO = 'case_auto_undo';

/** The value every reminder button carries. */
export interface ReminderButtonValue {
  reminderId: number;
  caseId: number | null;
}

export interface OutgoingMessage {
  reminderId: number;
  workspaceId: string;
  channel: string;
  threadTs: string | null;
  kind: string;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON
  blocks: Record<string, any>[];
  /** also show a thread reply in the channel (breach broadcast) */
  broadcast: boolean;
  late: boolean;
}

function payloadOf(reminder: Reminder): { broadcast?: boolean; zone?: string } {
  const p = reminder.payload;
  return p && typeof p === 'object' ? (p as { broadcast?: boolean; zone?: string }) : {};
}

/** Slack's section text limit is 3,000 characters. */
function clip(text: string, max = 2900): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function renderReminder(reminder: Reminder, now: number, lateAfterMs: number): OutgoingMessage {
  const payload = payloadOf(reminder);
  const late = now - reminder.dueAt > lateAfterMs;
  const zone = payload.zone ?? 'UTC';
  const text = late
    ? `(Posted late: this reminder fell due ${formatDue(reminder.dueAt, zone)}, while Entitlebot was not running.) ${reminder.text}`
    : reminder.text;
  const value = JSON.stringify({ reminderId: reminder.id, caseId: reminder.caseId } satisfies ReminderButtonValue);
  const button = (action_id: string, label: string, style?: 'primary' | 'danger') => ({
    type: 'button',
    action_id,
    text: { type: 'plain_text', text: label },
    value,
    ...(style ? { style } : {}),
  });
  // biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON
  const blocks: Record<string, any>[] = [{ type: 'section', text: { type: 'mrkdwn', text: clip(text) } }];
  if (reminder.caseId !== null) {
    blocks.push({
      type: 'actions',
      block_id: `reminder_${reminder.id}`,
      elements: [
        button(ACTION_VENDOR_RESPONDED, 'Vendor responded', 'primary'),
        button(ACTION_VENDOR_UPDATED, 'Vendor updated'),
        button(ACTION_SNOOZE_30, 'Snooze 30 min'),
        button(ACTION_CLOSE_CASE, 'Close case', 'danger'),
      ],
    });
  } else {
    blocks.push({
      type: 'actions',
      block_id: `reminder_${reminder.id}`,
      elements: [button(ACTION_SNOOZE_30, 'Snooze 30 min')],
    });
  }
  return {
    reminderId: reminder.id,
    workspaceId: reminder.workspaceId,
    channel: reminder.channelId,
    threadTs: reminder.threadTs,
    kind: reminder.kind,
    text,
    blocks,
    broadcast: payload.broadcast === true && reminder.threadTs !== null,
    late,
  };
}
