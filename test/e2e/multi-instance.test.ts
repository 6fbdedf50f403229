/**
 * Two app processes (the built CLI, HTTP mode) on one PostgreSQL database and one fake Slack, as behind a load
 * balancer: requests go to either. What one instance did, the other knows: a contract added through one is
 * answered by the other, a request seen by one is a replay at the other (401), a mention Slack delivers to both
 * is answered once. 200 due reminders are shared between them; SIGKILL one mid-run and restart it, and every
 * reminder is posted, at most once more per kill. /healthz and /readyz answer on both, and /readyz turns 503
 * while a SIGTERM shutdown drains.
 *
 * Needs a PostgreSQL server (test/support/engines.ts): without one the file is skipped, and says so.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { CLI, ensureBuilt, ROOT } from '../support/built-cli.js';
import {
  dropSchema,
  freshSchema,
  POSTGRES_TEST_URL,
  postgresAvailable,
  schemaDatabaseUrl,
} from '../support/engines.js';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.js';
import { freePort } from '../support/free-port.js';
import { eventBody, postRaw, postSigned, signRequest, slashCommandBody } from '../support/signed-request.js';

const SIGNING_SECRET = 'multi-instance-secret';
const TEAM_ID = 'T0FAKE';
const REMINDERS = 200;
/** a killed instance's claims are taken over once their lease lapses: a short one keeps the test short */
const LEASE_MS = 2_000;
/** channels one instance posts to at once (the scheduler's default): the messages in flight when it dies */
const CONCURRENCY = 4;
const DRAIN_MS = 4_000;

interface Instance {
  name: 'A' | 'B';
  port: number;
  child: ChildProcess;
  url: string;
  /** the end of what the process wrote, for a failure message */
  output: () => string;
}

async function until<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  what: string,
  ms = 60_000,
) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value as T;
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

async function status(url: string): Promise<number | string> {
  try {
    return (await fetch(url)).status;
  } catch (error) {
    return (error as Error).message;
  }
}

const skipped = `two app instances on one PostgreSQL database (SKIPPED: no PostgreSQL server answers at ${POSTGRES_TEST_URL}; set DATABASE_URL_TEST)`;

describe.skipIf(!postgresAvailable)(
  postgresAvailable ? 'two app instances on one PostgreSQL database' : skipped,
  () => {
    let fake: FakeSlack;
    let schema: string;
    let databaseUrl: string;
    const instances = new Map<'A' | 'B', Instance>();
    const at = (name: 'A' | 'B') => instances.get(name)!;

    async function start(name: 'A' | 'B'): Promise<Instance> {
      const port = instances.get(name)?.port ?? (await freePort());
      const env: Record<string, string> = {};
      for (const [k, v] of Object.entries(process.env)) {
        if (v !== undefined && !k.startsWith('SLACK_') && !k.startsWith('DATABASE_') && k !== 'PORT') env[k] = v;
      }
      Object.assign(env, {
        // each instance its own token, so that the fake can tell who posted
        SLACK_BOT_TOKEN: `xoxb-instance-${name}`,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        SLACK_BOT_ID: 'BBOT',
        SLACK_BOT_USER_ID: 'UBOT',
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        LOG_LEVEL: 'warn',
        ENTITLEBOT_REMINDER_LEASE_MS: String(LEASE_MS),
        ENTITLEBOT_SHUTDOWN_DRAIN_MS: String(DRAIN_MS),
      });
      const child = spawn(process.execPath, [CLI], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      const keep = (c: Buffer) => {
        output = (output + c.toString('utf8')).slice(-4000);
      };
      child.stdout!.on('data', keep);
      child.stderr!.on('data', keep);
      const instance: Instance = { name, port, child, url: `http://127.0.0.1:${port}`, output: () => output };
      instances.set(name, instance);
      await until(async () => {
        if (child.exitCode !== null) throw new Error(`instance ${name} exited (${child.exitCode}):\n${output}`);
        return (await status(`${instance.url}/readyz`)) === 200;
      }, `instance ${name} ready`);
      return instance;
    }

    let commands = 0;
    // a fresh trigger id each: the same text twice in one second would otherwise be the same signed request, a replay
    const command = (name: 'A' | 'B', text: string) => {
      commands += 1;
      const body = slashCommandBody({ text, teamId: TEAM_ID, triggerId: `multi.${commands}` });
      return postSigned(`${at(name).url}/slack/events`, SIGNING_SECRET, body, 'form');
    };

    beforeAll(async () => {
      await ensureBuilt();
      fake = await startFakeSlack({ teamId: TEAM_ID });
      schema = freshSchema();
      // the app's tables in this schema only
      databaseUrl = await schemaDatabaseUrl(schema);
      // one after the other: both would migrate the fresh schema at once (which the advisory lock allows, but the
      // first start-up is the slow one on a busy machine)
      await start('A');
      await start('B');
    }, 180_000);

    afterAll(async () => {
      for (const { child } of instances.values()) {
        child.kill('SIGKILL');
        await exited(child);
      }
      await fake?.close();
      if (schema) await dropSchema(schema);
    });

    it('answers /healthz and /readyz with 200 on both instances', async () => {
      for (const name of ['A', 'B'] as const) {
        expect(await status(`${at(name).url}/healthz`)).toBe(200);
        const ready = await fetch(`${at(name).url}/readyz`);
        expect(ready.status).toBe(200);
        expect(await ready.json()).toMatchObject({ status: 'ready' });
      }
    });

    it('answers through one instance with the contract added through the other', async () => {
      const added = await command('A', 'contract add jamf gold zone=Europe/Berlin holidays=DE');
      expect(added.status).toBe(200);
      expect(JSON.stringify(added.json)).toMatch(/#1/);
      const listed = await command('B', 'contract');
      expect(listed.status).toBe(200);
      expect(listed.json.blocks[0].text.text).toContain('1 contract on file');
      expect(JSON.stringify(listed.json.blocks)).toMatch(/#1\b[^"]*Europe\/Berlin/);
      // a deadline question at B uses the contract's zone
      expect(JSON.stringify((await command('B', 'due p1')).json.blocks)).toContain('(Europe/Berlin)');
      // and the other way round: removed through B, gone at A
      expect((await command('B', 'contract remove 1')).status).toBe(200);
      expect((await command('A', 'contract')).json.blocks[0].text.text).toContain('No contracts yet');
    });

    it('refuses at the other instance a request replayed from one (401), and does not act on it', async () => {
      const signed = signRequest(
        SIGNING_SECRET,
        slashCommandBody({ text: 'contract add jamf silver', teamId: TEAM_ID }),
        'form',
      );
      const first = await postRaw(`${at('A').url}/slack/events`, signed.body, signed.headers);
      expect(first.status).toBe(200);
      const replay = await postRaw(`${at('B').url}/slack/events`, signed.body, signed.headers);
      expect(replay.status).toBe(401);
      const store = await openStore(databaseUrl);
      try {
        expect((await store.listContracts(TEAM_ID)).filter((c) => c.plan === 'silver')).toHaveLength(1);
      } finally {
        await store.close();
      }
    });

    it('answers a mention once when Slack delivers it to both instances', async () => {
      const ts = `${Math.floor(Date.now() / 1000)}.000200`;
      const body = eventBody(
        { type: 'message', channel_type: 'im', channel: 'D0MULTI', user: 'U0ASKER', text: 'help', ts, event_ts: ts },
        TEAM_ID,
      );
      const now = Math.floor(Date.now() / 1000);
      // Slack's retry is a new request (its own timestamp and signature) with the same event: at the same moment
      const [a, b] = await Promise.all([
        postRaw(`${at('A').url}/slack/events`, body, signRequest(SIGNING_SECRET, body, 'json', now).headers),
        postRaw(`${at('B').url}/slack/events`, body, {
          ...signRequest(SIGNING_SECRET, body, 'json', now + 1).headers,
          'x-slack-retry-num': '1',
          'x-slack-retry-reason': 'http_timeout',
        }),
      ]);
      expect([a.status, b.status]).toEqual([200, 200]);
      const answers = () => fake.callsTo('chat.postMessage').filter((c) => c.params.channel === 'D0MULTI');
      await until(() => answers().length > 0, 'the answer to the mention', 15_000);
      // time for a second answer to arrive, if there were one
      await new Promise((r) => setTimeout(r, 1_500));
      expect(answers()).toHaveLength(1);
    });

    it('answers a channel mention once when Slack sends its app_mention to one instance and its message to the other', async () => {
      const ts = `${Math.floor(Date.now() / 1000)}.000300`;
      const common = {
        channel: 'C0MULTI',
        user: 'U0ASKER',
        team: TEAM_ID,
        text: '<@UBOT> sla p1 gold',
        ts,
        event_ts: ts,
      };
      const mention = eventBody({ type: 'app_mention', ...common }, TEAM_ID);
      const message = eventBody({ type: 'message', channel_type: 'channel', ...common }, TEAM_ID);
      const now = Math.floor(Date.now() / 1000);
      const [a, b] = await Promise.all([
        postRaw(`${at('A').url}/slack/events`, mention, signRequest(SIGNING_SECRET, mention, 'json', now).headers),
        postRaw(`${at('B').url}/slack/events`, message, signRequest(SIGNING_SECRET, message, 'json', now).headers),
      ]);
      expect([a.status, b.status]).toEqual([200, 200]);
      const answers = () => fake.callsTo('chat.postMessage').filter((c) => c.params.channel === 'C0MULTI');
      await until(() => answers().length > 0, 'the answer to the mention', 15_000);
      await new Promise((r) => setTimeout(r, 1_500));
      expect(answers()).toHaveLength(1);
    });

    it('posts each of 200 due reminders once, at most once more per SIGKILL, none lost', async () => {
      // a Slack that takes a while to answer, so that a kill lands while messages are in flight
      fake.slowDown('chat.postMessage', 100);
      const seeding = await openStore(databaseUrl);
      const now = Date.now();
      try {
        for (let i = 0; i < REMINDERS; i++) {
          // one channel each, so that the one-message-a-second pacing per channel does not slow the test
          await seeding.scheduleReminder(TEAM_ID, {
            channelId: `CREM${i}`,
            threadTs: '1.1',
            kind: 'update-breach',
            dueAt: now - 1000 * (REMINDERS - i),
            text: `multi reminder ${i}`,
            dedupeKey: `multi-${i}`,
          });
        }
      } finally {
        await seeding.close();
      }
      const posts = () =>
        fake.callsTo('chat.postMessage').filter((c) => /multi reminder \d+$/.test(String(c.params.text ?? '')));

      // instance A dies while it has messages in flight, and is started again
      await until(
        () => posts().length >= 40 && posts().some((c) => c.token === 'xoxb-instance-A' && c.status === undefined),
        'instance A posting, 40 reminders in',
      );
      at('A').child.kill('SIGKILL');
      await exited(at('A').child);
      const kills = 1;
      expect(posts().length).toBeLessThan(REMINDERS);
      await start('A');

      const check = await openStore(databaseUrl);
      try {
        await until(
          async () => (await check.listReminders(TEAM_ID, { status: 'sent' })).length === REMINDERS,
          'every reminder marked sent',
          90_000,
        );
        expect(await check.listReminders(TEAM_ID, { status: 'pending' })).toEqual([]);
        expect(await check.listReminders(TEAM_ID, { status: 'sending' })).toEqual([]);
      } finally {
        await check.close();
      }
      fake.slowDown('chat.postMessage', 0);

      const counts = new Map<number, number>();
      for (const c of posts()) {
        const n = Number(/multi reminder (\d+)$/.exec(String(c.params.text))![1]);
        counts.set(n, (counts.get(n) ?? 0) + 1);
      }
      const lost = Array.from({ length: REMINDERS }, (_, i) => i).filter((i) => !counts.has(i));
      expect(lost).toEqual([]);
      for (const [, n] of counts) expect(n).toBeLessThanOrEqual(1 + kills);
      const repeats = [...counts.values()].reduce((sum, n) => sum + n - 1, 0);
      // a kill repeats at most what the dead instance had in flight: one message per channel it was posting to
      expect(repeats).toBeLessThanOrEqual(kills * CONCURRENCY);
      // both instances took reminders: the work was shared, not done by whichever started first
      const byToken = new Set(posts().map((c) => c.token));
      expect(byToken).toEqual(new Set(['xoxb-instance-A', 'xoxb-instance-B']));
    }, 240_000);

    it('turns /readyz to 503 during a SIGTERM shutdown while still answering, then exits 0; the other stays ready', async () => {
      const b = at('B');
      b.child.kill('SIGTERM');
      await until(async () => (await status(`${b.url}/readyz`)) === 503, 'B /readyz 503 while it drains', DRAIN_MS);
      // still alive and still serving requests while the load balancer moves away
      expect(await status(`${b.url}/healthz`)).toBe(200);
      expect((await command('B', 'help')).status).toBe(200);
      expect(await status(`${at('A').url}/readyz`)).toBe(200);
      expect(await exited(b.child)).toBe(0);
      expect(await status(`${b.url}/readyz`)).not.toBe(200);
      expect(await status(`${at('A').url}/readyz`)).toBe(200);
    }, 60_000);
  },
);
