/**
 * Who may change what: checked before a command writes anything. Reading (questions, `quota`, `contract`, a
 * case's clocks) stays open to everyone the Slack layer answers.
 *
 * - Contracts and plans (`contract add`, `contract remove`, the contract form): members of the installing
 *   organisation; when ENTITLEBOT_ADMINS is set, only the users and user groups listed there.
 * - Quota uses and cases (open, events, severity, close, reopen, buttons): members of the installing organisation.
 * - Someone from another organisation (in a Slack Connect channel) changes nothing.
 */
import { type Answer, emptyAnswer } from '../model/answer.js';
import { conversationWords } from '../text/conversation-words.js';
import type { Actor } from './types.js';

export type Change = 'contract' | 'quota' | 'case';

const WHAT: Record<Change, string> = {
  contract: 'add or remove contracts',
  quota: 'record quota uses',
  case: 'open, update or close vendor cases',
};

function mention(id: string): string {
  // ids come from validated configuration (U…, W…, S…): safe in mrkdwn
  return id.startsWith('S') ? `<!subteam^${id}>` : `<@${id}>`;
}

/** null when `actor` may make the change; else the refusal, saying why and what would work. */
export async function refusal(actor: Actor | undefined, change: Change): Promise<string | null> {
  if (!actor) return null;
  if (!actor.ours) {
    return `Only members of the organisation that installed Entitlebot can ${WHAT[change]}; this channel is shared with another organisation, and you are not one of its members here. Nothing was changed. You can still ask questions.`;
  }
  if (change === 'contract' && !(await actor.mayChangeContracts())) {
    const who = actor.admins.map(mention).join(', ');
    return `Only the contract admins of this workspace can add or remove contracts${who ? ` (${who})` : ''}; ask one of them. Nothing was changed.`;
  }
  return null;
}

export function refusalAnswer(message: string, lang: 'en' | 'zh' = 'en'): Answer {
  const a = emptyAnswer('error', conversationWords(lang).notAllowedTitle, message);
  a.suggestions.push('help');
  // the admins named in the message come from the configuration, not from anyone's typing: they stay mentions
  const named = message.match(/<@[UW][A-Z0-9]+>|<!subteam\^S[A-Z0-9]+>/g);
  if (named) a.mentions = [...new Set(named)];
  return a;
}
