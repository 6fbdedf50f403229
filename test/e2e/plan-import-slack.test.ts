/**
 * A team adds its own contract end to end: scaffold the sample policy, complete the skeleton, check it, share
 * the plan and the document with the app in a DM over signed HTTP (the fake Web API's files.info and download
 * URL, with the workspace's token), confirm with "Import", then ask an SLA question and open a case on it; the
 * other workspace of the same install does not know it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { checkPlan } from '../../src/plans/check.js';
import { scaffoldPlan } from '../../src/plans/scaffold.js';
import { OPEN_CONTRACT_MODAL_ACTION_ID } from '../../src/slack/blocks/home.js';
import { PLAN_IMPORT_CONFIRM } from '../../src/slack/plan-import.js';
import { openStore, type Store } from '../../src/store/index.js';
import { bytes, EXAMPLE_DOC_NAME, exampleDocText, examplePlanText } from '../plans/helpers.js';
import { at } from '../support/cases.js';
import { BOT_USER_ID, botTokenFor, type Harness, startHarness, TEAM_ID } from '../support/slack-harness.js';

const OTHER = 'T0OTHER';
const DM = 'D0ADMIN';
let h: Harness;
let store: Store;
let now = at('2026-03-02 10:00');
let seq = 0;
const nextTs = () => `${Math.floor(now / 1000)}.${String(++seq).padStart(6, '0')}`;

beforeEach(async () => {
  now = at('2026-03-02 10:00');
  store = await openStore(':memory:', { now: () => now });
  h = await startHarness({ mode: 'oauth', teams: [TEAM_ID, OTHER], store, clock: { now: () => new Date(now) } });
  h.fake.setUser('UADMIN', { isAdmin: true, tz: 'Europe/Berlin' });
  h.fake.setUser('UMEMBER', { tz: 'Europe/Berlin' });
});
afterEach(async () => {
  await h.close();
  await store.close();
});

/** The worked example's document, scaffolded and completed the way a person would, then checked. */
function completedPlan(): string {
  const skeleton = scaffoldPlan(EXAMPLE_DOC_NAME, bytes(exampleDocText()));
  if (!skeleton.ok) throw new Error('scaffold failed');
  let n = 0;
  const plan = skeleton.value
    .replace(/"TODO: plan ids?"/g, 'larkspur-premier')
    .replace(/"TODO: commercial or education"/g, 'commercial')
    .replace(/"TODO: [^"]*"/g, () => `"Written by the team ${++n}"`);
  const checked = checkPlan({
    planFile: 'larkspur.yml',
    planBytes: bytes(plan),
    docFile: EXAMPLE_DOC_NAME,
    docBytes: bytes(exampleDocText()),
    knowledge: loadKnowledge(),
  });
  expect(checked.problems).toEqual([]);
  return plan;
}

function share(user: string, files: string[], text = 'import', team = TEAM_ID) {
  const ts = nextTs();
  return h.event(
    {
      type: 'message',
      subtype: 'file_share',
      channel: DM,
      channel_type: 'im',
      user,
      team,
      text,
      files: files.map((id) => ({ id })),
      ts,
      event_ts: ts,
    },
    team,
  );
}

function mention(text: string, team = TEAM_ID, threadTs?: string) {
  const ts = nextTs();
  return h.event(
    {
      type: 'message',
      channel: 'C0SUPPORT',
      channel_type: 'channel',
      user: 'UMEMBER',
      team,
      text: `<@${BOT_USER_ID}> ${text}`,
      ts,
      ...(threadTs ? { thread_ts: threadTs } : {}),
      event_ts: ts,
    },
    team,
  );
}

const posted = () => h.fake.callsTo('chat.postMessage');
const lastPost = () => posted().at(-1)?.params ?? {};
const textOf = (p: Record<string, unknown>) => JSON.stringify(p.blocks ?? p.text);

function openContractModal(team: string) {
  return h.interaction({
    type: 'block_actions',
    team: { id: team, domain: 'fake' },
    user: { id: 'UMEMBER', team_id: team },
    api_app_id: 'A0APP',
    trigger_id: 't',
    view: { id: 'VHOME', type: 'home' },
    actions: [{ type: 'button', action_id: OPEN_CONTRACT_MODAL_ACTION_ID, block_id: 'b', value: 'x', action_ts: '1' }],
  });
}

function click(value: string, messageTs: string, user = 'UADMIN') {
  return h.interaction({
    type: 'block_actions',
    team: { id: TEAM_ID, domain: 'fake' },
    user: { id: user, team_id: TEAM_ID },
    api_app_id: 'A0APP',
    trigger_id: 't',
    channel: { id: DM, name: 'directmessage' },
    container: { type: 'message', message_ts: messageTs, channel_id: DM },
    message: { type: 'message', ts: messageTs, text: 'x' },
    actions: [{ type: 'button', action_id: PLAN_IMPORT_CONFIRM, block_id: 'b', value, action_ts: '1' }],
  });
}

describe('importing a contract from a DM', () => {
  it('scaffold → complete → check → DM import → confirm → SLA answer and case clock; another workspace knows nothing', async () => {
    h.fake.addFile('FPLAN1', { name: 'larkspur.yml', content: completedPlan(), token: botTokenFor(TEAM_ID) });
    h.fake.addFile('FDOC1', { name: EXAMPLE_DOC_NAME, content: exampleDocText(), token: botTokenFor(TEAM_ID) });

    expect((await share('UADMIN', ['FPLAN1', 'FDOC1'])).status).toBe(200);
    // downloaded with the workspace's own token; nothing stored before the confirmation
    expect(h.fake.downloads.map((d) => [d.id, d.token])).toEqual([
      ['FPLAN1', botTokenFor(TEAM_ID)],
      ['FDOC1', botTokenFor(TEAM_ID)],
    ]);
    expect(await store.listWorkspacePlans(TEAM_ID)).toEqual([]);
    const preview = lastPost();
    expect(preview.channel).toBe(DM);
    expect(textOf(preview)).toMatch(/Check before import/);
    expect(textOf(preview)).toMatch(/first response.*30 min/);
    const buttons = (preview.blocks as { elements?: { action_id?: string; value?: string }[] }[]).flatMap(
      (b) => b.elements ?? [],
    );
    const value = buttons.find((e) => e.action_id === PLAN_IMPORT_CONFIRM)?.value ?? '';
    expect(value).toBe(JSON.stringify({ p: 'FPLAN1', d: 'FDOC1' }));

    const postedTs = '1700000001.000001';
    expect((await click(value, postedTs)).status).toBe(200);
    const update = h.fake.callsTo('chat.update').at(-1)?.params ?? {};
    expect(update).toMatchObject({ channel: DM, ts: postedTs });
    expect(textOf(update)).toMatch(/Imported larkspur/);
    expect((await store.listWorkspacePlans(TEAM_ID)).map((p) => [p.vendor, p.importedBy])).toEqual([
      ['larkspur', 'UADMIN'],
    ]);

    // the contract set-up modal offers the new vendor in this workspace only
    await openContractModal(TEAM_ID);
    expect(JSON.stringify(h.fake.callsTo('views.open').at(-1)?.params.view)).toMatch(/Larkspur/);
    await openContractModal(OTHER);
    expect(JSON.stringify(h.fake.callsTo('views.open').at(-1)?.params.view)).not.toMatch(/Larkspur/);

    await mention('contract add larkspur larkspur-premier zone=Europe/Berlin');
    expect((await store.listContracts(TEAM_ID)).map((c) => c.vendor)).toEqual(['larkspur']);
    await mention('sla sev1 larkspur premier');
    expect(textOf(lastPost())).toMatch(/30 min/);
    expect(textOf(lastPost())).toMatch(/per your contract/i);

    const thread = nextTs();
    await mention('case open sev1', TEAM_ID, thread);
    const kase = await store.getCaseByThread(TEAM_ID, 'C0SUPPORT', thread);
    expect(kase?.severity).toBe('1');
    // the case message (a case card since issue 11) shows the first response due 30 minutes after opening
    expect(
      JSON.stringify(
        posted()
          .slice(-3)
          .map((p) => p.params),
      ),
    ).toMatch(/10:30/);

    // the other workspace of the same install
    await mention('sla sev1 larkspur premier', OTHER);
    // what the reply says (its buttons carry the question itself, to replay it)
    const said = (lastPost().blocks as { type: string }[]).filter((b) => b.type !== 'actions');
    expect(JSON.stringify(said)).not.toMatch(/Larkspur|larkspur/);
    await mention('contract add larkspur larkspur-premier zone=Europe/Berlin', OTHER);
    expect(await store.listContracts(OTHER)).toEqual([]);
    expect(await store.listWorkspacePlans(OTHER)).toEqual([]);
  });

  it('shows the problems of a plan that does not check, and stores nothing', async () => {
    h.fake.addFile('FPLAN2', { name: 'larkspur.yml', content: examplePlanText().replace('limit: 4', 'limit: -4') });
    h.fake.addFile('FDOC2', { name: EXAMPLE_DOC_NAME, content: exampleDocText() });
    await share('UADMIN', ['FPLAN2', 'FDOC2']);
    expect(textOf(lastPost())).toMatch(/nothing was imported/);
    expect(textOf(lastPost())).toMatch(/larkspur\.yml:\d+:\d+: quotas\[0\]\.limit/);
    expect(await store.listWorkspacePlans(TEAM_ID)).toEqual([]);
  });

  it('refuses a member who is not an admin, a file over 2 MB, and a file that is not text', async () => {
    h.fake.addFile('FPLAN3', { name: 'larkspur.yml', content: examplePlanText() });
    h.fake.addFile('FDOC3', { name: EXAMPLE_DOC_NAME, content: exampleDocText() });
    await share('UMEMBER', ['FPLAN3', 'FDOC3']);
    expect(textOf(lastPost())).toMatch(/Only an admin can import/);
    expect(h.fake.downloads).toEqual([]);

    h.fake.addFile('FBIG', { name: 'contract.txt', content: 'x'.repeat(2 * 1024 * 1024 + 10) });
    await share('UADMIN', ['FPLAN3', 'FBIG']);
    expect(textOf(lastPost())).toMatch(/contract\.txt is 2\.0 MB; the limit is 2 MB/);

    h.fake.addFile('FPDF', { name: 'contract.pdf', content: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 0, 1]) });
    await share('UADMIN', ['FPLAN3', 'FPDF']);
    expect(textOf(lastPost())).toMatch(/not text/);

    await share('UADMIN', ['FPLAN3']);
    expect(textOf(lastPost())).toMatch(/Import needs two files/);
    await share('UADMIN', []);
    expect(textOf(lastPost())).toMatch(/Import needs two files.*Share two files with me in one direct message/);
    expect(await store.listWorkspacePlans(TEAM_ID)).toEqual([]);
  });
});
