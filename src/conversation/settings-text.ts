/**
 * `settings …`: the workspace's settings a person can change by typing. For now the escalation channel: an
 * internal channel that also receives every breach, with a link to the case thread.
 *
 * - `settings escalation here`: this channel (run it in the channel meant; works from /support anywhere)
 * - `settings escalation <#C123>`: a channel picked with # in a message
 * - `settings escalation off`: none
 * - `settings`: what is set
 */
import { type Answer, emptyAnswer } from '../model/answer.js';
import { isStoreError } from '../store/index.js';
import type { ConversationContext, ConversationDeps, Reply } from './types.js';

const SETTINGS = /^\s*settings?(?:\s+(.*))?$/is;

function shown(channel: string | null): string {
  return channel ? `channel ${channel}` : 'none';
}

function settingsAnswer(title: string, summary: string): Answer {
  const a = emptyAnswer('contract', title, summary);
  a.suggestions = ['settings escalation here', 'settings escalation off'];
  return a;
}

export async function handleSettingsText(
  deps: ConversationDeps,
  ctx: ConversationContext,
  text: string,
): Promise<Reply | null> {
  const match = SETTINGS.exec(text);
  if (!match) return null;
  const rest = (match[1] ?? '').trim();
  const reply = (answer: Answer): Reply => ({ answer, visibility: 'ephemeral' });
  const current = await deps.store.getSettings(ctx.workspaceId);
  if (rest === '') {
    return reply(
      settingsAnswer(
        'Settings',
        `Escalation channel (receives every breach): ${shown(current.escalationChannel)}. Reminders ${current.reminderLeadMinutes.join(' and ')} business minutes before a deadline.`,
      ),
    );
  }
  const escalation = /^escalation\s*(.*)$/is.exec(rest);
  if (!escalation) {
    return reply(
      settingsAnswer('Which setting?', `"settings ${rest}" is not a setting I know. Try \`settings escalation here\`.`),
    );
  }
  const value = (escalation[1] ?? '').trim();
  let channel: string | null;
  if (/^(off|none|no)$/i.test(value)) channel = null;
  else if (/^(here|this)$/i.test(value)) channel = ctx.channelId;
  else {
    const picked = /^<#([CG][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(value);
    if (!picked) {
      return reply(
        settingsAnswer(
          'Which channel?',
          'Run `settings escalation here` in the channel that should receive breaches, or pick it with # in a message to me; `settings escalation off` turns it off.',
        ),
      );
    }
    channel = picked[1]!;
  }
  try {
    await deps.store.updateSettings(ctx.workspaceId, { escalationChannel: channel });
  } catch (error) {
    if (isStoreError(error)) return reply(settingsAnswer('That did not work', error.message));
    throw error;
  }
  return reply(
    settingsAnswer(
      'Escalation channel',
      channel
        ? `Every breach will also be posted in ${shown(channel)}, with a link to the case thread. Invite me there (\`/invite @Entitlebot\`) if I am not in it yet.`
        : 'Breaches go only to the case thread and the case owner now.',
    ),
  );
}
