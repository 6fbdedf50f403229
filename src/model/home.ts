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
  /** formatted time(s), e.g. "Mon 2 Mar 09:30 CET (Europe/Berlin) · 16:30 your time" */
  when: string;
  /** "2 h left" or "late by 1 h" */
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
  contracts: HomeContract[];
  cases: HomeCase[];
  quotas: HomeQuota[];
  /** e.g. a problem reading part of the data, said rather than hidden */
  notes?: string[];
  /** formatted "as of" time */
  asOf?: string;
}
