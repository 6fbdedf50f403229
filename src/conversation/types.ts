/**
 * The conversation: what Slack and the console both call with a line of text, and what they get back.
 */
import type { SearchLike } from '../answers/context.js';
import type { Knowledge } from '../knowledge/load.js';
import type { KnowledgeDeps } from '../knowledge/workspace.js';
import type { Answer, Locale } from '../model/answer.js';
import type { ContractInput } from '../model/records.js';
import type { Store } from '../store/index.js';

/** The only source of "now" outside tests' fixed times. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * The glossary and clause search the answer engine queries (built by src/search). `ready`, when present, reads
 * the index; handleText awaits it before a glossary question, so that a one-shot command that asks none never
 * loads the search modules.
 */
export type SearchIndex = SearchLike & { ready?(): Promise<void> };

export interface ConversationDeps extends KnowledgeDeps {
  store: Store;
  /** the shipped knowledge; a request runs on its workspace's (see forWorkspace) */
  knowledge: Knowledge;
  /** undefined only while the index cannot be built; term questions then say search is unavailable */
  search: SearchIndex | undefined;
  clock: Clock;
  /**
   * Called with each contract added: a long-running process computes its public holidays for the years within
   * the horizon, off the request path (src/holidays), so that no later question computes one. Returns at once.
   */
  warmHolidays?: (workspaceId: string, contract: ContractInput) => void;
}

export interface ConversationContext {
  workspaceId: string;
  channelId: string;
  /** the thread the text was written in; undefined for a slash command (Slack does not say) or a top-level message */
  threadTs?: string;
  /** ts of the message itself, when it was a message (a mention or a console line) */
  messageTs?: string;
  userId: string;
  /** the asker's IANA zone (users.info tz), when known */
  userZone?: string;
  /** the asker's Slack locale (users.info locale), when known: the language of replies to bare commands */
  userLocale?: Locale;
  now: Date;
  /** how the text arrived: a slash command, a message addressed to the app (mention, DM), or the console */
  via: 'command' | 'mention' | 'console';
  /** who is asking, for what they may change (Slack); undefined: the console and the CLI, which may change all */
  actor?: Actor;
}

/**
 * Who may change what (README "Who may change what"): contracts, plans, quota uses and cases are changed only
 * by members of the installing organisation; an admin list, when set, narrows contract changes further.
 */
export interface Actor {
  /** false for someone from another organisation (a Slack Connect guest in a shared channel) */
  ours: boolean;
  /** may add or remove contracts (every member, or only ENTITLEBOT_ADMINS when set) */
  mayChangeContracts(): Promise<boolean>;
  /** who may, for the refusal: user and user-group ids */
  admins: string[];
}

export type Visibility = 'ephemeral' | 'in_channel';

export interface Reply {
  answer: Answer;
  /** who sees it: the asker only, or the channel (the text ended with `public`; mentions answer in place) */
  visibility: Visibility;
  /** a fallback: shown only when the ordinary answer to the same text is a glossary card or "not covered" */
  weak?: boolean;
  /** the Slack layer opens the contract set-up modal (`contract add` with no arguments); the answer says so */
  openModal?: 'contract';
  /**
   * Post the answer as a new top-level message and call this with its ts (a case opened outside a thread
   * becomes that message's thread). The console passes a made-up ts.
   */
  afterPost?: (posted: { channelId: string; ts: string }) => Promise<Answer | undefined>;
  /**
   * The case the reply is about. Slack keeps that case's card (one message at the top of its thread) up to date:
   * on `opened` the card is the reply; on `event` the reply is the short `note` and the card is updated.
   */
  case?: { id: number; change?: 'opened' | 'event'; note?: string };
}
