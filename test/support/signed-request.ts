/**
 * Slack request signing (v0) for tests: builds bodies the way Slack sends them and signs them.
 * https://api.slack.com/authentication/verifying-requests-from-slack
 */
import { createHmac } from 'node:crypto';

/** `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<body>` under the signing secret. */
export function slackSignature(signingSecret: string, timestamp: number | string, body: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export type BodyKind = 'form' | 'json';

export interface SignedRequest {
  body: string;
  headers: Record<string, string>;
}

export function signRequest(
  signingSecret: string,
  body: string,
  kind: BodyKind,
  timestamp: number = Math.floor(Date.now() / 1000),
): SignedRequest {
  return {
    body,
    headers: {
      'content-type': kind === 'form' ? 'application/x-www-form-urlencoded' : 'application/json',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': slackSignature(signingSecret, timestamp, body),
    },
  };
}

export interface SlashCommandFields {
  text: string;
  teamId?: string;
  channelId?: string;
  userId?: string;
  command?: string;
  responseUrl?: string;
  triggerId?: string;
  /** the channel is shared with another organisation (Slack sends `is_ext_shared_channel=true`) */
  sharedChannel?: boolean;
}

export function slashCommandBody(f: SlashCommandFields): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: f.teamId ?? 'T0FAKE',
    team_domain: 'fake',
    channel_id: f.channelId ?? 'C0GENERAL',
    channel_name: 'general',
    user_id: f.userId ?? 'U0ASKER',
    user_name: 'asker',
    command: f.command ?? '/support',
    text: f.text,
    api_app_id: 'A0APP',
    response_url: f.responseUrl ?? 'http://127.0.0.1:9/unused',
    trigger_id: f.triggerId ?? '123.456.abc',
    ...(f.sharedChannel ? { is_ext_shared_channel: 'true' } : {}),
  }).toString();
}

let eventCounter = 0;

/** An Events API envelope (event_callback) around `event`. */
export function eventBody(
  event: Record<string, unknown>,
  teamId = 'T0FAKE',
  envelope: Record<string, unknown> = {},
): string {
  eventCounter += 1;
  return JSON.stringify({
    ...envelope,
    token: 'legacy-verification-token',
    team_id: teamId,
    api_app_id: 'A0APP',
    event,
    type: 'event_callback',
    event_id: `Ev${Date.now()}${eventCounter}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      { team_id: teamId, user_id: 'UBOT', is_bot: true, enterprise_id: null, is_enterprise_install: false },
    ],
  });
}

/** An interactivity payload (block_actions, view_submission, shortcut …) as Slack posts it. */
export function interactionBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A modal's view_submission payload as Slack posts it, from user U0ASKER of `teamId`. */
export function viewSubmission(f: {
  teamId: string;
  callbackId: string;
  privateMetadata: string;
  values: Record<string, unknown>;
  hash?: string;
}): Record<string, unknown> {
  return {
    type: 'view_submission',
    team: { id: f.teamId, domain: 'fake' },
    user: { id: 'U0ASKER', team_id: f.teamId },
    api_app_id: 'A0APP',
    trigger_id: 't',
    view: {
      id: 'V1',
      team_id: f.teamId,
      type: 'modal',
      callback_id: f.callbackId,
      private_metadata: f.privateMetadata,
      hash: f.hash ?? 'h1',
      state: { values: f.values },
    },
  };
}

export interface HttpResult {
  status: number;
  /** the X-Request-Id the app gave the request */
  requestId: string | null;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: the app's JSON response, if any
  json: any;
}

/** POSTs a signed body to `url`; `tamper` lets a test forge or age the request. */
export async function postSigned(
  url: string,
  signingSecret: string,
  body: string,
  kind: BodyKind,
  options: { timestamp?: number; headers?: Record<string, string> } = {},
): Promise<HttpResult> {
  const signed = signRequest(signingSecret, body, kind, options.timestamp);
  return postRaw(url, body, { ...signed.headers, ...options.headers });
}

export async function postRaw(url: string, body: string, headers: Record<string, string>): Promise<HttpResult> {
  const res = await fetch(url, { method: 'POST', body, headers });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, requestId: res.headers.get('x-request-id'), text, json };
}
