/**
 * Fuzz of Slack payload parsing over real HTTP: signed bodies of every shape (random JSON, form bodies with
 * random `payload`s, slash commands with odd fields, events, and interactions on the app's own action and
 * callback ids with random values) go into the app. None gets a 5xx or takes the process down, everything the
 * app posts back fits Block Kit, and the app still answers at the end.
 */
import { type Logger, LogLevel } from '@slack/bolt';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_ACTION } from '../../src/model/answer.js';
import { CONTRACT_MODAL_CALLBACK_ID, CONTRACT_VENDOR_ACTION_ID } from '../../src/slack/blocks/contract-modal.js';
import { OPEN_CONTRACT_MODAL_ACTION_ID, REMOVE_CONTRACT_ACTION_ID } from '../../src/slack/blocks/home.js';
import { TRACK_MODAL_CALLBACK_ID, TRACK_SHORTCUT_CALLBACK_ID } from '../../src/slack/blocks/track-modal.js';
import { blockLimitViolations } from '../support/block-limits.js';
import { eventBody, postSigned, slashCommandBody } from '../support/signed-request.js';
import { type Harness, SIGNING_SECRET, startHarness, TEAM_ID } from '../support/slack-harness.js';

const errors: string[] = [];
const logger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: (...msg: unknown[]) => errors.push(msg.map(String).join(' ')),
  setLevel: () => undefined,
  getLevel: () => LogLevel.ERROR,
  setName: () => undefined,
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ logger });
  await h.command('contract add jamf gold zone=Europe/Berlin holidays=DE');
}, 60_000);
afterAll(async () => {
  await h.close();
});

const ACTION_IDS = [
  OPEN_CONTRACT_MODAL_ACTION_ID,
  REMOVE_CONTRACT_ACTION_ID,
  CONTRACT_VENDOR_ACTION_ID,
  ...Object.values(CASE_ACTION),
];
const CALLBACK_IDS = [CONTRACT_MODAL_CALLBACK_ID, TRACK_MODAL_CALLBACK_ID];

const oddString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '',
    '1',
    '-1',
    '1e309',
    'null',
    '{}',
    '[]',
    '<!channel>',
    'jamf',
    'gold',
    'Europe/Berlin',
    '2499-12-24',
  ),
);
const anyJson = fc.jsonValue({ maxDepth: 3 });
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const user = fc.record({
  id: fc.constantFrom('U0ASKER', 'U0OTHER', ''),
  team_id: maybe(fc.constantFrom(TEAM_ID, 'T0OTHER')),
});

const blockAction = fc.record({
  type: fc.constant('block_actions'),
  team: fc.constant({ id: TEAM_ID, domain: 'fake' }),
  user,
  api_app_id: fc.constant('A0APP'),
  trigger_id: fc.constant('t'),
  response_url: maybe(fc.constant('http://127.0.0.1:9/unused')),
  channel: maybe(fc.record({ id: fc.constantFrom('C0GENERAL', 'D0DM') })),
  container: maybe(anyJson),
  message: maybe(fc.record({ ts: oddString, thread_ts: maybe(oddString), text: maybe(oddString) })),
  view: maybe(fc.record({ id: oddString, type: fc.constantFrom('home', 'modal'), private_metadata: maybe(oddString) })),
  actions: fc.array(
    fc.record({
      action_id: fc.constantFrom(...ACTION_IDS),
      block_id: oddString,
      type: fc.constantFrom('button', 'static_select', 'overflow'),
      value: maybe(oddString),
      selected_option: maybe(fc.record({ value: oddString })),
    }),
    { minLength: 1, maxLength: 2 },
  ),
});
const viewSubmission = fc.record({
  type: fc.constant('view_submission'),
  team: fc.constant({ id: TEAM_ID, domain: 'fake' }),
  user,
  api_app_id: fc.constant('A0APP'),
  trigger_id: fc.constant('t'),
  view: fc.record({
    id: fc.constant('V1'),
    team_id: fc.constant(TEAM_ID),
    type: fc.constant('modal'),
    callback_id: fc.constantFrom(...CALLBACK_IDS),
    private_metadata: fc.oneof(
      oddString,
      anyJson.map((j) => JSON.stringify(j)),
    ),
    hash: fc.constant('h'),
    state: fc.record({
      values: fc.dictionary(oddString, fc.dictionary(oddString, anyJson, { maxKeys: 3 }), { maxKeys: 4 }),
    }),
  }),
});
const shortcut = fc.record({
  type: fc.constantFrom('message_action', 'shortcut'),
  callback_id: fc.constant(TRACK_SHORTCUT_CALLBACK_ID),
  team: fc.constant({ id: TEAM_ID, domain: 'fake' }),
  user,
  trigger_id: fc.constant('t'),
  channel: maybe(fc.record({ id: oddString })),
  message: maybe(fc.record({ ts: oddString, text: maybe(oddString) })),
});
const event = fc.record({
  type: fc.constantFrom('app_mention', 'message', 'app_home_opened'),
  user: maybe(fc.constantFrom('U0ASKER', 'UBOT', '')),
  text: maybe(oddString.map((t) => `<@UBOT> ${t}`)),
  channel: maybe(fc.constantFrom('C0GENERAL', 'D0DM', '')),
  channel_type: maybe(fc.constantFrom('channel', 'im')),
  ts: maybe(fc.constantFrom('1700000000.000100', '1700000001.000200', 'x')),
  thread_ts: maybe(fc.constantFrom('1700000000.000100', 'y')),
  subtype: maybe(fc.constantFrom('bot_message', 'message_changed', 'file_share')),
  tab: maybe(fc.constantFrom('home', 'messages')),
});

type Body = { body: string; kind: 'form' | 'json' };
const body: fc.Arbitrary<Body> = fc.oneof(
  anyJson.map((j) => ({ body: JSON.stringify(j), kind: 'json' as const })),
  anyJson.map((j) => ({ body: new URLSearchParams({ payload: JSON.stringify(j) }).toString(), kind: 'form' as const })),
  fc.string({ maxLength: 60 }).map((s) => ({ body: s, kind: 'form' as const })),
  fc.oneof(blockAction, viewSubmission, shortcut).map((p) => ({
    body: new URLSearchParams({ payload: JSON.stringify(p) }).toString(),
    kind: 'form' as const,
  })),
  event.map((e) => ({ body: eventBody(e as Record<string, unknown>), kind: 'json' as const })),
  fc
    .record({ text: oddString, channelId: maybe(oddString), userId: maybe(oddString) })
    .map((f) => ({ body: slashCommandBody(f), kind: 'form' as const })),
);

describe('Slack payloads under fuzz', () => {
  it('never a 5xx or a crash; what the app posts fits Block Kit; it still answers', async () => {
    await fc.assert(
      fc.asyncProperty(body, async ({ body: text, kind }) => {
        const res = await postSigned(h.url, SIGNING_SECRET, text, kind);
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 150), seed: Number(process.env.FUZZ_SEED ?? 20261202) },
    );
    const posted = [
      ...h.fake.calls.filter((c) => c.method.startsWith('chat.')).map((c) => [c.params.blocks, 50] as const),
      ...h.fake.calls.filter((c) => c.method.startsWith('views.')).map((c) => [c.params.view?.blocks, 100] as const),
      ...h.fake.responsePosts.map((p) => [p.body.blocks, 50] as const),
    ];
    for (const [blocks, max] of posted) {
      const list = typeof blocks === 'string' ? JSON.parse(blocks) : blocks;
      if (list) expect(blockLimitViolations(list, max)).toEqual([]);
    }
    // whatever failed inside a listener was logged with the request's id
    for (const line of errors) expect(line).toMatch(/^\[r-[0-9a-f]{10}\] /);
    const after = await h.command('sla p1 gold');
    expect(after.status).toBe(200);
    expect(JSON.stringify(after.json.blocks)).toMatch(/P1/);
  }, 120_000);
});
