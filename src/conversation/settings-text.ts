/**
 * `settings …`: the workspace's settings a person can change by typing. For now the escalation channel: an
 * internal channel that also receives every breach, with a link to the case thread.
 *
 * - `settings escalation here`: this channel (run it in the channel meant; works from /support anywhere)
 * - `settings escalation <#C123>`: a channel picked with # in a message
 * - `settings escalation off`: none
 * - `settings`: what is set
 */
import { type Answer, emptyAnswer, type Locale } from '../model/answer.js';
import { isStoreError } from '../store/index.js';
import { languageOfLocale, localeOf } from '../text/script.js';
import { settingsWords } from '../text/settings-words.js';
import { problemText } from './errors.js';
import type { ConversationContext, ConversationDeps, Reply } from './types.js';

const SETTINGS = /^\s*settings?(?:\s+(.*))?$/is;

export async function handleSettingsText(
  deps: ConversationDeps,
  ctx: ConversationContext,
  text: string,
  preferredLocale?: Locale,
): Promise<Reply | null> {
  const match = SETTINGS.exec(text);
  if (!match) return null;
  // a settings line has no words of its own: it is answered in the asker's language (their Slack locale)
  const locale = localeOf(text, preferredLocale, true);
  const lang = languageOfLocale(locale);
  const w = settingsWords(lang);
  const settingsAnswer = (title: string, summary: string): Answer => {
    const a = emptyAnswer('contract', title, summary);
    a.suggestions = ['settings escalation here', 'settings escalation off'];
    a.locale = locale;
    return a;
  };
  const rest = (match[1] ?? '').trim();
  const reply = (answer: Answer): Reply => ({ answer, visibility: 'ephemeral' });
  const current = await deps.store.getSettings(ctx.workspaceId);
  if (rest === '') {
    return reply(settingsAnswer(w.title, w.current(w.shown(current.escalationChannel), current.reminderLeadMinutes)));
  }
  const escalation = /^escalation\s*(.*)$/is.exec(rest);
  if (!escalation) return reply(settingsAnswer(w.whichSettingTitle, w.whichSetting(rest)));
  const value = (escalation[1] ?? '').trim();
  let channel: string | null;
  if (/^(off|none|no)$/i.test(value)) channel = null;
  else if (/^(here|this)$/i.test(value)) channel = ctx.channelId;
  else {
    const picked = /^<#([CG][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(value);
    if (!picked) {
      return reply(settingsAnswer(w.whichChannelTitle, w.whichChannel));
    }
    channel = picked[1]!;
  }
  try {
    await deps.store.updateSettings(ctx.workspaceId, { escalationChannel: channel });
  } catch (error) {
    if (isStoreError(error)) return reply(settingsAnswer(w.failedTitle, problemText(error, lang)));
    throw error;
  }
  return reply(settingsAnswer(w.escalationTitle, channel ? w.escalationOn(w.shown(channel)) : w.escalationOff));
}
