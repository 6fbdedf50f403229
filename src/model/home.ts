/**
 * What the Home tab shows, with its texts already formatted: the workspace's contracts, its open cases with
 * their next due times, and each quota used and left. Built by src/conversation/home.ts, laid out by
 * src/slack/blocks/home.ts.
 */

export interface HomeContract {
  id: number;
  title: string;
  lines: string[];
}

export interface HomeDue {
  label: string;
  /** the formatted time in the contract's zone, e.g. "Mon 2 Mar 2026 09:30 (Europe/Berlin)" */
  when: string;
  /** the instant itself and the zone `when` is in (Slack shows each reader their own zone); without them, `when` */
  at?: number;
  zone?: string;
  /** "in 2 d 4 h, 11 h of business time" or "3 h ago, late by 1 h of business time" */
  left?: string;
  late?: boolean;
}

export interface HomeCase {
  title: string;
  /** permalink to the case thread, when known */
  url?: string;
  /** the channel the case thread is in, shown as a channel link */
  channelId?: string;
  status: string;
  due: HomeDue[];
  /** the case thread (the Slack layer looks up its permalink) and who owns the case */
  threadTs?: string;
  ownerId?: string;
}

export interface HomeQuota {
  contract: string;
  name: string;
  used: number;
  limit: number;
  unit: string;
  /** when the current window ends, formatted */
  windowEnds?: string;
}

export interface HomeModel {
  /** the reader's language and script: the model's words are in it (Simplified converted for display) */
  locale?: 'en' | 'zh-Hant' | 'zh-Hans';
  contracts: HomeContract[];
  cases: HomeCase[];
  quotas: HomeQuota[];
  /** e.g. a problem reading part of the data, said rather than hidden */
  notes?: string[];
  /** formatted "as of" time */
  asOf?: string;
  /** the "as of" instant and the zone `asOf` is in */
  asOfAt?: number;
  asOfZone?: string;
}
