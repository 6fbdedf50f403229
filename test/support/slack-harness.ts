/**
 * End-to-end harness: the real app in HTTP mode on a free loopback port, with real signature verification,
 * talking to the fake Slack Web API. Requests are signed the way Slack signs them.
 *
 *   const h = await startHarness();            // single workspace T0FAKE, bot UBOT
 *   const res = await h.command('sla p1 gold');
 *   await h.close();
 *
 * `mode: 'oauth'` stores installations for the given teams and takes tokens from the store, as a multi-workspace
 * install does. `processBeforeResponse` is on, Web API retries are off and the bot ids are known, so no
 * auth.test call is needed at start-up.
 */
import type { Logger } from '@slack/bolt';
import type { Config } from '../../src/config.js';
import type { Clock } from '../../src/conversation/types.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { loadKnowledgeSearch } from '../../src/search/index.js';
import { createApp, type EntitlebotApp } from '../../src/slack/app.js';
import { openStore, type Store } from '../../src/store/index.js';
import { type FakeSlack, startFakeSlack } from './fake-slack.js';
import {
  eventBody,
  type HttpResult,
  interactionBody,
  postSigned,
  type SlashCommandFields,
  slashCommandBody,
} from './signed-request.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const TEAM_ID = 'T0FAKE';
export const BOT_USER_ID = 'UBOT';
export const BOT_ID = 'BBOT';
export const BOT_TOKEN = 'xoxb-test-token';

export interface HarnessOptions {
  mode?: 'http' | 'oauth';
  /** oauth: the teams installed (default [TEAM_ID]) */
  teams?: string[];
  store?: Store;
  clock?: Clock;
  /** ENTITLEBOT_ADMINS */
  admins?: string[];
  /** the app's logger (default: Bolt's console logger at level error) */
  logger?: Logger;
}

export interface Harness {
  url: string;
  fake: FakeSlack;
  store: Store;
  app: EntitlebotApp;
  command(text: string, fields?: Omit<SlashCommandFields, 'text'>): Promise<HttpResult>;
  /** `envelope`: extra fields of the event_callback, e.g. { is_ext_shared_channel: true } */
  event(event: Record<string, unknown>, teamId?: string, envelope?: Record<string, unknown>): Promise<HttpResult>;
  interaction(payload: Record<string, unknown>): Promise<HttpResult>;
  /** posts an arbitrary signed body (for forged/aged/replayed requests use postSigned directly) */
  close(): Promise<void>;
}

export function botTokenFor(teamId: string): string {
  return teamId === TEAM_ID ? BOT_TOKEN : `xoxb-${teamId.toLowerCase()}`;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = await startFakeSlack({ teamId: TEAM_ID, botUserId: BOT_USER_ID, botId: BOT_ID });
  const store = options.store ?? (await openStore(':memory:'));
  const mode = options.mode ?? 'http';
  if (mode === 'oauth') {
    for (const team of options.teams ?? [TEAM_ID]) {
      await store.storeInstallation({
        team: { id: team, name: team },
        enterprise: undefined,
        user: { id: 'UINSTALLER', token: undefined, scopes: undefined },
        bot: { id: BOT_ID, userId: BOT_USER_ID, token: botTokenFor(team), scopes: ['commands', 'chat:write'] },
        isEnterpriseInstall: false,
        tokenType: 'bot',
      });
    }
  }
  const config: Config = {
    mode:
      mode === 'oauth'
        ? {
            kind: 'oauth',
            clientId: '1.2',
            clientSecret: 'client-secret',
            stateSecret: 'state-secret',
            signingSecret: SIGNING_SECRET,
            port: 0,
          }
        : { kind: 'http', botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, port: 0 },
    databasePath: ':memory:',
    slackApiUrl: fake.apiUrl,
    botId: BOT_ID,
    botUserId: BOT_USER_ID,
    logLevel: 'error',
    admins: options.admins,
  };
  const app = createApp({
    config,
    store,
    knowledge: loadKnowledge(),
    search: loadKnowledgeSearch(),
    clock: options.clock ?? { now: () => new Date() },
    processBeforeResponse: true,
    clientOptions: { retryConfig: { retries: 0 } },
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const { port } = await app.start(0);
  const url = `http://127.0.0.1:${port}/slack/events`;
  return {
    url,
    fake,
    store,
    app,
    command: (text, fields = {}) =>
      postSigned(url, SIGNING_SECRET, slashCommandBody({ responseUrl: fake.responseUrl(), ...fields, text }), 'form'),
    event: (event, teamId = TEAM_ID, envelope = {}) =>
      postSigned(url, SIGNING_SECRET, eventBody(event, teamId, envelope), 'json'),
    interaction: (payload) => postSigned(url, SIGNING_SECRET, interactionBody(payload), 'form'),
    close: async () => {
      await app.stop();
      await fake.close();
      if (!options.store) await store.close();
    },
  };
}
