/**
 * Hostile requests over real HTTP into the app (signed the way Slack signs, unless the test forges): bodies
 * over the limit are refused with 413 before they are read whole, malformed signed payloads get 400 and the
 * process keeps serving, and an error inside a listener is logged with a request id and answered.
 */
import { request } from 'node:http';
import { type Logger, LogLevel } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_NAME_CHARS, parseContractArgs } from '../../src/answers/contract.js';
import { MAX_REF_CHARS, parseCaseCommand } from '../../src/cases/commands.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { homeView, REMOVE_CONTRACT_ACTION_ID } from '../../src/slack/blocks/home.js';
import { MAX_BODY_BYTES } from '../../src/slack/receiver.js';
import { openStore, type Store } from '../../src/store/index.js';
import { postRaw, postSigned, slashCommandBody } from '../support/signed-request.js';
import { type Harness, SIGNING_SECRET, startHarness, TEAM_ID } from '../support/slack-harness.js';

function capturingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const keep =
    (level: string) =>
    (...msg: unknown[]) =>
      lines.push(`${level} ${msg.map(String).join(' ')}`);
  return {
    lines,
    debug: () => undefined,
    info: keep('info'),
    warn: keep('warn'),
    error: keep('error'),
    setLevel: () => undefined,
    getLevel: () => LogLevel.INFO,
    setName: () => undefined,
  };
}

/** Sends headers and the first `sent` bytes of a body declared (or streamed) larger; resolves with the status. */
function postPartly(url: string, opts: { declared?: number; chunks: number; chunkBytes: number }): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { 'content-type': 'application/json' };
    if (opts.declared !== undefined) headers['content-length'] = opts.declared;
    let status: number | undefined;
    const req = request(url, { method: 'POST', headers }, (res) => {
      status = res.statusCode ?? 0;
      res.resume();
      resolve(status);
    });
    // the server closes the connection after its 413, possibly while this side is still writing
    req.on('error', (error) => setTimeout(() => (status === undefined ? reject(error) : resolve(status)), 50));
    const chunk = Buffer.alloc(opts.chunkBytes, 0x61);
    let sent = 0;
    const more = () => {
      // keeps writing until the server answers or the chunks run out; never ends a declared body
      if (sent >= opts.chunks) {
        if (opts.declared === undefined) req.end();
        return;
      }
      sent++;
      req.write(chunk, () => setImmediate(more));
    };
    more();
  });
}

const knowledge = loadKnowledge();
let h: Harness;
let logger: ReturnType<typeof capturingLogger>;
/** store methods that throw a plain (unexpected) error while listed here */
const failing = new Set<string>();

/** The real store, with the methods in `failing` throwing as an unexpected bug would. */
function storeWithFaults(store: Store): Store {
  return new Proxy(store, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (failing.has(String(name))) throw new Error(`kaboom in ${String(name)}`);
        return value.apply(target, args);
      };
    },
  });
}

beforeEach(async () => {
  failing.clear();
  logger = capturingLogger();
  h = await startHarness({ logger, store: storeWithFaults(await openStore(':memory:')) });
});
afterEach(async () => {
  await h.close();
  await h.store.close();
});

describe('bounded bodies', () => {
  it('refuses a declared oversized body with 413 before reading it, signed or not', async () => {
    const status = await postPartly(h.url, { declared: 500 * 1024 * 1024, chunks: 1, chunkBytes: 64 * 1024 });
    expect(status).toBe(413);
  });

  it('refuses a streamed body without Content-Length once it passes the limit', async () => {
    const status = await postPartly(h.url, { chunks: 64, chunkBytes: 64 * 1024 });
    expect(status).toBe(413);
  });

  it('refuses a correctly signed body just over the limit, and still answers a normal one', async () => {
    const text = 'x'.repeat(MAX_BODY_BYTES);
    const big = await postSigned(h.url, SIGNING_SECRET, slashCommandBody({ text }), 'form');
    expect(big.status).toBe(413);
    const ok = await h.command('help');
    expect(ok.status).toBe(200);
    expect(ok.json.response_type).toBe('ephemeral');
  });

  it('an unsigned body under the limit is still 401, not 413', async () => {
    const res = await postRaw(h.url, '{}', { 'content-type': 'application/json' });
    expect(res.status).toBe(401);
  });
});

describe('malformed signed payloads', () => {
  const cases: [string, string, 'form' | 'json'][] = [
    ['payload=null', 'payload=null', 'form'],
    ['payload=42', 'payload=42', 'form'],
    ['payload=[]', `payload=${encodeURIComponent('[]')}`, 'form'],
    ['a truncated payload', `payload=${encodeURIComponent('{"type":"block_act')}`, 'form'],
    ['bad percent-encoding', 'payload=%E0%A4%A', 'form'],
    ['a JSON body null', 'null', 'json'],
    ['a JSON string', '"hello"', 'json'],
    ['a JSON number', '1e309', 'json'],
    ['not JSON at all', '{"type":', 'json'],
    ['an empty body', '', 'json'],
  ];
  for (const [name, body, kind] of cases) {
    it(`${name}: 400, and the app keeps serving`, async () => {
      const res = await postSigned(h.url, SIGNING_SECRET, body, kind);
      expect(res.status).toBe(400);
      const after = await h.command('sla p1 gold');
      expect(after.status).toBe(200);
      expect(JSON.stringify(after.json.blocks)).toMatch(/P1/);
    });
  }
});

describe('an error inside a listener', () => {
  const REF = /reference (r-[0-9a-f]{10})/;

  it('escaping the listener: logged with a request id, and the person gets an answer quoting it', async () => {
    await h.command('contract add jamf gold zone=Europe/Berlin holidays=DE');
    failing.add('removeContract');
    const res = await h.interaction({
      type: 'block_actions',
      team: { id: TEAM_ID, domain: 'fake' },
      user: { id: 'U0ASKER', team_id: TEAM_ID },
      api_app_id: 'A0APP',
      trigger_id: 't',
      view: { id: 'V1', type: 'home' },
      actions: [{ action_id: REMOVE_CONTRACT_ACTION_ID, block_id: 'b', type: 'button', value: '1' }],
    });
    expect(res.status).toBe(200);
    const dm = await h.fake.waitFor(() =>
      h.fake.callsTo('chat.postMessage').find((c) => REF.test(JSON.stringify(c.params))),
    );
    expect(dm.params.channel).toBe('U0ASKER');
    const said = JSON.stringify(dm.params);
    const id = REF.exec(said)?.[1];
    expect(id).toBe(res.requestId);
    const line = logger.lines.find((l) => l.includes(`[${id}]`));
    expect(line).toMatch(/^error .*action remove_contract failed: Error: kaboom in removeContract/);
    expect(said).not.toMatch(/kaboom|at .*\.ts/);
  });

  it('caught by /support itself: logged with the request id, answered in the command response', async () => {
    failing.add('getCachedUserZone');
    const res = await h.command('help');
    expect(res.status).toBe(200);
    expect(res.json.response_type).toBe('ephemeral');
    const ref = /Reference (r-[0-9a-f]{10})/.exec(JSON.stringify(res.json))?.[1];
    // one id for the request: the reference the person quotes is the X-Request-Id the load balancer logged
    expect(ref).toBe(res.requestId);
    expect(JSON.stringify(res.json)).toMatch(/Something went wrong/);
    expect(logger.lines.some((l) => l.startsWith(`error [${ref}] /support "help" failed: Error: kaboom`))).toBe(true);
  });

  it('in a mention: logged with the request id, the person answered ephemerally in the thread', async () => {
    failing.add('getCachedUserZone');
    const res = await h.event({
      type: 'app_mention',
      user: 'U0ASKER',
      text: '<@UBOT> help',
      channel: 'C0GENERAL',
      ts: '1700000000.000100',
      team: TEAM_ID,
    });
    expect(res.status).toBe(200);
    const call = await h.fake.waitFor(() => h.fake.callsTo('chat.postEphemeral')[0]);
    expect(call.params.user).toBe('U0ASKER');
    expect(call.params.channel).toBe('C0GENERAL');
    expect(JSON.stringify(call.params)).toMatch(/Something went wrong/);
    const ref = /Reference (r-[0-9a-f]{10})/.exec(JSON.stringify(call.params))?.[1];
    expect(
      logger.lines.some((l) => l.startsWith(`error [${ref}] answering a message in C0GENERAL failed: Error: kaboom`)),
    ).toBe(true);
  });
});

describe('the body limit covers the largest payload Slack sends this app', () => {
  it('a button press on the fullest Home tab (100 blocks, Chinese everywhere) is well under MAX_BODY_BYTES', () => {
    const zh = (n: number) => '彈'.repeat(n);
    const many = <T>(make: () => T) => Array.from({ length: 200 }, make);
    const view = homeView({
      contracts: many(() => ({ id: 1, title: zh(MAX_NAME_CHARS), lines: [zh(300)] })),
      cases: many(() => ({
        title: zh(200),
        status: zh(100),
        channelId: 'C0GENERAL',
        url: 'https://fake.slack.com/archives/C0GENERAL/p1700000000000100',
        due: [{ label: zh(100), when: zh(200), left: zh(50) }],
      })),
      quotas: many(() => ({ contract: zh(MAX_NAME_CHARS), name: zh(200), used: 1, limit: 3, unit: zh(20) })),
      notes: [zh(600)],
      asOf: zh(100),
    });
    expect(view.blocks).toHaveLength(100);
    // Slack sends a view's non-ASCII characters as \uXXXX escapes, and interactivity payloads URL-encoded
    const slackJson = (x: unknown) =>
      JSON.stringify(x).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    const payload = {
      type: 'block_actions',
      team: { id: TEAM_ID },
      user: { id: 'U0ASKER', team_id: TEAM_ID },
      view: { ...view, id: 'V1', team_id: TEAM_ID, state: { values: {} }, hash: 'h' },
      actions: [{ action_id: 'remove_contract', value: '1', type: 'button' }],
    };
    const bytes = Buffer.byteLength(new URLSearchParams({ payload: slackJson(payload) }).toString());
    expect(bytes).toBeGreaterThan(300_000);
    expect(bytes).toBeLessThan(MAX_BODY_BYTES / 2);
  });

  it('keeps contract names and vendor case numbers short enough for that', () => {
    const long = parseContractArgs(knowledge, `jamf gold name="${'名'.repeat(MAX_NAME_CHARS + 1)}"`);
    expect(long.ok).toBe(false);
    // a name in Chinese makes the line Chinese: the limit is said in Chinese then
    if (!long.ok) expect(long.answer.summary).toMatch(/name[:：].*100/);
    const en = parseContractArgs(knowledge, `jamf gold name="${'n'.repeat(MAX_NAME_CHARS + 1)}"`);
    if (!en.ok) expect(en.answer.summary).toMatch(/name: at most 100 characters/);
    expect(parseContractArgs(knowledge, `jamf gold name="${'名'.repeat(MAX_NAME_CHARS)}"`).ok).toBe(true);
    const ref = parseCaseCommand(`open p1 ref=${'9'.repeat(MAX_REF_CHARS + 1)}`);
    expect(ref).toMatchObject({ kind: 'invalid', message: expect.stringMatching(/at most 64 characters/) });
  });
});
