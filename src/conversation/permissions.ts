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
import type { Language } from '../model/language.js';
import { accessWords, type Change } from '../text/access-words.js';
import { conversationWords } from '../text/conversation-words.js';
import type { Actor } from './types.js';

export type { Change } from '../text/access-words.js';

function mention(id: string): string {
  // ids come from validated configuration (U…, W…, S…): safe in mrkdwn
  return id.startsWith('S') ? `<!subteam^${id}>` : `<@${id}>`;
}

/**
 * null when `actor` may make the change; else the refusal, saying why and what would work, in `lang`
 * (Traditional for Chinese: the caller shows it in the reader's script).
 */
export async function refusal(actor: Actor | undefined, change: Change, lang: Language = 'en'): Promise<string | null> {
  if (!actor) return null;
  const w = accessWords(lang);
  if (!actor.ours) return w.notOurs(w.what[change]);
  if (change === 'contract' && !(await actor.mayChangeContracts())) {
    return w.notAdmin(actor.admins.map(mention).join(w.listSep));
  }
  return null;
}

export function refusalAnswer(message: string, lang: Language = 'en'): Answer {
  const a = emptyAnswer('error', conversationWords(lang).notAllowedTitle, message);
  a.suggestions.push('help');
  // the admins named in the message come from the configuration, not from anyone's typing: they stay mentions
  const named = message.match(/<@[UW][A-Z0-9]+>|<!subteam\^S[A-Z0-9]+>/g);
  if (named) a.mentions = [...new Set(named)];
  return a;
}
