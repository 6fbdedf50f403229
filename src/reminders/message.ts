/**
 * What a due reminder says when it is posted (pure data, no Block Kit): its text, marked as late when it fell
 * due a while ago (e.g. while the app was down), and what the Slack layer needs to lay it out with its buttons
 * (src/slack/blocks/reminder.ts) or the console to print it.
 */
import type { Locale } from '../model/answer.js';
import type { Language } from '../model/language.js';
import type { Reminder } from '../model/records.js';
import { reminderWords } from '../text/reminder-words.js';
import { inScript } from '../text/script.js';
import { formatTime } from '../text/time.js';

export interface OutgoingMessage {
  reminderId: number;
  workspaceId: string;
  /** the case the reminder is about; null for a date reminder from a contract */
  caseId: number | null;
  channel: string;
  threadTs: string | null;
  kind: string;
  text: string;
  /** also show a thread reply in the channel (breach broadcast) */
  broadcast: boolean;
  late: boolean;
  /** the language of the text, for the buttons beside it (a case opened in Chinese is reminded in Chinese) */
  language?: Language;
  /** its script, where it is Simplified Chinese (a date reminder of a workspace whose installer reads Simplified) */
  locale?: Locale;
  /** the instants the text names, with the zone it names them in (Slack shows them as date tokens) */
  instants: { at: number; zone: string }[];
}

interface PayloadFields {
  broadcast?: boolean;
  zone?: string;
  language?: string;
  locale?: string;
  deadline?: number;
  pausedUntil?: number | null;
}

function payloadOf(reminder: Reminder): PayloadFields {
  const p = reminder.payload;
  return p && typeof p === 'object' ? (p as PayloadFields) : {};
}

export function renderReminder(reminder: Reminder, now: number, lateAfterMs: number): OutgoingMessage {
  const payload = payloadOf(reminder);
  const late = now - reminder.dueAt > lateAfterMs;
  const zone = payload.zone ?? 'UTC';
  const language: Language = payload.language === 'zh' ? 'zh' : 'en';
  const locale: Locale | undefined = language === 'zh' && payload.locale === 'zh-Hans' ? 'zh-Hans' : undefined;
  const w = inScript(reminderWords(language), locale);
  const lateNote = w.late(
    formatTime(reminder.dueAt, zone, language),
    reminder.lastError ? w.slackRefused : w.notRunning,
  );
  const text = late ? `${lateNote}${reminder.text}` : reminder.text;
  return {
    reminderId: reminder.id,
    workspaceId: reminder.workspaceId,
    caseId: reminder.caseId,
    channel: reminder.channelId,
    threadTs: reminder.threadTs,
    kind: reminder.kind,
    text,
    broadcast: payload.broadcast === true && reminder.threadTs !== null,
    late,
    language,
    ...(locale ? { locale } : {}),
    instants: [reminder.dueAt, payload.deadline, payload.pausedUntil]
      .filter((at): at is number => typeof at === 'number' && Number.isFinite(at))
      .map((at) => ({ at, zone })),
  };
}
