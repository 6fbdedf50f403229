/**
 * A posted reminder (pure): its text and, for a case reminder, the buttons "Vendor responded", "Vendor
 * updated", "Snooze 30 min" and "Close case"; a date reminder gets "Snooze 30 min" only.
 */
import type { types } from '@slack/bolt';
import { CASE_ACTION } from '../../model/answer.js';
import type { OutgoingMessage } from '../../reminders/message.js';
import { renderWords } from '../../text/render-words.js';
import { inScript } from '../../text/script.js';
import { escapeMrkdwn } from './limits.js';
import { withDateTokens } from './time.js';

export const ACTION_VENDOR_RESPONDED = CASE_ACTION.responded;
export const ACTION_VENDOR_UPDATED = CASE_ACTION.updated;
export const ACTION_SNOOZE_30 = CASE_ACTION.snooze30;
export const ACTION_CLOSE_CASE = CASE_ACTION.close;
export const ACTION_UNDO_AUTO = CASE_ACTION.undoAuto;

/** The value every reminder button carries. */
export interface ReminderButtonValue {
  reminderId: number;
  caseId: number | null;
}

/** Slack's section text limit is 3,000 characters. */
function clip(text: string, max = 2900): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * A reminder's stored text is plain text (it holds a case reference someone typed, a vendor's name): escaped
 * for mrkdwn, so a reference like `<!channel>` cannot ping anyone; the instants it names become date tokens.
 * Also the message's notification text.
 */
export function reminderText(
  message: Pick<OutgoingMessage, 'text'> & Partial<Pick<OutgoingMessage, 'instants'>>,
): string {
  return withDateTokens(clip(escapeMrkdwn(message.text)), message.instants ?? []);
}

export function reminderBlocks(message: OutgoingMessage): types.KnownBlock[] {
  const value = JSON.stringify({
    reminderId: message.reminderId,
    caseId: message.caseId,
  } satisfies ReminderButtonValue);
  const button = (action_id: string, label: string, style?: 'primary' | 'danger') => ({
    type: 'button' as const,
    action_id,
    text: { type: 'plain_text' as const, text: label },
    value,
    ...(style ? { style } : {}),
  });
  const w = inScript(renderWords(message.language ?? 'en'), message.locale);
  const snooze = button(ACTION_SNOOZE_30, w.snooze);
  const elements =
    message.caseId !== null
      ? [
          button(ACTION_VENDOR_RESPONDED, w.card.responded, 'primary'),
          button(ACTION_VENDOR_UPDATED, w.card.updated),
          snooze,
          button(ACTION_CLOSE_CASE, w.card.close, 'danger'),
        ]
      : [snooze];
  return [
    { type: 'section', text: { type: 'mrkdwn', text: reminderText(message) } },
    { type: 'actions', block_id: `reminder_${message.reminderId}`, elements },
  ];
}
