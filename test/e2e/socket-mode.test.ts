/**
 * Socket Mode end to end: the real app connects to a WebSocket server on loopback (the URL comes from
 * apps.connections.open on the fake Web API, as from Slack), receives envelopes the way Slack sends them, and
 * acknowledges each; answers travel back in the acknowledgement or through the Web API.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import type { Config } from '../../src/config.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { loadKnowledgeSearch } from '../../src/search/index.js';
import { createApp, type EntitlebotApp } from '../../src/slack/app.js';
import { openStore, type Store } from '../../src/store/index.js';
import { CLI, ensureBuilt } from '../support/built-cli.js';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.js';
import { BOT_ID, BOT_TOKEN, BOT_USER_ID, TEAM_ID } from '../support/slack-harness.js';

const APP_TOKEN = 'xapp-1-test';
const knowledge = loadKnowledge();
const search = loadKnowledgeSearch();

interface Link {
  server: WebSocketServer;
  socket: Promise<WebSocket>;
  /** messages the app sent, parsed */
  received: Record<string, unknown>[];
}

function startLink(): Promise<Link> {
  return new Promise((resolve) => {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    const received: Record<string, unknown>[] = [];
    const socket = new Promise<WebSocket>((connected) => {
      server.on('connection', (ws) => {
        ws.on('message', (data) => received.push(JSON.parse(String(data))));
        ws.send(
          JSON.stringify({
            type: 'hello',
            num_connections: 1,
            debug_info: { host: 'fake', approximate_connection_time: 3600 },
            connection_info: { app_id: 'A0APP' },
          }),
        );
        connected(ws);
      });
    });
    server.on('listening', () => resolve({ server, socket, received }));
  });
}

/** Sends an envelope the way Slack does and resolves with the app's acknowledgement of it. */
async function deliver(
  link: Link,
  envelope: { id: string; type: 'slash_commands' | 'events_api'; payload: Record<string, unknown> },
): Promise<Record<string, unknown>> {
  const ws = await link.socket;
  ws.send(
    JSON.stringify({
      envelope_id: envelope.id,
      type: envelope.type,
      accepts_response_payload: envelope.type === 'slash_commands',
      payload: envelope.payload,
    }),
  );
  return until(() => link.received.find((m) => m.envelope_id === envelope.id), `the ack of ${envelope.id}`);
}

/** `/support <text>` from U0ASKER in C0GENERAL as a slash-command envelope; resolves with the acknowledged payload. */
async function askOver(link: Link, fake: FakeSlack, id: string, text: string) {
  const ack = await deliver(link, {
    id,
    type: 'slash_commands',
    payload: {
      token: 'legacy',
      team_id: TEAM_ID,
      channel_id: 'C0GENERAL',
      user_id: 'U0ASKER',
      command: '/support',
      text,
      response_url: fake.responseUrl('socket'),
      trigger_id: '1.2.3',
      api_app_id: 'A0APP',
    },
  });
  return ack.payload as { text: string; blocks: unknown[]; response_type: string };
}

async function until<T>(probe: () => T | undefined, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('Socket Mode', () => {
  let link: Link;
  let fake: FakeSlack;
  let store: Store;
  let app: EntitlebotApp;

  beforeEach(async () => {
    link = await startLink();
    const { port } = link.server.address() as AddressInfo;
    fake = await startFakeSlack({
      teamId: TEAM_ID,
      botUserId: BOT_USER_ID,
      botId: BOT_ID,
      socketUrl: `ws://127.0.0.1:${port}/link`,
    });
    store = await openStore(':memory:');
    const config: Config = {
      mode: { kind: 'socket', appToken: APP_TOKEN, botToken: BOT_TOKEN },
      databasePath: ':memory:',
      slackApiUrl: fake.apiUrl,
      botId: BOT_ID,
      botUserId: BOT_USER_ID,
      logLevel: 'error',
    };
    app = createApp({
      config,
      store,
      knowledge,
      search,
      clock: { now: () => new Date('2026-11-24T10:00:00Z') },
      clientOptions: { retryConfig: { retries: 0 } },
    });
    await app.start();
  });

  afterEach(async () => {
    await app.stop();
    await new Promise((resolve) => link.server.close(resolve));
    await fake.close();
    await store.close();
  });

  it('connects with the app-level token from apps.connections.open on the configured Web API', async () => {
    const open = fake.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]?.token).toBe(APP_TOKEN);
  });

  it('answers /support in the acknowledgement of the slash-command envelope', async () => {
    const payload = await askOver(link, fake, 'env-1', 'sla p1 gold');
    expect(payload.response_type).toBe('ephemeral');
    expect(payload.blocks.length).toBeGreaterThan(0);
    expect(payload.text).toMatch(/Jamf/);
    expect(payload.text).toMatch(/Priority 1: First response/);
    // the asker's zone came from users.info, with the bot token
    expect(fake.callsTo('users.info')[0]?.token).toBe(BOT_TOKEN);
  });

  it('acknowledges an Events API envelope and publishes the Home tab through the Web API', async () => {
    await deliver(link, {
      id: 'env-2',
      type: 'events_api',
      payload: {
        type: 'event_callback',
        team_id: TEAM_ID,
        api_app_id: 'A0APP',
        event: { type: 'app_home_opened', user: 'U0ASKER', channel: 'D0HOME', tab: 'home', event_ts: '1.1' },
        event_id: 'Ev1',
        event_time: 1,
      },
    });
    const publish = await fake.waitFor(() => fake.callsTo('views.publish')[0]);
    expect(publish.token).toBe(BOT_TOKEN);
    expect(publish.params.user_id).toBe('U0ASKER');
  });
});

// The same over the shipped binary (the bundle `npm start` runs), which the tests above, run in process from the
// source, cannot vouch for: its chunks, its imports of Bolt from outside the bundle, its start-up.
describe('Socket Mode, the built binary', () => {
  it('connects with the app-level token and answers /support in the envelope’s acknowledgement', async () => {
    await ensureBuilt();
    const link = await startLink();
    const fake = await startFakeSlack({
      teamId: TEAM_ID,
      botUserId: BOT_USER_ID,
      botId: BOT_ID,
      socketUrl: `ws://127.0.0.1:${(link.server.address() as AddressInfo).port}/link`,
    });
    const dir = mkdtempSync(join(tmpdir(), 'entitlebot-socket-'));
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) {
      if (v !== undefined && !k.startsWith('SLACK_') && !k.startsWith('DATABASE_') && k !== 'PORT') env[k] = v;
    }
    const child = spawn(process.execPath, [CLI], {
      cwd: dir,
      env: {
        ...env,
        SLACK_APP_TOKEN: APP_TOKEN,
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_API_URL: fake.apiUrl,
        DATABASE_PATH: join(dir, 'app.db'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => {
      output += c.toString('utf8');
    });
    child.stderr.on('data', (c: Buffer) => {
      output += c.toString('utf8');
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const connected = await Promise.race([link.socket.then(() => true), exited.then(() => false)]);
      expect(connected, output).toBe(true);
      expect(fake.callsTo('apps.connections.open')[0]?.token).toBe(APP_TOKEN);
      const payload = await askOver(link, fake, 'env-bin-1', '金級包含幾小時專業服務？');
      expect(payload.response_type).toBe('ephemeral');
      expect(payload.blocks.length).toBeGreaterThan(0);
      // answered in the question's language, from the shipped contracts
      expect(payload.text).toMatch(/金級/);
      expect(payload.text).toMatch(/小時/);
    } finally {
      child.kill('SIGTERM');
      await exited;
      await new Promise((resolve) => link.server.close(resolve));
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
